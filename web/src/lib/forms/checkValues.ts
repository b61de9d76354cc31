import { ILLINOIS_COUNTIES, OTHER_COUNTY_ANSWERS } from './illinoisCounties';
import { FIXED_ANSWERS, FORM_FIELDS, type FormKind, type FormValues } from './formFields';
import type { FormWording } from './formWording';

/** Why a field's answer cannot be taken: the CMS's codes too, worded by the dictionary (i18n/ui.ts, `forms.errors`). */
export const FIELD_ERRORS = ['required', 'too-long', 'email', 'choice', 'unknown'] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];
export type FieldErrors = Record<string, FieldError>;

/**
 * WHATWG's "valid e-mail address" (the browser's `type="email"`) with a dot in the domain, as the
 * CMS checks it: the browser takes `name@localhost`, which reaches no one outside.
 */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const COUNTY_ANSWERS = new Set<string>([...ILLINOIS_COUNTIES, ...OTHER_COUNTY_ANSWERS]);

/**
 * The site's own check of a submission, before the CMS is asked: the same rules as the browser's
 * (`required`, `maxlength`, `type="email"`, the offered answers), for a browser that skipped them.
 * The CMS checks again, and has the last word.
 */
export const checkValues = (kind: FormKind, values: FormValues, wording: FormWording): FieldErrors => {
  const errors: FieldErrors = {};
  for (const field of FORM_FIELDS[kind]) {
    const raw = values[field.name] ?? '';
    const picked = [raw]
      .flat()
      .map((value) => value.trim())
      .filter(Boolean);
    if (picked.length === 0) {
      if (field.required) errors[field.name] = 'required';
      continue;
    }
    switch (field.control) {
      case 'staff-choice': {
        const offered = new Set(wording.lists[field.list] ?? []);
        if (picked.some((value) => !offered.has(value))) errors[field.name] = 'choice';
        break;
      }
      case 'fixed-choice':
        if (!(FIXED_ANSWERS[field.answers] as readonly string[]).includes(picked[0]!)) errors[field.name] = 'choice';
        break;
      case 'county':
        if (!COUNTY_ANSWERS.has(picked[0]!)) errors[field.name] = 'choice';
        break;
      default: {
        // Counted as the CMS counts them (UTF-16 code units, as the browser's maxlength does).
        const value = picked[0]!.replace(/\r\n/g, '\n');
        if (value.length > field.maxLength) errors[field.name] = 'too-long';
        else if (field.control === 'email' && !EMAIL.test(value)) errors[field.name] = 'email';
      }
    }
  }
  return errors;
};
