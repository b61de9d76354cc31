import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ModelSchema } from '../../src/validation/check-document';

export const SRC = path.resolve(import.meta.dirname, '../../src');

/** Where Strapi keeps a model's JSON: api::page.page → api/page/content-types/page/schema.json, sections.hero → components/sections/hero.json. */
export const schemaFile = (uid: string): string => {
  const api = /^api::([^.]+)\.(.+)$/.exec(uid);
  if (api) return path.join(SRC, 'api', api[1]!, 'content-types', api[2]!, 'schema.json');
  const [category, name] = uid.split('.');
  return path.join(SRC, 'components', category!, `${name}.json`);
};

/** The models as the JSON files declare them, for tests that run without a Strapi. */
export const schemaFromFiles = (uid: string): ModelSchema | undefined => {
  try {
    return JSON.parse(readFileSync(schemaFile(uid), 'utf8')) as ModelSchema;
  } catch {
    return undefined;
  }
};

/** Every content type of the app (api::<name>.<name>), from its folders. */
export const contentTypeUids = (): string[] =>
  readdirSync(path.join(SRC, 'api')).flatMap((api) =>
    readdirSync(path.join(SRC, 'api', api, 'content-types')).map((name) => `api::${api}.${name}`),
  );

/** Every component uid with a JSON file. */
export const componentUids = (): string[] =>
  readdirSync(path.join(SRC, 'components')).flatMap((category) =>
    readdirSync(path.join(SRC, 'components', category))
      .filter((file) => file.endsWith('.json'))
      .map((file) => `${category}.${file.replace(/\.json$/, '')}`),
  );
