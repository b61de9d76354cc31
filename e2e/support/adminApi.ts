import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { admin, cms } from './system';

type Json = Record<string, unknown>;
export type PageDraft = Json & { sections: (Json & { __component: string })[] };

let token: Promise<string> | undefined;
const login = async (): Promise<string> => {
  const response = await fetch(`${cms()}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin()),
  });
  if (!response.ok) throw new Error(`admin login failed: ${response.status}`);
  return ((await response.json()) as { data: { token: string } }).data.token;
};

const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${cms()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await (token ??= login())}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const PAGES = '/content-manager/collection-types/api::page.page';
const RECORD_GUIDE = '/content-manager/single-types/api::record-guide.record-guide';

/** The record guide (a single type; seeded as a draft in both languages). */
export const recordGuide = {
  publish: (locale: string) => call('POST', `${RECORD_GUIDE}/actions/publish?${new URLSearchParams({ locale })}`, {}),
  unpublish: (locale: string) =>
    call('POST', `${RECORD_GUIDE}/actions/unpublish?${new URLSearchParams({ locale })}`, {}),
};

/**
 * The admin's own API, for what a test sets up or puts back; what staff do is driven
 * through the admin in the browser.
 */
export const pages = {
  /** The pages at `path` (drafts included): none once it is deleted. */
  at: async (path: string): Promise<string[]> =>
    (
      await call<{ results: { documentId: string }[] }>(
        'GET',
        `${PAGES}?filters[path][$eq]=${encodeURIComponent(path)}`,
      )
    ).results.map((result) => result.documentId),
  find: async (path: string): Promise<{ documentId: string; draft: PageDraft }> => {
    const [documentId] = await pages.at(path);
    if (!documentId) throw new Error(`no page at ${path}`);
    return { documentId, draft: (await call<{ data: PageDraft }>('GET', `${PAGES}/${documentId}`)).data };
  },
  publish: (documentId: string, data: object) => call('POST', `${PAGES}/${documentId}/actions/publish`, data),
  unpublish: (documentId: string) => call('POST', `${PAGES}/${documentId}/actions/unpublish`, {}),
  /** A new page, published; returns its documentId. */
  create: async (data: Json): Promise<string> => {
    const { data: created } = await call<{ data: { documentId: string } }>('POST', PAGES, data);
    await call('POST', `${PAGES}/${created.documentId}/actions/publish`, data);
    return created.documentId;
  },
  remove: (documentId: string) => call('DELETE', `${PAGES}/${documentId}`),
  /** Deletes one language of a page (its translation), leaving the others. */
  removeLocale: (documentId: string, locale: string) =>
    call('DELETE', `${PAGES}/${documentId}?${new URLSearchParams({ locale })}`),
};

/**
 * Component rows are replaced when a page is saved, so the ids of a copy taken earlier may be
 * gone: drop them (components have no documentId; media and relations keep theirs).
 */
const withoutComponentIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutComponentIds);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Json;
  if ('documentId' in record) return record;
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'id')
      .map(([key, v]) => [key, withoutComponentIds(v)]),
  );
};

/** Publishes `data` again when the test is over, whatever it changed. */
export const restorePage = async (path: string, data: PageDraft) => {
  const { documentId } = await pages.find(path);
  await pages.publish(documentId, { ...data, sections: withoutComponentIds(data.sections) });
};

/** Uploads a file to the media library, as the admin's upload dialog does. */
export const uploadImage = async (
  file: string,
  alternativeText: string,
): Promise<{ id: number; documentId: string; url: string }> => {
  const form = new FormData();
  form.append(
    'files',
    new Blob([await readFile(file)], { type: file.endsWith('.png') ? 'image/png' : 'image/jpeg' }),
    path.basename(file),
  );
  form.append('fileInfo', JSON.stringify({ alternativeText, name: path.basename(file) }));
  const response = await fetch(`${cms()}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await (token ??= login())}` },
    body: form,
  });
  if (!response.ok) throw new Error(`upload of ${file}: ${response.status} ${await response.text()}`);
  const [uploaded] = (await response.json()) as { id: number; documentId: string; url: string }[];
  return uploaded!;
};

const GLOBAL = '/content-manager/single-types/api::global.global';

/** The site settings: read them, publish a change, and put them back. */
export const settings = {
  read: async (): Promise<Json> => (await call<{ data: Json }>('GET', GLOBAL)).data,
  publish: (data: Json) => call('POST', `${GLOBAL}/actions/publish`, data),
};

/** What visitors sent, newest first, as the Super Admin's list in the admin reads it (`form-submission` or `help-request`). */
export const submissions = async (
  store: 'form-submission' | 'help-request',
): Promise<Record<string, string | null>[]> =>
  (
    await call<{ results: Record<string, string | null>[] }>(
      'GET',
      `/content-manager/collection-types/api::${store}.${store}?pageSize=100&sort=id:desc`,
    )
  ).results;
