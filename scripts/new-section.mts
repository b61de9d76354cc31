/**
 * `pnpm new:section <name>`: a new section type, in every place it lives (section-files.mts),
 * with two starter fields (a heading and a text) to change into its own. Then it regenerates
 * Strapi's types. What is left to do is printed, and is docs/section-types.md's list.
 * `--files-only` writes the files and runs nothing (the scaffold's own test uses it);
 * `--root <dir>` writes into another copy of the repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  camelName,
  missingSectionFiles,
  pascalName,
  PLACES,
  SECTION_NAME,
  sectionNamesAnywhere,
} from './section-files.mts';

/** `pull-quote` → `Pull quote`: what staff read in the admin's list of section types. */
const displayName = (name: string): string =>
  name.replace(/-/g, ' ').replace(/^[a-z]/, (letter) => letter.toUpperCase());

const component = (name: string) => ({
  collectionName: `components_sections_${name.replace(/-/g, '_')}s`,
  info: {
    displayName: displayName(name),
    icon: 'layout',
    description: 'A heading and a short text.',
  },
  options: {},
  attributes: {
    heading: { type: 'string', required: true, maxLength: 120 },
    text: { type: 'text', maxLength: 1000 },
  },
});

const cmsModule = (name: string) => `import { defineSection } from '../section-kit/section-module';

/** Born in the CMS: no old template, so no import (see section-kit/section-module.ts). */
export default defineSection({
  uid: 'sections.${name}',
  texts: {
    'sections.${name}': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'A few words, shown large.' },
        text: { label: 'Text', description: 'Optional. A sentence or two under the heading.' },
      },
    },
  },
});
`;

const webSchema = (name: string) => `import { z } from 'zod';

export const ${camelName(name)}Schema = z.object({
  __component: z.literal('sections.${name}'),
  id: z.number(),
  heading: z.string(),
  text: z.string().nullish(),
});
export type ${pascalName(name)}Section = z.infer<typeof ${camelName(name)}Schema>;

/** \`true\`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const ${camelName(name)}Populate = true;
`;

const view = (name: string) => `---
import type { SectionContext } from '../context';
import type { ${pascalName(name)}Section } from './schema';

interface Props {
  section: ${pascalName(name)}Section;
  context: SectionContext;
}
const { section } = Astro.props;
---

<section class="${name}">
  <h2 class="${name}__heading">{section.heading}</h2>
  {section.text && <p class="${name}__text">{section.text}</p>}
</section>
`;

const styles = (name: string) => `.${name} {
  width: var(--width-standard);
  margin: 2.5rem auto;
}
.${name}__heading {
  margin: 0 0 0.5rem;
}
.${name}__text {
  margin: 0;
}
`;

const example = (name: string) => `- component: sections.${name}
  heading: An example of ${displayName(name).toLowerCase()}
  text: The words under its heading.
`;

/** Adds `line` after the last line matching `after` (the last import of a kind). */
const insertAfterLast = (text: string, after: RegExp, line: string, file: string): string => {
  const lines = text.split('\n');
  const index = lines.findLastIndex((each) => after.test(each));
  if (index < 0) throw new Error(`${file}: found no line like ${after} to add "${line}" after; nothing was written`);
  lines.splice(index + 1, 0, line);
  return lines.join('\n');
};

/** Adds an entry as the last of the map that ends at the first line matching `end` after `start`. */
const insertEntry = (text: string, start: RegExp, end: RegExp, entry: string, file: string): string => {
  const lines = text.split('\n');
  const from = lines.findIndex((each) => start.test(each));
  const to = from < 0 ? -1 : lines.findIndex((each, index) => index > from && end.test(each));
  if (to < 0) throw new Error(`${file}: found no map to add "${entry.trim()}" to; nothing was written`);
  lines.splice(to, 0, entry);
  return lines.join('\n');
};

/** The zone's list gets one more line, as text: re-serialising the JSON would reformat the rest of the file. */
const addToZone = (text: string, uid: string): string => {
  const lines = text.split('\n');
  const last = lines.findLastIndex((line) => /^\s*"sections\.[a-z-]+"\s*$/.test(line));
  if (last < 0)
    throw new Error(`${PLACES.zone}: found no "sections.<name>" line in the sections zone; nothing was written`);
  lines.splice(last, 1, `${lines[last]},`, lines[last]!.replace(/"sections\.[a-z-]+"/, `"${uid}"`));
  const written = lines.join('\n');
  const zone = (JSON.parse(written) as { attributes?: { sections?: { components?: string[] } } }).attributes?.sections
    ?.components;
  if (!zone?.includes(uid))
    throw new Error(`${PLACES.zone}: the sections zone is not where expected; nothing was written`);
  return written;
};

/** The example is the page file's last section: its front matter ends with the closing `---`. */
const addExample = (text: string, name: string): string => {
  if (!/\n---\s*$/.test(text))
    throw new Error(
      `${PLACES.example}: expected the file to end with its front matter's closing ---; nothing was written`,
    );
  return text.replace(/\n---\s*$/, `\n${example(name)}---\n`);
};

/** Names the new type's code would declare, refused when taken (an import or a global such as Set). */
const clashes = (root: string, name: string): string[] => {
  const camel = camelName(name);
  const pascal = pascalName(name);
  const code = [PLACES.contract, PLACES.views].map((file) => readFileSync(path.join(root, file), 'utf8')).join('\n');
  return [pascal, `${camel}Styles`, `${camel}Schema`, `${camel}Populate`, `${pascal}Section`].filter(
    (identifier) => new RegExp(`\\b${identifier}\\b`).test(code) || identifier in globalThis,
  );
};

export const writeSectionFiles = (root: string, name: string): string[] => {
  if (!SECTION_NAME.test(name))
    throw new Error(
      `Usage: pnpm new:section <name>, the name in lower-case letters with hyphens between words (callout, pull-quote); got ${JSON.stringify(name)}`,
    );
  const uid = `sections.${name}`;
  const camel = camelName(name);
  const pascal = pascalName(name);
  const at = (file: string) => path.join(root, file);
  if (sectionNamesAnywhere(root).includes(name))
    throw new Error(
      `${uid} exists already (${missingSectionFiles(root).some((line) => line.startsWith(`${uid}:`)) ? 'in part: `pnpm test:scripts` lists what it lacks' : 'whole'}): choose another name, or edit its files`,
    );
  const taken = clashes(root, name);
  if (taken.length > 0)
    throw new Error(
      `${uid} would declare ${taken.join(', ')}, which ${PLACES.contract} or ${PLACES.views} already use: choose another name`,
    );
  const read = (file: string) => readFileSync(at(file), 'utf8').replace(/\r\n/g, '\n');

  // Every text first, then the writes: a file that cannot be edited leaves nothing half added.
  const files: [string, string][] = [
    [PLACES.component(name), `${JSON.stringify(component(name), null, 2)}\n`],
    [PLACES.zone, addToZone(read(PLACES.zone), uid)],
    [PLACES.cmsModule(name), cmsModule(name)],
    [PLACES.webSchema(name), webSchema(name)],
    [`${PLACES.webFolder(name)}/${pascal}.astro`, view(name)],
    [`${PLACES.webFolder(name)}/${camel}.css`, styles(name)],
    [
      PLACES.contract,
      insertEntry(
        insertAfterLast(
          read(PLACES.contract),
          /^import .* from '\.\/[^']+\/schema';$/,
          `import { ${camel}Populate, ${camel}Schema } from './${camel}/schema';`,
          PLACES.contract,
        ),
        /^const contracts = \{$/,
        /^\} as const;$/,
        `  '${uid}': { schema: ${camel}Schema, populate: ${camel}Populate },`,
        PLACES.contract,
      ),
    ],
    [
      PLACES.views,
      insertEntry(
        insertAfterLast(
          read(PLACES.views),
          /^import .* from '\.\/[a-zA-Z]+\/[^']+';$/,
          `import ${pascal} from './${camel}/${pascal}.astro';\nimport ${camel}Styles from './${camel}/${camel}.css?inline';`,
          PLACES.views,
        ),
        /^export const sectionViews\b/,
        /^\};$/,
        `  '${uid}': { component: ${pascal}, styles: [${camel}Styles] },`,
        PLACES.views,
      ),
    ],
    [PLACES.example, addExample(read(PLACES.example), name)],
  ];
  for (const [file, text] of files) {
    mkdirSync(path.dirname(at(file)), { recursive: true });
    writeFileSync(at(file), text);
  }
  return files.map(([file]) => file);
};

const run = (root: string, command: string, args: string[]) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}); run it again once fixed`);
};

const main = () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string' }, 'files-only': { type: 'boolean' } },
  });
  const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
  const name = positionals[0] ?? '';
  if (positionals.length !== 1)
    throw new Error(
      `Usage: pnpm new:section <name> (one name, e.g. callout); got ${JSON.stringify(positionals.join(' '))}`,
    );
  const written = writeSectionFiles(root, name);
  console.log(`Wrote sections.${name}:\n${written.map((file) => `  ${file}`).join('\n')}`);
  if (values['files-only']) return;
  run(root, 'pnpm', ['exec', 'prettier', '--write', ...written]);
  run(root, 'pnpm', ['--filter', 'cms', 'types']);
  console.log(`
Next (docs/section-types.md):
  1. Give sections.${name} its own fields: ${PLACES.component(name)} (the rules), ${PLACES.webSchema(name)}
     (the same fields), ${PLACES.cmsModule(name)} (what staff read), its view and stylesheet in
     ${PLACES.webFolder(name)}/, and its example at the end of ${PLACES.example};
     then \`pnpm --filter cms types\` again.
  2. Record what the CMS answers for it: \`pnpm --filter web fixtures:capture\` (about a minute).
  3. \`pnpm test\`.
Still missing now:
${missingSectionFiles(root)
  .map((line) => `  - ${line}`)
  .join('\n')}`);
};

// Run as a script, not imported by its test (import.meta.main needs Node 24.2; engines allow 24.0).
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
