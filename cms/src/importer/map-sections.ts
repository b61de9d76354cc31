import { htmlToBlocks } from './html-to-blocks';
import { mapLink } from './map-link';
import type { MappingContext } from './mapping-context';
import type { HeroData, QuickLinkIcon, QuickLinksData, SectionData, TextAreaData } from './section-data';

type Fields = Record<string, unknown>;

/** The old editor's values, matched without regard to case or spacing. */
const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T, warn: (m: string) => void, field: string): T => {
  if (value === undefined || value === null || value === '') return fallback;
  const wanted = String(value).toLowerCase().replace(/[\s_-]+/g, '');
  const found = allowed.find((option) => option.toLowerCase().replace(/[\s_-]+/g, '') === wanted);
  if (!found) warn(`${field} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}: "${fallback}" was used`);
  return found ?? fallback;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : value == null ? null : String(value));

const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : value == null ? fallback : ['true', 'yes', '1'].includes(String(value).toLowerCase()));

const reportUnknown = (fields: Fields, known: readonly string[], warn: (m: string) => void): void => {
  for (const key of Object.keys(fields)) {
    if (key !== 'template' && !known.includes(key)) warn(`unknown field "${key}" was not carried over: ${JSON.stringify(fields[key]).slice(0, 120)}`);
  }
};

const mapHero = async (fields: Fields, position: string, ctx: MappingContext): Promise<HeroData> => {
  const warn = (message: string) => ctx.warn(position, message);
  reportUnknown(fields, ['style', 'scroll_button', 'image', 'alt_text', 'heading', 'subtitle', 'gradient', 'margin_color'], warn);
  const altText = text(fields.alt_text) ?? '';
  if (altText.length < 8) warn(`alt text ${JSON.stringify(altText)} is shorter than 8 characters: staff must describe the image before publishing changes`);
  let image: number | null = null;
  const source = text(fields.image);
  const found = source ? await ctx.media.resolve(source, altText) : 'missing';
  if (typeof found === 'number') {
    image = found;
  } else if (found === 'missing') {
    warn(`image ${source ?? '(none)'} is not in the site folder: the generated 1440 × 544 placeholder was used`);
    const placeholder = await ctx.media.placeholder();
    image = typeof placeholder === 'number' ? placeholder : null;
  }
  const heading = text(fields.heading);
  const subtitle = text(fields.subtitle);
  return {
    __component: 'sections.hero',
    style: pick(fields.style, ['Standard', 'Home'] as const, 'Standard', warn, 'style'),
    scrollButton: text(fields.scroll_button),
    image,
    altText,
    // The old editor's magic values meant "use the page's own"; empty means the same here.
    heading: heading === 'page-title' ? null : heading,
    subtitle: subtitle === 'page-description' ? null : subtitle,
    gradient: bool(fields.gradient, true),
    marginColor: bool(fields.margin_color, false) ? 'Black' : 'White',
  };
};

const mapTextArea = async (fields: Fields, position: string, ctx: MappingContext): Promise<TextAreaData> => {
  const warn = (message: string) => ctx.warn(position, message);
  reportUnknown(fields, ['style', 'heading', 'text_area', 'column_two', 'add_button', 'button'], warn);
  const convert = (html: unknown, field: string) => {
    if (html == null || html === '') return null;
    const { blocks, warnings } = htmlToBlocks(String(html));
    for (const message of warnings) warn(`${field}: ${message}`);
    return blocks;
  };
  const body = convert(fields.text_area, 'text_area');
  if (!body) warn('text_area is empty');
  return {
    __component: 'sections.text-area',
    style: pick(fields.style, ['Plain', 'Two Column', 'Flashy', 'Splashy'] as const, 'Plain', warn, 'style'),
    heading: text(fields.heading),
    body: body ?? [],
    columnTwo: convert(fields.column_two, 'column_two'),
    showButton: bool(fields.add_button, false),
    button: fields.button == null ? null : await mapLink(fields.button, `${position}.button`, ctx),
  };
};

const ICONS = ['video', 'house', 'bill', 'calendar'] as const satisfies readonly QuickLinkIcon[];

const mapQuickLinks = async (fields: Fields, position: string, ctx: MappingContext): Promise<QuickLinksData> => {
  const warn = (message: string) => ctx.warn(position, message);
  reportUnknown(fields, ['heading', 'quick_links'], warn);
  const raw = Array.isArray(fields.quick_links) ? fields.quick_links : [];
  if (!Array.isArray(fields.quick_links)) warn('quick_links is not a list: no links imported');
  const items: QuickLinksData['items'] = [];
  for (const [index, item] of raw.entries()) {
    const itemPosition = `${position}.quick_links[${index}]`;
    const link = await mapLink(item, itemPosition, ctx, ['icon']);
    if (!link) continue;
    const icon = pick((item as Fields).icon, ICONS, 'house', (m) => ctx.warn(itemPosition, m), 'icon');
    items.push({ icon, link });
  }
  return { __component: 'sections.quick-links', heading: text(fields.heading) ?? 'Quick Links', items };
};

const MAPPERS: Record<string, (fields: Fields, position: string, ctx: MappingContext) => Promise<SectionData>> = {
  hero: mapHero,
  'text-area': mapTextArea,
  'quick-links': mapQuickLinks,
};

/** Maps the `sections:` list; a section of an unknown template is reported with its position. */
export const mapSections = async (raw: unknown, ctx: MappingContext): Promise<SectionData[]> => {
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    ctx.warn('sections', 'is not a list: no sections imported');
    return [];
  }
  const sections: SectionData[] = [];
  for (const [index, item] of raw.entries()) {
    const position = `sections[${index}]`;
    const fields = (typeof item === 'object' && item !== null ? item : {}) as Fields;
    const template = typeof fields.template === 'string' ? fields.template : undefined;
    const mapper = template ? MAPPERS[template] : undefined;
    if (!mapper) {
      ctx.warn(position, `template ${JSON.stringify(template ?? null)} has no section type here (hero, text-area, quick-links): the section was not imported`);
      continue;
    }
    sections.push(await mapper(fields, position, ctx));
  }
  return sections;
};
