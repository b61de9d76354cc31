import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

export type PageWeight = {
  path: string;
  viewportWidth: number;
  /** Bytes as transferred (the encoded bodies), by kind, for one visit with an empty cache. */
  html: number;
  css: number;
  fonts: number;
  images: number;
  other: number;
  /** HTML + CSS + fonts: what every visit to the page costs before its images. */
  htmlCssFonts: number;
  total: number;
  requests: number;
  /**
   * The most any image is enlarged: the device pixels it is drawn across ÷ its file's pixels
   * (1 = drawn at its own size). An image at the widest size the site has of it does not count.
   */
  largestEnlargement?: { factor: number; image: string } | null;
  throughVarnish?: boolean;
};

const KIND: Record<string, keyof Pick<PageWeight, 'html' | 'css' | 'fonts' | 'images'>> = {
  document: 'html',
  stylesheet: 'css',
  font: 'fonts',
  image: 'images',
};

/**
 * What a real browser (Debian's Chromium) downloads for one visit to `url` at a viewport
 * width, scrolled to the bottom so lazy images count too.
 */
export const measurePageWeight = async (url: string, viewportWidth: number): Promise<PageWeight> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: viewportWidth, height: 900 } });
    const finished: Promise<{ kind: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      finished.push(
        request
          .sizes()
          .then((sizes) => ({ kind: KIND[request.resourceType()] ?? 'other', bytes: sizes.responseBodySize })),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(finished);
    const largestEnlargement = await page.evaluate(() => {
      let largest: { factor: number; image: string } | null = null;
      for (const img of document.images) {
        if (!img.complete || img.naturalWidth === 0 || /\.svg(\?|$)/.test(img.currentSrc)) continue;
        const offered = img.srcset
          ? img.srcset.split(',').map((candidate) => Number(/\s(\d+)w$/.exec(candidate.trim())?.[1] ?? 0))
          : [];
        const chosen = Number(new URL(img.currentSrc).searchParams.get('w') ?? 0);
        // The file at its own size, or the widest rendition of it: nothing bigger to send.
        if (offered.length === 0 || chosen >= Math.max(...offered)) continue;
        const box = img.getBoundingClientRect();
        const ratio = img.naturalWidth / img.naturalHeight;
        const fit = getComputedStyle(img).objectFit;
        // object-fit: cover draws the file as wide as its box, or wider when the box is taller than its shape.
        const drawn =
          fit === 'cover'
            ? Math.max(box.width, box.height * ratio)
            : fit === 'contain'
              ? Math.min(box.width, box.height * ratio)
              : box.width;
        const factor = (drawn * devicePixelRatio) / img.naturalWidth;
        if (!largest || factor > largest.factor)
          largest = { factor, image: img.currentSrc.replace(location.origin, '') };
      }
      return largest;
    });
    const sum = (kind: string) => sizes.filter((s) => s.kind === kind).reduce((total, s) => total + s.bytes, 0);
    const weight = {
      html: sum('html'),
      css: sum('css'),
      fonts: sum('fonts'),
      images: sum('images'),
      other: sum('other'),
    };
    return {
      path: new URL(url).pathname,
      viewportWidth,
      ...weight,
      htmlCssFonts: weight.html + weight.css + weight.fonts,
      total: weight.html + weight.css + weight.fonts + weight.images + weight.other,
      requests: sizes.length,
      largestEnlargement,
    };
  } finally {
    await browser.close();
  }
};
