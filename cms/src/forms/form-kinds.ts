/**
 * The coalition's four forms, defined here and nowhere else: which document words each one (its
 * single type, edited by staff in both languages), where its submissions are kept and how long.
 * The fields themselves are the submission type's attributes (src/api/…/schema.json) and the
 * wording component's (src/components/forms/<kind>-fields.json), which a test keeps equal: staff
 * word the fields, they cannot add one.
 */
export const FORM_KINDS = {
  contact: {
    settings: 'api::contact-form.contact-form',
    store: 'api::form-submission.form-submission',
    /** Staff's list the visitor picks one from, and which field holds the pick. */
    choices: { field: 'topic', list: 'topics', many: false },
    /** Days kept after it arrived (the single type's keepDays, or this when staff left it empty). */
    keep: { days: 180, from: 'received' },
  },
  volunteer: {
    settings: 'api::volunteer-form.volunteer-form',
    store: 'api::form-submission.form-submission',
    choices: { field: 'interests', list: 'interests', many: true },
    keep: { days: null, from: 'received' },
  },
  'stay-informed': {
    settings: 'api::stay-informed-form.stay-informed-form',
    store: 'api::form-submission.form-submission',
    choices: { field: 'interests', list: 'interests', many: true },
    keep: { days: null, from: 'received' },
  },
  help: {
    settings: 'api::help-request-form.help-request-form',
    store: 'api::help-request.help-request',
    choices: null,
    /** A request waiting for its callback is kept: the count starts when staff mark it handled. */
    keep: { days: 90, from: 'handled' },
  },
} as const;

export type FormKind = keyof typeof FORM_KINDS;
export const FORM_KIND_NAMES = Object.keys(FORM_KINDS) as FormKind[];
export const SUBMISSION_STORES = [...new Set(Object.values(FORM_KINDS).map((kind) => kind.store))];
export const FORM_SETTINGS = Object.values(FORM_KINDS).map((kind) => kind.settings);

/** Possible spam is kept this long whatever its form's keeping time, so staff can rescue a real one. */
export const POSSIBLE_SPAM_KEEP_DAYS = 30;

/** The fields of each form, in the order the site shows them (the wording component's order). */
export const FORM_FIELDS = {
  contact: ['name', 'email', 'topic', 'message'],
  volunteer: ['name', 'email', 'phone', 'interests', 'message'],
  'stay-informed': ['name', 'email', 'interests'],
  help: [
    'firstName',
    'reachBy',
    'contact',
    'safeToLeaveMessage',
    'preferredLanguage',
    'county',
    'caseWhen',
    'caseKind',
    'cannabisRelated',
    'under18',
    'message',
  ],
} as const satisfies Record<FormKind, readonly string[]>;

/** The wording component of each form (its attributes are the form's fields). */
export const FIELDS_COMPONENT: Record<FormKind, string> = {
  contact: 'forms.contact-fields',
  volunteer: 'forms.volunteer-fields',
  'stay-informed': 'forms.stay-informed-fields',
  help: 'forms.help-request-fields',
};

/**
 * What the intake never asks for, however a field is named: a test reads every attribute of the
 * help request and its wording against these. Each is either useless for a callback or harmful
 * to the person if the coalition's records were ever seized or leaked. Matched against the
 * field's name split into words (`dateOfBirth` → "date of birth").
 */
export const REFUSED_INTAKE_FIELDS = [
  /\bbirth|\bdob\b|\bage\b|\bborn\b/,
  /\bssn\b|social security/,
  /\bid\b|identification|licen[cs]e|passport/,
  /\bcase (number|no)\b|docket|rap sheet|\brecord number/,
  /immigra|citizen|\bvisa\b|\balien\b/,
  /document|upload|\bfiles?\b|attachment|photo/,
  /address|street|\bzip\b|postal/,
  /last name|surname|full name/,
] as const;

/** Whether a field's name is one the intake must never have. */
export const isRefusedIntakeField = (name: string): boolean => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return REFUSED_INTAKE_FIELDS.some((pattern) => pattern.test(words));
};
