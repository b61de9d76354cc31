import { isDeepStrictEqual } from 'node:util';
import type { Note } from './make-storable';

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Front matter the old site wrote before `sections:` took its final shape (its git history
 * holds them): a page-level `hero:` (and its first name, `hero_image:`), a page-level
 * `quick_links:` list, and `page_sections:` for `sections:`. Each becomes the sections it
 * meant; what was mapped is noted. What cannot be mapped (a page-level hero beside a hero
 * section, a second hero that differs from the first) is left out of the fields and named in
 * `unmapped` with why, for the page to report with its whole value.
 */
export const currentShape = (
  raw: Fields,
  options: { bodyShowsQuickLinks: boolean },
): { fields: Fields; mapped: Note[]; unmapped: Note[] } => {
  const mapped: Note[] = [];
  const unmapped: Note[] = [];
  // Keys whose content now lives in the sections: left out of the fields the page is read from.
  const used = new Set<string>();
  const sectionsKey = raw.sections === undefined && raw.page_sections !== undefined ? 'page_sections' : 'sections';
  if (sectionsKey === 'page_sections') {
    used.add('page_sections');
    mapped.push({ position: 'page_sections', message: 'the older name of "sections": read as the page’s sections' });
  }
  const written = raw[sectionsKey];
  const sections = Array.isArray(written) ? [...(written as unknown[])] : written === undefined ? [] : null;
  const rest = () => Object.fromEntries(Object.entries(raw).filter(([key]) => !used.has(key)));
  // A list that is no list is reported by the section mapper as it is.
  if (sections === null) return { fields: { ...rest(), sections: written }, mapped, unmapped };

  const heroes = (['hero', 'hero_image'] as const).filter((key) => isRecord(raw[key]));
  const hasHeroSection = sections.some(
    (section) => isRecord(section) && (section.template === 'hero' || section.template === 'hero-image'),
  );
  const [first, ...others] = heroes;
  if (first && !hasHeroSection) {
    sections.unshift({ template: 'hero', ...(raw[first] as Fields) });
    used.add(first);
    mapped.push({ position: first, message: 'the page-level hero (an older shape) became the first section, a hero' });
    for (const other of others) {
      used.add(other);
      if (isDeepStrictEqual(raw[other], raw[first]))
        mapped.push({ position: other, message: `the same hero as "${first}", written twice: used once` });
      else
        unmapped.push({
          position: other,
          message: `a second page-level hero (an older shape), not the one "${first}" holds, which became the page's hero: a page has one hero, so this one was not carried over`,
        });
    }
  } else if (first) {
    for (const key of heroes) {
      used.add(key);
      unmapped.push({
        position: key,
        message:
          "a page-level hero (an older shape) beside the page's own hero section: a page has one hero, so this one was not carried over",
      });
    }
  }
  // The old layout showed a page-level quick_links list where the body includes components/quick-links.html;
  // without that include it came right after the hero.
  if (Array.isArray(raw.quick_links) && !options.bodyShowsQuickLinks) {
    const heroAt = sections.findIndex((section) => isRecord(section) && section.template === 'hero');
    sections.splice(heroAt + 1, 0, { template: 'quick-links', quick_links: raw.quick_links });
    used.add('quick_links');
    mapped.push({
      position: 'quick_links',
      message: 'the page-level quick links (an older shape) became a quick-links section',
    });
  }
  used.add(sectionsKey);
  return { fields: sections.length > 0 || written !== undefined ? { ...rest(), sections } : rest(), mapped, unmapped };
};
