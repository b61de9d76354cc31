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

type AdminSession = {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** Sends files as the admin's upload dialog does. */
  upload(files: { name: string; type: string; content: string | Uint8Array<ArrayBuffer> }[]): Promise<{ status: number; body: unknown }>;
};
const sessions = new Map<'admin' | 'editor', Promise<AdminSession>>();

/**
 * The admin's own API, logged in as the local admin (Super Admin): what the admin panel's buttons
 * call. One login per test file and role: Strapi rate-limits admin logins.
 */
export const adminSession = (): Promise<AdminSession> => session('admin');

/** The same, logged in as the staff member the first run creates (the Editor role). */
export const editorSession = (): Promise<AdminSession> => session('editor');

const session = (role: 'admin' | 'editor'): Promise<AdminSession> => {
  if (!sessions.has(role)) sessions.set(role, login(role));
  return sessions.get(role)!;
};

const login = async (role: 'admin' | 'editor'): Promise<AdminSession> => {
  const { url, adminEmail, adminPassword, editorEmail, editorPassword } = strapi();
  const credentials = role === 'admin' ? { email: adminEmail, password: adminPassword } : { email: editorEmail, password: editorPassword };
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`${role} login failed with ${login.status}: ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Json };
  };
  const upload = async (files: { name: string; type: string; content: string | Uint8Array<ArrayBuffer> }[]) => {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.content], { type: file.type }), file.name);
    const response = await fetch(`${url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${data.token}` }, body: form });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as unknown };
  };
  return { call, upload };
};
