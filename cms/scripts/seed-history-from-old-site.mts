/**
 * Makes cms/seed/history.bundle, the history the first-run seed carries (issue 24), from the old
 * site's repository (shared/old-site-history.bundle):
 *
 *   node cms/scripts/seed-history-from-old-site.mts ../shared/old-site-history.bundle
 *
 * Every commit's pages and data files as they were (authors, dates and messages unchanged);
 * without the old editor's settings (.forestry) and the assets, so that it stays small: the
 * images old versions name are the seed's own (cms/seed/site/assets), where it has them.
 * Commits that changed only what is left out are left out. Needs git.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('Usage: node cms/scripts/seed-history-from-old-site.mts <old site repository or bundle>');
  process.exit(2);
}
const out = path.resolve(import.meta.dirname, '../seed/history.bundle');
const work = mkdtempSync(path.join(tmpdir(), 'seed-history-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-C', work, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1' },
  }).toString();
try {
  execFileSync('git', ['clone', '--quiet', path.resolve(source), work], { stdio: 'inherit' });
  git(
    'filter-branch',
    '--force',
    '--prune-empty',
    '--index-filter',
    'git rm --cached -qr --ignore-unmatch .forestry assets',
    'HEAD',
  );
  git('reflog', 'expire', '--expire=now', '--all');
  git('gc', '--quiet', '--aggressive', '--prune=now');
  rmSync(out, { force: true });
  git('bundle', 'create', out, 'HEAD');
  const commits = git('rev-list', '--count', 'HEAD').trim();
  console.log(`${path.relative(process.cwd(), out)}: ${commits} commits, ${Math.round(statSync(out).size / 1024)} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
