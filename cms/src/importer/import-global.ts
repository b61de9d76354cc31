import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { hasLink, importLink, type LinkInput } from '../shared-components/link';
import { FieldReader } from './field-reader';
import { ImportError } from './front-matter';
import type { ImportContext } from './import-context';
import type { MediaLibrary } from './media';
import { pageUrlFor } from './page-url';
import type { ImportReport } from './report';
import { HEX_COLOR } from './svg-symbol';

type SocialNetwork = 'Facebook' | 'Instagram' | 'Twitter' | 'X' | 'YouTube' | 'LinkedIn' | 'TikTok';
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
  newsletter: { enabled: boolean; action: string | null; heading?: string; text?: string };
  searchEnabled: boolean;
};

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
const MAILCHIMP_FORM = /^https:\/\/[a-z0-9-]+\.us[0-9]+\.list-manage\.com\/subscribe\/post\?(?=\S*\bu=[0-9a-f]+)(?=\S*\bid=[0-9a-f]+)\S*$/;

const readYaml = async (file: string): Promise<unknown> => {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return undefined;
  try {
    return parse(text) ?? undefined;
  } catch (cause) {
    throw new ImportError(`${path.basename(file)}: broken YAML: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The site-wide content of an old Jekyll site folder into "Site settings", published:
 * `_config.yml` (title, url, email, footer_note, and `donate` when `_data/donate-button.yml`
 * is empty), the header menu of `_data/menu-header.yml` (each group lists the published pages
 * of its folder, by title, as the old menu did), the footer of `_data/menu-footer.yml` and the
 * donate button. Nothing is left pointing at a page that does not exist: such a link is left
 * out and reported.
 */
export const importGlobal = async (strapi: Core.Strapi, siteRoot: string, report: ImportReport, media: MediaLibrary): Promise<void> => {
  const source = path.basename(siteRoot);
  const configData = await readYaml(path.join(siteRoot, '_config.yml'));
  const headerData = await readYaml(path.join(siteRoot, '_data', 'menu-header.yml'));
  const footerData = await readYaml(path.join(siteRoot, '_data', 'menu-footer.yml'));
  const donateData = await readYaml(path.join(siteRoot, '_data', 'donate-button.yml'));
  // A folder of pages only: the site settings are not the folder's to change.
  if ([configData, headerData, footerData, donateData].every((value) => value === undefined)) return;
  const config = FieldReader.of(configData, '_config.yml');
  const pages = strapi.documents('api::page.page');
  const published = async (url: string) => pages.findFirst({ filters: { path: url }, status: 'published', fields: ['documentId', 'title', 'path'] });

  const ctx: ImportContext = {
    warn: (position, message) => report.warn(`${source} (site settings)`, position, message),
    media,
    resolvePage: async (ref) => {
      const { url } = pageUrlFor(ref.endsWith('.md') ? ref : `${ref}.md`, undefined);
      const page = await published(url);
      return page ? { documentId: page.documentId } : { url };
    },
  };

  // Only what the folder says is changed; the rest of the settings stay as they are.
  const data: Partial<GlobalData> = {};
  if (configData !== undefined) {
    for (const [field, keys] of [
      ['siteName', ['title']],
      ['siteUrl', ['url']],
      ['contactEmail', ['email', 'contact_email']],
      ['footerNote', ['footer_note']],
    ] as const) {
      const value = keys.map((key) => config.text(key)).find((v) => v !== null);
      if (value !== undefined) data[field] = value;
    }
    // The old site coloured its sprite's logos from CSS: logo_color gives the files that colour.
    const logoColor = config.text('logo_color') ?? undefined;
    if (logoColor !== undefined && !HEX_COLOR.test(logoColor)) ctx.warn('_config.yml logo_color', `${JSON.stringify(logoColor)} is not a hex colour such as "#10A882": the logos keep the sprite's colours`);
    for (const [field, key] of [['logo', 'logo'], ['logoSmall', 'logo_small']] as const) {
      const source = config.text(key);
      if (!source) continue;
      const found = await media.resolve(source, 'image', data.siteName ?? undefined, logoColor);
      if (found.kind === 'found') data[field] = found.id;
      else if (found.kind !== 'would-upload') ctx.warn(`_config.yml ${key}`, `${found.reason}: no logo was set`);
    }
    const social = config.value('social');
    if (social && typeof social === 'object') {
      data.socialLinks = [];
      for (const [name, handle] of Object.entries(social as Record<string, unknown>)) {
        const known = SOCIAL[name.toLowerCase()];
        if (!known || typeof handle !== 'string' || handle.trim() === '') {
          ctx.warn(`_config.yml social.${name}`, `${JSON.stringify(handle)} is not an account of a known network (${Object.keys(SOCIAL).join(', ')}): left out`);
          continue;
        }
        data.socialLinks.push({ network: known.network, url: /^https:\/\//.test(handle) ? handle.trim() : known.url(handle.trim().replace(/^@/, '')) });
      }
    }
    const newsletter = config.include('newsletter');
    if (config.value('newsletter') !== undefined) {
      const action = newsletter.text('action');
      const valid = action !== null && MAILCHIMP_FORM.test(action);
      if (!valid) ctx.warn('_config.yml newsletter.action', `${JSON.stringify(action)} is not a whole Mailchimp form address (…list-manage.com/subscribe/post?u=…&id=…): the sign-up form is off until one is set in Site settings`);
      data.newsletter = {
        enabled: valid,
        action: valid ? action : null,
        ...(newsletter.text('heading') ? { heading: newsletter.text('heading')! } : {}),
        ...(newsletter.text('text') ? { text: newsletter.text('text')! } : {}),
      };
    }
    const search = config.bool('search');
    if (search !== undefined) data.searchEnabled = search;
  }

  if (headerData !== undefined) {
    data.menu = [];
    for (const [index, raw] of asList(headerData).entries()) {
      const group = FieldReader.of(raw, `_data/menu-header.yml[${index}]`);
      const label = group.text('title') ?? group.text('label') ?? `Group ${index + 1}`;
      const folder = group.text('folder');
      const found = folder ? await pages.findMany({ filters: { path: { $startsWith: `/${folder}/` } }, status: 'published', fields: ['documentId', 'title', 'path'], sort: ['title:asc'] }) : [];
      if (found.length === 0) ctx.warn(group.position, `no published page in the folder ${JSON.stringify(folder)}: the group "${label}" is empty (the site hides it)`);
      data.menu.push({ label, links: found.map((page) => ({ text: page.title, type: 'Site Page', page: page.documentId, url: null, file: null })) });
    }
  }

  if (footerData !== undefined) {
    data.footerLinks = [];
    for (const [index, raw] of asList(footerData).entries()) {
      const item = FieldReader.of(raw, `_data/menu-footer.yml[${index}]`);
      const name = item.text('name') ?? item.text('text') ?? '';
      const ref = item.text('link') ?? item.text('site_page');
      if (!ref) continue;
      const target = await ctx.resolvePage(ref.replace(/^\/+/, ''));
      if ('documentId' in target) data.footerLinks.push({ text: name, type: 'Site Page', page: target.documentId, url: null, file: null });
      else ctx.warn(item.position, `"${name}" links to ${ref}, which is not a published page: left out of the footer`);
    }
  }

  const donateReader = donateData !== undefined ? FieldReader.of(donateData, '_data/donate-button.yml') : config.include('donate');
  if (hasLink(donateReader)) data.donate = await importLink(donateReader, ctx);
  else if (donateData !== undefined || configData !== undefined) ctx.warn('_data/donate-button.yml', 'no donate button is set: the header keeps the one it had');

  if (report.dryRun) return;
  const documents = strapi.documents('api::global.global');
  const input = data as unknown as Parameters<typeof documents.create>[0]['data'];
  const existing = await documents.findFirst({ status: 'draft', fields: ['documentId'] });
  try {
    if (existing) {
      await documents.update({ documentId: existing.documentId, data: input });
      await documents.publish({ documentId: existing.documentId });
    } else {
      await documents.create({ data: { siteName: 'Cannabis Equity Illinois Coalition', ...data } as typeof input, status: 'published' });
    }
  } catch (error) {
    report.fail(`${source} (site settings)`, `the site settings were not saved: ${(error as Error).message}`);
    return;
  }
  report.progress(`Site settings ${existing ? 'updated' : 'created'} from ${source}: ${Object.keys(data).join(', ')}`);
};
