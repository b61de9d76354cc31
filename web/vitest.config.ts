/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite setup, so tests can import .astro components and render them with the
// container API.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // The integration suite starts one CMS and one site for all its files.
    fileParallelism: false,
    // CSS processed as the build does: the section types' `?inline` stylesheets are their CSS, not ''.
    css: true,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
