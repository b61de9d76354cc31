import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const DEFAULT_EMAIL = 'admin@example.com';

/** Strapi's password rules: 8+ characters with a lowercase and an uppercase letter and a digit. */
const generatePassword = (): string => `${randomBytes(12).toString('base64url')}-Aa1`;

type UserService = {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
};
type RoleService = {
  createRolesIfNoneExist(): Promise<void>;
  getSuperAdmin(): Promise<{ id: number } | null>;
};

/**
 * Outside production, a fresh database gets a super admin so a new user can log in at once:
 * ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise a generated password printed once.
 */
export const ensureLocalAdmin = async (strapi: Core.Strapi): Promise<void> => {
  if (process.env.NODE_ENV === 'production') return;
  const users = strapi.service('admin::user') as unknown as UserService;
  const adminUrl = `${strapi.config.get('server.absoluteUrl', '')}${strapi.config.get('admin.path', '/admin')}`;
  if (await users.exists()) {
    strapi.log.info(
      `Admin: ${adminUrl} (the login was printed on first start; reset it with \`pnpm --filter cms strapi admin:reset-user-password --email <email>\`).`,
    );
    return;
  }
  const roles = strapi.service('admin::role') as unknown as RoleService;
  await roles.createRolesIfNoneExist();
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the local admin user.');

  const email = process.env.ADMIN_EMAIL || DEFAULT_EMAIL;
  const fromEnv = Boolean(process.env.ADMIN_PASSWORD);
  const password = process.env.ADMIN_PASSWORD || generatePassword();
  await users.create({
    email,
    firstname: 'Site',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const lines = [
    'Local admin user created:',
    `  URL:      ${adminUrl}`,
    `  Email:    ${email}`,
    `  Password: ${fromEnv ? '(from ADMIN_PASSWORD)' : password}`,
    fromEnv ? '' : '  This password is shown only once: change it in the admin (top right > Profile).',
  ].filter(Boolean);
  // Printed straight to the console so it is not lost in log filtering.
  console.log(`\n${lines.join('\n')}\n`);
};
