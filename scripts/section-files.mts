/**
 * Where a section type lives, in both packages, and a check that every type has every one of
 * its places. The scaffold (`pnpm new:section`, new-section.mts) writes these places and the
 * check (`section-files.test.mts`, in `pnpm test:unit`) names any one that is missing, with the
 * file to edit and the command that writes or regenerates it. The type checker and the contract
 * tests check what the places say; this checks that they are there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `pull-quote` (the CMS's kebab-case) → `pullQuote` (the site's folder, camelCase). */
export const camelName = (name: string): string =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
/** `pull-quote` → `PullQuote` (an Astro component). */
export const pascalName = (name: string): string => camelName(name).replace(/^[a-z]/, (letter) => letter.toUpperCase());
/** A section type's name as the CMS spells it: lower-case words joined by hyphens (letters only, so the site's camelCase folder name maps back). */
export const SECTION_NAME = /^[a-z]+(?:-[a-z]+)*$/;

export const PLACES = {
  component: (name: string) => `cms/src/components/sections/${name}.json`,
  zone: 'cms/src/api/page/content-types/page/schema.json',
  cmsModule: (name: string) => `cms/src/sections/${name}.ts`,
  webFolder: (name: string) => `web/src/sections/${camelName(name)}`,
  webSchema: (name: string) => `web/src/sections/${camelName(name)}/schema.ts`,
  contract: 'web/src/sections/contract.ts',
  views: 'web/src/sections/views.ts',
  example: 'e2e/fixtures/pages/all-sections.md',
  fixture: 'web/tests/fixtures/page-all-sections.json',
  generatedTypes: 'cms/types/generated/components.d.ts',
} as const;

const TYPES_COMMAND = 'pnpm --filter cms types';
const CAPTURE_COMMAND = 'pnpm --filter web fixtures:capture';

type Json = Record<string, unknown>;

const read = (root: string, file: string): string | null => {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
};

/** The zone's list of section types (sections.<name>), or null when the page schema cannot be read. */
const zoneNames = (root: string): string[] | null => {
  const text = read(root, PLACES.zone);
  if (text === null) return null;
  const schema = JSON.parse(text) as { attributes?: { sections?: { components?: string[] } } };
  return (schema.attributes?.sections?.components ?? []).map((uid) => uid.replace(/^sections\./, ''));
};

const namesIn = (root: string, folder: string, pick: (entry: string) => string | null): string[] =>
  existsSync(path.join(root, folder))
    ? readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
        const name = pick(entry.isDirectory() ? `${entry.name}/` : entry.name);
        return name === null ? [] : [name];
      })
    : [];

/** `'sections.<name>':` entries of a TypeScript map (contract.ts, views.ts). */
const entriesOf = (text: string | null): string[] =>
  text === null ? [] : [...text.matchAll(/^\s*'sections\.([a-z-]+)':/gm)].map((match) => match[1]!);

/** Sections in the CMS's own shape in the all-sections page (`- component: sections.<name>`, quoted or not). */
const examplesOf = (text: string | null): string[] =>
  text === null ? [] : [...text.matchAll(/^- component: (["']?)sections\.([a-z-]+)\1\s*$/gm)].map((match) => match[2]!);

/** The files of the section folders that contract.ts and views.ts import, by type: one not there fails the build only. */
const missingImports = (root: string): { name: string; file: string; by: string }[] =>
  [PLACES.contract, PLACES.views].flatMap((by) =>
    [...(read(root, by) ?? '').matchAll(/from '\.\/([a-zA-Z]+)\/([^'?]+)(?:\?inline)?'/g)].flatMap(
      ([, folder, file]) => {
        const relative = `web/src/sections/${folder}/${/\.[a-z]+$/.test(file!) ? file : `${file}.ts`}`;
        return existsSync(path.join(root, relative))
          ? []
          : [{ name: folder!.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), file: relative, by }];
      },
    ),
  );

/** Every section type any place names: a type half added or half removed shows up as missing somewhere. */
export const sectionNamesAnywhere = (root: string): string[] => {
  const kebabOfCamel = (camel: string) => camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return [
    ...new Set([
      ...(zoneNames(root) ?? []),
      ...namesIn(root, 'cms/src/components/sections', (file) => file.match(/^([a-z\d-]+)\.json$/)?.[1] ?? null),
      ...namesIn(root, 'cms/src/sections', (file) => file.match(/^([a-z\d-]+)\.ts$/)?.[1] ?? null),
      ...namesIn(root, 'web/src/sections', (entry) => (entry.endsWith('/') ? kebabOfCamel(entry.slice(0, -1)) : null)),
      ...entriesOf(read(root, PLACES.contract)),
      ...entriesOf(read(root, PLACES.views)),
    ]),
  ].sort();
};

/** Whether the all-sections page has a section of this type, in the old site's shape or the CMS's. */
const inExamplePage = (text: string, name: string, oldTemplates: readonly string[]): boolean =>
  examplesOf(text).includes(name) ||
  oldTemplates.some((template) => new RegExp(`^- template: ${template}\\s*$`, 'm').test(text));

/** The old site's `template:` names a CMS module imports (`templates: ['text-area', …]`). */
const oldTemplatesOf = (moduleText: string | null): string[] => {
  const list = moduleText?.match(/^\s*templates:\s*\[([^\]]*)\]/m)?.[1];
  return list ? [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]!) : [];
};

const fixtureHolds = (text: string, uid: string): boolean => {
  const sections = ((JSON.parse(text) as { body?: { data?: Json[] } }).body?.data?.[0]?.sections ?? []) as Json[];
  return sections.some((section) => section.__component === uid);
};

/**
 * What is missing for each section type: one line per place, naming the file and what to do.
 * Empty when every type has all its places.
 */
export const missingSectionFiles = (root: string): string[] => {
  const problems: string[] = [];
  const zone = zoneNames(root);
  const contract = read(root, PLACES.contract);
  const views = read(root, PLACES.views);
  const example = read(root, PLACES.example);
  const fixture = read(root, PLACES.fixture);
  const generated = read(root, PLACES.generatedTypes);
  const imports = missingImports(root);
  for (const name of sectionNamesAnywhere(root)) {
    const uid = `sections.${name}`;
    const scaffold = `(for a new type \`pnpm new:section\` writes every place; for one place, copy another type's; see docs/section-types.md)`;
    const missing = (message: string) => problems.push(`${uid}: ${message}`);
    if (!existsSync(path.join(root, PLACES.component(name))))
      missing(`${PLACES.component(name)} is missing: the Strapi component ${scaffold}`);
    if (zone !== null && !zone.includes(name))
      missing(`${PLACES.zone} does not list "${uid}" in the sections zone's "components"`);
    const cmsModule = read(root, PLACES.cmsModule(name));
    if (cmsModule === null)
      missing(`${PLACES.cmsModule(name)} is missing: the admin's texts for its fields ${scaffold}`);
    if (!existsSync(path.join(root, PLACES.webSchema(name))))
      missing(`${PLACES.webSchema(name)} is missing: the site's zod schema and populate fragment ${scaffold}`);
    const folder = path.join(root, PLACES.webFolder(name));
    if (!existsSync(folder) || !readdirSync(folder).some((file) => file.endsWith('.astro')))
      missing(`${PLACES.webFolder(name)}/${pascalName(name)}.astro is missing: the site's view ${scaffold}`);
    for (const { file, by } of imports.filter((each) => each.name === name))
      // The schema and the view are the type checker's (it names them); a stylesheet only fails the build.
      if (!/\.(ts|astro)$/.test(file)) missing(`${file} is missing: ${by} imports it ${scaffold}`);
    if (!entriesOf(contract).includes(name))
      missing(`${PLACES.contract} has no '${uid}' entry (its schema and populate fragment)`);
    if (!entriesOf(views).includes(name))
      missing(`${PLACES.views} has no '${uid}' entry (its component and stylesheets)`);
    if (example !== null && !inExamplePage(example, name, oldTemplatesOf(cmsModule)))
      missing(
        `${PLACES.example} has no section of this type: add one as \`- component: ${uid}\` with a value for each field`,
      );
    if (fixture !== null && !fixtureHolds(fixture, uid))
      missing(`${PLACES.fixture} holds no section of this type: record it again with \`${CAPTURE_COMMAND}\``);
    if (generated !== null && !generated.includes(`'${uid}'`))
      missing(`${PLACES.generatedTypes} does not know it: regenerate Strapi's types with \`${TYPES_COMMAND}\``);
  }
  return problems;
};
