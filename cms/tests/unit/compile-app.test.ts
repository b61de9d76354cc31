import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileApp } from '../../scripts/compile-app.mts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small app as Strapi lays one out: tsconfig.json with outDir dist, and src/. */
const app = (source: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compile-app-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'CommonJS',
        target: 'ES2022',
        strict: true,
        incremental: true,
        noEmitOnError: true,
        outDir: 'dist',
        rootDir: '.',
        types: [],
      },
      include: ['src/**/*.ts'],
    }),
  );
  writeFileSync(path.join(dir, 'src/index.ts'), source);
  return dir;
};

describe('compileApp', () => {
  it('compiles the app into its outDir and says where, as compileStrapi does', () => {
    const dir = app('export const answer: number = 42;\n');
    expect(compileApp(dir)).toEqual({ appDir: dir, distDir: path.join(dir, 'dist') });
    expect(statSync(path.join(dir, 'dist/src/index.js')).isFile()).toBe(true);
  });

  it('refuses an app with a type error, naming the file and the line', () => {
    const dir = app("export const answer: number = 'forty-two';\n");
    expect(() => compileApp(dir)).toThrow(/The CMS does not compile[\s\S]*src\/index\.ts[\s\S]*1/);
    expect(() => statSync(path.join(dir, 'dist/src/index.js'))).toThrow();
  });

  it('writes an output again that was removed since, though its source did not change', () => {
    const dir = app('export const answer: number = 42;\n');
    compileApp(dir);
    rmSync(path.join(dir, 'dist/src'), { recursive: true });
    compileApp(dir);
    expect(statSync(path.join(dir, 'dist/src/index.js')).isFile()).toBe(true);
  });

  it('writes nothing again when nothing changed, and what changed when something did', () => {
    const dir = app('export const answer: number = 42;\n');
    compileApp(dir);
    const output = path.join(dir, 'dist/src/index.js');
    const first = statSync(output).mtimeMs;
    compileApp(dir);
    expect(statSync(output).mtimeMs).toBe(first);
    writeFileSync(path.join(dir, 'src/index.ts'), 'export const answer: number = 43;\n');
    compileApp(dir);
    expect(statSync(output).mtimeMs).toBeGreaterThan(first);
  });
});
