/**
 * Removes from dist/ what was deleted from src/ and config/: Strapi compiles into dist/ and
 * loads the app from there, but never removes anything, so a deleted component JSON or module
 * would live on (still loaded at start, still in the generated types). Run before each compile
 * (`pnpm --filter cms develop`, `start`, `build`, `types`, and the integration tests' start).
 */
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mts', '.cts'];

const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
        statSync(path.join(folder, file)).isFile(),
      )
    : [];

/**
 * Folders left empty, deepest first: Strapi reads every folder under dist/src/components and
 * dist/src/api as a content type or category, and refuses to start on an empty one
 * ("Could not load content type found at …").
 */
const removeEmptyFolders = (folder: string, removed: string[], shownAs: string): void => {
  if (!existsSync(folder)) return;
  const folders = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(path.join(folder, entry)).isDirectory())
    .sort((a, b) => b.split(path.sep).length - a.split(path.sep).length);
  for (const entry of folders) {
    const full = path.join(folder, entry);
    if (readdirSync(full).length === 0) {
      rmdirSync(full);
      removed.push(path.join(shownAs, entry) + path.sep);
    }
  }
};

/** dist/src/a/b.js whose src/a/b.ts (or .tsx, .js, …) is gone; dist/src/a/c.json whose src/a/c.json is; then the folders this empties. Returns what it removed. */
export const pruneDist = (cmsDir: string): string[] => {
  const removed: string[] = [];
  for (const tree of ['src', 'config']) {
    const built = path.join(cmsDir, 'dist', tree);
    for (const file of filesUnder(built)) {
      const source = path.join(cmsDir, tree, file);
      const stem = source.replace(/\.js(\.map)?$/, '');
      const kept = file.endsWith('.json')
        ? existsSync(source)
        : !/\.js(\.map)?$/.test(file) || SOURCE_EXTENSIONS.some((ext) => existsSync(stem + ext));
      if (!kept) {
        rmSync(path.join(built, file));
        removed.push(path.join('dist', tree, file));
      }
    }
    removeEmptyFolders(built, removed, path.join('dist', tree));
  }
  return removed;
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const removed = pruneDist(path.resolve(import.meta.dirname, '..'));
  if (removed.length > 0) console.log(`cms: removed from dist/ what src/ no longer has: ${removed.join(', ')}`);
}
