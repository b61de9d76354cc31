import type { Core } from '@strapi/strapi';
import { isLocalized, SITE_LOCALES } from '../translation/site-locales';

/** The content staff edit; everything else in the admin (settings, users, tokens, schema) is ops'. */
export const STAFF_CONTENT = [
  'api::page.page',
  'api::global.global',
  'api::redirect.redirect',
  // The translators' word list: staff's own, never the site's (no content API route, no token reads it).
  'api::glossary.glossary',
] as const;

/** The media library, without its settings page. */
const MEDIA_ACTIONS = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'] as const;

type Permission = { action: string; subject: string | null; properties: Record<string, unknown>; conditions: string[] };
type RoleService = {
  findOne(where: Record<string, unknown>): Promise<{ id: number; name: string } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  update(where: Record<string, unknown>, attributes: Record<string, unknown>): Promise<unknown>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
};
type ContentTypeService = { getNestedFields(model: unknown, options: { components: unknown }): string[] };

/**
 * Staff roles, as Strapi's own roles with their permissions set at every start: new fields and
 * content types are editable at once (Strapi grants its default roles only what existed on the
 * first start), and nothing outside content and media creeps in.
 *   - Editor (Strapi's "strapi-editor"): edits, publishes and deletes pages, the site settings
 *     and redirects; edits the translators' glossary; uploads and manages media.
 *   - Author ("strapi-author"): the same, without publishing.
 * Neither sees the content-type builder, the marketplace, settings, users, roles or tokens, nor
 * may change how the edit views are laid out.
 */
export const STAFF_ROLES = {
  editor: {
    code: 'strapi-editor',
    name: 'Editor',
    description:
      'Coalition staff: edit and publish pages, site settings and redirects; keep the glossary; manage media.',
    publish: true,
  },
  author: {
    code: 'strapi-author',
    name: 'Author',
    description: 'Edit pages, site settings, redirects and the glossary, and manage media; cannot publish.',
    publish: false,
  },
} as const;

const permissionsFor = (strapi: Core.Strapi, publish: boolean): Permission[] => {
  const contentTypes = strapi.service('admin::content-type') as unknown as ContentTypeService;
  const permissions: Permission[] = [];
  for (const uid of STAFF_CONTENT) {
    const model = strapi.contentTypes[uid];
    const fields = contentTypes.getNestedFields(model, { components: strapi.components });
    // Every language of a localized type: i18n grants none that a permission does not name.
    const locales = isLocalized(strapi, uid) ? { locales: SITE_LOCALES.map((locale) => locale.code) } : {};
    for (const action of ['read', 'create', 'update'] as const) {
      permissions.push({
        action: `plugin::content-manager.explorer.${action}`,
        subject: uid,
        properties: { fields, ...locales },
        conditions: [],
      });
    }
    permissions.push({
      action: 'plugin::content-manager.explorer.delete',
      subject: uid,
      properties: { ...locales },
      conditions: [],
    });
    if (publish && model.options?.draftAndPublish) {
      permissions.push({
        action: 'plugin::content-manager.explorer.publish',
        subject: uid,
        properties: { ...locales },
        conditions: [],
      });
    }
  }
  for (const action of MEDIA_ACTIONS)
    permissions.push({ action: `plugin::upload.${action}`, subject: null, properties: {}, conditions: [] });
  return permissions;
};

/** Creates the staff roles when missing and sets their permissions to exactly the list above. */
export const syncStaffRoles = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  for (const role of Object.values(STAFF_ROLES)) {
    const existing = await roles.findOne({ code: role.code });
    const id = existing
      ? existing.id
      : (await roles.create({ name: role.name, code: role.code, description: role.description })).id;
    if (existing) await roles.update({ id }, { description: role.description });
    await roles.assignPermissions(id, permissionsFor(strapi, role.publish));
  }
};

export const editorRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const role = await (strapi.service('admin::role') as unknown as RoleService).findOne({
    code: STAFF_ROLES.editor.code,
  });
  if (!role) throw new Error('The Editor role is missing: syncStaffRoles must run first.');
  return role;
};
