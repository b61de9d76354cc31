import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ruleBook } from '../section-kit/content-model';
import { loadSectionModules } from '../section-kit/registry';
import { parse } from 'yaml';
import type { ModelSchema } from '../validation/check-document';
import { duringImport } from '../validation/import-scope';
import { isPagePath } from '../validation/page-path';
import { buildPage as buildPagePath, type BuiltPage } from './build-page';
import { ImportError, readFrontMatter } from './front-matter';
import { importGlobal } from './import-global';
import type { ImportContext } from './import-context';
import type { Note } from './make-storable';
import { MediaLibrary } from './media';
import { PageStore, type Intent } from './page-store';
import { oldUrlFor, pageUrlFor } from './page-url';
import { RedirectStore } from './redirect-store';
import { ImportReport } from './report';
import { DEFAULT_LOCALE, SITE_LOCALES } from '../translation/site-locales';

export type ImportOptions = {
  /** Jekyll page files, or site folders whose `pages/` (or every .md/.html) are imported. */
  inputs: string[];
  /** The old site's folder: where /assets/... and pages/... are found. Guessed when absent. */
  siteRoot?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
};

type Source = { file: string; relative: string; siteRoot: string };
type Parsed = Source & { fields: Record<string, unknown>; body: string; url: string; oldUrl: string | null };

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
    .filter(
      (file) =>
        !path
          .relative(dir, file)
          .split(path.sep)
          .some((part) => part.startsWith('_') || part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
};

const isDirectory = (dir: string) =>
  stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );

const collectSources = async (options: ImportOptions): Promise<{ sources: Source[]; siteFolders: string[] }> => {
  const sources: Source[] = [];
  const siteFolders: string[] = [];
  for (const input of options.inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch((cause: unknown) => {
      throw new ImportError(`${input}: no such file or folder`, { cause });
    });
    if (info.isDirectory()) {
      const siteRoot = options.siteRoot ? path.resolve(options.siteRoot) : absolute;
      const pagesDir = path.join(absolute, 'pages');
      const hasPages = await isDirectory(pagesDir);
      // A Jekyll site: its pages/, or at least its _config.yml (settings without pages).
      if (
        hasPages ||
        (await stat(path.join(absolute, '_config.yml')).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        siteFolders.push(absolute);
      for (const file of await listPages(hasPages ? pagesDir : absolute)) {
        sources.push({ file, siteRoot, relative: path.relative(siteRoot, file) });
      }
    } else {
      const siteRoot = options.siteRoot ? path.resolve(options.siteRoot) : guessSiteRoot(absolute);
      sources.push({ file: absolute, siteRoot, relative: path.relative(siteRoot, absolute) });
    }
  }
  return { sources, siteFolders };
};

/** The language a page file says it is in (`lang:`, translation-fields.ts); the default when it says none. */
const localeOf = (page: Parsed): string =>
  SITE_LOCALES.some((locale) => locale.code === page.fields.lang) ? (page.fields.lang as string) : DEFAULT_LOCALE;

/** A note as the page's Import notes field lists it; a long original goes on indented lines of its own. */
const noteLine = (note: Note): string => `- ${note.position || 'page'}: ${note.message}`;

const CHICAGO = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Chicago',
  dateStyle: 'long',
  timeStyle: 'short',
});
/** What staff must know first about a page imported as a draft over a live one. */
const stillLive = (publishedAt: Date): string =>
  `visitors still see the version published on ${CHICAGO.format(publishedAt)} (Chicago time): this import is its draft, and goes live only when published`;

/** The site's `_config.yml` values, for the Liquid in page bodies (`{{ site.title }}`); none when it has none. */
const readSiteConfig = async (siteRoot: string): Promise<Record<string, unknown>> => {
  const text = await readFile(path.join(siteRoot, '_config.yml'), 'utf8').catch(() => '');
  try {
    const value: unknown = parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    // Reported by the settings import, which reads the same file.
    return {};
  }
};

/** Strapi's validation errors carry the failing fields in details; show them. */
const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: { errors?: { path?: string[]; message?: string }[] } }).details;
  const fields = details?.errors?.map((e) => `${e.path?.join('.') ?? ''}: ${e.message ?? ''}`).join('; ');
  return fields ? `${error.message} (${fields})` : error.message;
};

/**
 * Imports Jekyll pages with `sections:` front matter. Nothing is lost to a rule: a value the CMS
 * cannot take as it is (over a length, an unsafe link, a missing required image) is changed or
 * left empty, the original goes to the page's import notes and the report, and the page is kept
 * as a draft when it cannot be published as it is (as is a page marked `published: false`).
 * Each page's old address becomes a redirect to its new one; a site folder's menus, donate
 * button and footer are imported into the site settings. Re-running updates the same pages
 * (matched by address) and leaves equal ones untouched. Only a file that cannot be read at all
 * (broken YAML) fails, and the others are still imported.
 */
export const importJekyll = (strapi: Core.Strapi, options: ImportOptions): Promise<ImportReport> =>
  duringImport(() => runImport(strapi, options));

/** What every phase of one import shares: where pages, redirects and media go, and what it has read. */
type ImportRun = {
  strapi: Core.Strapi;
  report: ImportReport;
  rules: ReturnType<typeof ruleBook>;
  store: PageStore;
  redirects: RedirectStore;
  /** The pages of this batch by their file, so that links between them resolve. */
  byFile: Map<string, Parsed>;
  siteFor: (siteRoot: string) => Promise<Record<string, unknown>>;
  mediaFor: (siteRoot: string) => MediaLibrary;
};
type Imported = Parsed & { intent: Intent };

const runImport = async (strapi: Core.Strapi, options: ImportOptions): Promise<ImportReport> => {
  // The CLI runs this module beside Strapi's compiled copy: it loads its own registry.
  await loadSectionModules();
  const report = new ImportReport(options.dryRun ?? false, options.log);
  const { sources, siteFolders } = await collectSources(options);
  report.progress(`${report.dryRun ? 'Checking' : 'Importing'} ${sources.length} page(s)…`);
  // First read every page, so that links between pages of this batch can be resolved; the
  // translations last, so the pages they translate are there.
  const parsed = (await readPages(sources, report)).sort(
    (a, b) => Number(localeOf(a) !== DEFAULT_LOCALE) - Number(localeOf(b) !== DEFAULT_LOCALE),
  );
  const siteConfigs = new Map<string, Promise<Record<string, unknown>>>();
  const libraries = new Map<string, MediaLibrary>();
  const run: ImportRun = {
    strapi,
    report,
    rules: ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined),
    store: new PageStore(strapi, report.dryRun),
    redirects: new RedirectStore(strapi, report.dryRun),
    byFile: new Map(parsed.map((page) => [path.resolve(page.siteRoot, page.relative), page])),
    siteFor: (siteRoot) =>
      siteConfigs.get(siteRoot) ?? siteConfigs.set(siteRoot, readSiteConfig(siteRoot)).get(siteRoot)!,
    mediaFor: (siteRoot) =>
      libraries.get(siteRoot) ??
      libraries.set(siteRoot, new MediaLibrary(strapi, siteRoot, report.dryRun)).get(siteRoot)!,
  };
  const { imported, secondPass } = await importPages(run, parsed);
  await relinkSecondPass(run, secondPass);
  await keepOldAddresses(run, imported);
  await importSiteSettings(run, siteFolders);
  report.progress(report.summary());
  return report;
};

/** Each page file's front matter, body and addresses; a file that cannot be read is reported and left out. */
const readPages = async (sources: Source[], report: ImportReport): Promise<Parsed[]> => {
  const parsed: Parsed[] = [];
  for (const source of sources) {
    try {
      const { data, body } = readFrontMatter(await readFile(source.file, 'utf8'));
      const { url, original } = pageUrlFor(source.relative, data.permalink);
      if (original) report.warn(source.relative, 'permalink', `the old URL ${original} became ${url}`);
      if (!isPagePath(url))
        throw new ImportError(`cannot build a valid web address from ${source.relative} (got ${url})`);
      // A translation is new: it had no address on the old site to keep.
      const page = { ...source, fields: data, body, url, oldUrl: null };
      parsed.push({
        ...page,
        oldUrl: localeOf(page) !== DEFAULT_LOCALE ? null : oldUrlFor(source.relative, data.permalink),
      });
    } catch (error) {
      report.fail(source.relative, error instanceof Error ? error.message : String(error));
    }
  }
  return parsed;
};

/** A page's data as it is stored, with `pending` when it links to a page of this batch not stored yet. */
const buildOne = async (
  run: ImportRun,
  page: Parsed,
  tell: ImportContext['warn'],
): Promise<BuiltPage & { pending: boolean; live: Date | null }> => {
  const { report, store } = run;
  let pending = false;
  // Everything said about the page also goes into its import notes, where staff see it.
  const said: Note[] = [];
  const ctx: ImportContext = {
    warn: (position, message) => {
      said.push({ position, message });
      tell(position, message);
    },
    media: run.mediaFor(page.siteRoot),
    resolvePage: async (ref) => {
      const target = run.byFile.get(path.resolve(page.siteRoot, ref.replace(/^\/+/, '')));
      const url = target?.url ?? pageUrlFor(ref, undefined).url;
      const locale = localeOf(page);
      const documentId = await store.documentIdFor(url, locale);
      if (documentId) return { documentId };
      // A relation of a translation can only lead to a page of its language: to the English
      // page, its address (the site leads to the translation once there is one).
      if (locale !== DEFAULT_LOCALE && (await store.documentIdFor(url))) return { url, untranslated: true };
      if (target) {
        // In this batch but not stored yet: resolved on the second pass (or in a dry run, assumed).
        pending = true;
        return report.dryRun ? { documentId: `(new page ${url})` } : { url, pending: true };
      }
      return { url };
    },
  };
  const built = await buildPagePath(page, run.rules, await run.siteFor(page.siteRoot), ctx);
  const live = built.intent === 'draft' ? await store.publishedAt(page.url) : null;
  const all = [...said, ...built.fixes];
  // The translator's note is a point to check like the importer's own (the admin counts the "- "
  // lines), after the line saying what visitors still see, which the admin reads first.
  const lines = [
    ...(all.length > 0 && live ? [stillLive(live)] : []),
    ...(built.translation.staffNote ? [`- ${built.translation.staffNote}`] : []),
    ...all.map(noteLine),
  ];
  built.data.importNotes = lines.length > 0 ? lines.join('\n') : null;
  return { ...built, pending, live };
};

/** Stores every page (published, or a draft with what staff must fix); a page that fails takes its new uploads with it. */
const importPages = async (
  run: ImportRun,
  parsed: Parsed[],
): Promise<{ imported: Imported[]; secondPass: Parsed[] }> => {
  const { report, store } = run;
  const imported: Imported[] = [];
  const secondPass: Parsed[] = [];
  for (const page of parsed) {
    report.progress(`- ${page.relative} → ${page.url}`);
    const media = run.mediaFor(page.siteRoot);
    try {
      const { data, intent, pending, fixes, live, translation } = await buildOne(run, page, (position, message) =>
        report.warn(page.relative, position, message),
      );
      for (const fix of fixes) report.warn(page.relative, fix.position, fix.message);
      if (intent === 'hidden') report.draft(page.relative, 'marked "published: false" in the old site');
      else if (intent === 'draft')
        report.draft(
          page.relative,
          `it cannot be published as it is (see the lines above, also in its "Import notes")${live ? `; ${stillLive(live)}` : ''}`,
        );
      const outcome = await store.upsert(data, intent, translation);
      media.keepPageUploads();
      report.pages[outcome].push(page.relative);
      for (const section of data.sections) report.countSection(section.__component.replace('sections.', ''));
      imported.push({ ...page, intent });
      if (pending && !report.dryRun) secondPass.push(page);
    } catch (error) {
      const discarded = await media.discardPageUploads();
      report.fail(
        page.relative,
        `${describe(error)}${discarded ? ` (the ${discarded} file(s) uploaded for it were removed again)` : ''}`,
      );
    }
  }
  return { imported, secondPass };
};

/** Links to pages created later in the same run: now they exist. Warnings were given already. */
const relinkSecondPass = async (run: ImportRun, secondPass: Parsed[]): Promise<void> => {
  for (const page of secondPass) {
    try {
      const { data, intent, translation } = await buildOne(run, page, () => undefined);
      await run.store.upsert(data, intent, translation);
      run.mediaFor(page.siteRoot).keepPageUploads();
    } catch (error) {
      run.report.fail(page.relative, `linking to pages of this import failed: ${describe(error)}`);
    }
  }
};

/**
 * Every old address keeps working: the old site served pages/x/y.md at /pages/x/y/. A redirect
 * leads only to a live page: to a draft it waits, and goes live when the page is published.
 */
const keepOldAddresses = async (run: ImportRun, imported: Imported[]): Promise<void> => {
  const { report } = run;
  for (const page of imported) {
    // A page the old site hid had no public address to keep.
    if (!page.oldUrl || page.oldUrl === page.url || page.intent === 'hidden') continue;
    const live = page.intent === 'publish' || (await run.store.publishedAt(page.url)) !== null;
    const outcome = await run.redirects.upsert(
      { from: page.oldUrl, to: page.url, type: 'Permanent', note: 'Address on the old site' },
      live,
    );
    report.redirects[outcome] += 1;
    if (!live)
      report.warn(
        page.relative,
        'old address',
        `${page.oldUrl} redirects to ${page.url} once the page is published (until then it waits as a draft, so it never leads to "page not found")`,
      );
  }
};

/** Each site folder's menus, donate button and footer into the site settings. */
const importSiteSettings = async (run: ImportRun, siteFolders: string[]): Promise<void> => {
  for (const folder of siteFolders) {
    try {
      await importGlobal(run.strapi, folder, run.report, run.mediaFor(folder));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      run.report.fail(`${path.basename(folder)} (site settings)`, error.message);
    }
  }
};
