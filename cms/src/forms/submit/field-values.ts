import counties from '../illinois-counties.json';
import { FORM_FIELDS, FORM_KINDS, type FormKind } from '../form-kinds';
import type { FieldErrors, SubmitRequest } from './submit-request';

type Attribute = { type: string; required?: boolean; maxLength?: number; enum?: string[] };
export type StoreAttributes = Record<string, Attribute>;
/** The staff-worded choices of a form in the visitor's language (topics, interests), by label. */
export type ChoiceLists = Record<string, string[]>;

const COUNTY_ANSWERS = new Set([...counties.counties, ...counties.otherAnswers]);
// The same test as the site's `type="email"` (WHATWG), so what the browser let through is kept.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * The stored data of one submission from what the visitor sent, or why not, field by field (codes
 * the site words in the visitor's language: required, too-long, email, choice, unknown). Only the
 * form's own fields are taken: anything else is refused, never kept.
 */
export const fieldValues = (
  request: SubmitRequest,
  attributes: StoreAttributes,
  choices: ChoiceLists,
): { data: Record<string, string | string[]>; errors: FieldErrors } => {
  const fields: readonly string[] = FORM_FIELDS[request.form];
  const data: Record<string, string | string[]> = {};
  const errors: FieldErrors = {};
  for (const name of Object.keys(request.values)) if (!fields.includes(name)) errors[name] = 'unknown';
  const choice = FORM_KINDS[request.form].choices;
  for (const name of fields) {
    const attribute = attributes[name];
    if (!attribute) throw new Error(`The form "${request.form}" names a field "${name}" its store does not have.`);
    const raw = request.values[name];
    if (choice && choice.field === name) {
      const picked = [raw ?? []]
        .flat()
        .map((value) => value.trim())
        .filter(Boolean);
      const allowed = new Set(choices[choice.list] ?? []);
      if (picked.some((value) => !allowed.has(value))) errors[name] = 'choice';
      else if (picked.length > 0) data[name] = choice.many ? [...new Set(picked)] : picked[0]!;
      else if (attribute.required) errors[name] = 'required';
      if (!choice.many && picked.length > 1) errors[name] = 'choice';
      continue;
    }
    if (Array.isArray(raw)) {
      errors[name] = 'choice';
      continue;
    }
    // Line ends as the browser sends them (CRLF) count once, as in the visitor's text box.
    const value = (raw ?? '').replace(/\r\n/g, '\n').trim();
    if (value === '') {
      if (attribute.required) errors[name] = 'required';
      continue;
    }
    // In UTF-16 units, as Strapi checks maxLength on the write (and a browser's maxlength counts):
    // what passes here is never refused by the store.
    if (attribute.maxLength !== undefined && value.length > attribute.maxLength) errors[name] = 'too-long';
    else if (attribute.type === 'email' && !EMAIL.test(value)) errors[name] = 'email';
    else if (attribute.type === 'enumeration' && !attribute.enum?.includes(value)) errors[name] = 'choice';
    else if (request.form === 'help' && name === 'county' && !COUNTY_ANSWERS.has(value)) errors[name] = 'choice';
    else data[name] = value;
  }
  return { data, errors };
};

/** The form's kind of submission, for the store shared by several forms. */
export const storedForm = (form: FormKind): Record<string, string> =>
  FORM_KINDS[form].store === 'api::form-submission.form-submission' ? { form } : {};
