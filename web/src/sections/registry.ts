import type { z } from 'zod';
import { issueLines } from '../lib/zodIssues';
import type { SectionContext } from './context';
import Hero from './hero/Hero.astro';
import { heroPopulate, heroSchema } from './hero/schema';
import QuickLinks from './quickLinks/QuickLinks.astro';
import { quickLinksPopulate, quickLinksSchema } from './quickLinks/schema';
import TextArea from './textArea/TextArea.astro';
import { textAreaPopulate, textAreaSchema } from './textArea/schema';

/**
 * Every section type the site renders: its zod schema, the populate fragment that fetches
 * it, and its Astro component. Adding a type means adding its entry here; the key type
 * below comes from the schemas, so a schema without an entry (or an entry without a
 * schema) does not compile.
 */
export type Section = z.infer<typeof heroSchema> | z.infer<typeof textAreaSchema> | z.infer<typeof quickLinksSchema>;
export type SectionName = Section['__component'];

type SectionOf<N extends SectionName> = Extract<Section, { __component: N }>;
type SectionComponent<S extends Section> = (props: { section: S; context: SectionContext }) => unknown;

type Entry<N extends SectionName> = {
  schema: z.ZodType<SectionOf<N>>;
  populate: object;
  component: SectionComponent<SectionOf<N>>;
};

export const sectionRegistry: { [N in SectionName]: Entry<N> } = {
  'sections.hero': { schema: heroSchema, populate: heroPopulate, component: Hero },
  'sections.text-area': { schema: textAreaSchema, populate: textAreaPopulate, component: TextArea },
  'sections.quick-links': { schema: quickLinksSchema, populate: quickLinksPopulate, component: QuickLinks },
};

export const sectionNames = Object.keys(sectionRegistry) as SectionName[];

/**
 * The component for a section. TypeScript cannot relate a union key to its entry's props
 * (a "correlated union"); the registry's type above is what guarantees they match.
 */
export const componentFor = (section: Section): SectionComponent<Section> =>
  sectionRegistry[section.__component].component as SectionComponent<Section>;

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
