import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHistory } from '../../src/versions/history-import/git-history';
import { GitObjects } from '../../src/versions/history-import/git-objects';

/** A real repository: two commits, a Markdown page, a binary image, a folder, a file deleted by the second. */
let repo: string;
const commits: string[] = [];
// Git as a fresh install has it: no user's or system's settings (signing, hooks), no outer repository's variables.
const gitEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^GIT_/.test(name))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.org',
};
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: gitEnv }).trim();
// Every byte value, and more than a pipe's buffer, so that an answer arrives in several chunks.
const IMAGE = Buffer.concat(Array.from({ length: 600 }, () => Buffer.from(Array.from({ length: 256 }, (_, i) => i))));

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'git-objects-'));
  git('init', '--quiet');
  mkdirSync(path.join(repo, 'assets/images'), { recursive: true });
  writeFileSync(path.join(repo, 'index.md'), '---\ntitle: Home\n---\nFirst words\n');
  writeFileSync(path.join(repo, 'assets/images/logo.png'), IMAGE);
  writeFileSync(path.join(repo, 'old page.md'), 'gone soon\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'first');
  commits.push(git('rev-parse', 'HEAD'));
  writeFileSync(path.join(repo, 'index.md'), '---\ntitle: Home\n---\nSecond words\n');
  git('rm', '--quiet', 'old page.md');
  git('commit', '--quiet', '-am', 'second');
  commits.push(git('rev-parse', 'HEAD'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('files at commits, read through one git process', () => {
  it('gives each file as that commit had it, binary content byte for byte', async () => {
    const objects = new GitObjects(repo);
    try {
      const [first, second, image] = await Promise.all([
        objects.read(commits[0]!, 'index.md'),
        objects.read(commits[1]!, 'index.md'),
        objects.read(commits[0]!, 'assets/images/logo.png'),
      ]);
      expect(first?.toString()).toContain('First words');
      expect(second?.toString()).toContain('Second words');
      expect(image?.equals(IMAGE)).toBe(true);
    } finally {
      await objects.close();
    }
  });

  it('answers null for a file the commit lacks, a folder, or a path a request line cannot carry, and goes on reading', async () => {
    const objects = new GitObjects(repo);
    try {
      expect(await objects.read(commits[1]!, 'old page.md')).toBeNull();
      expect(await objects.read(commits[0]!, 'assets/images')).toBeNull();
      expect(await objects.read(commits[0]!, 'index.md\nHEAD:index.md')).toBeNull();
      expect((await objects.read(commits[0]!, 'old page.md'))?.toString()).toBe('gone soon\n');
    } finally {
      await objects.close();
    }
  });

  it('answers every read asked before close, and refuses reads after it', async () => {
    const objects = new GitObjects(repo);
    const reads = [objects.read(commits[0]!, 'index.md'), objects.read(commits[1]!, 'old page.md')];
    await objects.close();
    const [page, missing] = await Promise.all(reads);
    expect(page?.toString()).toContain('First words');
    expect(missing).toBeNull();
    await expect(objects.read(commits[0]!, 'index.md')).rejects.toThrow(
      /index\.md read after the history import closed git/,
    );
  });

  it('refuses a file larger than its limit without reading it into memory, and reads on', async () => {
    const objects = new GitObjects(repo, 1000);
    try {
      await expect(objects.read(commits[0]!, 'assets/images/logo.png')).rejects.toThrow(
        `logo.png is ${IMAGE.length} bytes, more than 1000: not read`,
      );
      expect((await objects.read(commits[1]!, 'index.md'))?.toString()).toContain('Second words');
    } finally {
      await objects.close();
    }
  });

  it('refuses the reads it owes when git dies, and every read after', async () => {
    const objects = new GitObjects(repo);
    try {
      await objects.read(commits[0]!, 'index.md');
      const pids = execFileSync('pgrep', ['-f', `git -C ${repo} cat-file --batch`], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(pids).toHaveLength(1);
      // Stopped first, so that it cannot answer before it dies.
      process.kill(Number(pids[0]), 'SIGSTOP');
      const owed = [objects.read(commits[0]!, 'assets/images/logo.png'), objects.read(commits[1]!, 'index.md')];
      process.kill(Number(pids[0]), 'SIGKILL');
      await Promise.all(owed.map((read) => expect(read).rejects.toThrow(/stopped: exited with SIGKILL/)));
      await expect(objects.read(commits[1]!, 'index.md')).rejects.toThrow(/stopped: exited with SIGKILL/);
    } finally {
      await objects.close();
    }
  });

  it('refuses reads in a folder that is no repository, saying what git said', async () => {
    const notRepo = mkdtempSync(path.join(tmpdir(), 'not-a-repo-'));
    const objects = new GitObjects(notRepo);
    try {
      await expect(objects.read('HEAD', 'index.md')).rejects.toThrow(
        /git cat-file --batch in .*not-a-repo-.* stopped: .*not a git repository/i,
      );
      await expect(objects.read('HEAD', 'index.md')).rejects.toThrow(/stopped/);
    } finally {
      await objects.close();
      rmSync(notRepo, { recursive: true, force: true });
    }
  });

  it('names the commit and file when git log names a file its commit does not have', async () => {
    const history = await GitHistory.open(repo);
    try {
      await expect(history.show(commits[1]!, 'old page.md')).rejects.toThrow(
        `commit ${commits[1]} has no file old page.md, though git log names it`,
      );
      expect((await history.show(commits[1]!, 'index.md')).toString()).toContain('Second words');
    } finally {
      await history.close();
    }
  });
});
