import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { importLink, type LinkInput } from '../shared-components/link';
import { FieldReader } from './field-reader';
import { ImportError } from './front-matter';
import type { ImportContext } from './import-context';
import { MediaLibrary } from './media';
import { PageStore } from './page-store';
import { pageUrlFor } from './page-url';
import type { ImportReport } from './report';

type GlobalData = {
  siteName: string;
  siteUrl: string;
  contactEmail: string | null;
  menu: { label: string; links: LinkInput[] }[];
  donate: LinkInput | null;
  footerLinks: LinkInput[];
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
  const ctx: ImportContext = {
    warn: (position, message) => report.warn(relative, position, message),
    media: new MediaLibrary(strapi, path.dirname(file), report.dryRun),
    resolvePage: async (ref) => {
      const { url } = pageUrlFor(ref, undefined);
      const documentId = await store.documentIdFor(url);
      return documentId ? { documentId } : { url };
    },
  };
  for (const key of Object.keys(fields)) if (!KNOWN.includes(key)) ctx.warn(key, 'unknown field was not carried over');

  const links = async (value: unknown, position: string): Promise<LinkInput[]> => {
    const list = Array.isArray(value) ? value : [];
    const out: LinkInput[] = [];
    for (const [index, item] of list.entries()) {
      const reader = FieldReader.of(item, `${position}[${index}]`);
      out.push(await importLink(reader, ctx));
      for (const unread of reader.unread()) ctx.warn(unread.position, `unknown link field "${unread.key}" was not carried over`);
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
    donate: fields.donate ? (await links([fields.donate], 'donate'))[0] ?? null : null,
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
