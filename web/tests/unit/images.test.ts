import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import CmsImage from '../../src/components/CmsImage.astro';
import { renditionWidthsFor, RENDITION_WIDTHS } from '../../src/lib/images/renditions';
import service from '../../src/lib/images/service';

const imageConfig = { endpoint: { route: '/_image' }, service: { entrypoint: '', config: {} }, domains: [], remotePatterns: [] } as never;

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

describe('the image service', () => {
  it('sends media-library images to the rendition endpoint with only the width, format and quality', async () => {
    const url = await service.getURL({ src: '/uploads/group_1a2b.jpg', width: 828, height: 300, format: 'webp' }, imageConfig, {} as never);
    expect(url).toBe('/_image?href=%2Fuploads%2Fgroup_1a2b.jpg&w=828&f=webp&q=62');
  });

  it('leaves other addresses, and widths that are no rendition, as Astro would', async () => {
    expect(await service.getURL({ src: 'https://elsewhere.example/a.jpg', width: 828, height: 300 }, imageConfig, {} as never)).toBe('https://elsewhere.example/a.jpg');
    expect(await service.getURL({ src: '/uploads/../secrets.jpg', width: 828, height: 300 }, imageConfig, {} as never)).toBe('/uploads/../secrets.jpg');
    expect(await service.getURL({ src: '/uploads/a.jpg', width: 829, height: 300 }, imageConfig, {} as never)).toBe('/uploads/a.jpg');
  });
});

describe('a media-library image on a page', () => {
  const render = async (image: Record<string, unknown>) =>
    (await AstroContainer.create()).renderToString(CmsImage, { props: { image, alt: 'Volunteers at a table', sizes: '100vw' } });

  it('offers WebP renditions by width, keeping its own size for the layout', async () => {
    const html = await render({ url: '/uploads/table_9f.png', width: 700, height: 350, mime: 'image/png' });
    expect(html).toContain('srcset="/_image?href=%2Fuploads%2Ftable_9f.png&amp;w=360&amp;f=webp&amp;q=62 360w, /_image?href=%2Fuploads%2Ftable_9f.png&amp;w=480&amp;f=webp&amp;q=62 480w, /_image?href=%2Fuploads%2Ftable_9f.png&amp;w=640&amp;f=webp&amp;q=62 640w, /_image?href=%2Fuploads%2Ftable_9f.png&amp;w=828&amp;f=webp&amp;q=62 828w"');
    expect(html).toContain('width="700" height="350"');
    expect(html).toContain('loading="lazy"');
  });

  it('serves a drawing (SVG) as it is', async () => {
    const html = await render({ url: '/uploads/logo_1.svg', width: 194, height: 105, mime: 'image/svg+xml' });
    expect(html).toContain('src="/uploads/logo_1.svg"');
    expect(html).not.toContain('srcset');
  });
});
