import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parseDocument } from 'yaml';
import { DOCUMENT_TEXTS } from '../admin-face/document-texts';
import { hasLink, importLink, type LinkInput } from '../shared-components/link';
import type { ModelSchema } from '../validation/check-document';
import { FieldReader } from './field-reader';
import { ImportError } from './front-matter';
import type { ImportContext } from './import-context';
import type { MediaLibrary } from './media';
import { pageUrlFor } from './page-url';
import { reduceMarkup } from './plain-text-fields';
import type { ImportReport } from './report';
import { holds, populateOf, schemaOf } from './stored-shape';
import { HEX_COLOR } from './svg-symbol';

type SocialNetwork = 'Facebook' | 'Instagram' | 'Twitter' | 'X' | 'YouTube' | 'LinkedIn' | 'TikTok';
type Newsletter = { enabled: boolean; action: string | null; heading?: string; text?: string; privacyNote?: string };
type GlobalData = {
  siteName: string;
  siteUrl: string;
  contactEmail: string | null;
  menu: { label: string; links: LinkInput[] }[];
  donate: LinkInput | null;
  footerLinks: LinkInput[];
  footerNote: string | null;
  logo: number | null;
  logoSmall: number | null;
  socialLinks: { network: SocialNetwork; url: string }[];
  newsletter: Newsletter;
  searchEnabled: boolean;
};
type Settings = Partial<GlobalData>;

const GLOBAL = 'api::global.global';

/** Jekyll themes name social accounts by handle (`social: { instagram: CannaEquityIL }`). */
const SOCIAL: Record<string, { network: SocialNetwork; url: (handle: string) => string }> = {
  facebook: { network: 'Facebook', url: (h) => `https://www.facebook.com/${h}/` },
  instagram: { network: 'Instagram', url: (h) => `https://www.instagram.com/${h}/` },
  twitter: { network: 'Twitter', url: (h) => `https://twitter.com/${h}` },
  x: { network: 'X', url: (h) => `https://x.com/${h}` },
  youtube: { network: 'YouTube', url: (h) => `https://www.youtube.com/@${h}` },
  linkedin: { network: 'LinkedIn', url: (h) => `https://www.linkedin.com/company/${h}/` },
  tiktok: { network: 'TikTok', url: (h) => `https://www.tiktok.com/@${h}` },
};
const MAILCHIMP_FORM =
  /^https:\/\/[a-z0-9-]+\.us[0-9]+\.list-manage\.com\/subscribe\/post\?(?=\S*\bu=[0-9a-f]+)(?=\S*\bid=[0-9a-f]+)\S*$/;

/** A data file as found: not there, there but holding nothing (0 bytes, comments, `~`), or its value. */
type DataFile =
  | { file: string; state: 'missing' }
  | { file: string; state: 'empty' }
  | { file: string; state: 'read'; value: unknown };

const readDataFile = async (siteRoot: string, file: string): Promise<DataFile> => {
  const text = await readFile(path.join(siteRoot, file), 'utf8').catch(() => null);
  if (text === null) return { file, state: 'missing' };
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new ImportError(`${file}: broken YAML: ${error.message.split('\n')[0]}`, { cause: error });
  }
  const value: unknown = document.toJS();
  return value === null || value === undefined ? { file, state: 'empty' } : { file, state: 'read', value };
};

/** The setting each data file holds, in the admin's words (Site settings › …), for the report. */
const settingOf = (field: keyof GlobalData): string =>
  `Site settings › ${DOCUMENT_TEXTS[GLOBAL]!.fields[field]!.label}`;
const DATA_FILES = {
  config: { file: '_config.yml', setting: 'the site name, address and the other settings of _config.yml' },
  header: { file: '_data/menu-header.yml', setting: settingOf('menu') },
  footer: { file: '_data/menu-footer.yml', setting: settingOf('footerLinks') },
  donate: { file: '_data/donate-button.yml', setting: settingOf('donate') },
} as const;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `_config.yml`: name, address, contact, footer note, logos, social accounts, newsletter, search. */
const settingsFromConfig = async (config: FieldReader, ctx: ImportContext, current: Settings): Promise<Settings> => {
  const data: Settings = {};
  for (const [field, keys] of [
    ['siteName', ['title']],
    ['siteUrl', ['url']],
    ['contactEmail', ['email', 'contact_email']],
    ['footerNote', ['footer_note']],
  ] as const) {
    const value = keys.map((key) => config.text(key)).find((v) => v !== null);
    if (value !== undefined) data[field] = value;
  }
  // Jekyll writes the site's address without its final slash (https://example.org); it is the same address.
  if (data.siteUrl && /^https?:\/\/[^/?#\s]+$/.test(data.siteUrl)) data.siteUrl = `${data.siteUrl}/`;
  // The old site coloured its sprite's logos from CSS: logo_color gives the files that colour.
  const logoColor = config.text('logo_color') ?? undefined;
  if (logoColor !== undefined && !HEX_COLOR.test(logoColor))
    ctx.warn(
      '_config.yml logo_color',
      `${JSON.stringify(logoColor)} is not a hex colour such as "#10A882": the logos keep the sprite's colours`,
    );
  for (const [field, key] of [
    ['logo', 'logo'],
    ['logoSmall', 'logo_small'],
  ] as const) {
    const source = config.text(key);
    if (!source) continue;
    const found = await ctx.media.resolve(source, 'image', data.siteName ?? undefined, logoColor);
    if (found.kind === 'found') data[field] = found.id;
    else if (found.kind !== 'would-upload') ctx.warn(`_config.yml ${key}`, `${found.reason}: no logo was set`);
  }
  const social = config.value('social');
  if (social && typeof social === 'object') {
    data.socialLinks = [];
    for (const [name, handle] of Object.entries(social as Record<string, unknown>)) {
      const known = SOCIAL[name.toLowerCase()];
      if (!known || typeof handle !== 'string' || handle.trim() === '') {
        ctx.warn(
          `_config.yml social.${name}`,
          `${JSON.stringify(handle)} is not an account of a known network (${Object.keys(SOCIAL).join(', ')}): left out`,
        );
        continue;
      }
      data.socialLinks.push({
        network: known.network,
        url: /^https:\/\//.test(handle) ? handle.trim() : known.url(handle.trim().replace(/^@/, '')),
      });
    }
  }
  if (config.value('newsletter') !== undefined) {
    const newsletter = config.nested('newsletter');
    const action = newsletter.text('action');
    const valid = action !== null && MAILCHIMP_FORM.test(action);
    if (!valid)
      ctx.warn(
        '_config.yml newsletter.action',
        `${JSON.stringify(action)} is not a whole Mailchimp form address (…list-manage.com/subscribe/post?u=…&id=…): the sign-up form is off until one is set in ${settingOf('newsletter')}`,
      );
    // What the file does not say stays as staff left it (a component is replaced whole on update).
    const { heading, text, privacyNote } = current.newsletter ?? {};
    data.newsletter = {
      ...(heading ? { heading } : {}),
      ...(text ? { text } : {}),
      ...(privacyNote ? { privacyNote } : {}),
      enabled: valid,
      action: valid ? action : null,
      ...(newsletter.text('heading') ? { heading: newsletter.text('heading')! } : {}),
      ...(newsletter.text('text') ? { text: newsletter.text('text')! } : {}),
    };
  }
  const search = config.bool('search');
  if (search !== undefined) data.searchEnabled = search;
  return data;
};

/** `_data/menu-header.yml`: each group lists the published pages of its folder, by title, as the old menu did. */
const menuFromHeader = async (
  strapi: Core.Strapi,
  header: unknown,
  ctx: ImportContext,
): Promise<GlobalData['menu']> => {
  const menu: GlobalData['menu'] = [];
  for (const [index, raw] of asList(header).entries()) {
    const group = FieldReader.of(raw, `${DATA_FILES.header.file}[${index}]`);
    const label = group.text('title') ?? group.text('label') ?? `Group ${index + 1}`;
    const folder = group.text('folder');
    const found = folder
      ? await strapi.documents('api::page.page').findMany({
          filters: { path: { $startsWith: `/${folder}/` } },
          status: 'published',
          fields: ['documentId', 'title', 'path'],
          sort: ['title:asc'],
        })
      : [];
    if (found.length === 0)
      ctx.warn(
        group.position,
        `no published page in the folder ${JSON.stringify(folder)}: the group "${label}" is empty (the site hides it)`,
      );
    menu.push({
      label,
      links: found.map((page) => ({
        text: page.title,
        type: 'Site Page',
        page: page.documentId,
        url: null,
        file: null,
      })),
    });
  }
  return menu;
};

/** `_data/menu-footer.yml`: links to published pages; one to a page that does not exist is left out, and reported. */
const footerFromData = async (footer: unknown, ctx: ImportContext): Promise<LinkInput[]> => {
  const links: LinkInput[] = [];
  for (const [index, raw] of asList(footer).entries()) {
    const item = FieldReader.of(raw, `${DATA_FILES.footer.file}[${index}]`);
    const name = item.text('name') ?? item.text('text') ?? '';
    const ref = item.text('link') ?? item.text('site_page');
    if (!ref) continue;
    const target = await ctx.resolvePage(ref.replace(/^\/+/, ''));
    if ('documentId' in target)
      links.push({ text: name, type: 'Site Page', page: target.documentId, url: null, file: null });
    else ctx.warn(item.position, `"${name}" links to ${ref}, which is not a published page: left out of the footer`);
  }
  return links;
};

/**
 * Writes the settings the folder gave, published, and only when they differ from what is
 * stored: an unchanged import leaves the settings (and their publication date) untouched.
 */
const saveSettings = async (
  strapi: Core.Strapi,
  data: Settings,
  existing: { documentId: string } | null,
  report: ImportReport,
  source: string,
): Promise<void> => {
  const documents = strapi.documents(GLOBAL);
  const input = data as unknown as Parameters<typeof documents.create>[0]['data'];
  const schema = schemaOf(strapi);
  if (existing) {
    const populate = populateOf(schema, GLOBAL);
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) =>
        documents.findOne({ documentId: existing.documentId, status, populate }),
      ),
    );
    if (
      holds(schema, GLOBAL, draft, data as Record<string, unknown>) &&
      holds(schema, GLOBAL, published, data as Record<string, unknown>)
    ) {
      report.progress(`Site settings unchanged by ${source}`);
      return;
    }
  }
  if (report.dryRun) {
    report.progress(
      `Site settings would be ${existing ? 'updated' : 'created'} from ${source}: ${Object.keys(data).join(', ')}`,
    );
    return;
  }
  try {
    if (existing) {
      await documents.update({ documentId: existing.documentId, data: input });
      await documents.publish({ documentId: existing.documentId });
    } else {
      await documents.create({
        data: { siteName: 'Cannabis Equity Illinois Coalition', ...data } as typeof input,
        status: 'published',
      });
    }
  } catch (error) {
    report.fail(`${source} (site settings)`, `the site settings were not saved: ${(error as Error).message}`);
    return;
  }
  report.progress(`Site settings ${existing ? 'updated' : 'created'} from ${source}: ${Object.keys(data).join(', ')}`);
};

/**
 * The site-wide content of an old Jekyll site folder into "Site settings", published:
 * `_config.yml` (title, url, email, footer_note, logos, social, newsletter, search, and a
 * `donate:` link), the header menu of `_data/menu-header.yml`, the footer of
 * `_data/menu-footer.yml` and the donate button of `_data/donate-button.yml`. A data file that
 * is missing or empty changes nothing, and an empty one is reported with the setting it keeps;
 * nothing is left pointing at a page that does not exist: such a link is left out and reported.
 */
export const importGlobal = async (
  strapi: Core.Strapi,
  siteRoot: string,
  report: ImportReport,
  media: MediaLibrary,
): Promise<void> => {
  const source = path.basename(siteRoot);
  const [config, header, footer, donate] = await Promise.all(
    [DATA_FILES.config, DATA_FILES.header, DATA_FILES.footer, DATA_FILES.donate].map(({ file }) =>
      readDataFile(siteRoot, file),
    ),
  );
  const files = [config!, header!, footer!, donate!];
  // A folder of pages only: the site settings are not the folder's to change.
  if (files.every((file) => file.state === 'missing')) return;
  const pages = strapi.documents('api::page.page');
  const published = (url: string) =>
    pages.findFirst({ filters: { path: url }, status: 'published', fields: ['documentId'] });
  const ctx: ImportContext = {
    warn: (position, message) => report.warn(`${source} (site settings)`, position, message),
    media,
    resolvePage: async (ref) => {
      const { url } = pageUrlFor(ref.endsWith('.md') ? ref : `${ref}.md`, undefined);
      const page = await published(url);
      return page ? { documentId: page.documentId } : { url };
    },
  };
  // A file that is missing or holds nothing says nothing: the setting stays, and staff learn which one.
  for (const { file, setting } of [DATA_FILES.config, DATA_FILES.header, DATA_FILES.footer]) {
    const found = files.find((f) => f.file === file)!;
    if (found.state !== 'read')
      ctx.warn(
        file,
        `${found.state === 'empty' ? 'the file is empty' : 'there is no such file'}: ${setting} ${file === DATA_FILES.config.file ? 'stay as they were' : 'keeps what it had'}`,
      );
  }

  const existing = await strapi.documents(GLOBAL).findFirst({ status: 'draft', populate: { newsletter: true } });
  const current = (existing ?? {}) as Settings;
  // Only what the folder says is changed; the rest of the settings stay as they are.
  const configReader = FieldReader.of(config!.state === 'read' ? config!.value : {}, DATA_FILES.config.file);
  const data: Settings = config!.state === 'read' ? await settingsFromConfig(configReader, ctx, current) : {};
  if (header!.state === 'read') data.menu = await menuFromHeader(strapi, header!.value, ctx);
  if (footer!.state === 'read') data.footerLinks = await footerFromData(footer!.value, ctx);

  // The button is the donate file's, or a `donate:` mapping of _config.yml; never _config.yml itself.
  const donateReader =
    donate!.state === 'read'
      ? FieldReader.of(donate!.value, DATA_FILES.donate.file)
      : config!.state === 'read' && configReader.value('donate') !== undefined
        ? configReader.nested('donate')
        : null;
  if (donateReader && hasLink(donateReader)) data.donate = await importLink(donateReader, ctx);
  else if (donateReader)
    ctx.warn(
      donateReader.position,
      `holds no link (text with a url, site_page or file): ${DATA_FILES.donate.setting} keeps what it had`,
    );
  else
    ctx.warn(
      DATA_FILES.donate.file,
      `${donate!.state === 'empty' ? 'the file is empty' : 'there is no such file'} and _config.yml has no "donate:" link: ${DATA_FILES.donate.setting} keeps what it had`,
    );

  // As on pages: a plain-text setting (a link text, a menu label, the footer note) shows HTML as
  // written, so only its text is kept, reported with the original. Before the comparison with
  // what is stored, so that an unchanged import stays unchanged.
  const model = (uid: string) =>
    strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined;
  for (const note of reduceMarkup(model, GLOBAL, data as Record<string, unknown>))
    ctx.warn(note.position, note.message);

  await saveSettings(strapi, data, existing, report, source);
};
