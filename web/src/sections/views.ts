import buttonStyles from '../components/buttons.css?url';
import carouselStyles from '../components/carousel.css?url';
import frameStyles from '../components/frame.css?url';
import type { SectionContext } from './context';
import type { Section, SectionName, SectionOf } from './contract';
import Banner from './banner/Banner.astro';
import bannerStyles from './banner/banner.css?url';
import CardWithImage from './cardWithImage/CardWithImage.astro';
import cardWithImageStyles from './cardWithImage/cardWithImage.css?url';
import CardWithYoutube from './cardWithYoutube/CardWithYoutube.astro';
import cardWithYoutubeStyles from './cardWithYoutube/cardWithYoutube.css?url';
import CardsWithLinks from './cardsWithLinks/CardsWithLinks.astro';
import cardsWithLinksStyles from './cardsWithLinks/cardsWithLinks.css?url';
import Embed from './embed/Embed.astro';
import embedStyles from './embed/embed.css?url';
import GreenCarousel from './greenCarousel/GreenCarousel.astro';
import greenCarouselStyles from './greenCarousel/greenCarousel.css?url';
import Hero from './hero/Hero.astro';
import History from './history/History.astro';
import historyStyles from './history/history.css?url';
import ImageSection from './image/ImageSection.astro';
import imageStyles from './image/image.css?url';
import ImagesWithCaptions from './imagesWithCaptions/ImagesWithCaptions.astro';
import imagesWithCaptionsStyles from './imagesWithCaptions/imagesWithCaptions.css?url';
import Line from './line/Line.astro';
import lineStyles from './line/line.css?url';
import PurpleCarousel from './purpleCarousel/PurpleCarousel.astro';
import purpleCarouselStyles from './purpleCarousel/purpleCarousel.css?url';
import QuickLinks from './quickLinks/QuickLinks.astro';
import SocialPosts from './socialPosts/SocialPosts.astro';
import socialPostsStyles from './socialPosts/socialPosts.css?url';
import Testimonial from './testimonial/Testimonial.astro';
import testimonialStyles from './testimonial/testimonial.css?url';
import TextArea from './textArea/TextArea.astro';

type SectionComponent<S extends Section> = (props: { section: S; context: SectionContext }) => unknown;

type View<N extends SectionName> = {
  component: SectionComponent<SectionOf<N>>;
  /**
   * Stylesheets (URLs) the type needs beyond the page's own, linked only on pages that use it;
   * none for the three on nearly every page, whose styles are in the page's own stylesheet.
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
};

/**
 * The component for a section. TypeScript cannot relate a union key to its entry's props
 * (a "correlated union"); the map's type above is what guarantees they match.
 */
export const componentFor = (section: Section): SectionComponent<Section> =>
  sectionViews[section.__component].component as SectionComponent<Section>;

/** The stylesheets a page with these sections needs, each once, in a stable order. */
export const stylesheetsFor = (sections: readonly Section[]): string[] => [
  ...new Set(sections.flatMap((section) => sectionViews[section.__component].styles)),
];
