import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GitObjects } from './git-objects';

const run = promisify(execFile);

/** One commit that touched a file, as `git log --follow` lists it: the file's path then, and what happened to it. */
export type FileCommit = {
  sha: string;
  /** The author's date, as git records it (ISO 8601 with its offset). */
  date: string;
  author: string;
  message: string;
  /** The file's path in this commit (after a rename, the new one). */
  path: string;
  deleted: boolean;
};

/** A file's whole history, oldest first, under the path it has last. */
export type FileHistory = { path: string; kind: 'page' | 'data'; deletedAt: string | null; commits: FileCommit[] };

export class GitError extends Error {}

/** A page of the old site: Markdown or HTML outside its template, asset and data folders. */
export const isPageFile = (file: string): boolean =>
  /\.(md|markdown|html)$/i.test(file) &&
  !file.split('/').some((part) => part.startsWith('_') || part.startsWith('.') || part === 'assets');
/** The old site's data files: its menus and buttons. */
export const isDataFile = (file: string): boolean => /^_data\/[^/]+\.ya?ml$/i.test(file);

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Reads a git repository (a folder or a bundle cloned before) with git itself: the history of
 * every page and data file the repository has or once had, renames followed as `git log
 * --follow` follows them, and the files' text at any commit.
 */
export class GitHistory {
  private readonly objects: GitObjects;

  private constructor(
    readonly repo: string,
    private readonly clone: string | null,
  ) {
    this.objects = new GitObjects(repo);
  }

  /** A repository folder, or a bundle file (cloned, bare, into a temporary folder until `close`). */
  static async open(repo: string): Promise<GitHistory> {
    const info = await stat(repo).catch((cause: unknown) => {
      throw new GitError(`${repo}: no such file or folder`, { cause });
    });
    let clone: string | null = null;
    try {
      if (info.isFile()) {
        clone = await mkdtemp(path.join(tmpdir(), 'history-bundle-'));
        await run('git', ['clone', '--quiet', '--bare', repo, clone]);
      }
      const history = new GitHistory(clone ?? repo, clone);
      await history.git(['rev-parse', '--verify', 'HEAD']);
      return history;
    } catch (error) {
      if (clone) await rm(clone, { recursive: true, force: true });
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new GitError(
        missing
          ? 'git is not installed: the history import reads repositories with git (apt-get install git)'
          : `${repo} is not a git repository or bundle with commits: ${(error as Error).message.split('\n')[0]}`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.objects.close();
    if (this.clone) await rm(this.clone, { recursive: true, force: true });
  }

  private async git(args: string[]): Promise<string> {
    const { stdout } = await run('git', ['-C', this.repo, '-c', 'core.quotepath=off', ...args], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    return stdout;
  }

  /** A file as a commit has it, or null when that commit has no such file. */
  read(sha: string, file: string): Promise<Buffer | null> {
    return this.objects.read(sha, file);
  }

  /** A file as a commit has it, which git's log says is there. */
  async show(sha: string, file: string): Promise<Buffer> {
    const content = await this.objects.read(sha, file);
    if (!content) throw new GitError(`${this.repo}: commit ${sha} has no file ${file}, though git log names it`);
    return content;
  }

  /**
   * Every page and data file: those at HEAD, followed from HEAD, and those deleted since,
   * followed from the commit that deleted them last. A file renamed away is part of the history
   * of the file it became.
   */
  async files(): Promise<FileHistory[]> {
    const head = (await this.git(['ls-tree', '-r', '--name-only', 'HEAD'])).split('\n').filter(Boolean);
    const live = new Set(head.filter((file) => isPageFile(file) || isDataFile(file)));
    // Newest first: the first deletion seen of a path is its last.
    const deletions = new Map<string, string>();
    let current = '';
    for (const line of (await this.git(['log', '--diff-filter=D', '--name-only', `--format=${RECORD}%H`])).split(
      '\n',
    )) {
      if (line.startsWith(RECORD)) current = line.slice(1);
      else if (line && (isPageFile(line) || isDataFile(line)) && !live.has(line) && !deletions.has(line))
        deletions.set(line, current);
    }
    const histories: FileHistory[] = [];
    for (const path of [...live].sort())
      histories.push({
        path,
        kind: isPageFile(path) ? 'page' : 'data',
        deletedAt: null,
        commits: await this.follow('HEAD', path),
      });
    for (const [path, sha] of [...deletions].sort(([a], [b]) => a.localeCompare(b)))
      histories.push({
        path,
        kind: isPageFile(path) ? 'page' : 'data',
        deletedAt: sha,
        commits: await this.follow(sha, path),
      });
    return histories;
  }

  /** `git log --follow` of one path from one commit, oldest first. */
  async follow(from: string, path: string): Promise<FileCommit[]> {
    const out = await this.git([
      'log',
      '--follow',
      '-M',
      '--name-status',
      `--format=${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%B${FIELD}`,
      from,
      '--',
      path,
    ]);
    const commits: FileCommit[] = [];
    for (const record of out.split(RECORD).slice(1)) {
      const [sha = '', date = '', author = '', message = '', rest = ''] = record.split(FIELD);
      // --follow shows the one file it follows: its status line is the only one.
      const status = rest.split('\n').find((line) => /^[ACDMRT]\d*\t/.test(line));
      if (!status) continue;
      const parts = status.split('\t');
      const kind = parts[0]!.charAt(0);
      commits.push({
        sha,
        date,
        author,
        message: message.trim(),
        path: parts[parts.length - 1]!,
        deleted: kind === 'D',
      });
    }
    return commits.reverse();
  }
}
