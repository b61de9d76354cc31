import type { TextsByModel } from '../admin-face/model-texts';

export const NEWSLETTER_TEXTS: TextsByModel = {
  'shared.newsletter': {
    mainField: 'heading',
    fields: {
      enabled: { label: 'Show the sign-up form', description: 'In the footer of every page.' },
      action: {
        label: 'Form address (Mailchimp)',
        description:
          'In Mailchimp: Audience > Signup forms > Embedded form: the form’s action address, https://….list-manage.com/subscribe/post?u=…&id=…. The form posts there directly; the site loads nothing from Mailchimp.',
        placeholder: 'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=…&id=…',
        rule: 'Paste the action address of a Mailchimp embedded form: https://<account>.us<n>.list-manage.com/subscribe/post?u=…&id=….',
      },
      heading: { label: 'Heading' },
      text: { label: 'Text', description: 'One line beside the form.' },
      privacyNote: { label: 'Where the data goes', description: 'Shown under the form: who receives the address.' },
    },
  },
};
