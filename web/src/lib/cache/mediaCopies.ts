import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What is kept of a served media file: its bytes and the headers that describe them. */
export type MediaCopy = { data: Uint8Array; contentType: string; lastModified: string | null };

/** Room for media copies on disk; the least recently served go first beyond it. */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * Media files the site served, kept on disk (`IMAGE_CACHE_DIR/media`) so that pages which
 * survive a CMS outage keep their images and documents, across restarts of the site too.
 * A copy is good until the CMS says the file was replaced or deleted (Strapi's replace keeps
 * the address): `forget` drops it then.
 */
export class MediaCopies {
  private sizes: Map<string, { bytes: number; usedAt: number }> | null = null;
  private total = 0;
  /** Per file, how many times it was forgotten: bytes fetched before the last time are not kept. */
  private readonly forgotten = new Map<string, number>();

  constructor(
    private readonly directory: string,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  private fileOf(file: string): string {
    return path.join(this.directory, createHash('sha256').update(file).digest('hex'));
  }

  /** What is on disk already, read once (a restarted site finds its copies). */
  private async index(): Promise<Map<string, { bytes: number; usedAt: number }>> {
    if (this.sizes) return this.sizes;
    const sizes = new Map<string, { bytes: number; usedAt: number }>();
    for (const name of await readdir(this.directory).catch(() => [] as string[])) {
      if (name.endsWith('.partial')) continue;
      const info = await stat(path.join(this.directory, name)).catch(() => null);
      if (info) sizes.set(path.join(this.directory, name), { bytes: info.size, usedAt: info.mtimeMs });
    }
    this.sizes ??= sizes;
    this.total = [...this.sizes.values()].reduce((sum, entry) => sum + entry.bytes, 0);
    return this.sizes;
  }

  /** What to pass to `keep` for bytes fetched from now on. */
  generation(file: string): number {
    return this.forgotten.get(file) ?? 0;
  }

  /** Keeps `copy` of `file`, unless the file was forgotten since `generation` (the bytes may be the replaced ones). */
  async keep(file: string, copy: MediaCopy, generation = this.generation(file)): Promise<void> {
    if (generation !== this.generation(file)) return;
    const target = this.fileOf(file);
    const header = Buffer.from(
      `${JSON.stringify({ contentType: copy.contentType, lastModified: copy.lastModified })}\n`,
    );
    if (header.length + copy.data.byteLength > this.maxBytes) return;
    const sizes = await this.index();
    if (sizes.has(target)) return;
    await mkdir(this.directory, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, Buffer.concat([header, copy.data]));
    await rename(partial, target);
    // Forgotten while it was being written: the drop may have run before the copy was there.
    if (generation !== this.generation(file)) {
      await rm(target, { force: true });
      return;
    }
    sizes.set(target, { bytes: header.length + copy.data.byteLength, usedAt: Date.now() });
    this.total += header.length + copy.data.byteLength;
    await this.makeRoom(sizes);
  }

  async read(file: string): Promise<MediaCopy | null> {
    const target = this.fileOf(file);
    const stored = await readFile(target).catch(() => null);
    if (!stored) return null;
    const newline = stored.indexOf(10);
    const meta = JSON.parse(stored.subarray(0, newline).toString()) as {
      contentType: string;
      lastModified: string | null;
    };
    const sizes = await this.index();
    const entry = sizes.get(target);
    if (entry) entry.usedAt = Date.now();
    // The file's time is its last use: the order of eviction survives a restart.
    await utimes(target, new Date(), new Date()).catch(() => undefined);
    return { ...meta, data: stored.subarray(newline + 1) };
  }

  /** Drops the copy of `file`: the CMS replaced or deleted it. */
  async forget(file: string): Promise<void> {
    this.forgotten.set(file, this.generation(file) + 1);
    const target = this.fileOf(file);
    const sizes = await this.index();
    await rm(target, { force: true });
    const entry = sizes.get(target);
    if (entry) {
      sizes.delete(target);
      this.total -= entry.bytes;
    }
  }

  private async makeRoom(sizes: Map<string, { bytes: number; usedAt: number }>): Promise<void> {
    if (this.total <= this.maxBytes) return;
    for (const [file, entry] of [...sizes].sort(([, a], [, b]) => a.usedAt - b.usedAt)) {
      if (this.total <= this.maxBytes) return;
      await rm(file, { force: true });
      sizes.delete(file);
      this.total -= entry.bytes;
    }
  }
}

const COPIES = Symbol.for('cannabis-equity-il.media-copies');
type WithCopies = typeof globalThis & { [COPIES]?: MediaCopies };

export const mediaCopies = (cacheDir: string): MediaCopies =>
  ((globalThis as WithCopies)[COPIES] ??= new MediaCopies(path.join(cacheDir, 'media')));
