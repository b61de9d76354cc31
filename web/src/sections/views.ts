import buttonStyles from '../components/buttons.css?inline';
import carouselStyles from '../components/carousel.css?inline';
import frameStyles from '../components/frame.css?inline';
import type { SectionContext } from './context';
import type { Section, SectionName, SectionOf } from './contract';
import Banner from './banner/Banner.astro';
import bannerStyles from './banner/banner.css?inline';
import CardWithImage from './cardWithImage/CardWithImage.astro';
import cardWithImageStyles from './cardWithImage/cardWithImage.css?inline';
import CardWithYoutube from './cardWithYoutube/CardWithYoutube.astro';
import cardWithYoutubeStyles from './cardWithYoutube/cardWithYoutube.css?inline';
import CardsWithLinks from './cardsWithLinks/CardsWithLinks.astro';
import cardsWithLinksStyles from './cardsWithLinks/cardsWithLinks.css?inline';
import Embed from './embed/Embed.astro';
import embedStyles from './embed/embed.css?inline';
import GreenCarousel from './greenCarousel/GreenCarousel.astro';
import greenCarouselStyles from './greenCarousel/greenCarousel.css?inline';
import Hero from './hero/Hero.astro';
import History from './history/History.astro';
import historyStyles from './history/history.css?inline';
import ImageSection from './image/ImageSection.astro';
import imageStyles from './image/image.css?inline';
import ImagesWithCaptions from './imagesWithCaptions/ImagesWithCaptions.astro';
import imagesWithCaptionsStyles from './imagesWithCaptions/imagesWithCaptions.css?inline';
import Line from './line/Line.astro';
import lineStyles from './line/line.css?inline';
import PurpleCarousel from './purpleCarousel/PurpleCarousel.astro';
import purpleCarouselStyles from './purpleCarousel/purpleCarousel.css?inline';
import QuickLinks from './quickLinks/QuickLinks.astro';
import SocialPosts from './socialPosts/SocialPosts.astro';
import socialPostsStyles from './socialPosts/socialPosts.css?inline';
import Testimonial from './testimonial/Testimonial.astro';
import testimonialStyles from './testimonial/testimonial.css?inline';
import TextArea from './textArea/TextArea.astro';
import Form from './form/Form.astro';
import formStyles from './form/form.css?inline';
import ComingUp from './comingUp/ComingUp.astro';
import comingUpStyles from './comingUp/comingUp.css?inline';
import RecordGuide from './recordGuide/RecordGuide.astro';
import recordGuideStyles from './recordGuide/recordGuide.css?inline';
import guideStyles from '../components/guide/guide.css?inline';
import eventStyles from '../components/events/events.css?inline';

type SectionComponent<S extends Section> = (props: { section: S; context: SectionContext }) => unknown;

type View<N extends SectionName> = {
  component: SectionComponent<SectionOf<N>>;
  /**
   * The CSS the type needs beyond the page's own, written into the pages that use it (no
   * stylesheet to wait for before the first paint); none for the three on nearly every page,
   * whose styles are in the page's own.
   */
  styles: readonly string[];
};

/** How the site shows each section type of the contract (contract.ts): one entry each, or it does not compile. */
export const sectionViews: { [N in SectionName]: View<N> } = {
  'sections.hero': { component: Hero, styles: [] },
  'sections.text-area': { component: TextArea, styles: [] },
  'sections.quick-links': { component: QuickLinks, styles: [] },
  'sections.card-with-image': { component: CardWithImage, styles: [cardWithImageStyles, buttonStyles] },
  'sections.card-with-youtube': { component: CardWithYoutube, styles: [frameStyles, cardWithYoutubeStyles] },
  'sections.cards-with-links': { component: CardsWithLinks, styles: [cardsWithLinksStyles] },
  'sections.banner': { component: Banner, styles: [buttonStyles, bannerStyles] },
  'sections.embed': { component: Embed, styles: [frameStyles, embedStyles] },
  'sections.line': { component: Line, styles: [lineStyles] },
  'sections.history': { component: History, styles: [historyStyles] },
  'sections.images-with-captions': { component: ImagesWithCaptions, styles: [imagesWithCaptionsStyles] },
  'sections.testimonial': { component: Testimonial, styles: [testimonialStyles] },
  'sections.green-carousel': { component: GreenCarousel, styles: [carouselStyles, buttonStyles, greenCarouselStyles] },
  'sections.purple-carousel': { component: PurpleCarousel, styles: [carouselStyles, purpleCarouselStyles] },
  'sections.social-posts': { component: SocialPosts, styles: [socialPostsStyles] },
  'sections.image': { component: ImageSection, styles: [imageStyles] },
  'sections.form': { component: Form, styles: [formStyles] },
  'sections.coming-up': { component: ComingUp, styles: [eventStyles, comingUpStyles] },
  'sections.record-guide': { component: RecordGuide, styles: [guideStyles, recordGuideStyles] },
};

/**
 * The component for a section. TypeScript cannot relate a union key to its entry's props
 * (a "correlated union"); the map's type above is what guarantees they match.
 */
export const componentFor = (section: Section): SectionComponent<Section> =>
  sectionViews[section.__component].component as SectionComponent<Section>;

/** The CSS a page with these sections needs, each stylesheet once, in a stable order. */
export const stylesheetsFor = (sections: readonly Section[]): string[] => [
  ...new Set(sections.flatMap((section) => sectionViews[section.__component].styles)),
];
