import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

export type Rendition = { data: Uint8Array; format: string };

/**
 * Renditions on disk, made once each and kept by media file, so that all of a file's
 * renditions can be dropped at once: Strapi's replace keeps a file's address, and the CMS
 * then tells the site (api/revalidate), which drops them with `forget`. Requests for one still
 * being made wait for it; at most TRANSFORMS_AT_ONCE are made at a time, whatever the traffic,
 * so image work cannot starve page rendering.
 */
const TRANSFORMS_AT_ONCE = 2;
/** Under IMAGE_CACHE_DIR; one folder per media file. (Renditions kept before were named by width only, in two-letter folders.) */
const FOLDER = 'renditions';

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

export class RenditionStore {
  private readonly making = new Map<string, Promise<Rendition>>();
  /** Per media file, how many times it was forgotten: a rendition begun before the last time is not stored. */
  private readonly forgotten = new Map<string, number>();
  private readonly limit = pLimit(TRANSFORMS_AT_ONCE);

  constructor(private readonly directory: string) {}

  private folderOf(file: string): string {
    return path.join(this.directory, FOLDER, hashOf(file));
  }

  /** The rendition of media `file` stored as `variant`, if one is: nothing is made. */
  async peek(file: string, variant: string): Promise<Rendition | null> {
    const stored = await readFile(path.join(this.folderOf(file), hashOf(variant))).catch(() => null);
    if (!stored) return null;
    // The format is the file's first line; renditions are small enough to read whole.
    const newline = stored.indexOf(10);
    return { format: stored.subarray(0, newline).toString(), data: stored.subarray(newline + 1) };
  }

  /** The rendition of media `file` stored as `variant` (version, width, format), or the one `make` makes (then stored). */
  async get(file: string, variant: string, make: () => Promise<Rendition>): Promise<Rendition> {
    const stored = await this.peek(file, variant);
    if (stored) return stored;
    const target = path.join(this.folderOf(file), hashOf(variant));
    const key = `${file}\n${variant}`;
    let pending = this.making.get(key);
    if (!pending) {
      const generation = this.forgotten.get(file) ?? 0;
      pending = this.limit(make).then(async (rendition) => {
        // Made from bytes read before the file was replaced: served to who asked, never kept.
        const current = () => (this.forgotten.get(file) ?? 0) === generation;
        if (!current()) return rendition;
        await this.save(target, rendition).catch((error: unknown) =>
          console.warn(`[images] could not store a rendition in ${this.directory}: ${(error as Error).message}`),
        );
        // Forgotten while it was being written: the drop may have run before the file was there.
        if (!current()) await rm(target, { force: true });
        return rendition;
      });
      this.making.set(key, pending);
      void pending.finally(() => this.making.get(key) === pending && this.making.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  /** Drops every rendition of media `file`, those being made included: the CMS replaced or deleted it. */
  async forget(file: string): Promise<void> {
    this.forgotten.set(file, (this.forgotten.get(file) ?? 0) + 1);
    for (const key of this.making.keys()) if (key.startsWith(`${file}\n`)) this.making.delete(key);
    await rm(this.folderOf(file), { recursive: true, force: true });
  }

  private async save(file: string, rendition: Rendition): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.concat([Buffer.from(`${rendition.format}\n`), rendition.data]));
    await rename(partial, file);
  }
}

const STORE = Symbol.for('cannabis-equity-il.rendition-store');
type WithStore = typeof globalThis & { [STORE]?: RenditionStore };

export const renditionStore = (directory: string): RenditionStore =>
  ((globalThis as WithStore)[STORE] ??= new RenditionStore(directory));
