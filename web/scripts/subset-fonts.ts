/**
 * `pnpm --filter web fonts:subset`: writes the site's font files (src/assets/fonts/*.woff2), Karla
 * cut down to the characters of src/assets/fonts/characters.ts. The files are kept in the
 * repository, so building the site needs no font tool; tests/unit/fonts.test.ts checks they
 * are what this script makes now.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { FONT_CHARACTERS, FONT_FACES } from '../src/assets/fonts/characters';

export const FONTS_DIR = path.resolve(import.meta.dirname, '../src/assets/fonts');
const fontsource = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@fontsource/karla/package.json')),
  'files',
);

/** Each face's subset, as the script writes it (harfbuzz's subsetter is deterministic). */
export const makeSubsets = async (): Promise<{ file: string; bytes: Buffer }[]> =>
  Promise.all(
    FONT_FACES.map(async (face) => ({
      file: face.to,
      bytes: await subsetFont(await readFile(path.join(fontsource, face.from)), FONT_CHARACTERS, {
        targetFormat: 'woff2',
      }),
    })),
  );

if (process.argv[1] === import.meta.filename) {
  for (const { file, bytes } of await makeSubsets()) {
    await writeFile(path.join(FONTS_DIR, file), bytes);
    console.log(`${file}: ${bytes.length} bytes`);
  }
}
