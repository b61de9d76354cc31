import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, it } from 'vitest';
import CmsImage from '../../src/components/CmsImage.astro';
import { readRenditionQuery, renditionQuery } from '../../src/lib/images/renditionAddress';
import {
  cropWidthsFor,
  cropWindow,
  readCropName,
  renditionWidthsFor,
  RENDITION_WIDTHS,
} from '../../src/lib/images/renditions';
import { RenditionStore } from '../../src/lib/images/renditionStore';
import service from '../../src/lib/images/service';
import { MediaCopies } from '../../src/lib/cache/mediaCopies';
import { mediaAddress, mediaVersion, versionedUpload } from '../../src/lib/http/uploads';

const imageConfig = {
  endpoint: { route: '/_image' },
  service: { entrypoint: '', config: {} },
  domains: [],
  remotePatterns: [],
} as never;

describe('rendition widths', () => {
  it('are every width narrower than the image, and the next one up (the image at its own size)', () => {
    expect(renditionWidthsFor(1440)).toEqual([360, 480, 640, 828, 1080, 1280, 1600]);
    expect(renditionWidthsFor(640)).toEqual([360, 480, 640]);
    expect(renditionWidthsFor(200)).toEqual([360]);
  });

  it('stop at the widest rendition for very large photos', () => {
    expect(renditionWidthsFor(6000)).toEqual([...RENDITION_WIDTHS]);
  });
});

/** When Strapi last changed the files of these tests, and the version the site writes for it. */
const UPDATED = '2026-05-01T10:00:00.000Z';
const V = mediaVersion(UPDATED);

describe('media addresses', () => {
  it('carry the file’s version, a short token that changes whenever Strapi changes the file', () => {
    expect(V).toMatch(/^[0-9a-f]{10}$/);
    expect(mediaVersion('2026-05-01T10:00:00.001Z')).not.toBe(V);
    expect(mediaAddress({ url: '/uploads/guide_1a2b.pdf', updatedAt: UPDATED })).toBe(`/uploads/guide_1a2b.pdf?v=${V}`);
  });

  it('stay bare without the file’s updatedAt, and leave addresses that are no upload as they are', () => {
    expect(mediaAddress({ url: '/uploads/guide_1a2b.pdf' })).toBe('/uploads/guide_1a2b.pdf');
    expect(mediaAddress({ url: 'https://elsewhere.example/a.jpg', updatedAt: UPDATED })).toBe(
      'https://elsewhere.example/a.jpg',
    );
    expect(mediaAddress({ url: '/uploads/../secrets.jpg', updatedAt: UPDATED })).toBe('/uploads/../secrets.jpg');
  });

  it('are read back as file and version, and any other query is no address the site wrote', () => {
    expect(versionedUpload(`/uploads/a/b_1.jpg?v=${V}`)).toEqual({ file: 'a/b_1.jpg', version: V });
    expect(versionedUpload('/uploads/b_1.jpg')).toEqual({ file: 'b_1.jpg', version: null });
    for (const other of ['/uploads/b_1.jpg?v=xyz', `/uploads/b_1.jpg?v=${V}&x=1`, `/elsewhere/b.jpg?v=${V}`])
      expect(versionedUpload(other), other).toBeNull();
  });
});

describe('the image service', () => {
  it('sends media-library images to the rendition endpoint with only the file, its version, the width, format and quality', async () => {
    const url = await service.getURL(
      { src: `/uploads/group_1a2b.jpg?v=${V}`, width: 828, height: 300, format: 'webp' },
      imageConfig,
      {} as never,
    );
    expect(url).toBe(`/_image?href=%2Fuploads%2Fgroup_1a2b.jpg&v=${V}&w=828&f=webp&q=62`);
    const avif = await service.getURL(
      { src: `/uploads/group_1a2b.jpg?v=${V}`, width: 828, height: 300, format: 'avif' },
      imageConfig,
      {} as never,
    );
    expect(avif).toBe(`/_image?href=%2Fuploads%2Fgroup_1a2b.jpg&v=${V}&w=828&f=avif&q=50`);
  });

  it('names the crop a rendition is made of, when one is asked for', async () => {
    const url = await service.getURL(
      { src: `/uploads/group_1a2b.jpg?v=${V}`, width: 640, format: 'avif', crop: { x: 30 } },
      imageConfig,
      {} as never,
    );
    expect(url).toBe(`/_image?href=%2Fuploads%2Fgroup_1a2b.jpg&v=${V}&w=640&f=avif&q=50&crop=4x3-30`);
  });

  it('leaves other addresses, unversioned ones, and widths that are no rendition, as Astro would', async () => {
    expect(
      await service.getURL(
        { src: 'https://elsewhere.example/a.jpg', width: 828, height: 300 },
        imageConfig,
        {} as never,
      ),
    ).toBe('https://elsewhere.example/a.jpg');
    expect(
      await service.getURL({ src: '/uploads/../secrets.jpg', width: 828, height: 300 }, imageConfig, {} as never),
    ).toBe('/uploads/../secrets.jpg');
    expect(
      await service.getURL({ src: `/uploads/a.jpg?v=${V}`, width: 829, height: 300 }, imageConfig, {} as never),
    ).not.toContain('href=%2Fuploads');
    expect(await service.getURL({ src: '/uploads/a.jpg', width: 828, height: 300 }, imageConfig, {} as never)).toBe(
      '/uploads/a.jpg',
    );
  });
});

describe('the rendition endpoint’s query', () => {
  const query = (text: string) => readRenditionQuery(new URLSearchParams(text));

  it('is read as the file, version and width the service wrote', () => {
    expect(query(renditionQuery({ file: 'group_1a2b.jpg', version: V, width: 828, format: 'avif' }))).toEqual({
      file: 'group_1a2b.jpg',
      version: V,
      width: 828,
      format: 'avif',
    });
    // The order of the parameters is not the address: the cache in front sorts them.
    expect(query(`w=828&q=62&f=webp&v=${V}&href=%2Fuploads%2Fgroup_1a2b.jpg`)).toEqual({
      file: 'group_1a2b.jpg',
      version: V,
      width: 828,
      format: 'webp',
    });
  });

  it('is read with the crop the service wrote, in any order', () => {
    const written = renditionQuery({ file: 'a.jpg', version: V, width: 640, format: 'webp', crop: { x: 70 } });
    expect(query(written)).toEqual({ file: 'a.jpg', version: V, width: 640, format: 'webp', crop: { x: 70 } });
    expect(query(`crop=4x3-70&f=webp&href=%2Fuploads%2Fa.jpg&q=62&v=${V}&w=640`)).toEqual(query(written));
  });

  it.each([
    ['at a position staff cannot choose', 'crop=4x3-31', 'w=828', /crop must be/],
    ['at another ratio', 'crop=5x4-50', 'w=828', /crop must be/],
    ['written another way', 'crop=4x3-050', 'w=828', /crop must be/],
    ['with more to it', 'crop=4x3-50-50', 'w=828', /crop must be/],
    ['twice', 'crop=4x3-50&crop=4x3-50', 'w=828', /exactly/],
    [
      'wider than any phone asks for',
      'crop=4x3-50',
      'w=1600',
      /a crop's w must be one of 360, 480, 640, 828, 1080, 1280/,
    ],
  ])('refuses a crop %s', (_, crop, width, problem) => {
    const read = query(`href=%2Fuploads%2Fa.jpg&v=${V}&${width}&f=webp&q=62&${crop}`);
    expect('problem' in read && read.problem).toMatch(problem);
  });

  it.each([
    [
      'without the version (an address from before files had one)',
      'href=%2Fuploads%2Fa.jpg&w=828&f=webp&q=62',
      /exactly href, v, w, f, q/,
    ],
    [
      'with a version the site never writes',
      'href=%2Fuploads%2Fa.jpg&v=ZZZ&w=828&f=webp&q=62',
      /v must be the file’s version/,
    ],
    ['with a made-up parameter', `href=%2Fuploads%2Fa.jpg&v=${V}&w=828&f=webp&q=62&x=1`, /exactly/],
    ['with a parameter twice', `href=%2Fuploads%2Fa.jpg&v=${V}&v=${V}&w=828&f=webp`, /exactly/],
    [
      'at a width that is no rendition',
      `href=%2Fuploads%2Fa.jpg&v=${V}&w=829&f=webp&q=62`,
      /w must be one of the rendition widths/,
    ],
    [
      'in another format',
      `href=%2Fuploads%2Fa.jpg&v=${V}&w=828&f=png&q=62`,
      /f and q must be f avif with q 50, or f webp with q 62/,
    ],
    ['at another format’s quality', `href=%2Fuploads%2Fa.jpg&v=${V}&w=828&f=avif&q=62`, /f and q must be/],
    [
      'of a file outside the media library',
      `href=https%3A%2F%2Fevil.example%2Fa.jpg&v=${V}&w=828&f=webp&q=62`,
      /href must be the address of a media-library file/,
    ],
  ])('refuses a query %s, saying why', (_, text, problem) => {
    const read = query(text);
    expect('problem' in read && read.problem).toMatch(problem);
  });
});

describe('a crop’s window', () => {
  it('is as tall as a wide image and 4:3, placed across as object-position places the image', () => {
    expect(cropWindow(1600, 680, { x: 50 })).toEqual({ left: 347, top: 0, width: 907, height: 680 });
    expect(cropWindow(1600, 680, { x: 0 })).toEqual({ left: 0, top: 0, width: 907, height: 680 });
    expect(cropWindow(1600, 680, { x: 100 })).toEqual({ left: 693, top: 0, width: 907, height: 680 });
    expect(cropWindow(1600, 680, { x: 30 })).toEqual({ left: 208, top: 0, width: 907, height: 680 });
  });

  it('is the whole of an image no wider than 4:3', () => {
    expect(cropWindow(500, 1000, { x: 100 })).toEqual({ left: 0, top: 0, width: 500, height: 1000 });
  });

  it('is named as the site writes it, and read back only in that form', () => {
    expect(readCropName('4x3-100')).toEqual({ x: 100 });
    for (const other of ['4x3', '4x3-', '4x3-+0', '4x3-0x0', '4x3-40', '', '4x3- 0', '4x3-0-50'])
      expect(readCropName(other), other).toBeNull();
  });

  it('is offered at the widths a phone asks for, up to the window’s own', () => {
    expect(cropWidthsFor(907)).toEqual([360, 480, 640, 828, 1080]);
    expect(cropWidthsFor(3000)).toEqual([360, 480, 640, 828, 1080, 1280]);
  });
});

describe('what the site keeps of a media file on disk', () => {
  const folders: string[] = [];
  const folder = async () => {
    const made = await mkdtemp(path.join(tmpdir(), 'media-test-'));
    folders.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((made) => rm(made, { recursive: true, force: true })));
  });
  const rendition = (text: string) => async () => ({ format: 'webp', data: new TextEncoder().encode(text) });
  const read = async (store: RenditionStore, file: string, variant: string) =>
    new TextDecoder().decode((await store.get(file, variant, rendition('made again'))).data);

  it('keeps renditions until the file is forgotten, then makes them again from the file as it is now', async () => {
    const store = new RenditionStore(await folder());
    await store.get('a.jpg', `${V} 640`, rendition('old photo'));
    await store.get('b.jpg', `${V} 640`, rendition('other photo'));
    expect(await read(store, 'a.jpg', `${V} 640`)).toBe('old photo');
    await store.forget('a.jpg');
    // Whatever version a request names: the old bytes are gone.
    expect(await read(store, 'a.jpg', `${V} 640`)).toBe('made again');
    expect(await read(store, 'b.jpg', `${V} 640`)).toBe('other photo');
  });

  it('never keeps a rendition that was being made when the file was forgotten', async () => {
    const directory = await folder();
    const store = new RenditionStore(directory);
    let finish: (text: string) => void = () => undefined;
    const slow = store.get(
      'a.jpg',
      `${V} 640`,
      () =>
        new Promise(
          (resolve) => (finish = (text) => resolve({ format: 'webp', data: new TextEncoder().encode(text) })),
        ),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await store.forget('a.jpg');
    finish('old photo');
    // Served to the request that began before the replace, not to any after it.
    expect(new TextDecoder().decode((await slow).data)).toBe('old photo');
    expect(await read(store, 'a.jpg', `${V} 640`)).toBe('made again');
  });

  it('drops the copy of a forgotten file, and does not keep bytes fetched before', async () => {
    const directory = await folder();
    const copies = new MediaCopies(directory);
    const copy = (text: string) => ({
      data: new TextEncoder().encode(text),
      contentType: 'image/jpeg',
      lastModified: null,
    });
    await copies.keep('a.jpg', copy('old photo'));
    const fetchedBefore = copies.generation('a.jpg');
    await copies.forget('a.jpg');
    expect(await copies.read('a.jpg')).toBeNull();
    await copies.keep('a.jpg', copy('old photo, fetched before the replace'), fetchedBefore);
    expect(await copies.read('a.jpg')).toBeNull();
    await copies.keep('a.jpg', copy('new photo'));
    expect(new TextDecoder().decode((await copies.read('a.jpg'))!.data)).toBe('new photo');
    expect(await readdir(directory)).toHaveLength(1);
  });
});

describe('a media-library image on a page', () => {
  const render = async (image: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    (await AstroContainer.create()).renderToString(CmsImage, {
      props: { image, alt: 'Volunteers at a table', sizes: '100vw', ...more },
    });

  it('offers AVIF and WebP renditions by width at the file’s version, keeping its own size for the layout', async () => {
    const html = await render({
      url: '/uploads/table_9f.png',
      width: 700,
      height: 350,
      mime: 'image/png',
      updatedAt: UPDATED,
    });
    const at = (format: string) => (w: number) =>
      `/_image?href=%2Fuploads%2Ftable_9f.png&amp;v=${V}&amp;w=${w}&amp;f=${format}&amp;q=${format === 'avif' ? 50 : 62} ${w}w`;
    expect(html).toContain(
      `<source type="image/avif" srcset="${[360, 480, 640, 828].map(at('avif')).join(', ')}" sizes="100vw"`,
    );
    expect(html).toContain(`srcset="${[360, 480, 640, 828].map(at('webp')).join(', ')}"`);
    expect(html).toContain('width="700" height="350"');
    expect(html).toContain('loading="lazy"');
  });

  it('sends the screens a crop is for renditions of that window only, AVIF then WebP, at the window’s size', async () => {
    const phoneCrop = { crop: { x: 30 }, media: '(max-width: 424px)', sizes: 'max(100vw, 424px)' };
    const html = await render(
      { url: '/uploads/wide_9f.jpg', width: 1600, height: 680, mime: 'image/jpeg', updatedAt: UPDATED },
      { phoneCrop },
    );
    const at = (format: string) => (w: number) =>
      `/_image?href=%2Fuploads%2Fwide_9f.jpg&amp;v=${V}&amp;w=${w}&amp;f=${format}&amp;q=${format === 'avif' ? 50 : 62}&amp;crop=4x3-30 ${w}w`;
    const sources = [...html.matchAll(/<source [^>]*>/g)].map((m) => m[0]);
    expect(sources).toHaveLength(3);
    for (const [source, format] of [
      [sources[0]!, 'avif'],
      [sources[1]!, 'webp'],
    ] as const) {
      expect(source).toContain('media="(max-width: 424px)"');
      expect(source).toContain(`type="image/${format}"`);
      // The window of a 1600 × 680 photo is 907 px wide: renditions up to the next width.
      expect(source).toContain(`srcset="${[360, 480, 640, 828, 1080].map(at(format)).join(', ')}"`);
      expect(source).toContain('sizes="max(100vw, 424px)"');
      expect(source).toContain('width="907" height="680"');
    }
    // Every other screen: the whole photo, as without a crop.
    expect(sources[2]).not.toContain('media=');
    expect(sources[2]).not.toContain('crop=');
    expect(/<img [^>]*>/.exec(html)![0]).not.toContain('crop=');
  });

  it('crops an animation as WebP only (an AVIF would keep one frame)', async () => {
    const html = await render(
      { url: '/uploads/moving_9f.gif', width: 1600, height: 680, mime: 'image/gif', updatedAt: UPDATED },
      { phoneCrop: { crop: { x: 50 }, media: '(max-width: 424px)', sizes: '100vw' } },
    );
    const sources = [...html.matchAll(/<source [^>]*>/g)].map((m) => m[0]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toContain('type="image/webp"');
    expect(sources[0]).toContain('crop=4x3-50');
    expect(html).not.toContain('avif');
  });

  it('gets new addresses when the file is replaced (Strapi keeps its url, and changes its updatedAt)', async () => {
    const before = await render({
      url: '/uploads/table_9f.png',
      width: 700,
      height: 350,
      mime: 'image/png',
      updatedAt: UPDATED,
    });
    const after = await render({
      url: '/uploads/table_9f.png',
      width: 700,
      height: 350,
      mime: 'image/png',
      updatedAt: '2026-05-02T08:30:00.000Z',
    });
    const addresses = (html: string) => [...html.matchAll(/\/_image\?[^ "]+/g)].map((m) => m[0]);
    expect(addresses(before)).toHaveLength(addresses(after).length);
    expect(addresses(after).filter((address) => addresses(before).includes(address))).toEqual([]);
  });

  it('serves a drawing (SVG) as it is, at its version', async () => {
    const html = await render({
      url: '/uploads/logo_1.svg',
      width: 194,
      height: 105,
      mime: 'image/svg+xml',
      updatedAt: UPDATED,
    });
    expect(html).toContain(`src="/uploads/logo_1.svg?v=${V}"`);
    expect(html).not.toContain('srcset');
    expect(html).not.toContain('<picture');
  });

  it('serves the file itself when its version is not known (no address a browser keeps)', async () => {
    const html = await render({ url: '/uploads/table_9f.png', width: 700, height: 350, mime: 'image/png' });
    expect(html).toContain('src="/uploads/table_9f.png"');
    expect(html).not.toContain('srcset');
  });
});
