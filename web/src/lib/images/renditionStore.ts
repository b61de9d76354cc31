import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

export type Rendition = { data: Uint8Array; format: string };

/**
 * Renditions on disk, made once each: media files never change at an address (Strapi names
 * them by content hash), so a rendition is good for as long as its source exists. Requests for
 * one still being made wait for it; at most TRANSFORMS_AT_ONCE are made at a time, whatever
 * the traffic, so image work cannot starve page rendering.
 */
const TRANSFORMS_AT_ONCE = 2;

export class RenditionStore {
  private readonly making = new Map<string, Promise<Rendition>>();
  private readonly limit = pLimit(TRANSFORMS_AT_ONCE);

  constructor(private readonly directory: string) {}

  private fileOf(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(this.directory, hash.slice(0, 2), hash);
  }

  /** The rendition stored under `key`, or the one `make` makes (then stored). */
  async get(key: string, make: () => Promise<Rendition>): Promise<Rendition> {
    const file = this.fileOf(key);
    const stored = await readFile(file).catch(() => null);
    if (stored) {
      // The format is the file's first line; renditions are small enough to read whole.
      const newline = stored.indexOf(10);
      return { format: stored.subarray(0, newline).toString(), data: stored.subarray(newline + 1) };
    }
    let pending = this.making.get(key);
    if (!pending) {
      pending = this.limit(make).then(async (rendition) => {
        await this.save(file, rendition).catch((error: unknown) => console.warn(`[images] could not store a rendition in ${this.directory}: ${(error as Error).message}`));
        return rendition;
      });
      this.making.set(key, pending);
      void pending.finally(() => this.making.delete(key)).catch(() => undefined);
    }
    return pending;
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

export const renditionStore = (directory: string): RenditionStore => ((globalThis as WithStore)[STORE] ??= new RenditionStore(directory));
