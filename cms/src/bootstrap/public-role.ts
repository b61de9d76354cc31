import type { Core } from '@strapi/strapi';

/** Content and media actions anonymous visitors must never have: the site reads with a token. */
const isContentAction = (action: string): boolean => action.startsWith('api::') || action.startsWith('plugin::upload.');

/**
 * The Public role gets no content permissions, whatever was clicked in the admin: anonymous
 * `GET /api/pages` and anonymous draft reads are refused. Enforced at every start.
 */
export const lockDownPublicRole = async (strapi: Core.Strapi): Promise<void> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions: { id: number; action: string }[] = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id } });
  const granted = permissions.filter((p) => isContentAction(p.action));
  if (granted.length === 0) return;
  await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
  strapi.log.warn(
    `Removed ${granted.length} content permission(s) from the Public role (${granted.map((p) => p.action).join(', ')}): the site reads with its API token.`,
  );
};
