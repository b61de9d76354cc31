import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ruleBook } from '../../section-kit/content-model';
import { loadSectionModules } from '../../section-kit/registry';
import type { ModelSchema } from '../../validation/check-document';
import { duringImport } from '../../validation/import-scope';
import { MediaLibrary } from '../../importer/media';
import { readFrontMatter } from '../../importer/front-matter';
import { pageUrlFor } from '../../importer/page-url';
import { DEFAULT_LOCALE } from '../../translation/site-locales';
import { snapshotOf, type Snapshot } from '../snapshot';
import { VERSIONS_TABLE, type VersionAction } from '../version-table';
import { GitHistory, type FileCommit, type FileHistory } from './git-history';
import { dataFileVersion, pageVersion, type MappedVersion } from './map-version';

const PAGE = 'api::page.page';
const GLOBAL = 'api::global.global';
/** The old site was English only: its history is the English pages' and settings'. */
const LOCALE = DEFAULT_LOCALE;

export type HistoryImportOptions = {
  /** A git repository folder, or a bundle file (`git bundle`). */
  repo: string;
  /** Where images a commit names are looked for before the commit itself (the seed: its site folder). */
  siteRoot?: string;
  log?: (line: string) => void;
};

/** What the import did for one file of the repository. */
export type FileOutcome = {
  path: string;
  kind: 'page' | 'data';
  documentId: string;
  /** The CMS document it belongs to exists (else it is one of the deleted pages). */
  inCms: boolean;
  deleted: boolean;
  commits: number;
  added: number;
  /** Commits that changed nothing the CMS keeps (a rename to the same address, whitespace). */
  unchanged: number;
  /** Versions a run before this one stored. */
  existing: number;
  /** Commits older than VERSIONS_KEEP_DAYS: not imported. */
  older: number;
  /** Versions kept as the file's text, because they could not be mapped. */
  raw: number;
};

export type HistoryReport = { files: FileOutcome[]; added: number; existing: number };

/**
 * A documentId for a page the CMS does not have (deleted in the old site, or never imported):
 * the same every run, so a second run finds its versions; 24 characters like Strapi's own.
 */
const documentIdFor = (history: FileHistory): string =>
  createHash('sha256')
    .update(`${history.path}\0${history.commits[0]?.sha ?? ''}`)
    .digest('hex')
    .slice(0, 24);

/**
 * Imports a git repository's history of the old site (issue 24): every commit that changed a
 * page or a data file becomes a version of the page (or of the site settings), dated and signed
 * as in git, with its commit and message. Pages go through the importer's mapping (older shapes
 * and HTML pages included); what cannot be mapped is kept as the file's text, with why. A page
 * the repository deleted keeps its history and a last "delete" version: it is listed among the
 * deleted pages and can be restored. The pages themselves stay as they are; images old versions
 * name that the media library lacks are added to it (from the commit), so that those versions can
 * be shown and restored. A second run adds nothing, wherever the pages have moved since.
 */
export const importHistory = (strapi: Core.Strapi, options: HistoryImportOptions): Promise<HistoryReport> =>
  duringImport(async () => {
    await loadSectionModules();
    const log = options.log ?? ((line: string) => console.log(line));
    const keepDays = strapi.config.get('site.versionsKeepDays', null) as number | null;
    if (keepDays === 0) {
      log('VERSIONS_KEEP_DAYS=0: history is off, nothing imported.');
      return { files: [], added: 0, existing: 0 };
    }
    const git = await GitHistory.open(options.repo);
    const scratch = await mkdtemp(path.join(tmpdir(), 'history-import-'));
    try {
      // Commits older than the retention would only be removed again at the next start.
      const since = keepDays === null ? null : Date.now() - keepDays * 24 * 60 * 60 * 1000;
      return await runImport(strapi, git, scratch, options.siteRoot, log, since);
    } finally {
      await rm(scratch, { recursive: true, force: true });
      await git.close();
    }
  });

type Run = {
  strapi: Core.Strapi;
  git: GitHistory;
  media: MediaLibrary;
  rules: ReturnType<typeof ruleBook>;
  /** The commit being mapped: where a missing image is taken from. */
  at: { sha: string };
  pageByUrl: Map<string, string>;
  log: (line: string) => void;
  /** Commits before this time (the retention) are not imported. */
  since: number | null;
};

const runImport = async (
  strapi: Core.Strapi,
  git: GitHistory,
  scratch: string,
  siteRoot: string | undefined,
  log: (line: string) => void,
  since: number | null,
): Promise<HistoryReport> => {
  const histories = await git.files();
  log(`History of ${histories.length} file(s) in ${git.repo}…`);
  const at = { sha: 'HEAD' };
  const media = new MediaLibrary(strapi, siteRoot, false, async (relative) => {
    const content = await git.read(at.sha, relative);
    if (!content) return null;
    const copy = path.join(scratch, at.sha, relative);
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, content);
    return copy;
  });
  const pages = (await strapi.documents(PAGE).findMany({ status: 'draft', locale: LOCALE, fields: ['path'] })) as {
    documentId: string;
    path: string;
  }[];
  const pageByUrl = new Map(pages.map((page) => [page.path, page.documentId]));
  const run: Run = {
    strapi,
    git,
    media,
    at,
    log,
    pageByUrl,
    since,
    rules: ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined),
  };
  // Which document each file's history belongs to: a page the CMS has at the address the file
  // has last; a deleted or never-imported page a documentId of its own. Links in old versions
  // lead to them too.
  const documentOf = new Map<FileHistory, { documentId: string; inCms: boolean }>();
  const global = (await strapi
    .documents(GLOBAL)
    .findFirst({ status: 'draft', locale: LOCALE, fields: ['siteName'] })) as {
    documentId: string;
  } | null;
  for (const history of histories) {
    // Stored by a run before: its versions stay with the document they went to, wherever the
    // page is now (moved, deleted, restored).
    const stored = await storedDocument(strapi, history);
    if (stored) {
      const exists = await strapi.db
        .query(history.kind === 'page' ? PAGE : GLOBAL)
        .count({ where: { documentId: stored, locale: LOCALE } });
      documentOf.set(history, { documentId: stored, inCms: exists > 0 });
      continue;
    }
    if (history.kind === 'data') {
      documentOf.set(
        history,
        global ? { documentId: global.documentId, inCms: true } : { documentId: documentIdFor(history), inCms: false },
      );
      continue;
    }
    const url = await lastAddress(git, history);
    const current = history.deletedAt === null ? pageByUrl.get(url) : undefined;
    documentOf.set(
      history,
      current ? { documentId: current, inCms: true } : { documentId: documentIdFor(history), inCms: false },
    );
  }
  for (const [history, { documentId, inCms }] of documentOf) {
    const url = await lastAddress(git, history);
    if (history.kind === 'page' && !inCms && !pageByUrl.has(url)) pageByUrl.set(url, documentId);
  }

  const report: HistoryReport = { files: [], added: 0, existing: 0 };
  for (const history of histories) {
    const { documentId, inCms } = documentOf.get(history)!;
    const outcome = await importFile(run, history, documentId, inCms);
    report.files.push(outcome);
    report.added += outcome.added;
    report.existing += outcome.existing;
    log(
      `- ${history.path}${history.deletedAt ? ' (deleted)' : ''}${inCms ? '' : history.kind === 'page' ? ' [not a page of the CMS: listed among deleted pages]' : ''}: ${outcome.commits} commit(s), ${outcome.added} version(s) added, ${outcome.existing} there already, ${outcome.unchanged} unchanged${outcome.raw ? `, ${outcome.raw} kept as text` : ''}${outcome.older ? `, ${outcome.older} older than VERSIONS_KEEP_DAYS` : ''}`,
    );
  }
  log(`History: ${report.added} version(s) added, ${report.existing} already there.`);
  return report;
};

/**
 * The document a run before stored this file's commits under, if one did: its own made-up one,
 * else the one holding most of its commits (`git log --follow` can give two files the same early
 * commit, when one file became two: that one alone does not decide).
 */
const storedDocument = async (strapi: Core.Strapi, history: FileHistory): Promise<string | null> => {
  const uid = history.kind === 'page' ? PAGE : GLOBAL;
  const knex = strapi.db.connection;
  const own = documentIdFor(history);
  if (await knex(VERSIONS_TABLE).where({ uid, document_id: own, locale: LOCALE }).first('id')) return own;
  const mine = new Set(history.commits.map((commit) => `${commit.sha}:${commit.path}`));
  const rows = (await knex(VERSIONS_TABLE)
    .where({ uid, locale: LOCALE })
    .whereIn(
      'commit_sha',
      history.commits.map((commit) => commit.sha),
    )
    .select('document_id', 'commit_sha', 'source_path')) as {
    document_id: string;
    commit_sha: string;
    source_path: string | null;
  }[];
  const counts = new Map<string, number>();
  for (const row of rows)
    if (mine.has(`${row.commit_sha}:${row.source_path ?? ''}`))
      counts.set(row.document_id, (counts.get(row.document_id) ?? 0) + 1);
  const best = [...counts].sort((x, y) => y[1] - x[1])[0];
  return best && best[1] > 1 ? best[0] : null;
};

/** The address a page file had last, its permalink included (as the importer reads it). */
const lastAddress = async (git: GitHistory, history: FileHistory): Promise<string> => {
  const last = [...history.commits].reverse().find((commit) => !commit.deleted);
  let permalink: unknown;
  if (last) {
    // Outside the try: git failing is the import's failure, not a page without a permalink.
    const text = (await git.show(last.sha, last.path)).toString('utf8');
    try {
      permalink = readFrontMatter(text).data.permalink;
    } catch {
      // A file whose front matter cannot be read: its address by its path, as the importer would give it.
    }
  }
  return pageUrlFor(last?.path ?? history.path, permalink).url;
};

/** One file's commits as versions of its document, oldest first. */
const importFile = async (run: Run, history: FileHistory, documentId: string, inCms: boolean): Promise<FileOutcome> => {
  const uid = history.kind === 'page' ? PAGE : GLOBAL;
  const knex = run.strapi.db.connection;
  const stored = new Set(
    (
      (await knex(VERSIONS_TABLE)
        .where({ uid, document_id: documentId, locale: LOCALE })
        .whereNotNull('commit_sha')
        .select('commit_sha', 'source_path')) as { commit_sha: string; source_path: string | null }[]
    ).map((row) => `${row.commit_sha}:${row.source_path ?? ''}`),
  );
  const outcome: FileOutcome = {
    path: history.path,
    kind: history.kind,
    documentId,
    inCms,
    deleted: history.deletedAt !== null,
    commits: history.commits.length,
    added: 0,
    unchanged: 0,
    existing: 0,
    older: 0,
    raw: 0,
  };
  let previous: Kept | null = null;
  for (const commit of history.commits) {
    run.at.sha = commit.sha;
    if (run.since !== null && Date.parse(commit.date) < run.since) {
      outcome.older += 1;
      continue;
    }
    let version: Kept;
    let action: VersionAction;
    if (commit.deleted) {
      // The content the deletion took away, as a version of its own: what a restore brings back.
      if (!previous || previous.action === 'delete') {
        outcome.unchanged += 1;
        continue;
      }
      version = previous;
      action = 'delete';
    } else {
      const text = (await run.git.show(commit.sha, commit.path)).toString('utf8');
      const mapped =
        history.kind === 'page'
          ? await pageVersion(run.strapi, run.rules, run.media, commit.path, text, (ref) => resolvePage(run, ref))
          : dataFileVersion(commit.path, text);
      // A page's content names its document as a saved one does; an old file's text is only that.
      const snapshot = snapshotOf(mapped.raw ? mapped.data : { ...mapped.data, documentId });
      if (previous && previous.action !== 'delete' && previous.snapshot.hash === snapshot.hash) {
        outcome.unchanged += 1;
        continue;
      }
      version = { ...mapped, snapshot };
      action = !previous || previous.action === 'delete' ? 'create' : 'update';
    }
    previous = { ...version, action };
    if (stored.has(`${commit.sha}:${commit.path}`)) {
      outcome.existing += 1;
      continue;
    }
    await insertVersion(run, uid, documentId, commit, action, version);
    stored.add(`${commit.sha}:${commit.path}`);
    outcome.added += 1;
    if (version.raw) outcome.raw += 1;
  }
  return outcome;
};

/**
 * A commit message as every editor may read it: trailers that name people by their e-mail
 * (Signed-off-by, Co-authored-by) go, as do addresses anywhere else.
 */
const withoutAddresses = (message: string): string =>
  message
    .split('\n')
    .filter((line) => !/^[A-Za-z-]+-by:.*@/.test(line.trim()))
    .join('\n')
    .replace(/<?[^\s<>@]+@[^\s<>@]+\.[a-z]{2,}>?/gi, '(address removed)')
    .trim();

/** A version as mapped, in a version's form; with what it was stored as. */
type Kept = MappedVersion & { snapshot: Snapshot; action?: VersionAction };

const resolvePage = async (run: Run, ref: string): Promise<{ documentId: string } | { url: string }> => {
  const { url } = pageUrlFor(ref.replace(/^\/+/, ''), undefined);
  const documentId = run.pageByUrl.get(url);
  return documentId ? { documentId } : { url };
};

const insertVersion = async (
  run: Run,
  uid: string,
  documentId: string,
  commit: FileCommit,
  action: VersionAction,
  version: Kept,
): Promise<void> => {
  const { snapshot } = version;
  await run.strapi.db.connection(VERSIONS_TABLE).insert({
    uid,
    document_id: documentId,
    action,
    snapshot_of: version.hidden ? 'draft' : 'published',
    locale: LOCALE,
    via: 'import',
    actor_name: commit.author.slice(0, 255) || null,
    actor_id: null,
    title: version.title?.slice(0, 500) ?? null,
    commit_sha: commit.sha,
    message: withoutAddresses(commit.message) || null,
    source_path: commit.path.slice(0, 500),
    notes: version.notes.length ? version.notes.join('\n') : null,
    data: snapshot.json,
    content_hash: snapshot.hash,
    created_at: Date.parse(commit.date),
  });
};
