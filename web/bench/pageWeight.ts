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
    };
  } finally {
    await browser.close();
  }
};
