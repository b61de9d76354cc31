import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { FORM_FIELDS, FORM_KIND_NAMES, FORM_KINDS, type FormKind } from './form-kinds';

type Wording = Record<string, unknown> & { fields?: Record<string, { label: string; help?: string }> };

/** The wording of one form in one language as its single type stores it (choices as components). */
const asStored = (form: FormKind, wording: Wording, file: string): Record<string, unknown> => {
  const choices = FORM_KINDS[form].choices;
  const missing = FORM_FIELDS[form].filter((field) => !wording.fields?.[field]?.label);
  if (missing.length > 0) throw new Error(`${file}: ${form} has no label for ${missing.join(', ')}.`);
  const data: Record<string, unknown> = { ...wording };
  if (choices) data[choices.list] = ((wording[choices.list] as string[] | undefined) ?? []).map((label) => ({ label }));
  return data;
};

/**
 * Each form's first wording (seed/forms/en.yml and es.yml), published, the first time the CMS
 * finds that form with none: on a fresh database, and on one from before the forms existed.
 * Never touches a form staff have worded. Its recipients are the site settings' contact address.
 */
export const seedForms = async (strapi: Core.Strapi, seedDir: string): Promise<void> => {
  const files = { en: path.join(seedDir, 'forms', 'en.yml'), es: path.join(seedDir, 'forms', 'es.yml') };
  const words = {
    en: parse(await readFile(files.en, 'utf8')) as Record<FormKind, Wording>,
    es: parse(await readFile(files.es, 'utf8')) as Record<FormKind, Wording>,
  };
  const settings = (await strapi.db.query('api::global.global').findOne({ where: { locale: 'en' } })) as {
    contactEmail?: string | null;
  } | null;
  const recipients = settings?.contactEmail ? [{ email: settings.contactEmail }] : [];
  for (const form of FORM_KIND_NAMES) {
    // One of the four (each has drafts): the type that lets `publish` be called on it.
    const uid = FORM_KINDS[form].settings as 'api::contact-form.contact-form';
    if ((await strapi.db.query(uid).count()) > 0) continue;
    const documents = strapi.documents(uid);
    const created = (await documents.create({
      locale: 'en',
      data: { ...asStored(form, words.en[form], files.en), recipients } as never,
    })) as { documentId: string };
    await documents.update({
      documentId: created.documentId,
      locale: 'es',
      data: asStored(form, words.es[form], files.es) as never,
    });
    await documents.publish({ documentId: created.documentId, locale: '*' });
    strapi.log.info(`Seed: the ${form} form's wording in English and Spanish (seed/forms), published.`);
  }
};
