import type { Core, UID } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { FORM_FIELDS, FORM_KIND_NAMES, FORM_KINDS } from './form-kinds';

/** The two stores staff export, by the name in the export's address and file. */
export const EXPORTS = {
  'form-submissions': 'api::form-submission.form-submission',
  'help-requests': 'api::help-request.help-request',
} as const;
export type ExportName = keyof typeof EXPORTS;

/** Every column of a store, in the forms' order, then what the CMS wrote. */
const columnsOf = (store: string): string[] => {
  const forms = FORM_KIND_NAMES.filter((form) => FORM_KINDS[form].store === store);
  const fields = [...new Set(forms.flatMap((form) => FORM_FIELDS[form]))];
  const kind = forms.length > 1 ? ['form'] : [];
  return [...kind, ...fields, 'language', 'state', 'setAsideBecause', 'createdAt', 'handledAt'];
};

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

/**
 * A store as a spreadsheet: a header row, then one row per submission, newest first. A cell that
 * starts like a formula (=, +, -, @) is written as text: what a visitor typed must never run in
 * staff's spreadsheet. With a byte-order mark, so Excel opens Spanish accents as written.
 */
export const exportCsv = async (strapi: Core.Strapi, name: ExportName): Promise<string> => {
  const store = EXPORTS[name];
  const columns = columnsOf(store);
  const rows = (await strapi.db
    .query(store as UID.ContentType)
    .findMany({ select: columns, orderBy: { createdAt: 'desc' } })) as Record<string, unknown>[];
  return `\uFEFF${stringify(
    rows.map((row) => columns.map((column) => cell(row[column]))),
    { header: true, columns, escape_formulas: true, record_delimiter: 'windows' },
  )}`;
};
