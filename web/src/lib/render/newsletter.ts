import type { CmsGlobal } from '../cms/cmsContent';
import { safeHref } from './safeHref';

/** Only Mailchimp's form endpoints: what the CMS allows, checked again here before a form posts anywhere. */
const MAILCHIMP_FORM =
  /^https:\/\/[a-z0-9-]+\.us[0-9]+\.list-manage\.com\/subscribe\/post\?(?=\S*\bu=([0-9a-f]+))(?=\S*\bid=([0-9a-f]+))\S*$/;

export type NewsletterForm = {
  action: string;
  host: string;
  /** Mailchimp's names: the address goes in EMAIL, bots fill b_<u>_<id>. */
  emailField: string;
  botField: string;
  /** The settings' words; where they have none the form says the site's own (i18n/ui.ts, in the page's language). */
  heading: string | null;
  text: string | null;
  privacyNote: string | null;
};

/** Whether a form address is one the site posts to (the CMS's rule for the field, checked again). */
export const isNewsletterAction = (url: string): boolean => MAILCHIMP_FORM.test(url);

/** The sign-up form the settings ask for, or null when it is off or its address is not allowed. */
export const newsletterForm = (global: CmsGlobal | null): NewsletterForm | null => {
  const settings = global?.newsletter;
  if (!settings?.enabled || !settings.action) return null;
  const action = safeHref(settings.action);
  const match = action ? MAILCHIMP_FORM.exec(action) : null;
  if (!action || !match) return null;
  return {
    action,
    host: new URL(action).host,
    emailField: 'EMAIL',
    botField: `b_${match[1]}_${match[2]}`,
    heading: settings.heading ?? null,
    text: settings.text ?? null,
    privacyNote: settings.privacyNote ?? null,
  };
};
