import type { Core } from '@strapi/strapi';
import { isMailbox } from '../config-support/mail';
import { NOT_SET_UP } from './check-mail-server';
import { emailPlugin, smtpFailure } from './email-plugin';

export type Notification = {
  /** Each one mailbox: `name@domain` or `Name <name@domain>`. */
  to: string[];
  subject: string;
  /** Plain text; HTML mail clients get it escaped, never read as markup. */
  text: string;
  /** Where answers go, when not MAIL_REPLY_TO (or MAIL_FROM). */
  replyTo?: string;
};

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );

/**
 * Sends a notification through the email plugin (SMTP). Throws an Error saying what failed and
 * what to check, with nodemailer's error as its cause. No address or subject is put in that
 * message: they can be a person's (a form's sender), and errors end up in logs.
 */
export const sendMail = async (strapi: Core.Strapi, { to, subject, text, replyTo }: Notification): Promise<void> => {
  if (to.length === 0)
    throw new Error(
      'sendMail was given no recipient: pass at least one address in `to` (check where the list comes from).',
    );
  const wrong = to.findIndex((address) => !isMailbox(address));
  if (wrong !== -1)
    throw new Error(
      `sendMail: recipient ${wrong + 1} of ${to.length} is not one e-mail address (name@domain, or Name <name@domain>; one per entry of \`to\`).`,
    );
  if (replyTo !== undefined && !isMailbox(replyTo))
    throw new Error('sendMail: replyTo is not one e-mail address (name@domain, or Name <name@domain>).');
  try {
    await emailPlugin(strapi)
      .service('email')
      .send({
        to,
        // A line break in a header would start another header.
        subject: subject.replace(/[\r\n]+/g, ' '),
        text,
        // The provider would send `text` as the HTML part too, markup and all: whatever a visitor
        // typed would then be read as HTML by the staff's mail client.
        html: `<div style="white-space: pre-wrap">${escapeHtml(text)}</div>`,
        ...(replyTo ? { replyTo } : {}),
      });
  } catch (error) {
    const host = strapi.config.get('plugin::email.providerOptions.host', '') as string;
    if (!host) throw new Error(`Could not send an e-mail. ${NOT_SET_UP}`, { cause: error });
    throw new Error(
      `Could not send an e-mail to ${to.length} recipient(s) through ${host} (${smtpFailure(error)}). Check SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD, and what the CMS logged at start about the mail server.`,
      { cause: error },
    );
  }
};
