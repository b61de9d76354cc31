import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Actions anonymous callers must never have: content and media (the site reads with its token),
 * end-user accounts (the site has none: no sign-up, login, or password mail to send), and the
 * e-mail plugin's `POST /api/email`, which would let anyone send mail from the coalition's server.
 */
const REFUSED_PREFIXES = ['api::', 'plugin::upload.', 'plugin::users-permissions.', 'plugin::email.'];
export const isRefusedAction = (action: string): boolean =>
  REFUSED_PREFIXES.some((prefix) => action.startsWith(prefix));

/**
 * The Public role gets no content permissions, no end-user auth routes and no e-mail, whatever
 * was clicked in the admin: anonymous `GET /api/pages`, draft reads, `POST /api/auth/local/register`,
 * `POST /api/auth/forgot-password` and `POST /api/email` are refused (403), and self-registration
 * is switched off too. Enforced at every start, for grants made before this version or in the
 * database; one ticked in the admin since is refused as it is saved (refusePublicGrants).
 */
export const lockDownPublicRole = async (strapi: Core.Strapi): Promise<void> => {
  await switchOffRegistration(strapi);
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions: { id: number; action: string }[] = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id } });
  const granted = permissions.filter((p) => isRefusedAction(p.action));
  if (granted.length === 0) return;
  await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
  strapi.log.info(
    `Removed ${granted.length} permission(s) from the Public role (${granted.map((p) => p.action).join(', ')}): the site reads with its API token and has no end-user accounts.`,
  );
};

const switchOffRegistration = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register === false) return;
  await store.set({ value: { ...advanced, allow_register: false } });
};

/** The role's id as the admin's save gives it (a number, a row, or its id as digits); null otherwise. */
const idOf = (role: unknown): number | null => {
  if (typeof role === 'number') return Number.isInteger(role) ? role : null;
  if (typeof role === 'string') return /^\d+$/.test(role) ? Number(role) : null;
  if (role && typeof role === 'object' && 'id' in role) return idOf((role as { id: unknown }).id);
  return null;
};

/**
 * An action as the admin's Roles page shows it: its group, the controller when the group has
 * several, then the box's label (`plugin::email.email.send` → "Email → send",
 * `plugin::users-permissions.user.find` → "Users-permissions → user → find").
 */
export const actionLabel = (action: string): string => {
  const [, owner = action] = action.split('::');
  const [group = owner, ...rest] = owner.split('.');
  const name = rest.at(-1);
  const controller = rest.length > 1 ? rest[0] : undefined;
  const title = group.charAt(0).toUpperCase() + group.slice(1);
  if (name === undefined) return title;
  return controller && controller !== group ? `${title} → ${controller} → ${name}` : `${title} → ${name}`;
};

/**
 * Refuses, as it is saved, a grant to the Public role that the next start would take away
 * (Users & Permissions → Roles → Public): until then it would be open to anyone. The admin shows
 * the message; the role's other changes are saved.
 */
export const refusePublicGrants = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission'],
    async beforeCreate(event) {
      const { action, role } = (event.params.data ?? {}) as { action?: unknown; role?: unknown };
      const roleId = idOf(role);
      if (typeof action !== 'string' || !isRefusedAction(action) || roleId === null) return;
      const publicRole = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { id: roleId, type: 'public' } });
      if (!publicRole) return;
      // Thrown as the grant is created, after the role's other changes: the admin shows the
      // message with the box still ticked, so it says what was kept and what to do.
      throw new errors.ApplicationError(
        `The Public role cannot be given "${actionLabel(action)}": anyone could use it without logging in. Your other changes were saved; untick it (and any other box of content, media, accounts or e-mail) to save again.`,
      );
    },
  });
};
