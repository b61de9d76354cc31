import type { Core } from '@strapi/strapi';
import type { FormKind } from './form-kinds';

const FORM_NAMES: Record<FormKind, [one: string, many: string]> = {
  contact: ['New message from the contact form', 'new messages from the contact form'],
  volunteer: ['New volunteer sign-up', 'new volunteer sign-ups'],
  'stay-informed': ['New sign-up for updates', 'new sign-ups for updates'],
  help: ['New help request', 'new help requests'],
};
const LANGUAGES = { en: 'English', es: 'Spanish' } as const;

/**
 * The e-mail a form's recipients get for each submission: which form, in which language, and
 * where to read it. Nothing the visitor wrote, not even a name: mailboxes are forwarded, kept for
 * years and read on phones, and for a help request the subject alone could say who has a record.
 */
export const notificationOf = (
  strapi: Core.Strapi,
  form: FormKind,
  language: keyof typeof LANGUAGES,
  store: string,
  count = 1,
): { subject: string; text: string } => {
  const admin = String(strapi.config.get('admin.absoluteUrl', '/admin')).replace(/\/$/, '');
  const list = `${admin}/content-manager/collection-types/${store}`;
  const what = count === 1 ? FORM_NAMES[form][0] : `${count} ${FORM_NAMES[form][1]}`;
  const them = count === 1 ? 'it' : 'them';
  const who = form === 'help' ? `Staff with the Intake role can open ${them}` : `Open ${them}`;
  return {
    subject: `${what}, ${LANGUAGES[language]}`,
    text: [
      `${what} arrived through the web site, in ${LANGUAGES[language]}.`,
      '',
      `${who} in the admin: ${list}`,
      '',
      'This e-mail holds nothing the visitor wrote, on purpose: read it in the admin, and answer from there.',
    ].join('\n'),
  };
};
