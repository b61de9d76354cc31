import pageSchema from '../api/page/content-types/page/schema.json';
import type { SectionModule, SectionUid } from './section-module';

/** The page's dynamic zone is the list of section types; nothing else has to list them. */
export const ZONE_COMPONENTS: readonly string[] = pageSchema.attributes.sections.components;

/** sections.text-area → text-area: its module is src/sections/text-area.ts. */
export const moduleName = (uid: string): string => uid.replace(/^sections\./, '');

let loaded: ReadonlyMap<string, SectionModule> | undefined;

/**
 * Loads the module of every section type of the page's zone (src/sections/<name>.ts for
 * sections.<name>), once per process: src/index.ts does it in register(). A zone entry
 * without its module stops the start with a message saying which file to add.
 */
export const loadSectionModules = async (): Promise<ReadonlyMap<string, SectionModule>> => {
  if (loaded) return loaded;
  const entries = await Promise.all(
    ZONE_COMPONENTS.map(async (uid) => {
      const file = `src/sections/${moduleName(uid)}.ts`;
      let module: unknown;
      try {
        module = ((await import(/* @vite-ignore */ `../sections/${moduleName(uid)}`)) as { default?: unknown }).default;
      } catch (cause) {
        throw new Error(
          `The page's sections zone lists ${uid}, but its module ${file} cannot be loaded. Add it (see docs/section-types.md).`,
          { cause },
        );
      }
      if ((module as Partial<SectionModule> | undefined)?.uid !== uid) {
        throw new Error(`${file} must \`export default defineSection({ uid: '${uid}', … })\`.`);
      }
      return [uid, module as SectionModule] as const;
    }),
  );
  loaded = new Map(entries);
  return loaded;
};

/** The loaded section modules (after loadSectionModules()). */
export const sectionModules = (): ReadonlyMap<string, SectionModule> => {
  if (!loaded)
    throw new Error(
      'Section modules are not loaded yet: await loadSectionModules() first (src/index.ts does it in register).',
    );
  return loaded;
};

export const sectionModule = <U extends SectionUid>(uid: U): SectionModule<U> | undefined =>
  sectionModules().get(uid) as SectionModule<U> | undefined;
