import type { FieldText, TextsByModel } from '../admin-face/model-texts';

const wording = (label: string, what: string): FieldText => ({ label, description: what });

/** The parts every form's wording has. */
const formTexts = (keep: string): Record<string, FieldText> => ({
  title: { label: 'Heading', description: 'Shown above the form, in this language. Up to 120 characters.' },
  intro: {
    label: 'Introduction',
    description:
      'A few sentences under the heading: what the form is for and what happens next. Up to 1,000 characters.',
  },
  fields: {
    label: 'Fields',
    description:
      'The label and help line of each field, in this language. The fields themselves are fixed (so no form ever asks for something it should not); ask a developer for a new one.',
  },
  submitLabel: { label: 'Button', description: 'The send button’s words, e.g. "Send". Up to 60 characters.' },
  thankYouTitle: {
    label: 'Thank-you heading',
    description: 'The heading of the page a visitor sees after sending. Up to 120 characters.',
  },
  thankYouText: {
    label: 'Thank-you text',
    description: 'What happens next (who answers, how soon). Up to 1,000 characters.',
  },
  recipients: {
    label: 'Who is told',
    description:
      'Staff addresses e-mailed when something arrives (the same in every language). The e-mail says only which form and language: read it in the admin. Empty: nobody is e-mailed.',
  },
  keepDays: { label: 'Keep for (days)', description: keep },
});

const choices = (what: string): FieldText => ({
  label: what,
  description:
    'What a visitor can pick, in this language (at least one, up to 12). Staff read the pick as written here.',
});

const fieldWording = (fields: Record<string, string>) => ({
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, label]) => [name, wording(label, `The ${label.toLowerCase()} field.`)]),
  ),
});

const submission = (extra: Record<string, FieldText>): Record<string, FieldText> => ({
  ...extra,
  language: { label: 'Language', description: 'The language of the page it was sent from.' },
  state: {
    label: 'Status',
    description:
      'New, Handled (someone answered), or Possible spam (set aside by the spam filter: kept 30 days; set it to New to keep a real one).',
  },
  setAsideBecause: { label: 'Set aside because', description: 'What the spam filter found (written by the CMS).' },
  handledAt: { label: 'Handled on', description: 'Set by the CMS when the Status becomes Handled.' },
  notifiedAt: {
    label: 'Recipients told',
    description: 'When the form’s recipients were e-mailed of it (written by the CMS; empty: not yet).',
  },
});

/** What staff read in the admin for the forms, their submissions and the spam filter. */
export const FORM_TEXTS: TextsByModel = {
  'forms.field-wording': {
    mainField: 'label',
    fields: {
      label: { label: 'Label', description: 'The field’s name on the form. Up to 120 characters.' },
      help: {
        label: 'Help',
        description: 'A line under the label (an example, why it is asked). Up to 400 characters.',
      },
    },
  },
  'forms.choice': { mainField: 'label', fields: { label: { label: 'Choice', description: 'Up to 120 characters.' } } },
  'forms.recipient': { mainField: 'email', fields: { email: { label: 'E-mail address' } } },
  'forms.contact-fields': fieldWording({ name: 'Name', email: 'E-mail', topic: 'Topic', message: 'Message' }),
  'forms.volunteer-fields': fieldWording({
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    interests: 'Ways to help',
    message: 'Message',
  }),
  'forms.stay-informed-fields': fieldWording({ name: 'Name', email: 'E-mail', interests: 'Topics' }),
  'forms.help-request-fields': fieldWording({
    firstName: 'First name or nickname',
    reachBy: 'How to reach them',
    contact: 'Phone number or e-mail',
    safeToLeaveMessage: 'Safe to leave a message',
    preferredLanguage: 'Preferred language',
    county: 'County',
    caseWhen: 'When the case was',
    caseKind: 'What kind of case',
    cannabisRelated: 'Cannabis-related',
    under18: 'Under 18 at the time',
    message: 'Anything else',
  }),
  'api::contact-form.contact-form': {
    fields: {
      ...formTexts('Days a message is kept after it arrives, then deleted (only the count stays). Empty: 180.'),
      topics: choices('Topics'),
    },
  },
  'api::volunteer-form.volunteer-form': {
    fields: {
      ...formTexts('Days a sign-up is kept after it arrives, then deleted. Empty: kept until staff delete it.'),
      interests: choices('Ways to help'),
    },
  },
  'api::stay-informed-form.stay-informed-form': {
    fields: {
      ...formTexts('Days a sign-up is kept after it arrives, then deleted. Empty: kept until staff delete it.'),
      interests: choices('Topics'),
    },
  },
  'api::help-request-form.help-request-form': {
    fields: {
      ...formTexts(
        'Days a request is kept after it is marked Handled, then deleted (only the count stays). A request not yet handled is kept. Empty: 90.',
      ),
      privacyWarning: {
        label: 'Privacy warning',
        description:
          'Shown above the free-text box: what not to write (date of birth, Social Security, ID or case numbers, immigration status). Up to 400 characters.',
      },
      otherHelp: {
        label: 'Other free help',
        description:
          'The statewide free hotline and partners, offered beside the form as an equal path (e.g. New Leaf Illinois, 855-963-9532). Up to 600 characters.',
      },
      notAdvice: {
        label: 'Not legal advice',
        description: 'That the site gives legal information, not advice. Up to 400 characters.',
      },
    },
  },
  'api::spam-filter.spam-filter': {
    fields: {
      blockedWords: {
        label: 'Blocked words',
        description:
          'One word, phrase or e-mail domain (starting with @) per line. A submission containing one is set aside as possible spam, never deleted unseen.',
      },
      mostLinks: {
        label: 'Most links',
        description: 'A submission with more links than this is set aside as possible spam. 2 by default.',
      },
    },
  },
  'api::form-submission.form-submission': {
    mainField: 'name',
    fields: submission({
      form: { label: 'Form', description: 'Which form it came from.' },
      name: { label: 'Name' },
      email: { label: 'E-mail' },
      phone: { label: 'Phone' },
      topic: { label: 'Topic' },
      interests: { label: 'Interests', description: 'What they picked.' },
      message: { label: 'Message' },
    }),
    listColumns: [
      { name: 'name', label: 'Name' },
      { name: 'form', label: 'Form' },
      { name: 'state', label: 'Status' },
      { name: 'language', label: 'Language' },
      { name: 'createdAt', label: 'Received' },
    ],
  },
  'api::help-request.help-request': {
    mainField: 'firstName',
    fields: submission({
      firstName: { label: 'First name or nickname' },
      reachBy: { label: 'Reach by' },
      contact: { label: 'Phone or e-mail' },
      safeToLeaveMessage: { label: 'Safe to leave a message' },
      preferredLanguage: { label: 'Preferred language' },
      county: { label: 'County' },
      caseWhen: { label: 'When the case was' },
      caseKind: { label: 'Kind of case' },
      cannabisRelated: { label: 'Cannabis-related' },
      under18: { label: 'Under 18 at the time' },
      message: { label: 'Anything else' },
    }),
    listColumns: [
      { name: 'firstName', label: 'First name' },
      { name: 'preferredLanguage', label: 'Language' },
      { name: 'county', label: 'County' },
      { name: 'state', label: 'Status' },
      { name: 'createdAt', label: 'Received' },
    ],
  },
};
