import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A CMS answer recorded by scripts/capture-fixtures.ts, with the request that produced it. */
export type Fixture = { request: { path: string; query: object }; body: { data: unknown } };

export type FixtureName = 'page-clear-your-record' | 'page-home' | 'page-all-sections' | 'global';

export const fixture = (name: FixtureName): Fixture =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures', `${name}.json`), 'utf8')) as Fixture;

/** The sections of a recorded page, as fresh copies a test may change. */
export const fixtureSections = (name: Exclude<FixtureName, 'global'>): Record<string, unknown>[] =>
  structuredClone((fixture(name).body.data as { sections: Record<string, unknown>[] }[])[0]!.sections);
