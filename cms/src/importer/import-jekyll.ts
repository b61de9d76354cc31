import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ruleBook } from '../section-kit/content-model';
import { loadSectionModules } from '../section-kit/registry';
import { checkDocument, type ModelSchema } from '../validation/check-document';
import { isPagePath } from '../validation/page-path';
import { ImportError, readFrontMatter } from './front-matter';
import { mapSections } from './map-sections';
import type { ImportContext } from './import-context';
import { MediaLibrary } from './media';
import { PageStore, type PageInput } from './page-store';
import { pageUrlFor } from './page-url';
import { ImportReport } from './report';

export type ImportOptions = {
  /** Jekyll page files, or site folders whose `pages/` (or every .md/.html) are imported. */
  inputs: string[];
  /** The old site's folder: where /assets/... and pages/... are found. Guessed when absent. */
  siteRoot?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
};

type Source = { file: string; relative: string; siteRoot: string };
type Parsed = Source & { fields: Record<string, unknown>; url: string; urlNote?: string };

const PAGE_KEYS = ['layout', 'title', 'description', 'permalink', 'sections'];
const PAGE_EXTENSIONS = new Set(['.md', '.markdown', '.html']);

/** The site folder holding a page: the folder above its `pages/` folder, else the page's own. */
const guessSiteRoot = (file: string): string => {
  const parts = path.resolve(file).split(path.sep);
  const at = parts.lastIndexOf('pages');
  return at > 0 ? parts.slice(0, at).join(path.sep) || path.sep : path.dirname(path.resolve(file));
};

const listPages = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && PAGE_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('_') || part.startsWith('.') || part === 'node_modules'))
    .sort();
};

const collectSources = async (options: ImportOptions): Promise<Source[]> => {
  const sources: Source[] = [];
  for (const input of options.inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch((cause: unknown) => {
      throw new ImportError(`${input}: no such file or folder`, { cause });
    });
    if (info.isDirectory()) {
      const siteRoot = options.siteRoot ? path.resolve(options.siteRoot) : absolute;
      const pagesDir = path.join(absolute, 'pages');
      const hasPages = await stat(pagesDir).then((s) => s.isDirectory(), () => false);
      for (const file of await listPages(hasPages ? pagesDir : absolute)) {
        sources.push({ file, siteRoot, relative: path.relative(siteRoot, file) });
      }
    } else {
      const siteRoot = options.siteRoot ? path.resolve(options.siteRoot) : guessSiteRoot(absolute);
      sources.push({ file: absolute, siteRoot, relative: path.relative(siteRoot, absolute) });
    }
  }
  return sources;
};

const requireText = (fields: Record<string, unknown>, key: string, min: number, max: number): string => {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '') throw new ImportError(`the page has no ${key}; add "${key}:" to its front matter`);
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new ImportError(`${key} ${JSON.stringify(trimmed)} must be ${min}–${max} characters long (it is ${trimmed.length})`);
  }
  return trimmed;
};

/**
 * Imports Jekyll pages with `sections:` front matter as published Strapi pages. Re-running
 * updates the same pages (matched by URL) and leaves equal ones untouched. A page that
 * cannot be imported is reported and the others still are.
 */
export const importJekyll = async (strapi: Core.Strapi, options: ImportOptions): Promise<ImportReport> => {
  // The CLI runs this module beside Strapi's compiled copy: it loads its own registry.
  await loadSectionModules();
  const report = new ImportReport(options.dryRun ?? false, options.log);
  const rules = ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined);
  const store = new PageStore(strapi, report.dryRun);
  const sources = await collectSources(options);
  report.progress(`${report.dryRun ? 'Checking' : 'Importing'} ${sources.length} page(s)…`);

  // First read every page, so that links between pages of this batch can be resolved.
  const parsed: Parsed[] = [];
  for (const source of sources) {
    try {
      const { data } = readFrontMatter(await readFile(source.file, 'utf8'));
      const { url, original } = pageUrlFor(source.relative, data.permalink);
      parsed.push({ ...source, fields: data, url, ...(original ? { urlNote: `the old URL ${original} became ${url}` } : {}) });
    } catch (error) {
      report.fail(source.relative, error instanceof Error ? error.message : String(error));
    }
  }
  const byFile = new Map(parsed.map((page) => [path.resolve(page.siteRoot, page.relative), page]));
  const media = new Map<string, MediaLibrary>();
  const mediaFor = (siteRoot: string) => media.get(siteRoot) ?? media.set(siteRoot, new MediaLibrary(strapi, siteRoot, report.dryRun)).get(siteRoot)!;

  const buildPage = async (page: Parsed, warn: ImportContext['warn']): Promise<{ data: PageInput; pending: boolean }> => {
    let pending = false;
    const ctx: ImportContext = {
      warn,
      media: mediaFor(page.siteRoot),
      resolvePage: async (ref) => {
        const target = byFile.get(path.resolve(page.siteRoot, ref.replace(/^\/+/, '')));
        const url = target?.url ?? pageUrlFor(ref, undefined).url;
        const documentId = await store.documentIdFor(url);
        if (documentId) return { documentId };
        if (target) {
          // In this batch but not stored yet: resolved on the second pass (or in a dry run, assumed).
          pending = true;
          return report.dryRun ? { documentId: `(new page ${url})` } : { url };
        }
        return { url };
      },
    };
    const fields = page.fields;
    for (const key of Object.keys(fields)) if (!PAGE_KEYS.includes(key)) warn('', `unknown page field "${key}" was not carried over`);
    if (fields.layout !== undefined && fields.layout !== 'default') warn('layout', `layout ${JSON.stringify(fields.layout)} is not supported; the site layout is used`);
    if (!isPagePath(page.url)) throw new ImportError(`cannot build a valid web address from ${page.relative} (got ${page.url})`);
    const data: PageInput = {
      title: requireText(fields, 'title', 4, 64),
      description: requireText(fields, 'description', 1, 300),
      path: page.url,
      sections: await mapSections(fields.sections, ctx),
    };
    for (const violation of checkDocument(rules, 'api::page.page', data as unknown as Record<string, unknown>)) {
      warn(positionOf(violation.path), violation.message);
    }
    return { data, pending };
  };

  const secondPass: Parsed[] = [];
  for (const page of parsed) {
    report.progress(`- ${page.relative} → ${page.url}`);
    try {
      if (page.urlNote) report.warn(page.relative, 'permalink', page.urlNote);
      const { data, pending } = await buildPage(page, (position, message) => report.warn(page.relative, position, message));
      const outcome = await store.upsert(data);
      report.pages[outcome].push(page.relative);
      for (const section of data.sections) report.countSection(section.__component.replace('sections.', ''));
      if (pending && !report.dryRun) secondPass.push(page);
    } catch (error) {
      report.fail(page.relative, describe(error));
    }
  }
  // Links to pages created later in the same run: now they exist. Warnings were given already.
  for (const page of secondPass) {
    try {
      const { data } = await buildPage(page, () => undefined);
      await store.upsert(data);
    } catch (error) {
      report.fail(page.relative, `linking to pages of this import failed: ${describe(error)}`);
    }
  }
  report.progress(report.summary());
  return report;
};

/** A field path as the report writes positions: sections.0.altText → sections[0].altText. */
const positionOf = (path: string[]): string => path.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');

/** Strapi's validation errors carry the failing fields in details; show them. */
const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: { errors?: { path?: string[]; message?: string }[] } }).details;
  const fields = details?.errors?.map((e) => `${e.path?.join('.') ?? ''}: ${e.message ?? ''}`).join('; ');
  return fields ? `${error.message} (${fields})` : error.message;
};
