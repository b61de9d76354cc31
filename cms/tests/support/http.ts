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

export const sendContentApi = async (
  method: string,
  path: string,
  body: unknown,
  token: string | null = strapi().readToken,
) => {
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
  upload(
    files: { name: string; type: string; content: string | Uint8Array<ArrayBuffer> }[],
  ): Promise<{ status: number; body: unknown }>;
};

/**
 * The admin's own API, logged in as the local admin (Super Admin): what the admin panel's buttons
 * call. The suite logs in once per role (Strapi rate-limits admin logins; tests/support/global-setup.ts).
 */
export const adminSession = async (): Promise<AdminSession> => sessionWith(strapi().adminToken);

/** The same, logged in as the staff member the first run creates (the Editor role). */
export const editorSession = async (): Promise<AdminSession> => sessionWith(strapi().editorToken);

const sessionWith = (token: string): AdminSession => {
  const { url } = strapi();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Json };
  };
  const upload = async (files: { name: string; type: string; content: string | Uint8Array<ArrayBuffer> }[]) => {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.content], { type: file.type }), file.name);
    const response = await fetch(`${url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as unknown };
  };
  return { call, upload };
};
