import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/http';
import { runHistoryImport } from '../support/import-cli';
import { CMS_DIR } from '../support/strapi-process';
import '../support/provided';

type Version = {
  id: number;
  action: string;
  of: string;
  via: string;
  who: string | null;
  title: string | null;
  commit: string | null;
  message: string | null;
  at: string;
};
const PAGES = '/content-manager/collection-types/api::page.page';
const BUNDLE = path.join(CMS_DIR, 'seed/history.bundle');

let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'seed-history-'));
  execFileSync('git', ['clone', '--quiet', '--bare', BUNDLE, repo]);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const versionsOf = async (documentId: string): Promise<Version[]> => {
  const admin = await adminSession();
  const answer = await admin.call('GET', `/site-tools/versions/api::page.page/${documentId}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.versions as Version[];
};

const pageId = async (pagePath: string): Promise<string> => {
  const admin = await adminSession();
  const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(pagePath)}`);
  return (list.body.results as { documentId: string }[])[0]!.documentId;
};

/** `git log --follow` of a file of the seed's history: sha, author, ISO date, message. */
const gitLog = (file: string) =>
  git('log', '--follow', '--format=%H%x1f%an%x1f%aI%x1f%B%x1e', 'HEAD', '--', file)
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [sha = '', author = '', date = '', message = ''] = record.split('\x1f');
      return { sha, author, date, message: message.trim() };
    });

describe('the old site’s history, imported by the first run', () => {
  it('gives each seeded page a version per commit of its file, dated, signed and described as in git', async () => {
    const second = await runHistoryImport([BUNDLE, '--site', 'seed/site']);
    expect(second.code, second.output).toBe(0);
    // Nothing at all is added again: no page, no deleted page, no data file.
    expect(second.output).toMatch(/^History: 0 version\(s\) added, \d+ already there\.$/m);
    for (const [file, address] of [
      ['pages/services/clear-your-record.md', '/services/clear-your-record/'],
      ['pages/index.md', '/'],
      ['pages/our-work/business-advising.md', '/our-work/business-advising/'],
      ['pages/terms-of-use.md', '/terms-of-use/'],
    ] as const) {
      const log = gitLog(file);
      const imported = (await versionsOf(await pageId(address))).filter((v) => v.via === 'import' && v.commit);
      // The second run's line for the file: every commit is a version already, or changed nothing the CMS keeps.
      const line = second.output.split('\n').find((l) => l.startsWith(`- ${file}:`));
      const counts = /(\d+) commit\(s\), (\d+) version\(s\) added, (\d+) there already, (\d+) unchanged/.exec(
        line ?? '',
      );
      expect(counts, second.output).not.toBeNull();
      const [commits = NaN, added = NaN, existing = NaN, unchanged = NaN] = counts!.slice(1).map(Number);
      expect([commits, added, existing + unchanged]).toEqual([log.length, 0, log.length]);
      expect(imported.length).toBe(existing);
      expect(imported.length).toBeGreaterThan(log.length * 0.8);
      const bySha = new Map(log.map((entry) => [entry.sha, entry]));
      for (const version of imported) {
        const commit = bySha.get(version.commit!);
        expect(commit, `${file}: version of ${version.commit} is not a commit of the file`).toBeDefined();
        expect([version.who, version.at, version.message]).toEqual([
          commit!.author,
          new Date(commit!.date).toISOString(),
          commit!.message,
        ]);
      }
    }
  });

  it('follows renames: the home page’s history goes back to the index.md at the top of the old site', async () => {
    const versions = await versionsOf(await pageId('/'));
    const first = versions.filter((v) => v.via === 'import').at(-1)!;
    expect(first.action).toBe('create');
    expect(git('show', '--name-status', '--format=', first.commit!)).toMatch(/^A\tindex\.md$/m);
  });
});
