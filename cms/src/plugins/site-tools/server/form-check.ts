import type { Core } from '@strapi/strapi';
import { checkDocument } from '../../../validation/check-document';
import { strapiRuleBook, writeViolations } from '../../../validation/document-middleware';
import { placeOf } from '../../../validation/place-of';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the edit view sends before Save or Publish: the form as staff left it. */
/** `locale`: the edit view's language (the default when not sent). */
export type FormToCheck = { uid: string; documentId?: string; locale?: string; values: Json; publishing: boolean };
/** A field the server would refuse, with where it is in staff's words. */
export type FormProblem = { path: string[]; message: string; where: string };

const CHECKED = new Set([
  'api::page.page',
  'api::event.event',
  'api::global.global',
  'api::redirect.redirect',
  'api::glossary.glossary',
]);

/** Reads the request body, or says what is wrong with it. */
export const readFormToCheck = (body: unknown): FormToCheck | string => {
  if (!isRecord(body)) return 'Send { uid, documentId?, values, publishing }.';
  const { uid, documentId, locale, values, publishing } = body;
  if (typeof uid !== 'string' || !CHECKED.has(uid)) return `uid must be one of ${[...CHECKED].join(', ')}.`;
  if (!isRecord(values)) return 'values must be the form’s values (an object).';
  return {
    uid,
    values,
    publishing: publishing === true,
    ...(typeof documentId === 'string' && documentId !== '' ? { documentId } : {}),
    ...(typeof locale === 'string' && locale !== '' ? { locale } : {}),
  };
};

/**
 * The answer to "would the server take this?", asked by the admin before it saves or publishes
 * (src/admin/staff/checked-save.tsx): the same rules the Document Service middleware applies to
 * every write, run on the form's values, plus what publishing needs. Nothing is written.
 */
export const checkForm = async (strapi: Core.Strapi, form: FormToCheck): Promise<FormProblem[]> => {
  const book = strapiRuleBook(strapi);
  const violations = await writeViolations(strapi, book, {
    uid: form.uid,
    action: form.documentId ? 'update' : 'create',
    data: form.values,
    ...(form.documentId ? { documentId: form.documentId } : {}),
    ...(form.locale ? { locale: form.locale } : {}),
  });
  if (form.publishing) violations.push(...checkDocument(book, form.uid, form.values, 'publish'));
  const byPath = new Map(violations.map((violation) => [violation.path.join('.'), violation]));
  return [...byPath.values()].map((violation) => ({
    path: violation.path,
    message: violation.message,
    where: placeOf(book, form.uid, form.values, violation.path),
  }));
};
