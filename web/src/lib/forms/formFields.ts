/**
 * The coalition's four forms as the site shows them: each field's control, whether it must be
 * answered, how long it may be, and where its answers come from. Staff word every label and help
 * line and the lists of topics and interests (the CMS's form single types); the fields themselves
 * are defined in code, in the CMS (cms/src/forms/form-kinds.ts and the submissions' schemas) and
 * here, and a test (tests/unit/formFields.test.ts) keeps the two equal field by field.
 */
export const FORM_KINDS = ['contact', 'volunteer', 'stay-informed', 'help'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const isFormKind = (value: unknown): value is FormKind => FORM_KINDS.some((kind) => kind === value);

/** The help form's fixed answers (values the CMS keeps), worded in each language by the dictionary (i18n/ui.ts, `forms.answers`). */
export const FIXED_ANSWERS = {
  reachBy: ['phone', 'text', 'email'],
  safeToLeaveMessage: ['yes', 'no'],
  preferredLanguage: ['english', 'spanish', 'other'],
  caseWhen: ['under-a-year', 'one-to-five-years', 'over-five-years', 'not-sure'],
  caseKind: ['arrest-only', 'dismissed', 'supervision', 'conviction', 'not-sure'],
  cannabisRelated: ['yes', 'no', 'not-sure'],
  under18: ['yes', 'no', 'not-sure'],
} as const;
export type FixedAnswerField = keyof typeof FIXED_ANSWERS;

type Common = {
  name: string;
  required: boolean;
};
export type FieldSpec =
  | (Common & {
      control: 'text' | 'email' | 'tel' | 'textarea';
      maxLength: number;
      /** The browser's autofill name (WHATWG autocomplete tokens), so a visitor fills their details in one go. */
      autocomplete?: string;
    })
  /** One of staff's list (topics) or several (interests), by the list's name in the form's wording. */
  | (Common & { control: 'staff-choice'; list: 'topics' | 'interests'; many: boolean })
  | (Common & { control: 'fixed-choice'; answers: FixedAnswerField })
  | (Common & { control: 'county' });

const name: FieldSpec = { name: 'name', control: 'text', required: true, maxLength: 100, autocomplete: 'name' };
const email: FieldSpec = { name: 'email', control: 'email', required: true, maxLength: 254, autocomplete: 'email' };
const fixed = (field: FixedAnswerField): FieldSpec => ({
  name: field,
  control: 'fixed-choice',
  answers: field,
  required: true,
});

export const FORM_FIELDS: Record<FormKind, readonly FieldSpec[]> = {
  contact: [
    name,
    email,
    { name: 'topic', control: 'staff-choice', list: 'topics', many: false, required: false },
    // The CMS keeps an empty message (the volunteer form's is optional); a contact message is the point.
    { name: 'message', control: 'textarea', required: true, maxLength: 3000 },
  ],
  volunteer: [
    name,
    email,
    { name: 'phone', control: 'tel', required: false, maxLength: 40, autocomplete: 'tel' },
    { name: 'interests', control: 'staff-choice', list: 'interests', many: true, required: false },
    { name: 'message', control: 'textarea', required: false, maxLength: 3000 },
  ],
  'stay-informed': [
    name,
    email,
    { name: 'interests', control: 'staff-choice', list: 'interests', many: true, required: false },
  ],
  help: [
    // What to call the person: no surname, so no autofill of a full name either.
    { name: 'firstName', control: 'text', required: true, maxLength: 60, autocomplete: 'nickname' },
    fixed('reachBy'),
    { name: 'contact', control: 'text', required: true, maxLength: 254 },
    fixed('safeToLeaveMessage'),
    fixed('preferredLanguage'),
    { name: 'county', control: 'county', required: true },
    fixed('caseWhen'),
    fixed('caseKind'),
    fixed('cannabisRelated'),
    fixed('under18'),
    { name: 'message', control: 'textarea', required: false, maxLength: 1500 },
  ],
};

/**
 * The hidden field a person never sees and a bot fills in (the stylesheet hides it; screen
 * readers skip it). A made-up name no browser's autofill knows, so autofill leaves it empty.
 */
export const TRAP_FIELD = 'leave-this-empty-q7';
/** The signed time token's field (lib/forms/formToken.ts). */
export const TOKEN_FIELD = 'formToken';
/** Which form a POST is for (a page may hold more than one). */
export const KIND_FIELD = 'formKind';

/** The visitor's answers, by field: text, or the picks of a many-choice field. */
export type FormValues = Record<string, string | string[]>;

/** The values of `kind`'s own fields from a posted body: anything else (a made-up field) is left out, never sent on. */
export const valuesFrom = (kind: FormKind, body: FormData): FormValues => {
  const values: FormValues = {};
  for (const field of FORM_FIELDS[kind]) {
    const all = body.getAll(field.name).filter((value): value is string => typeof value === 'string');
    if (field.control === 'staff-choice' && field.many) values[field.name] = all.slice(0, 20);
    else values[field.name] = all[0] ?? '';
  }
  return values;
};
