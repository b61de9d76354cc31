import node from '@astrojs/node';
import { defineConfig, memoryCache } from 'astro/config';

// Set by `pnpm bench` only (bench/astroMemoryCache.ts): a build of the site with Astro's own
// memoryCache() in place of the page store, into a folder of its own, to measure Astro's
// provider beside the site's hit path. Production builds never set it.
const memoryCacheBenchOutDir = process.env.BENCH_MEMORY_CACHE_OUT_DIR;

// Server-rendered; everything that differs between environments is read at run time
// (src/config.ts), so one build serves every deployment.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
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
    // become WebP renditions (src/lib/images/).
    service: { entrypoint: './src/lib/images/service.ts' },
    endpoint: { route: '/_image', entrypoint: './src/lib/images/endpoint.ts' },
  },
  build: {
    // External stylesheets only, so the content security policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
});
