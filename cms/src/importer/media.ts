import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import mime from 'mime-types';
import { PLACEHOLDER_ALT, PLACEHOLDER_NAME, renderPlaceholder } from './placeholder';

type UploadService = {
  upload(
    input: { data: { fileInfo: Record<string, unknown> }; files: Record<string, unknown> },
  ): Promise<{ id: number }[]>;
};

/** The caption records where an imported file came from; it is also how a re-import finds it. */
const provenance = (sitePath: string): string => `Imported from ${sitePath}`;

/**
 * Brings the old site's files into Strapi's media library, once: a file imported before is
 * found again by its provenance caption and reused. In a dry run nothing is uploaded.
 */
export class MediaLibrary {
  private readonly known = new Map<string, number | null>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly siteRoot: string | undefined,
    private readonly dryRun: boolean,
  ) {}

  private async findImported(sitePath: string): Promise<number | null> {
    const file = await this.strapi.db.query('plugin::upload.file').findOne({ where: { caption: provenance(sitePath) }, select: ['id'] });
    return file ? (file.id as number) : null;
  }

  private async uploadFile(filepath: string, sitePath: string, alternativeText: string | undefined): Promise<number> {
    const name = path.basename(filepath);
    const { size } = await stat(filepath);
    const upload = this.strapi.plugin('upload').service('upload') as unknown as UploadService;
    const [file] = await upload.upload({
      data: { fileInfo: { name, caption: provenance(sitePath), alternativeText: alternativeText ?? null } },
      files: { filepath, originalFilename: name, mimetype: mime.lookup(name) || 'application/octet-stream', size },
    });
    if (!file) throw new Error(`the media library did not store ${sitePath}`);
    return file.id;
  }

  /**
   * The media id for a site path such as /assets/images/x.jpg; `undefined` in a dry run when
   * it would be uploaded, or `missing` when the old site folder does not have it.
   */
  async resolve(sitePath: string, alternativeText?: string): Promise<number | 'missing' | 'would-upload'> {
    const cached = this.known.get(sitePath);
    if (cached !== undefined) return cached ?? 'missing';
    const existing = await this.findImported(sitePath);
    if (existing !== null) {
      this.known.set(sitePath, existing);
      return existing;
    }
    const filepath = this.siteRoot ? path.join(this.siteRoot, decodeURIComponent(sitePath.replace(/^\/+/, ''))) : undefined;
    const exists = filepath ? await stat(filepath).then((s) => s.isFile(), () => false) : false;
    if (!filepath || !exists) {
      this.known.set(sitePath, null);
      return 'missing';
    }
    if (this.dryRun) return 'would-upload';
    const id = await this.uploadFile(filepath, sitePath, alternativeText);
    this.known.set(sitePath, id);
    return id;
  }

  /** The generated 1440 × 544 placeholder, uploaded the first time it is needed. */
  async placeholder(): Promise<number | 'would-upload'> {
    const key = `the generated placeholder ${PLACEHOLDER_NAME}`;
    const existing = this.known.get(key) ?? (await this.findImported(key));
    if (existing) {
      this.known.set(key, existing);
      return existing;
    }
    if (this.dryRun) return 'would-upload';
    const dir = await mkdtemp(path.join(tmpdir(), 'placeholder-'));
    try {
      const filepath = path.join(dir, PLACEHOLDER_NAME);
      await writeFile(filepath, await renderPlaceholder());
      const id = await this.uploadFile(filepath, key, PLACEHOLDER_ALT);
      this.known.set(key, id);
      return id;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
