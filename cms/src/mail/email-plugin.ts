import type { Core } from '@strapi/strapi';

/** What Strapi's nodemailer provider takes (a subset: what this app sends). */
export type OutgoingMail = { to: string[]; subject: string; text: string; html: string; replyTo?: string };

/** The provider the email plugin sets up at its bootstrap (@strapi/provider-email-nodemailer). */
export type MailProvider = {
  send: (mail: OutgoingMail) => Promise<unknown>;
  verify: () => Promise<unknown>;
};

type EmailPlugin = {
  provider: MailProvider;
  service: (name: 'email') => { send: (mail: OutgoingMail) => Promise<unknown> };
};

/** Strapi types plugins loosely; this is the part of the email plugin src/mail/ uses. */
export const emailPlugin = (strapi: Core.Strapi): EmailPlugin => strapi.plugin('email') as unknown as EmailPlugin;

/**
 * A nodemailer error's code and the server's answer code, for a message that says what went wrong;
 * its text only with `withText`: a refused recipient's text names the address.
 */
export const smtpFailure = (error: unknown, { withText = false } = {}): string => {
  const { code, responseCode, message } = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof code === 'string' ? code : 'no error code'];
  if (typeof responseCode === 'number') parts.push(`server answered ${responseCode}`);
  if (withText && typeof message === 'string') parts.push(message);
  return parts.join(', ');
};
