import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Pending = { name: string; resolve: (blob: Buffer | null) => void; reject: (error: Error) => void };

/**
 * Files at commits, read through one `git cat-file --batch` process for the whole import. A
 * process per file cost more than all the rest of the import: spawning from a Strapi process
 * copies its large memory map each time (a first start spent 27 of its 40 seconds of history
 * there, for about 1,100 reads).
 */
export class GitObjects {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly pending: Pending[] = [];
  private buffer = Buffer.alloc(0);
  private failure: Error | null = null;

  constructor(private readonly repo: string) {}

  /** The file's content at the commit (`<sha>:<path>`), or null when the commit has no such file. */
  read(sha: string, file: string): Promise<Buffer | null> {
    const name = `${sha}:${file}`;
    // The batch protocol is a line per request: a newline in a path would split it in two.
    if (/[\r\n]/.test(name)) return Promise.resolve(null);
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ name, resolve, reject });
      child.stdin.write(`${name}\n`);
    });
  }

  /** Ends the process; reads still waiting are refused. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.stdin.end();
    await exited;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['-C', this.repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.answer();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const fail = (cause: unknown) => {
      this.failure = new Error(
        `git cat-file --batch in ${this.repo} stopped: ${stderr.trim() || (cause as Error).message || cause}`,
        { cause },
      );
      for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
      if (this.child === child) this.child = null;
    };
    child.once('error', fail);
    // Not after close(), which lets go of the child first: an end nobody asked for.
    child.once('close', (code, signal) => {
      if (this.child === child) fail(new Error(`exited with ${code ?? signal}`));
    });
    child.stdin.once('error', fail);
    this.child = child;
    return child;
  }

  /** Answers the waiting reads, in order, for as many whole answers as the output holds. */
  private answer(): void {
    for (;;) {
      const waiting = this.pending[0];
      const end = this.buffer.indexOf(0x0a);
      if (!waiting || end < 0) return;
      const header = this.buffer.subarray(0, end).toString('utf8');
      // "<name> missing" (or "ambiguous"): no such object at that commit.
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(end + 1);
        this.pending.shift();
        waiting.resolve(null);
        continue;
      }
      const [, type, size] = header.split(' ');
      const length = Number(size);
      if (!type || !Number.isSafeInteger(length)) {
        this.child?.kill();
        const error = new Error(
          `git cat-file --batch in ${this.repo} answered ${JSON.stringify(header)} for ${waiting.name}`,
        );
        this.failure = error;
        for (const other of this.pending.splice(0)) other.reject(error);
        return;
      }
      // The content and its trailing newline.
      if (this.buffer.length < end + 1 + length + 1) return;
      const content = Buffer.from(this.buffer.subarray(end + 1, end + 1 + length));
      this.buffer = this.buffer.subarray(end + 1 + length + 1);
      this.pending.shift();
      // A folder (tree) or a submodule's commit is not a file.
      waiting.resolve(type === 'blob' ? content : null);
    }
  }
}
