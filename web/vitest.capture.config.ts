/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// `pnpm --filter web fixtures:capture`: records real CMS answers for the schema tests.
export default getViteConfig({ test: { include: ['scripts/capture-fixtures.ts'], testTimeout: 60_000 } });
