import type { Core } from '@strapi/strapi';
import { FORM_SETTINGS } from '../forms/form-kinds';
import { isLocalized, SITE_LOCALES } from '../translation/site-locales';

/** The content staff edit; everything else in the admin (settings, users, tokens, schema) is ops'. */
export const STAFF_CONTENT = [
  'api::page.page',
  'api::event.event',
  'api::global.global',
  'api::redirect.redirect',
  // The translators' word list: staff's own, never the site's (no content API route, no token reads it).
  'api::glossary.glossary',
  // The wording of the forms, and the spam filter their submissions go through.
  ...FORM_SETTINGS,
  'api::spam-filter.spam-filter',
  // "Can my record be cleared?" (issue 28).
  'api::record-guide.record-guide',
] as const;

/**
 * What visitors sent: staff read them, mark them handled (the state, nothing else: a submission
 * is never rewritten) and delete them; nobody creates one in the admin. Help requests are the
 * Intake role's alone.
 */
export const EDITOR_SUBMISSIONS = ['api::form-submission.form-submission'] as const;
export const INTAKE_SUBMISSIONS = ['api::help-request.help-request'] as const;

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
 *   Both also word the forms, keep the spam filter, and read and handle contact, volunteer and
 *   stay-informed submissions; never help requests (INTAKE_ROLE below).
 * Neither sees the content-type builder, the marketplace, settings, users, roles or tokens, nor
 * may change how the edit views are laid out.
 */
export const STAFF_ROLES = {
  editor: {
    code: 'strapi-editor',
    name: 'Editor',
    description:
      'Coalition staff: edit and publish pages, events, site settings, redirects and the forms; keep the glossary; read form submissions (not help requests); manage media.',
    publish: true,
  },
  author: {
    code: 'strapi-author',
    name: 'Author',
    description: 'Edit pages, events, site settings, redirects and the glossary, and manage media; cannot publish.',
    publish: false,
  },
} as const;

/**
 * Intake: the people who call back those asking for help with a record. They alone read help
 * requests (first names, phone numbers, what kind of case): an Editor, an Author or a leaked
 * Editor login never does. They see nothing else; a person who also edits pages gets both roles.
 */
export const INTAKE_ROLE = {
  code: 'intake',
  name: 'Intake',
  description: 'Reads help requests from the site, marks them handled and deletes them. Nothing else.',
} as const;

const submissionPermissions = (strapi: Core.Strapi, uids: readonly string[]): Permission[] =>
  uids.flatMap((uid) => {
    const contentTypes = strapi.service('admin::content-type') as unknown as ContentTypeService;
    const fields = contentTypes.getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], {
      components: strapi.components,
    });
    return [
      { action: 'plugin::content-manager.explorer.read', subject: uid, properties: { fields }, conditions: [] },
      {
        action: 'plugin::content-manager.explorer.update',
        subject: uid,
        properties: { fields: ['state'] },
        conditions: [],
      },
      { action: 'plugin::content-manager.explorer.delete', subject: uid, properties: {}, conditions: [] },
    ];
  });

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
  permissions.push(...submissionPermissions(strapi, EDITOR_SUBMISSIONS));
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
  const intake = await roles.findOne({ code: INTAKE_ROLE.code });
  const intakeId = intake
    ? intake.id
    : (await roles.create({ name: INTAKE_ROLE.name, code: INTAKE_ROLE.code, description: INTAKE_ROLE.description })).id;
  if (intake) await roles.update({ id: intakeId }, { description: INTAKE_ROLE.description });
  await roles.assignPermissions(intakeId, submissionPermissions(strapi, INTAKE_SUBMISSIONS));
};

export const intakeRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const role = await (strapi.service('admin::role') as unknown as RoleService).findOne({ code: INTAKE_ROLE.code });
  if (!role) throw new Error('The Intake role is missing: syncStaffRoles must run first.');
  return role;
};

export const editorRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const role = await (strapi.service('admin::role') as unknown as RoleService).findOne({
    code: STAFF_ROLES.editor.code,
  });
  if (!role) throw new Error('The Editor role is missing: syncStaffRoles must run first.');
  return role;
};
