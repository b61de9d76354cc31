import path from 'node:path';
import type { SectionInput } from '../section-kit/section-module';
import type { ModelSchema, RuleBook } from '../validation/check-document';
import { FieldReader } from './field-reader';
import { htmlRichText } from './field-values';
import type { ImportContext } from './import-context';
import { renderJekyllBody, type BodyPart, type LiquidScope } from './jekyll-body';
import { makeStorable, type Note } from './make-storable';
import { mapSections } from './map-sections';
import { currentShape } from './older-shapes';
import { originalOf } from './original';
import type { Intent, PageInput } from './page-store';
import { reduceMarkup } from './plain-text-fields';
import { readTranslation, TRANSLATION_KEYS, type Translation } from './translation-fields';

const PAGE = 'api::page.page';
const PAGE_KEYS = ['layout', 'title', 'description', 'permalink', 'sections', 'published', ...TRANSLATION_KEYS];
/** The old menus' own settings: the header menu now lists a folder's pages by title. */
const MENU_KEYS = ['menu', 'menus', 'category'];

export type PageSource = { relative: string; fields: Record<string, unknown>; body: string; url: string };
export type BuiltPage = { data: PageInput; intent: Intent; fixes: Note[]; translation: Translation };

/** A text field of the page; a missing one is reported, and the page stays a draft. */
const pageText = (fields: FieldReader, key: string, fallback: string, notes: Note[]): string => {
  const value = fields.text(key);
  if (value !== null) return value;
  notes.push({ position: key, message: `the page has no ${key}: "${fallback}" was used; write one, then publish` });
  return fallback;
};

/** Old template includes a section type now stands for: the front-matter section each one meant (null: it showed nothing). */
const INCLUDED_SECTIONS: Record<
  string,
  (part: Extract<BodyPart, { kind: 'include' }>, page: Record<string, unknown>) => Record<string, unknown> | null
> = {
  'components/quick-links.html': (_, page) =>
    Array.isArray(page.quick_links) ? { template: 'quick-links', quick_links: page.quick_links } : null,
  'components/card-image.html': ({ params }) => ({
    template: 'card-with-image',
    image: params.image ? `/${params.image.replace(/^\/+/, '')}` : undefined,
    alt_text: params.alt ?? params.alt_text,
    heading: params.heading,
    paragraph: params.text,
  }),
};

/** The body's parts as sections: its HTML as text areas, the includes a section type stands for as that section. */
const bodySections = async (
  parts: BodyPart[],
  page: Record<string, unknown>,
  ctx: ImportContext,
  notes: Note[],
): Promise<SectionInput[]> => {
  const sections: SectionInput[] = [];
  for (const [index, part] of parts.entries()) {
    const position = parts.length === 1 ? 'body' : `body[${index}]`;
    if (part.kind === 'html') {
      const reader = FieldReader.of({}, position);
      const textArea: SectionInput<'sections.text-area'> = {
        __component: 'sections.text-area',
        style: 'Plain',
        heading: null,
        body: await htmlRichText(part.html, reader, 'body', ctx),
        columnTwo: null,
        showButton: false,
        button: null,
      };
      sections.push(textArea);
      continue;
    }
    const mapper = INCLUDED_SECTIONS[part.name];
    if (!mapper) {
      notes.push({
        position,
        message: `${part.tag}: a piece of the old site's templates that is not part of this copy, so what it showed cannot be carried over: add it as a section`,
      });
      continue;
    }
    const front = mapper(part, page);
    if (!front) {
      ctx.warn(position, `${part.tag} showed the page's own list, and the page has none: nothing to carry over`);
      continue;
    }
    sections.push(
      ...(await mapSections([front], {
        ...ctx,
        warn: (where, message) => ctx.warn(where.replace(/^sections\[0\]/, position), message),
      })),
    );
  }
  return sections;
};

/**
 * One old page as the CMS stores it: its front matter in today's shape (older shapes mapped),
 * its sections, its body as Jekyll rendered it, plain-text fields without markup, values the
 * CMS cannot take repaired. Whatever was changed or left out is a note with the original;
 * the page goes live only when nothing keeps it from being what the old site showed.
 */
export const buildPage = async (
  page: PageSource,
  rules: RuleBook,
  site: Record<string, unknown>,
  ctx: ImportContext,
): Promise<BuiltPage> => {
  const notes: Note[] = [];
  const {
    fields: shaped,
    mapped,
    unmapped,
  } = currentShape(page.fields, { bodyShowsQuickLinks: page.body.includes('components/quick-links.html') });
  for (const note of mapped) ctx.warn(note.position, note.message);
  for (const note of unmapped)
    ctx.warn(note.position, `${note.message}; it was:${originalOf(page.fields[note.position])}`);
  const fields = new FieldReader(shaped, '', []);
  fields.value('permalink');
  // Shown where the body includes components/quick-links.html: read there.
  if (page.body.includes('components/quick-links.html')) fields.value('quick_links');
  const layout = fields.text('layout');
  if (layout !== null && layout !== 'default')
    ctx.warn('layout', `layout ${JSON.stringify(layout)} is not supported; the site layout is used`);
  const hidden = fields.bool('published') === false;
  const translation = readTranslation(fields, notes);
  const title = pageText(
    fields,
    'title',
    path.posix.basename(page.relative, path.extname(page.relative)).replace(/[-_]+/g, ' '),
    notes,
  );
  const sections: SectionInput[] = await mapSections(fields.value('sections'), ctx);
  for (const key of MENU_KEYS) {
    const value = fields.value(key);
    if (value !== undefined)
      ctx.warn(
        key,
        `the old menu's setting is not needed (the header menu lists each folder's pages by title); it was:${originalOf(value)}`,
      );
  }
  for (const { position, key, value } of fields.unread()) {
    if (!PAGE_KEYS.includes(key))
      ctx.warn(position, `unknown page field "${key}" was not carried over; it was:${originalOf(value)}`);
  }
  if (page.body.trim() !== '') {
    const scope: LiquidScope = { page: { ...page.fields, title, url: page.url }, site: { baseurl: '', ...site } };
    const { parts, notes: bodyNotes } = renderJekyllBody(page.body, scope);
    for (const note of bodyNotes) {
      if (note.blocks) notes.push({ position: 'body', message: note.message });
      else ctx.warn('body', note.message);
    }
    const added = await bodySections(parts, page.fields, ctx, notes);
    sections.push(...added);
    if (added.length > 0)
      ctx.warn(
        'body',
        `the page’s body (below the front matter) became the last section${added.length > 1 ? 's' : ''}, as the old site rendered it`,
      );
  }
  const data: PageInput = {
    title,
    description: pageText(fields, 'description', title, notes),
    path: page.url,
    sections,
    importNotes: null,
  };
  const json = data as unknown as Record<string, unknown>;
  for (const note of reduceMarkup((uid) => rules.schema(uid) as ModelSchema | undefined, PAGE, json))
    ctx.warn(note.position, note.message);
  const { changed, blockers } = makeStorable(rules, PAGE, json);
  // What keeps the page from going live as it was: changed values, missing ones, a missing title.
  const fixes = [...notes, ...changed, ...blockers];
  return { data, intent: hidden ? 'hidden' : fixes.length > 0 ? 'draft' : 'publish', fixes, translation };
};
