import node from '@astrojs/node';
import { defineConfig, fontProviders, memoryCache } from 'astro/config';
import { FONT_FACES } from './src/assets/fonts/characters.ts';

// Set by `pnpm bench` only (bench/astroMemoryCache.ts): a build of the site with Astro's own
// memoryCache() in place of the page store, into a folder of its own, to measure Astro's
// provider beside the site's hit path. Production builds never set it.
const memoryCacheBenchOutDir = process.env.BENCH_MEMORY_CACHE_OUT_DIR;

// Server-rendered; everything that differs between environments is read at run time
// (src/config.ts), so one build serves every deployment.
export default defineConfig({
  output: 'server',
  // The largest body any route takes is a form's (web/src/lib/forms/receivePost.ts, MAX_FORM_BYTES);
  // the adapter's default would buffer a gigabyte for anyone who sends one.
  adapter: node({ mode: 'standalone', bodySizeLimit: 128 * 1024 }),
  trailingSlash: 'ignore', // src/middleware.ts redirects to the canonical trailing-slash form
  cache: {
    // Astro's route cache over a store the Node server also reads (src/lib/cache/):
    // the same API as memoryCache(), with cache hits answered before Astro's pipeline.
    provider: memoryCacheBenchOutDir
      ? memoryCache()
      : { name: 'page-store', entrypoint: new URL('./src/lib/cache/provider.ts', import.meta.url) },
  },
  ...(memoryCacheBenchOutDir ? { outDir: memoryCacheBenchOutDir } : {}),
  image: {
    // Astro's sharp service, and an endpoint that keeps what it makes: media-library images
    // become AVIF and WebP renditions (src/lib/images/).
    service: {
      entrypoint: './src/lib/images/service.ts',
      // sharp's AVIF effort 2 (of 0–9; its default 4) makes a 1600 px photo in half a second on
      // one core instead of three, for files 5–10 % larger: renditions are made on a first
      // visit, taking turns with page renders (src/lib/images/renditionStore.ts).
      config: { avif: { effort: 2 } },
    },
    endpoint: { route: '/_image', entrypoint: './src/lib/images/endpoint.ts' },
  },
  build: {
    // Every stylesheet written into the page: a phone on a slow network paints after the HTML
    // alone, not one round trip per stylesheet later (a page's CSS is 5 KB compressed).
    inlineStylesheets: 'always',
  },
  security: {
    // Astro hashes the styles it writes into each page; the site's policy allows inline styles
    // by those hashes only (src/middleware.ts), never 'unsafe-inline'.
    csp: true,
  },
  fonts: [
    {
      // Karla cut down to the characters of English and Spanish (src/assets/fonts/characters.ts,
      // `pnpm --filter web fonts:subset`). Text is drawn at once in the fallback, whose size Astro
      // adjusts to Karla's (size-adjust, ascent-override…), so the swap moves next to nothing.
      provider: fontProviders.local(),
      name: 'Karla',
      cssVariable: '--font-karla',
      fallbacks: ['Helvetica', 'Arial', 'sans-serif'],
      display: 'swap',
      options: {
        variants: FONT_FACES.map(({ to, weight, style }) => ({ weight, style, src: [`./src/assets/fonts/${to}`] })),
      },
    },
  ],
  // The site renders no Markdown (pages are the CMS's blocks): no highlighter, whose inline
  // styles the content security policy would refuse.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
});
