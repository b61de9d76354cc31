import qs from 'qs';
import { inject } from 'vitest';
import './provided';

type Json = Record<string, unknown>;

const strapi = () => inject('strapi');

/** GET on the content API as the site does it: with the read token, unless told otherwise. */
export const contentApi = async (path: string, query: object = {}, token: string | null = strapi().readToken) => {
  const search = qs.stringify(query, { encodeValuesOnly: true });
  const response = await fetch(`${strapi().url}/api${path}${search ? `?${search}` : ''}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Json };
};

export const sendContentApi = async (method: string, path: string, body: unknown, token: string | null = strapi().readToken) => {
  const response = await fetch(`${strapi().url}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Json };
};

type AdminSession = { call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> };
let session: Promise<AdminSession> | undefined;

/**
 * The admin's own API, logged in as the local admin: what the admin panel's buttons call.
 * One login per test file: Strapi rate-limits admin logins.
 */
export const adminSession = (): Promise<AdminSession> => (session ??= login());

const login = async (): Promise<AdminSession> => {
  const { url, adminEmail, adminPassword } = strapi();
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (login.status !== 200) throw new Error(`admin login failed with ${login.status}: ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Json };
  };
  return { call };
};
