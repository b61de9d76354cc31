import { mkdirSync, mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneDist } from '../../scripts/prune-dist.mts';

const write = (root: string, file: string): void => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), '{}');
};

describe('pruning dist/ before a compile', () => {
  it('removes what src/ no longer has, and keeps what it has', () => {
    const cms = mkdtempSync(path.join(tmpdir(), 'prune-dist-'));
    write(cms, 'src/components/sections/kept.json');
    write(cms, 'src/index.ts');
    write(cms, 'dist/src/components/sections/kept.json');
    write(cms, 'dist/src/components/sections/gone.json');
    write(cms, 'dist/src/index.js');
    write(cms, 'dist/src/index.js.map');
    write(cms, 'dist/src/gone.js');
    write(cms, 'dist/config/gone.js');

    const removed = pruneDist(cms);

    expect(removed.sort()).toEqual(
      ['dist/config/gone.js', 'dist/src/components/sections/gone.json', 'dist/src/gone.js'].sort(),
    );
    expect(existsSync(path.join(cms, 'dist/src/components/sections/kept.json'))).toBe(true);
    expect(existsSync(path.join(cms, 'dist/src/index.js.map'))).toBe(true);
  });

  it('removes the folders it empties, deepest first, since Strapi will not start with an empty content-type folder', () => {
    const cms = mkdtempSync(path.join(tmpdir(), 'prune-dist-'));
    write(cms, 'src/api/page/content-types/page/schema.json');
    write(cms, 'dist/src/api/page/content-types/page/schema.json');
    write(cms, 'dist/src/api/event/content-types/event/schema.json');
    write(cms, 'dist/src/api/event/routes/event.js');

    const removed = pruneDist(cms);

    expect(existsSync(path.join(cms, 'dist/src/api/event'))).toBe(false);
    expect(existsSync(path.join(cms, 'dist/src/api/page/content-types/page/schema.json'))).toBe(true);
    expect(removed).toContain(`dist/src/api/event${path.sep}`);
    expect(removed.indexOf(`dist/src/api/event/content-types/event${path.sep}`)).toBeLessThan(
      removed.indexOf(`dist/src/api/event${path.sep}`),
    );
  });
});
