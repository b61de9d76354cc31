import node from '@astrojs/node';
import { defineConfig, memoryCache } from 'astro/config';

// Server-rendered; everything that differs between environments is read at run time
// (src/config.ts), so one build serves every deployment.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore', // src/middleware.ts redirects to the canonical trailing-slash form
  cache: {
    provider: memoryCache({ max: 2000 }),
  },
  build: {
    // External stylesheets only, so the content security policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
});
