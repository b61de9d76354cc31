import { z } from 'zod';
import { cmsGet, type CmsResult } from '../cms/strapiClient';
import type { Locale } from '../../i18n/locales';
import { FORM_FIELDS, type FormKind } from './formFields';

/**
 * What staff wrote for a form in one language (the CMS's single types "Form: …"), read with the
 * site's read token. Who is told and the keeping time are private in the CMS: never in this answer.
 */
const wording = z.object({ label: z.string().min(1), help: z.string().nullish() });
const choices = z.array(z.object({ label: z.string().min(1) }));

const fieldsOf = (kind: FormKind) =>
  z.object(
    Object.fromEntries(FORM_FIELDS[kind].map((field) => [field.name, wording])) as Record<string, typeof wording>,
  );

const common = {
  documentId: z.string(),
  title: z.string().min(1),
  intro: z.string().nullish(),
  submitLabel: z.string().min(1),
  thankYouTitle: z.string().min(1),
  thankYouText: z.string().min(1),
};

const formSchemas = {
  contact: z.object({ ...common, fields: fieldsOf('contact'), topics: choices }),
  volunteer: z.object({ ...common, fields: fieldsOf('volunteer'), interests: choices }),
  'stay-informed': z.object({ ...common, fields: fieldsOf('stay-informed'), interests: choices }),
  help: z.object({
    ...common,
    fields: fieldsOf('help'),
    privacyWarning: z.string().min(1),
    otherHelp: z.string().min(1),
    notAdvice: z.string().min(1),
  }),
} satisfies Record<FormKind, z.ZodType>;

export type FormWording = {
  kind: FormKind;
  documentId: string;
  title: string;
  intro: string | null;
  submitLabel: string;
  thankYouTitle: string;
  thankYouText: string;
  fields: Record<string, { label: string; help: string | null }>;
  /** Staff's lists (topics, interests), as the labels the visitor picks from and the CMS keeps. */
  lists: { topics?: string[]; interests?: string[] };
  help?: { privacyWarning: string; otherHelp: string; notAdvice: string };
};

/** The single type's address in Strapi's REST API. */
const API_PATH: Record<FormKind, string> = {
  contact: '/contact-form',
  volunteer: '/volunteer-form',
  'stay-informed': '/stay-informed-form',
  help: '/help-request-form',
};

const populate = (kind: FormKind) => ({
  fields: { populate: '*' },
  ...(kind === 'contact' ? { topics: true } : {}),
  ...(kind === 'volunteer' || kind === 'stay-informed' ? { interests: true } : {}),
});

export const fetchFormWording = async (kind: FormKind, locale: Locale): Promise<CmsResult<FormWording>> => {
  const result = await cmsGet(
    { path: API_PATH[kind], query: { locale, populate: populate(kind) } },
    z.object({ data: formSchemas[kind] }),
  );
  const data = result.data.data;
  const fields = Object.fromEntries(
    Object.entries(data.fields).map(([name, field]) => [name, { label: field.label, help: field.help ?? null }]),
  );
  const labels = (list: { label: string }[]) => list.map((choice) => choice.label);
  return {
    stale: result.stale,
    data: {
      kind,
      documentId: data.documentId,
      title: data.title,
      intro: data.intro ?? null,
      submitLabel: data.submitLabel,
      thankYouTitle: data.thankYouTitle,
      thankYouText: data.thankYouText,
      fields,
      lists: {
        ...('topics' in data ? { topics: labels(data.topics) } : {}),
        ...('interests' in data ? { interests: labels(data.interests) } : {}),
      },
      ...('privacyWarning' in data
        ? { help: { privacyWarning: data.privacyWarning, otherHelp: data.otherHelp, notAdvice: data.notAdvice } }
        : {}),
    },
  };
};
