import { mkdtemp, open, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import mime from 'mime-types';
import sharp from 'sharp';
import { PLACEHOLDER_ALT, PLACEHOLDER_NAME, renderPlaceholder } from './placeholder';
import { problemWith } from '../media/file-checks';
import { extractSymbol } from './svg-symbol';

type UploadService = {
  upload(input: {
    data: { fileInfo: Record<string, unknown> };
    files: Record<string, unknown>;
  }): Promise<{ id: number; url: string }[]>;
  remove(file: { id: number }): Promise<unknown>;
};

/** What a media field may hold: an image, or (for links to files) an image or a PDF. */
export type MediaKind = 'image' | 'file';

export type Resolved =
  | { kind: 'found'; id: number; url: string }
  | { kind: 'would-upload' }
  | { kind: 'missing'; reason: string }
  | { kind: 'refused'; reason: string };

/** The caption records where an imported file came from; it is also how a re-import finds it. */
const provenance = (sitePath: string): string => `Imported from ${sitePath}`;

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'svg', 'tiff']);

/** What the file's bytes are, whatever its name says. */
const sniff = async (file: string): Promise<'image' | 'pdf' | 'other'> => {
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (buffer.toString('latin1') === '%PDF-') return 'pdf';
  } finally {
    await handle.close();
  }
  const format = await sharp(file)
    .metadata()
    .then(
      (m) => m.format,
      () => undefined,
    );
  return format && IMAGE_FORMATS.has(format) ? 'image' : 'other';
};

/**
 * Brings the old site's files into Strapi's media library, each once per run and once ever (a
 * file imported before is found again by its provenance caption). Paths are taken only from
 * inside the site folder, and a file must be what the field holds (an image; an image or a
 * PDF for file links), judged by its content, not its name. Files uploaded while a page is
 * built are removed again if that page is then not saved. In a dry run nothing is uploaded.
 */
export class MediaLibrary {
  private readonly known = new Map<string, Resolved>();
  private uploadedForPage: { key: string; id: number }[] = [];

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly siteRoot: string | undefined,
    private readonly dryRun: boolean,
    /**
     * Where a file the site folder lacks may still be found (the history import: in the commit
     * that named it); its copy on disk, or null.
     */
    private readonly fetchMissing?: (relative: string) => Promise<string | null>,
  ) {}

  private async findImported(sitePath: string): Promise<{ id: number; url: string } | null> {
    const file = await this.strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { caption: provenance(sitePath) }, select: ['id', 'url'] });
    return file ? { id: file.id as number, url: file.url as string } : null;
  }

  private get uploads(): UploadService {
    return this.strapi.plugin('upload').service('upload') as unknown as UploadService;
  }

  private async uploadFile(
    filepath: string,
    sitePath: string,
    alternativeText: string | undefined,
  ): Promise<{ id: number; url: string }> {
    const name = path.basename(filepath);
    const { size } = await stat(filepath);
    const [file] = await this.uploads.upload({
      data: { fileInfo: { name, caption: provenance(sitePath), alternativeText: alternativeText ?? null } },
      files: { filepath, originalFilename: name, mimetype: mime.lookup(name) || 'application/octet-stream', size },
    });
    if (!file) throw new Error(`the media library did not store ${sitePath}`);
    return file;
  }

  /** The file a site path such as /assets/images/x.jpg names, if it lies inside the site folder. */
  private async locate(sitePath: string): Promise<{ file: string } | { refused: string } | { missing: string }> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath);
    } catch {
      return { refused: `${JSON.stringify(sitePath)} has a broken "%" escape` };
    }
    if (/[\\\0]/.test(decoded) || /^[a-z][a-z0-9+.-]*:/i.test(decoded))
      return { refused: `${JSON.stringify(sitePath)} is not a path inside the site folder` };
    const relative = path.posix.normalize(decoded.replace(/^\/+/, ''));
    if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) {
      return { refused: `${JSON.stringify(sitePath)} points outside the site folder` };
    }
    const fetched = async () => {
      const copy = this.fetchMissing ? await this.fetchMissing(relative) : null;
      return copy ? { file: copy } : { missing: `${sitePath} is not in the site folder` };
    };
    if (!this.siteRoot) return this.fetchMissing ? fetched() : { missing: 'no site folder was given' };
    const root = await realpath(this.siteRoot);
    const file = path.resolve(root, relative);
    const real = await realpath(file).catch(() => null);
    if (!real) return fetched();
    const inside = path.relative(root, real);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      return { refused: `${JSON.stringify(sitePath)} leads outside the site folder` };
    if (!(await stat(real)).isFile()) return { missing: `${sitePath} is not a file` };
    return { file: real };
  }

  /**
   * The media library entry for a site path: found (uploaded now or before), would-upload (dry
   * run), missing from the site folder, or refused (outside the folder, or not an image/PDF).
   */
  async resolve(
    sitePath: string,
    kind: MediaKind = 'image',
    alternativeText?: string,
    symbolFill?: string,
  ): Promise<Resolved> {
    const key = `${kind}:${sitePath}`;
    const cached = this.known.get(key);
    if (cached) return cached;
    const result = await this.resolveUncached(sitePath, kind, alternativeText, key, symbolFill);
    // A file found missing may be in the next commit the history import reads: asked again then.
    if (!(result.kind === 'missing' && this.fetchMissing)) this.known.set(key, result);
    return result;
  }

  private async resolveUncached(
    sitePath: string,
    kind: MediaKind,
    alternativeText: string | undefined,
    key: string,
    symbolFill?: string,
  ): Promise<Resolved> {
    // sprites.svg#primary-logo: one symbol of an SVG sprite, as a file of its own.
    const [filePath = sitePath, symbol] = sitePath.split('#');
    const located = await this.locate(filePath);
    if ('refused' in located) return { kind: 'refused', reason: located.refused };
    if ('missing' in located) return { kind: 'missing', reason: located.missing };
    const dir = symbol ? await mkdtemp(path.join(tmpdir(), 'symbol-')) : null;
    try {
      let file = located.file;
      if (dir && symbol) {
        // A sprite has no size of its own (and is hidden): the symbol is what must be an image.
        const svg = extractSymbol(await readFile(located.file, 'utf8'), symbol, symbolFill);
        if (!svg) return { kind: 'missing', reason: `${filePath} has no symbol "${symbol}"` };
        file = path.join(dir, `${path.basename(filePath, '.svg')}-${symbol.replace(/[^a-z0-9-]+/gi, '-')}.svg`);
        await writeFile(file, svg);
      }
      const content = await sniff(file);
      if (content === 'other' || (kind === 'image' && content !== 'image')) {
        return {
          kind: 'refused',
          reason: `${sitePath} is not ${kind === 'image' ? 'an image' : 'an image or a PDF'} (judged by its content)`,
        };
      }
      // The media library's own check (an SVG that is more than a drawing, a misnamed file): reported here, never uploaded.
      const problem = await problemWith({ filepath: file, originalFilename: path.basename(file) });
      if (problem) return { kind: 'refused', reason: problem };
      const existing = await this.findImported(sitePath);
      if (existing) return { kind: 'found', ...existing };
      if (this.dryRun) return { kind: 'would-upload' };
      const uploaded = await this.uploadFile(file, sitePath, alternativeText);
      this.uploadedForPage.push({ key, id: uploaded.id });
      return { kind: 'found', ...uploaded };
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  /** The generated 1440 × 544 placeholder, uploaded the first time it is needed. */
  async placeholder(): Promise<Resolved> {
    const sitePath = `the generated placeholder ${PLACEHOLDER_NAME}`;
    const key = `image:${sitePath}`;
    const cached = this.known.get(key);
    if (cached) return cached;
    const existing = await this.findImported(sitePath);
    let result: Resolved;
    if (existing) result = { kind: 'found', ...existing };
    else if (this.dryRun) result = { kind: 'would-upload' };
    else {
      const dir = await mkdtemp(path.join(tmpdir(), 'placeholder-'));
      try {
        const filepath = path.join(dir, PLACEHOLDER_NAME);
        await writeFile(filepath, await renderPlaceholder());
        const uploaded = await this.uploadFile(filepath, sitePath, PLACEHOLDER_ALT);
        this.uploadedForPage.push({ key, id: uploaded.id });
        result = { kind: 'found', ...uploaded };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    this.known.set(key, result);
    return result;
  }

  /** A page's files are kept from here on: it was saved. */
  keepPageUploads(): void {
    this.uploadedForPage = [];
  }

  /** The page these files were uploaded for was not saved: they go again, so none is left orphaned. */
  async discardPageUploads(): Promise<number> {
    const uploaded = this.uploadedForPage;
    this.uploadedForPage = [];
    for (const { key, id } of uploaded) {
      this.known.delete(key);
      const file = await this.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      if (file) await this.uploads.remove(file as { id: number });
    }
    return uploaded.length;
  }
}
