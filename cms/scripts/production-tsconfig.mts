/**
 * Writes the tsconfig.json of a production image of the CMS: Strapi's data commands
 * (`strapi export`, `import`, `console`) compile the app again, and an image has neither the
 * shared tsconfig.base.json nor the type packages. This one stands alone and emits without type
 * checking (the code was checked when the image was built).
 *   node cms/scripts/production-tsconfig.mts /app/tsconfig.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const cmsDir = path.resolve(import.meta.dirname, '..');
const read = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as {
    compilerOptions: Record<string, unknown>;
    include?: string[];
    exclude?: string[];
  };
const app = read(path.join(cmsDir, 'tsconfig.json'));
const base = read(path.resolve(cmsDir, '../tsconfig.base.json'));
// No "types": the image has no @types packages.
const appOptions = Object.fromEntries(Object.entries(app.compilerOptions).filter(([key]) => key !== 'types'));
const out = process.argv[2];
if (!out) throw new Error('usage: production-tsconfig.mts <output tsconfig.json>');
const config = {
  compilerOptions: { ...base.compilerOptions, ...appOptions, noCheck: true, skipLibCheck: true },
  include: app.include,
  exclude: [...(app.exclude ?? []), 'scripts/', 'types/'],
};
writeFileSync(out, `${JSON.stringify(config, null, 2)}\n`);
