import type { z } from 'zod';
import { issueLines } from '../lib/cms/zodIssues';
import { bannerPopulate, bannerSchema } from './banner/schema';
import { cardWithImagePopulate, cardWithImageSchema } from './cardWithImage/schema';
import { cardWithYoutubePopulate, cardWithYoutubeSchema } from './cardWithYoutube/schema';
import { cardsWithLinksPopulate, cardsWithLinksSchema } from './cardsWithLinks/schema';
import { embedPopulate, embedSchema } from './embed/schema';
import { greenCarouselPopulate, greenCarouselSchema } from './greenCarousel/schema';
import { heroPopulate, heroSchema } from './hero/schema';
import { historyPopulate, historySchema } from './history/schema';
import { imageSectionPopulate, imageSectionSchema } from './image/schema';
import { imagesWithCaptionsPopulate, imagesWithCaptionsSchema } from './imagesWithCaptions/schema';
import { linePopulate, lineSchema } from './line/schema';
import { purpleCarouselPopulate, purpleCarouselSchema } from './purpleCarousel/schema';
import { quickLinksPopulate, quickLinksSchema } from './quickLinks/schema';
import { socialPostsPopulate, socialPostsSchema } from './socialPosts/schema';
import { testimonialPopulate, testimonialSchema } from './testimonial/schema';
import { textAreaPopulate, textAreaSchema } from './textArea/schema';
import { formPopulate, formSchema } from './form/schema';
import { comingUpPopulate, comingUpSchema } from './comingUp/schema';
import { recordGuidePopulate, recordGuideSchema } from './recordGuide/schema';

/**
 * Every section type the site reads from the CMS: its zod schema and the populate fragment that
 * fetches it. Plain TypeScript (no component, no stylesheet: those are in views.ts), so the
 * queries, the search index and the fixture capture load it outside Astro. The `Section` union
 * and the type names come from these entries; views.ts must give each one its view (the compiler
 * says which is missing), and the contract test (tests/unit/cmsContract.test.ts) checks this list
 * against the page's sections zone in the CMS, naming the type missing on either side.
 */
const contracts = {
  'sections.hero': { schema: heroSchema, populate: heroPopulate },
  'sections.text-area': { schema: textAreaSchema, populate: textAreaPopulate },
  'sections.quick-links': { schema: quickLinksSchema, populate: quickLinksPopulate },
  'sections.card-with-image': { schema: cardWithImageSchema, populate: cardWithImagePopulate },
  'sections.card-with-youtube': { schema: cardWithYoutubeSchema, populate: cardWithYoutubePopulate },
  'sections.cards-with-links': { schema: cardsWithLinksSchema, populate: cardsWithLinksPopulate },
  'sections.banner': { schema: bannerSchema, populate: bannerPopulate },
  'sections.embed': { schema: embedSchema, populate: embedPopulate },
  'sections.line': { schema: lineSchema, populate: linePopulate },
  'sections.history': { schema: historySchema, populate: historyPopulate },
  'sections.images-with-captions': { schema: imagesWithCaptionsSchema, populate: imagesWithCaptionsPopulate },
  'sections.testimonial': { schema: testimonialSchema, populate: testimonialPopulate },
  'sections.green-carousel': { schema: greenCarouselSchema, populate: greenCarouselPopulate },
  'sections.purple-carousel': { schema: purpleCarouselSchema, populate: purpleCarouselPopulate },
  'sections.social-posts': { schema: socialPostsSchema, populate: socialPostsPopulate },
  'sections.image': { schema: imageSectionSchema, populate: imageSectionPopulate },
  'sections.form': { schema: formSchema, populate: formPopulate },
  'sections.coming-up': { schema: comingUpSchema, populate: comingUpPopulate },
  'sections.record-guide': { schema: recordGuideSchema, populate: recordGuidePopulate },
} as const;

type Contracts = typeof contracts;
export type SectionName = keyof Contracts;
export type Section = { [N in SectionName]: z.infer<Contracts[N]['schema']> }[SectionName];
export type SectionOf<N extends SectionName> = Extract<Section, { __component: N }>;

type Contract<N extends SectionName> = {
  schema: z.ZodType<SectionOf<N>>;
  /** Its `populate[sections][on][…]` fragment: `true` when there is nothing to populate. */
  populate: object | true;
};

/** Each entry under its schema's own `__component` (an entry under another name does not compile). */
export const sectionContracts: { [N in SectionName]: Contract<N> & { schema: z.ZodType<{ __component: N }> } } =
  contracts;

export const sectionNames = Object.keys(sectionContracts) as SectionName[];

const isSectionName = (name: unknown): name is SectionName =>
  typeof name === 'string' && Object.hasOwn(sectionContracts, name);

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
      skipped.push({
        index,
        component: String(name),
        problems: ['unknown section type: this site has no component for it'],
      });
      return;
    }
    const result = sectionContracts[name].schema.safeParse(item);
    if (result.success) sections.push(result.data);
    else skipped.push({ index, component: name, problems: issueLines(result.error, '(section)') });
  });
  return { sections, skipped };
};

/** `populate[sections][on][…]`: each section type's own fragment, never populate=*. */
export const sectionsPopulate = {
  on: Object.fromEntries(Object.entries(sectionContracts).map(([name, entry]) => [name, entry.populate])),
};

/**
 * The section types an event's page may hold below its details (the CMS's event zone: no Hero,
 * the event's title is its heading; no Form, its sign-up is its own field; no Coming up, a list of
 * the events themselves). The contract test
 * keeps this list equal to the zone's.
 */
// The record guide's start is loaded with a page (lib/cms/loadPage.ts), not with an event.
const NOT_IN_EVENTS: ReadonlySet<SectionName> = new Set([
  'sections.hero',
  'sections.form',
  'sections.coming-up',
  'sections.record-guide',
]);
export const EVENT_SECTION_NAMES = sectionNames.filter((name) => !NOT_IN_EVENTS.has(name));

/** An event's `populate[sections][on][…]`: only the types its zone holds (Strapi refuses a fragment for any other). */
export const eventSectionsPopulate = {
  on: Object.fromEntries(EVENT_SECTION_NAMES.map((name) => [name, sectionContracts[name].populate])),
};
