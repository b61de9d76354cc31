import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { editorRole, intakeRole } from '../staff/staff-roles';

/** Strapi's password rules: 8+ characters with a lowercase and an uppercase letter and a digit. */
const generatePassword = (): string => `${randomBytes(12).toString('base64url')}-Aa1`;

type UserService = {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
};
type RoleService = { getSuperAdmin(): Promise<{ id: number } | null> };

type Login = { who: string; email: string; password: string; fromEnv: boolean };

/**
 * Outside production, a fresh database gets its three logins so a new user can start at once,
 * each printed once (or taken from the environment):
 *   - staff: an Editor (EDITOR_EMAIL / EDITOR_PASSWORD): pages, site settings, media;
 *   - intake: the Intake role (INTAKE_EMAIL / INTAKE_PASSWORD): help requests, nothing else;
 *   - ops: a Super Admin (ADMIN_EMAIL / ADMIN_PASSWORD): users, roles, settings, tokens.
 */
export const ensureLocalAdmin = async (strapi: Core.Strapi): Promise<void> => {
  if (process.env.NODE_ENV === 'production') return;
  const users = strapi.service('admin::user') as unknown as UserService;
  const adminUrl = `${strapi.config.get('server.absoluteUrl', '')}${strapi.config.get('admin.path', '/admin')}`;
  if (await users.exists()) {
    strapi.log.info(
      `Admin: ${adminUrl} (the logins were printed on first start; reset one with \`pnpm --filter cms strapi admin:reset-user-password --email <email>\`).`,
    );
    return;
  }
  const superAdmin = await (strapi.service('admin::role') as unknown as RoleService).getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the local admin user.');
  const editor = await editorRole(strapi);
  const intake = await intakeRole(strapi);

  const create = async (
    who: string,
    emailVar: string,
    passwordVar: string,
    fallbackEmail: string,
    roleId: number,
    lastname: string,
  ): Promise<Login> => {
    const email = (process.env[emailVar] || fallbackEmail).toLowerCase();
    const fromEnv = Boolean(process.env[passwordVar]);
    const password = process.env[passwordVar] || generatePassword();
    await users.create({
      email,
      firstname: 'Coalition',
      lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [roleId],
    });
    return { who, email, password, fromEnv };
  };
  const logins = [
    await create(
      'Staff (Editor: pages, site settings, media)',
      'EDITOR_EMAIL',
      'EDITOR_PASSWORD',
      'editor@example.com',
      editor.id,
      'Staff',
    ),
    await create(
      'Intake (help requests from the site, nothing else)',
      'INTAKE_EMAIL',
      'INTAKE_PASSWORD',
      'intake@example.com',
      intake.id,
      'Intake',
    ),
    await create(
      'Ops (Super Admin: users, roles, settings; keep it for maintenance)',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'admin@example.com',
      superAdmin.id,
      'Ops',
    ),
  ];
  const lines = [`Local logins created for ${adminUrl}:`];
  for (const login of logins) {
    lines.push(
      `  ${login.who}`,
      `    Email:    ${login.email}`,
      `    Password: ${login.fromEnv ? '(from the environment)' : login.password}`,
    );
  }
  if (logins.some((login) => !login.fromEnv))
    lines.push('  These passwords are shown only once: change them in the admin (top right > Profile).');
  // Printed straight to the console so it is not lost in log filtering.
  console.log(`\n${lines.join('\n')}\n`);
};
