import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { writeSectionFiles } from './new-section.mts';
import { camelName, missingSectionFiles, pascalName, PLACES, sectionNamesAnywhere } from './section-files.mts';

const ROOT = path.resolve(import.meta.dirname, '..');
const copies: string[] = [];
after(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

/** What the check reads and the scaffold writes, copied out of the repository (a few hundred KB). */
const copyOfTheSectionPlaces = (): string => {
  const copy = mkdtempSync(path.join(tmpdir(), 'section-places-'));
  copies.push(copy);
  for (const place of [
    'cms/src/components/sections',
    'cms/src/sections',
    'web/src/sections',
    PLACES.zone,
    PLACES.example,
    PLACES.fixture,
    PLACES.generatedTypes,
  ])
    cpSync(path.join(ROOT, place), path.join(copy, place), { recursive: true });
  return copy;
};

/** The example, or another free name once a real callout type exists. */
const NAME = ['callout', 'pull-quote', 'notice', 'scaffold-probe'].find(
  (name) => !sectionNamesAnywhere(ROOT).includes(name),
)!;
const UID = `sections.${NAME}`;

const scaffolded = (): string => {
  const copy = copyOfTheSectionPlaces();
  writeSectionFiles(copy, NAME);
  return copy;
};

const editFile = (root: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));

const dropLines = (root: string, file: string, pattern: RegExp) =>
  editFile(root, file, (text) =>
    text
      .split('\n')
      .filter((line) => !pattern.test(line))
      .join('\n'),
  );

test('every section type of the repository has every one of its files and list entries', () => {
  assert.deepEqual(missingSectionFiles(ROOT), []);
});

/** What the check says of the new type alone (the repository may have a gap of its own while someone works). */
const problemsOfTheNewType = (root: string): string[] =>
  missingSectionFiles(root).filter((line) => line.startsWith(`${UID}:`));

test('the scaffold writes every place of a new type; what is left names the two commands that generate the rest', () => {
  const problems = problemsOfTheNewType(scaffolded());
  assert.deepEqual(problems, [
    `${UID}: ${PLACES.fixture} holds no section of this type: record it again with \`pnpm --filter web fixtures:capture\``,
    `${UID}: ${PLACES.generatedTypes} does not know it: regenerate Strapi's types with \`pnpm --filter cms types\``,
  ]);
});

test('the scaffold refuses a name in the wrong case or one that exists', () => {
  const copy = copyOfTheSectionPlaces();
  assert.throws(() => writeSectionFiles(copy, 'PullQuote'), /lower-case letters with hyphens between words/);
  assert.throws(() => writeSectionFiles(copy, 'line'), /sections\.line exists already \(whole\)/);
  // Its code would declare names views.ts already has: a stylesheet import, a type, a global.
  assert.throws(() => writeSectionFiles(copy, 'button'), /would declare buttonStyles/);
  assert.throws(() => writeSectionFiles(copy, 'section'), /would declare Section, /);
  assert.throws(() => writeSectionFiles(copy, 'set'), /would declare Set, /);
  assert.ok(!existsSync(path.join(copy, PLACES.component('button'))), 'nothing written for a refused name');
  rmSync(path.join(copy, PLACES.cmsModule('line')));
  assert.throws(
    () => writeSectionFiles(copy, 'line'),
    /sections\.line exists already \(in part: `pnpm test:scripts` lists/,
  );
});

/** Each place the scaffold writes, left out (a file deleted, a line removed), and the file a reader must be sent to. */
const omissions: { what: string; leaveOut: (root: string) => void; named: string }[] = [
  {
    what: 'the Strapi component',
    leaveOut: (root) => rmSync(path.join(root, PLACES.component(NAME))),
    named: PLACES.component(NAME),
  },
  {
    what: 'the entry of the sections zone',
    leaveOut: (root) => editFile(root, PLACES.zone, (text) => text.replace(new RegExp(`,\\s*"${UID}"`), '')),
    named: PLACES.zone,
  },
  {
    what: "the CMS's module",
    leaveOut: (root) => rmSync(path.join(root, PLACES.cmsModule(NAME))),
    named: PLACES.cmsModule(NAME),
  },
  {
    what: "the site's schema",
    leaveOut: (root) => rmSync(path.join(root, PLACES.webSchema(NAME))),
    named: PLACES.webSchema(NAME),
  },
  {
    what: "the site's view",
    leaveOut: (root) => rmSync(path.join(root, `${PLACES.webFolder(NAME)}/${pascalName(NAME)}.astro`)),
    named: `${PLACES.webFolder(NAME)}/${pascalName(NAME)}.astro`,
  },
  {
    what: "the site's stylesheet",
    leaveOut: (root) => rmSync(path.join(root, `${PLACES.webFolder(NAME)}/${camelName(NAME)}.css`)),
    named: `${PLACES.webFolder(NAME)}/${camelName(NAME)}.css`,
  },
  {
    what: 'the entry of the contract',
    leaveOut: (root) => dropLines(root, PLACES.contract, new RegExp(`'${UID}':`)),
    named: PLACES.contract,
  },
  {
    what: 'the entry of the views',
    leaveOut: (root) => dropLines(root, PLACES.views, new RegExp(`'${UID}':`)),
    named: PLACES.views,
  },
  {
    what: 'the example on the all-sections page',
    leaveOut: (root) => dropLines(root, PLACES.example, new RegExp(`^- component: ${UID}$`)),
    named: PLACES.example,
  },
];

for (const { what, leaveOut, named } of omissions) {
  test(`a new type without ${what} is reported, naming ${named}`, () => {
    const copy = scaffolded();
    leaveOut(copy);
    const problems = problemsOfTheNewType(copy).filter((line) => !/fixtures:capture|cms types/.test(line));
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.ok(problems[0]!.startsWith(`${UID}: ${named}`), problems[0]);
  });
}
