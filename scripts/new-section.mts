/**
 * `pnpm new:section <name>`: a new section type, in every place it lives (section-files.mts),
 * with two starter fields (a heading and a text) to change into its own. Then it regenerates
 * Strapi's types. What is left to do is printed, and is docs/section-types.md's list.
 * `--files-only` writes the files and runs nothing (the scaffold's own test uses it);
 * `--root <dir>` writes into another copy of the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { camelName, missingSectionFiles, pascalName, PLACES, SECTION_NAME } from './section-files.mts';

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
  if (index < 0) throw new Error(`${file}: found no line like ${after} to add "${line}" after; add it by hand`);
  lines.splice(index + 1, 0, line);
  return lines.join('\n');
};

/** Adds an entry as the last of the map that ends at the first line matching `end` after `start`. */
const insertEntry = (text: string, start: RegExp, end: RegExp, entry: string, file: string): string => {
  const lines = text.split('\n');
  const from = lines.findIndex((each) => start.test(each));
  const to = from < 0 ? -1 : lines.findIndex((each, index) => index > from && end.test(each));
  if (to < 0) throw new Error(`${file}: found no map to add "${entry.trim()}" to; add it by hand`);
  lines.splice(to, 0, entry);
  return lines.join('\n');
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
  const taken = [PLACES.component(name), PLACES.cmsModule(name), PLACES.webFolder(name)].filter((file) =>
    existsSync(at(file)),
  );
  if (taken.length > 0)
    throw new Error(`${uid} exists already (${taken.join(', ')}): choose another name, or edit those files`);
  const written: string[] = [];
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(at(file)), { recursive: true });
    writeFileSync(at(file), text);
    written.push(file);
  };
  const edit = (file: string, change: (text: string) => string) => write(file, change(readFileSync(at(file), 'utf8')));

  write(PLACES.component(name), `${JSON.stringify(component(name), null, 2)}\n`);
  edit(PLACES.zone, (text) => {
    const schema = JSON.parse(text) as { attributes: { sections: { components: string[] } } };
    schema.attributes.sections.components.push(uid);
    return `${JSON.stringify(schema, null, 2)}\n`;
  });
  write(PLACES.cmsModule(name), cmsModule(name));
  write(PLACES.webSchema(name), webSchema(name));
  write(`${PLACES.webFolder(name)}/${pascal}.astro`, view(name));
  write(`${PLACES.webFolder(name)}/${camel}.css`, styles(name));
  edit(PLACES.contract, (text) =>
    insertEntry(
      insertAfterLast(
        text,
        /^import .* from '\.\/[^']+\/schema';$/,
        `import { ${camel}Populate, ${camel}Schema } from './${camel}/schema';`,
        PLACES.contract,
      ),
      /^const contracts = \{$/,
      /^\} as const;$/,
      `  '${uid}': { schema: ${camel}Schema, populate: ${camel}Populate },`,
      PLACES.contract,
    ),
  );
  edit(PLACES.views, (text) =>
    insertEntry(
      insertAfterLast(
        insertAfterLast(
          text,
          /^import .* from '\.\/[^']+\.astro';$/,
          `import ${pascal} from './${camel}/${pascal}.astro';`,
          PLACES.views,
        ),
        /^import .* from '\.\/[^']+\.css\?url';$/,
        `import ${camel}Styles from './${camel}/${camel}.css?url';`,
        PLACES.views,
      ),
      /^export const sectionViews\b/,
      /^\};$/,
      `  '${uid}': { component: ${pascal}, styles: [${camel}Styles] },`,
      PLACES.views,
    ),
  );
  // The page file's front matter ends with its closing `---`: the example is its last section.
  edit(PLACES.example, (text) => text.replace(/\n---\s*$/, `\n${example(name)}---\n`));
  return written;
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
     (the same fields), ${PLACES.cmsModule(name)} (what staff read), its view, and its example at the end of
     ${PLACES.example}; then \`pnpm --filter cms types\` again.
  2. Record what the CMS answers for it: \`pnpm --filter web fixtures:capture\` (a minute or two).
  3. \`pnpm test\`.
Still missing now:
${missingSectionFiles(root)
  .map((line) => `  - ${line}`)
  .join('\n')}`);
};

if (import.meta.main) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
