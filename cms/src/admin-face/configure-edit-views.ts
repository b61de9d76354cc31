import type { Core } from '@strapi/strapi';
import { allTexts } from '../section-kit/content-model';

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
    await service.updateConfiguration({ uid }, { settings, metadatas, layouts: current.layouts });
  }
};
