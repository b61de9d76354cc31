import type { Core } from '@strapi/strapi';
import { EDIT_VIEW_TEXTS } from './edit-view-texts';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { settings?: Record<string, unknown>; metadatas?: Record<string, Metadata>; layouts?: unknown };
type ConfigService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

/**
 * The content manager keeps edit-view labels and help texts in its own store, not in the
 * schema; they are written here at start so they come with the code.
 */
export const configureEditViews = async (strapi: Core.Strapi): Promise<void> => {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, texts] of Object.entries(EDIT_VIEW_TEXTS)) {
    const isComponent = !uid.includes('::');
    const service = contentManager.service(isComponent ? 'components' : 'content-types') as unknown as ConfigService;
    const current = await service.findConfiguration({ uid });
    const metadatas = { ...current.metadatas };
    for (const [field, text] of Object.entries(texts.fields)) {
      const meta = metadatas[field] ?? {};
      metadatas[field] = {
        ...meta,
        edit: { ...meta.edit, ...text },
        list: { ...meta.list, ...(text.label ? { label: text.label } : {}) },
      };
    }
    const settings = texts.mainField ? { ...current.settings, mainField: texts.mainField } : current.settings;
    await service.updateConfiguration({ uid }, { settings, metadatas, layouts: current.layouts });
  }
};
