import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { ImportError } from './front-matter';
import { mapLink } from './map-link';
import type { MappingContext } from './mapping-context';
import { MediaLibrary } from './media';
import { PageStore } from './page-store';
import { pageUrlFor } from './page-url';
import type { ImportReport } from './report';
import type { LinkData } from './section-data';

type GlobalData = {
  siteName: string;
  siteUrl: string;
  contactEmail: string | null;
  menu: { label: string; links: LinkData[] }[];
  donate: LinkData | null;
  footerLinks: LinkData[];
  footerNote: string | null;
};

const KNOWN = ['title', 'url', 'contact_email', 'header_menu', 'donate', 'footer_menu', 'footer_note'];

/**
 * The site-wide content (the old site's _config.yml and data files, gathered in one YAML
 * file) into the Global single type, published. Links take the same shapes as in pages.
 */
export const importGlobal = async (strapi: Core.Strapi, file: string, report: ImportReport): Promise<void> => {
  const relative = path.basename(file);
  const raw: unknown = parse(await readFile(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new ImportError(`${relative}: expected "key: value" fields`);
  const fields = raw as Record<string, unknown>;
  const store = new PageStore(strapi, report.dryRun);
  const ctx: MappingContext = {
    warn: (position, message) => report.warn(relative, position, message),
    media: new MediaLibrary(strapi, path.dirname(file), report.dryRun),
    resolvePage: async (ref) => {
      const { url } = pageUrlFor(ref, undefined);
      const documentId = await store.documentIdFor(url);
      return documentId ? { documentId } : { url };
    },
  };
  for (const key of Object.keys(fields)) if (!KNOWN.includes(key)) ctx.warn(key, 'unknown field was not carried over');

  const links = async (value: unknown, position: string): Promise<LinkData[]> => {
    const list = Array.isArray(value) ? value : [];
    const out: LinkData[] = [];
    for (const [index, item] of list.entries()) {
      const link = await mapLink(item, `${position}[${index}]`, ctx);
      if (link) out.push(link);
    }
    return out;
  };
  const menu: GlobalData['menu'] = [];
  for (const [index, group] of (Array.isArray(fields.header_menu) ? fields.header_menu : []).entries()) {
    const g = (group ?? {}) as Record<string, unknown>;
    menu.push({ label: String(g.label ?? `Group ${index + 1}`), links: await links(g.links, `header_menu[${index}].links`) });
  }
  const data: GlobalData = {
    siteName: String(fields.title ?? ''),
    siteUrl: String(fields.url ?? ''),
    contactEmail: typeof fields.contact_email === 'string' ? fields.contact_email : null,
    menu,
    donate: fields.donate ? await mapLink(fields.donate, 'donate', ctx) : null,
    footerLinks: await links(fields.footer_menu, 'footer_menu'),
    footerNote: typeof fields.footer_note === 'string' ? fields.footer_note : null,
  };
  if (report.dryRun) return;
  const documents = strapi.documents('api::global.global');
  const input = data as unknown as Parameters<typeof documents.create>[0]['data'];
  const existing = await documents.findFirst({ status: 'draft', fields: ['documentId'] });
  if (existing) {
    await documents.update({ documentId: existing.documentId, data: input });
    await documents.publish({ documentId: existing.documentId });
  } else {
    await documents.create({ data: input, status: 'published' });
  }
  report.progress(`Site settings ${existing ? 'updated' : 'created'} from ${relative}`);
};
