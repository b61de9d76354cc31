import type { StrapiApp } from '@strapi/strapi/admin';
import { FieldRulesPanel } from './field-rules-panel';

type ContentManagerApis = { addEditViewSidePanel(panels: unknown[]): void };

/**
 * The admin as staff see it. A field with a pattern (a web address, a link, alt text) is
 * checked before Save is sent; Strapi's own message for a mismatch says nothing useful, and it
 * replaces the field's help text, so the "Before you save" panel lists what each refused field
 * takes.
 */
export default {
  config: {
    locales: [],
    translations: {
      en: {
        'components.Input.error.validation.regex': 'Not in the expected form: “Before you save” (beside the form) says what this field takes.',
      },
    },
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([FieldRulesPanel]);
  },
};
