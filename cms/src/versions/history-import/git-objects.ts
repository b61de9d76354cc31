import { spawn } from 'node:child_process';

/** As the single `git show` before it (its maxBuffer): a larger file is refused, not read into memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

type Pending = { name: string; resolve: (blob: Buffer | null) => void; reject: (error: Error) => void };
/** The answer being received: its content (null when not kept: not a file, or too large) and how much has come. */
type Body = { waiting: Pending; size: number; received: number; content: Buffer | null; tooLarge: boolean };
type Batch = { read(name: string): Promise<Buffer | null>; end(): Promise<void> };

/**
 * One `git cat-file --batch` process: requests are lines on its stdin, answered in order on its
 * stdout ("<oid> <type> <size>", the content and a newline; or "<name> missing"). Once it fails,
 * every read it owes and every read after is refused with git's own words.
 */
const startBatch = (repo: string, maxFileBytes: number): Batch => {
  const child = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pending: Pending[] = [];
  let header = Buffer.alloc(0);
  let body: Body | null = null;
  let stderr = '';
  let failure: Error | null = null;
  let ended = false;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const fail = (reason: string, cause?: unknown) => {
    failure ??= new Error(
      `git cat-file --batch in ${repo} stopped: ${stderr.trim() || reason}`,
      cause === undefined ? undefined : { cause },
    );
    body = null;
    for (const waiting of pending.splice(0)) waiting.reject(failure);
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };

  const take = (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (body) {
        // The content, then the newline that ends it.
        const n = Math.min(body.size + 1 - body.received, chunk.length - at);
        const contentEnd = at + Math.max(0, Math.min(n, body.size - body.received));
        if (body.content) chunk.copy(body.content, body.received, at, contentEnd);
        body.received += n;
        at += n;
        if (body.received <= body.size) continue;
        if (chunk[at - 1] !== 0x0a) throw new Error(`no newline after the ${body.size} bytes of ${body.waiting.name}`);
        const done = body;
        body = null;
        pending.shift();
        if (done.tooLarge)
          done.waiting.reject(
            new Error(`${done.waiting.name} is ${done.size} bytes, more than ${maxFileBytes}: not read`),
          );
        else done.waiting.resolve(done.content);
        continue;
      }
      const lf = chunk.indexOf(0x0a, at);
      if (lf < 0) {
        header = Buffer.concat([header, chunk.subarray(at)]);
        return;
      }
      const line = Buffer.concat([header, chunk.subarray(at, lf)]).toString('utf8');
      header = Buffer.alloc(0);
      at = lf + 1;
      const waiting = pending[0];
      if (!waiting) throw new Error(`an answer no read asked for: ${JSON.stringify(line)}`);
      if (line === `${waiting.name} missing` || line === `${waiting.name} ambiguous`) {
        pending.shift();
        waiting.resolve(null);
        continue;
      }
      const match = /^[0-9a-f]{40,64} ([a-z]+) (\d+)$/.exec(line);
      if (!match) throw new Error(`${JSON.stringify(line)} in answer to ${waiting.name}`);
      const size = Number(match[2]);
      const tooLarge = size > maxFileBytes;
      // A folder (tree) or a submodule's commit is not a file: read past, answered null.
      const keep = match[1] === 'blob' && !tooLarge;
      body = { waiting, size, received: 0, content: keep ? Buffer.allocUnsafe(size) : null, tooLarge };
    }
  };

  child.stdout.on('data', (chunk: Buffer) => {
    try {
      take(chunk);
    } catch (error) {
      // Out of step with git: nothing after can be trusted to answer the read it seems to.
      fail(`its answer could not be read (${(error as Error).message})`, error);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A write to a git that has died: 'close' follows, once its stderr has said why.
  child.stdin.on('error', () => child.kill());
  child.stdout.on('error', () => child.kill());
  child.stderr.on('error', () => child.kill());
  child.on('error', (error) => fail(error.message, error));
  child.once('close', (code, signal) => {
    if (pending.length || !ended) fail(`exited with ${code ?? signal}`);
  });

  return {
    read: (name) => {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        pending.push({ name, resolve, reject });
        child.stdin.write(`${name}\n`);
      });
    },
    // git answers every line it has read, then exits at the end of its input.
    end: async () => {
      ended = true;
      if (child.pid === undefined) return;
      child.stdin.end();
      await closed;
    },
  };
};

/**
 * Files at commits, read through one `git cat-file --batch` process for the whole import. A
 * process per file cost more than all the rest of the import: spawning from a Strapi process
 * copies its large memory map each time (a first start spent 27 of its 40 seconds of history
 * there, for about 1,100 reads).
 */
export class GitObjects {
  private batch: Batch | null = null;
  private closed = false;

  constructor(
    private readonly repo: string,
    private readonly maxFileBytes = MAX_FILE_BYTES,
  ) {}

  /** The file's content at the commit (`<sha>:<path>`), or null when the commit has no such file. */
  read(sha: string, file: string): Promise<Buffer | null> {
    const name = `${sha}:${file}`;
    // The batch protocol is a line per request: a newline in a path would split it in two.
    if (/[\r\n]/.test(name)) return Promise.resolve(null);
    if (this.closed) return Promise.reject(new Error(`${this.repo}: ${name} read after the history import closed git`));
    this.batch ??= startBatch(this.repo, this.maxFileBytes);
    return this.batch.read(name);
  }

  /** Ends the process once it has answered every read asked before. */
  async close(): Promise<void> {
    this.closed = true;
    const batch = this.batch;
    this.batch = null;
    await batch?.end();
  }
}
