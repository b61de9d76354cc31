/**
 * Makes cms/seed/site from a copy of the coalition's old Jekyll site (shared/old-site): its
 * pages and data files verbatim, and the files under assets/ the pages use, images made
 * smaller for the repository (at most 1600 px wide, same format and name).
 *   node cms/scripts/seed-from-old-site.mts ../shared/old-site
 * Run by hand when the old site's copy changes; the output is committed.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const source = process.argv[2];
if (!source) throw new Error('usage: seed-from-old-site.mts <old site folder>');
const target = path.resolve(import.meta.dirname, '..', 'seed', 'site');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

let before = 0;
let after = 0;
for (const folder of ['pages', '_data', 'assets']) {
  for (const file of files(path.join(source, folder))) {
    const relative = path.relative(source, file);
    const out = path.join(target, relative);
    mkdirSync(path.dirname(out), { recursive: true });
    const extension = path.extname(file).toLowerCase();
    before += statSync(file).size;
    if (['.jpg', '.jpeg', '.png', '.webp'].includes(extension)) {
      const image = sharp(file).rotate().resize({ width: 1600, withoutEnlargement: true });
      if (extension === '.png') await image.png({ palette: true, quality: 80, effort: 10 }).toFile(out);
      else if (extension === '.webp') await image.webp({ quality: 78 }).toFile(out);
      else await image.jpeg({ quality: 78, mozjpeg: true }).toFile(out);
    } else {
      copyFileSync(file, out);
    }
    after += statSync(out).size;
    console.log(`${relative}`);
  }
}
console.log(
  `${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB in ${path.relative(process.cwd(), target)}`,
);
