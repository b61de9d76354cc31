import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_CHARACTERS } from '../../src/assets/fonts/characters';
import { FONTS_DIR, makeSubsets } from '../../scripts/subset-fonts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The text of every file under `dir` whose name ends in one of `extensions`, but those `left out`. */
const textsUnder = async (dir: string, extensions: string[], leftOut: string[] = []): Promise<string> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter(
    (e) =>
      e.isFile() &&
      extensions.some((ext) => e.name.endsWith(ext)) &&
      !leftOut.includes(path.relative(dir, path.join(e.parentPath, e.name))),
  );
  return (await Promise.all(files.map((e) => readFile(path.join(e.parentPath, e.name), 'utf8')))).join('\n');
};

/** Code without its comments, which no visitor reads (an arrow in one needs no glyph). */
const withoutComments = (code: string) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const missing = (text: string) =>
  [...new Set(text.replace(/\s/g, ' '))].filter((character) => !FONT_CHARACTERS.includes(character)).sort();

describe('the site’s fonts', () => {
  it('are what `pnpm --filter web fonts:subset` makes of the character list', async () => {
    for (const { file, bytes } of await makeSubsets()) {
      const kept = await readFile(path.join(FONTS_DIR, file)).catch(() => null);
      expect(
        kept !== null && Buffer.compare(kept, bytes) === 0,
        `src/assets/fonts/${file} is not what src/assets/fonts/characters.ts makes: run \`pnpm --filter web fonts:subset\``,
      ).toBe(true);
    }
  });

  it('hold every letter of Spanish and English, and the quotes and dashes staff paste', () => {
    expect(missing('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')).toEqual([]);
    expect(missing('¿Dónde? ¡Aquí! Año, pingüino, acción, información: ÁÉÍÓÚÑÜ')).toEqual([]);
    expect(missing('“Clear” ‘your’ record — now – 2026…')).toEqual([]);
  });

  it('hold every character the site writes itself and the seed content it was recorded with', async () => {
    expect(missing(withoutComments(await textsUnder(SRC, ['.astro', '.ts'], ['assets/fonts/characters.ts'])))).toEqual(
      [],
    );
    expect(missing(await textsUnder(FIXTURES, ['.json']))).toEqual([]);
  });
});
