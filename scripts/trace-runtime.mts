/**
 * `node scripts/trace-runtime.mts <app> <out>`
 *
 * Copies from a deployed package (`pnpm deploy --prod` output, its build inside) only the files
 * its server can load, as Next.js' standalone output does, with the same tracer (@vercel/nft):
 * the images carry what runs, not the compilers and bundlers the frameworks depend on for
 * building (vite, rolldown, esbuild, swc, webpack…).
 *
 * What to trace is the package's own knowledge, in its package.json `runtimeFiles`: `entries`
 * (globs of the modules the server starts from, and of those it finds by name at run time, such
 * as Strapi's plugins) and `copy` (globs of what is read from disk rather than imported: static
 * assets, seed content, sources a command compiles, TypeScript's lib files), copied whole.
 */
import {
  cpSync,
  existsSync,
  globSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { nodeFileTrace } from '@vercel/nft';

const [appArg, outArg] = process.argv.slice(2);
if (!appArg || !outArg) {
  console.error('usage: node scripts/trace-runtime.mts <deployed package folder> <output folder>');
  process.exit(2);
}
const app = path.resolve(appArg);
const out = path.resolve(outArg);
const manifestFile = path.join(app, 'package.json');
const { runtimeFiles } = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
  runtimeFiles?: { entries?: string[]; copy?: string[] };
};
if (!runtimeFiles?.entries?.length)
  throw new Error(
    `${manifestFile} has no "runtimeFiles": { "entries": […], "copy": […] }: list the modules its server starts from.`,
  );
const matching = (pattern: string, field: string) => {
  const found = globSync(pattern, { cwd: app });
  if (found.length === 0)
    throw new Error(
      `runtimeFiles.${field} "${pattern}" matches nothing in ${app}: build and deploy the package first (pnpm --filter <package> build; pnpm deploy --filter <package> --prod ${app}), or correct the pattern.`,
    );
  return found;
};
const entries = runtimeFiles.entries
  .flatMap((pattern) => matching(pattern, 'entries'))
  .map((file) => path.join(app, file));
const copied = ['package.json', ...(runtimeFiles.copy ?? [])].flatMap((pattern) => matching(pattern, 'copy'));

const isTypeScript = (file: string) => /\.(m|c)?ts$/.test(file) && !file.endsWith('.d.ts');

const { fileList, warnings } = await nodeFileTrace(entries, {
  base: app,
  readFile: async (file) => {
    // The tracer probes candidate paths: a missing one is null, as with its own reader.
    if (!existsSync(file) || statSync(file).isDirectory()) return null;
    const source = readFileSync(file);
    // Modules Node runs with type stripping (the site's server.mts) are read as the JavaScript Node runs.
    return isTypeScript(file) ? stripTypeScriptTypes(source.toString('utf8')) : source;
  },
  mixedModules: true,
});
// Modules that are not installed are other platforms' binaries (sharp's @img/sharp-darwin-…)
// and optional peers; anything else the tracer could not read is worth a look.
for (const warning of warnings)
  if (!/^Failed to resolve dependency/.test(warning.message)) console.warn(`trace: ${warning.message}`);

const copy = (relative: string) => {
  const from = path.join(app, relative);
  const to = path.join(out, relative);
  mkdirSync(path.dirname(to), { recursive: true });
  if (lstatSync(from).isSymbolicLink()) {
    if (!existsSync(to)) symlinkSync(readlinkSync(from), to);
  } else if (statSync(from).isFile()) {
    cpSync(from, to, { preserveTimestamps: true });
  }
};
const copyTree = (relative: string) => {
  const real = path.relative(app, realpathSync(path.join(app, relative)));
  copy(relative);
  cpSync(path.join(app, real), path.join(out, real), { recursive: true, verbatimSymlinks: true });
};

/**
 * Platform binaries are loaded by a name computed at run time (sharp:
 * require(`@img/sharp-${platform}/…`)), which no tracer can follow. They are the traced
 * packages' installed optional dependencies, copied whole, with theirs.
 */
const copyOptionalDependencies = (packageDir: string, seen: Set<string>) => {
  const manifest = JSON.parse(readFileSync(path.join(app, packageDir, 'package.json'), 'utf8')) as {
    optionalDependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.optionalDependencies ?? {})) {
    // pnpm links a package's dependencies beside it: .pnpm/<id>/node_modules/<name>.
    const link = path.join(packageDir.slice(0, packageDir.lastIndexOf('node_modules/') + 'node_modules/'.length), name);
    if (seen.has(link) || !existsSync(path.join(app, link))) continue; // not for this platform
    seen.add(link);
    copyTree(link);
    copyOptionalDependencies(path.relative(app, realpathSync(path.join(app, link))), seen);
  }
};

mkdirSync(out, { recursive: true });
for (const file of fileList) copy(file);
const seen = new Set<string>();
for (const file of fileList) {
  if (path.basename(file) === 'package.json' && file.includes('node_modules/'))
    copyOptionalDependencies(path.dirname(file), seen);
}
/**
 * Packages found by name at run time (Strapi resolves its plugins' package.json from
 * @strapi/strapi's folder) need pnpm's links as well as their files: every link in the install
 * whose package was copied is kept.
 */
const linkFolders = (folder: string): string[] => {
  if (!existsSync(path.join(app, folder))) return [];
  return readdirSync(path.join(app, folder)).flatMap((name) =>
    name.startsWith('@')
      ? readdirSync(path.join(app, folder, name)).map((scoped) => path.join(folder, name, scoped))
      : [path.join(folder, name)],
  );
};
const pnpmStore = path.join('node_modules', '.pnpm');
const installLinks = [
  ...linkFolders('node_modules'),
  ...(existsSync(path.join(app, pnpmStore))
    ? readdirSync(path.join(app, pnpmStore)).flatMap((id) => linkFolders(path.join(pnpmStore, id, 'node_modules')))
    : []),
];
for (const link of installLinks) {
  if (!lstatSync(path.join(app, link)).isSymbolicLink() || existsSync(path.join(out, link))) continue;
  const target = path.relative(app, realpathSync(path.join(app, link)));
  if (existsSync(path.join(out, target))) copy(link);
}

for (const relative of copied)
  cpSync(path.join(app, relative), path.join(out, relative), { recursive: true, verbatimSymlinks: true });
console.log(
  `trace-runtime: ${fileList.size} files traced from ${entries.length} entries, ${copied.length} paths copied whole, into ${out}`,
);
