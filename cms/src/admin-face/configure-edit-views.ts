import type { Core } from '@strapi/strapi';
import { allTexts } from '../section-kit/content-model';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { settings?: Record<string, unknown>; metadatas?: Record<string, Metadata>; layouts?: unknown };
type ConfigService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

type Layouts = { edit?: { name: string }[][] } & Record<string, unknown>;

/** The edit view's rows without `fields` (a row left empty is dropped). */
const withoutFields = (layouts: unknown, fields: ReadonlySet<string>): unknown => {
  const current = (layouts ?? {}) as Layouts;
  if (!Array.isArray(current.edit)) return layouts;
  return {
    ...current,
    edit: current.edit.map((row) => row.filter((cell) => !fields.has(cell.name))).filter((row) => row.length > 0),
  };
};

/**
 * The content manager keeps edit-view labels and help texts, and the list's columns, in its own
 * store, not in the schema; they are written here at start so they come with the code.
 */
export const configureEditViews = async (strapi: Core.Strapi): Promise<void> => {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, texts] of Object.entries(allTexts())) {
    const isComponent = !uid.includes('::');
    const service = contentManager.service(isComponent ? 'components' : 'content-types') as unknown as ConfigService;
    const current = await service.findConfiguration({ uid });
    const metadatas = { ...current.metadatas };
    for (const [field, text] of Object.entries(texts.fields)) {
      const meta = metadatas[field] ?? {};
      // `rule` is the server's message for a broken pattern, not something the edit view shows.
      const shown = { label: text.label, description: text.description, placeholder: text.placeholder };
      metadatas[field] = {
        ...meta,
        edit: { ...meta.edit, ...Object.fromEntries(Object.entries(shown).filter(([, value]) => value !== undefined)) },
        list: { ...meta.list, ...(text.label ? { label: text.label } : {}) },
      };
    }
    const settings = texts.mainField ? { ...current.settings, mainField: texts.mainField } : current.settings;
    // Fields the CMS writes itself (an entry's label) stay in the form but out of the edit view.
    const hidden = new Set(Object.entries(texts.fields).flatMap(([field, text]) => (text.hidden ? [field] : [])));
    const edited = hidden.size === 0 ? current.layouts : withoutFields(current.layouts, hidden);
    for (const column of texts.listColumns ?? []) {
      const meta = metadatas[column.name] ?? {};
      metadatas[column.name] = { ...meta, list: { ...meta.list, label: column.label } };
    }
    const layouts = texts.listColumns
      ? { ...(edited as Record<string, unknown>), list: texts.listColumns.map((column) => column.name) }
      : edited;
    await service.updateConfiguration({ uid }, { settings, metadatas, layouts });
  }
};
