import type { z } from 'zod';
import buttonStyles from '../components/buttons.css?url';
import carouselStyles from '../components/carousel.css?url';
import frameStyles from '../components/frame.css?url';
import { issueLines } from '../lib/zodIssues';
import type { SectionContext } from './context';
import Banner from './banner/Banner.astro';
import bannerStyles from './banner/banner.css?url';
import { bannerPopulate, bannerSchema } from './banner/schema';
import CardWithImage from './cardWithImage/CardWithImage.astro';
import cardWithImageStyles from './cardWithImage/cardWithImage.css?url';
import { cardWithImagePopulate, cardWithImageSchema } from './cardWithImage/schema';
import CardWithYoutube from './cardWithYoutube/CardWithYoutube.astro';
import cardWithYoutubeStyles from './cardWithYoutube/cardWithYoutube.css?url';
import { cardWithYoutubePopulate, cardWithYoutubeSchema } from './cardWithYoutube/schema';
import CardsWithLinks from './cardsWithLinks/CardsWithLinks.astro';
import cardsWithLinksStyles from './cardsWithLinks/cardsWithLinks.css?url';
import { cardsWithLinksPopulate, cardsWithLinksSchema } from './cardsWithLinks/schema';
import Embed from './embed/Embed.astro';
import embedStyles from './embed/embed.css?url';
import { embedPopulate, embedSchema } from './embed/schema';
import GreenCarousel from './greenCarousel/GreenCarousel.astro';
import greenCarouselStyles from './greenCarousel/greenCarousel.css?url';
import { greenCarouselPopulate, greenCarouselSchema } from './greenCarousel/schema';
import Hero from './hero/Hero.astro';
import { heroPopulate, heroSchema } from './hero/schema';
import History from './history/History.astro';
import historyStyles from './history/history.css?url';
import { historyPopulate, historySchema } from './history/schema';
import ImageSection from './image/ImageSection.astro';
import imageStyles from './image/image.css?url';
import { imageSectionPopulate, imageSectionSchema } from './image/schema';
import ImagesWithCaptions from './imagesWithCaptions/ImagesWithCaptions.astro';
import imagesWithCaptionsStyles from './imagesWithCaptions/imagesWithCaptions.css?url';
import { imagesWithCaptionsPopulate, imagesWithCaptionsSchema } from './imagesWithCaptions/schema';
import Line from './line/Line.astro';
import lineStyles from './line/line.css?url';
import { linePopulate, lineSchema } from './line/schema';
import PurpleCarousel from './purpleCarousel/PurpleCarousel.astro';
import purpleCarouselStyles from './purpleCarousel/purpleCarousel.css?url';
import { purpleCarouselPopulate, purpleCarouselSchema } from './purpleCarousel/schema';
import QuickLinks from './quickLinks/QuickLinks.astro';
import { quickLinksPopulate, quickLinksSchema } from './quickLinks/schema';
import SocialPosts from './socialPosts/SocialPosts.astro';
import socialPostsStyles from './socialPosts/socialPosts.css?url';
import { socialPostsPopulate, socialPostsSchema } from './socialPosts/schema';
import Testimonial from './testimonial/Testimonial.astro';
import testimonialStyles from './testimonial/testimonial.css?url';
import { testimonialPopulate, testimonialSchema } from './testimonial/schema';
import TextArea from './textArea/TextArea.astro';
import { textAreaPopulate, textAreaSchema } from './textArea/schema';

/**
 * Every section type the site renders: its zod schema, the populate fragment that fetches
 * it, its Astro component and, for all but the three on nearly every page (whose styles are
 * in the page's own stylesheet), its stylesheet, linked only on pages that use the type.
 * Adding a type means adding its entry here; the key type below comes from the schemas, so a
 * schema without an entry (or an entry without a schema) does not compile.
 */
export type Section =
  | z.infer<typeof heroSchema>
  | z.infer<typeof textAreaSchema>
  | z.infer<typeof quickLinksSchema>
  | z.infer<typeof cardWithImageSchema>
  | z.infer<typeof cardWithYoutubeSchema>
  | z.infer<typeof cardsWithLinksSchema>
  | z.infer<typeof bannerSchema>
  | z.infer<typeof embedSchema>
  | z.infer<typeof lineSchema>
  | z.infer<typeof historySchema>
  | z.infer<typeof imagesWithCaptionsSchema>
  | z.infer<typeof testimonialSchema>
  | z.infer<typeof greenCarouselSchema>
  | z.infer<typeof purpleCarouselSchema>
  | z.infer<typeof socialPostsSchema>
  | z.infer<typeof imageSectionSchema>;
export type SectionName = Section['__component'];

type SectionOf<N extends SectionName> = Extract<Section, { __component: N }>;
type SectionComponent<S extends Section> = (props: { section: S; context: SectionContext }) => unknown;

type Entry<N extends SectionName> = {
  schema: z.ZodType<SectionOf<N>>;
  /** Its `populate[sections][on][…]` fragment: `true` when there is nothing to populate. */
  populate: object | true;
  component: SectionComponent<SectionOf<N>>;
  /** Stylesheets (URLs) the type needs beyond the page's own. */
  styles: readonly string[];
};

export const sectionRegistry: { [N in SectionName]: Entry<N> } = {
  'sections.hero': { schema: heroSchema, populate: heroPopulate, component: Hero, styles: [] },
  'sections.text-area': { schema: textAreaSchema, populate: textAreaPopulate, component: TextArea, styles: [] },
  'sections.quick-links': { schema: quickLinksSchema, populate: quickLinksPopulate, component: QuickLinks, styles: [] },
  'sections.card-with-image': { schema: cardWithImageSchema, populate: cardWithImagePopulate, component: CardWithImage, styles: [cardWithImageStyles, buttonStyles] },
  'sections.card-with-youtube': { schema: cardWithYoutubeSchema, populate: cardWithYoutubePopulate, component: CardWithYoutube, styles: [frameStyles, cardWithYoutubeStyles] },
  'sections.cards-with-links': { schema: cardsWithLinksSchema, populate: cardsWithLinksPopulate, component: CardsWithLinks, styles: [cardsWithLinksStyles] },
  'sections.banner': { schema: bannerSchema, populate: bannerPopulate, component: Banner, styles: [buttonStyles, bannerStyles] },
  'sections.embed': { schema: embedSchema, populate: embedPopulate, component: Embed, styles: [frameStyles, embedStyles] },
  'sections.line': { schema: lineSchema, populate: linePopulate, component: Line, styles: [lineStyles] },
  'sections.history': { schema: historySchema, populate: historyPopulate, component: History, styles: [historyStyles] },
  'sections.images-with-captions': { schema: imagesWithCaptionsSchema, populate: imagesWithCaptionsPopulate, component: ImagesWithCaptions, styles: [imagesWithCaptionsStyles] },
  'sections.testimonial': { schema: testimonialSchema, populate: testimonialPopulate, component: Testimonial, styles: [testimonialStyles] },
  'sections.green-carousel': { schema: greenCarouselSchema, populate: greenCarouselPopulate, component: GreenCarousel, styles: [carouselStyles, buttonStyles, greenCarouselStyles] },
  'sections.purple-carousel': { schema: purpleCarouselSchema, populate: purpleCarouselPopulate, component: PurpleCarousel, styles: [carouselStyles, purpleCarouselStyles] },
  'sections.social-posts': { schema: socialPostsSchema, populate: socialPostsPopulate, component: SocialPosts, styles: [socialPostsStyles] },
  'sections.image': { schema: imageSectionSchema, populate: imageSectionPopulate, component: ImageSection, styles: [imageStyles] },
};

export const sectionNames = Object.keys(sectionRegistry) as SectionName[];

/**
 * The component for a section. TypeScript cannot relate a union key to its entry's props
 * (a "correlated union"); the registry's type above is what guarantees they match.
 */
export const componentFor = (section: Section): SectionComponent<Section> =>
  sectionRegistry[section.__component].component as SectionComponent<Section>;

/** The stylesheets a page with these sections needs, each once, in a stable order. */
export const stylesheetsFor = (sections: readonly Section[]): string[] => [
  ...new Set(sections.flatMap((section) => sectionRegistry[section.__component].styles)),
];

const isSectionName = (name: unknown): name is SectionName => typeof name === 'string' && name in sectionRegistry;

export type SectionProblem = { index: number; component: string; problems: string[] };

/**
 * Validates each section on its own: an unknown or invalid one is left out and described,
 * so the rest of the page still renders.
 */
export const parseSections = (raw: unknown[]): { sections: Section[]; skipped: SectionProblem[] } => {
  const sections: Section[] = [];
  const skipped: SectionProblem[] = [];
  raw.forEach((item, index) => {
    const name = (item as { __component?: unknown } | null)?.__component;
    if (!isSectionName(name)) {
      skipped.push({ index, component: String(name), problems: ['unknown section type: this site has no component for it'] });
      return;
    }
    const result = sectionRegistry[name].schema.safeParse(item);
    if (result.success) sections.push(result.data);
    else skipped.push({ index, component: name, problems: issueLines(result.error, '(section)') });
  });
  return { sections, skipped };
};

/** `populate[sections][on][…]`: each section type's own fragment, never populate=*. */
export const sectionsPopulate = {
  on: Object.fromEntries(Object.entries(sectionRegistry).map(([name, entry]) => [name, entry.populate])),
};
