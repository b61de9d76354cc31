import type { Modules, Schema, UID } from '@strapi/strapi';
import type { TextsByModel } from '../admin-face/model-texts';
import type { FieldReader } from '../importer/field-reader';
import type { ImportContext } from '../importer/import-context';
import type { ComponentRule } from '../validation/rule-violation';

type ZoneComponents<A> = A extends Schema.Attribute.DynamicZone<infer C> ? C[number] : never;

/** Every component the page's `sections` zone lists (from Strapi's generated types). */
export type SectionUid = ZoneComponents<Schema.Attributes<'api::page.page'>['sections']>;

/**
 * A draft may leave any field empty (Strapi checks required fields on publish only, and a field
 * shown only for some choices is required only then), and an empty field is written as null,
 * which is also how Strapi returns it. Field names and values are still Strapi's.
 */
type Draft<T> = T extends readonly (infer I)[]
  ? Draft<I>[]
  : T extends object
    ? { [K in keyof T]?: Draft<Exclude<T[K], undefined>> | null }
    : T;

/** A component's data as the Document Service takes it for a draft (Strapi's generated types). */
export type ComponentInput<U extends UID.Component> = Draft<Modules.Documents.Params.Data.Input<U>>;

/** One section as the Document Service takes it. */
export type SectionInput<U extends SectionUid = SectionUid> = ComponentInput<U> & { __component: U };

/**
 * Everything the CMS knows about one section type besides its component JSON: what staff
 * read in the admin, the save rules its schema cannot express, and, for a type the old site
 * had, how its sections are imported (a type born in the CMS has no Jekyll past: no import).
 * One file per type in src/sections/, named like the component (sections.text-area →
 * src/sections/text-area.ts); see section-kit/registry.ts.
 */
export type SectionModule<U extends SectionUid = SectionUid> = {
  uid: U;
  /** Admin texts of this component and of the item components only it uses. */
  texts: TextsByModel;
  /** Save rules the schema cannot express, by component uid (this one or its items). */
  rules?: Record<string, ComponentRule>;
  /**
   * What names an entry in the admin's lists, by component uid (this one or its items), for a
   * component whose JSON has a hidden `label` field (its mainField): written at every save.
   */
  labels?: Record<string, (value: Record<string, unknown>) => string | null>;
} & (SectionImport<U> | { templates?: never; importSection?: never });

/** How the old site's sections of a type are imported: both, or neither. */
export type SectionImport<U extends SectionUid = SectionUid> = {
  /** The old editor's template names (`template:` in front matter) imported as this type. */
  templates: readonly string[];
  /** One old front-matter section of a template above, as this type's data; null (reported) when it cannot be carried at all. */
  importSection(fields: FieldReader, ctx: ImportContext): Promise<SectionInput<U> | null>;
};

export const defineSection = <U extends SectionUid>(module: SectionModule<U>): SectionModule<U> => module;

/**
 * One section's data, as `importSection` returns it. Written as this call's argument, the object
 * is checked field by field (a misspelt field does not compile); returned as a bare object from
 * the method, TypeScript would only check that it fits, and every field of a draft is optional.
 */
export const sectionData = <U extends SectionUid>(
  __component: U,
  data: Omit<ComponentInput<U>, '__component'>,
): SectionInput<U> => ({ __component, ...data }) as SectionInput<U>;
