import type { Core } from '@strapi/strapi';
import type { SmtpOptions } from '../config-support/mail';
import { emailPlugin, smtpFailure, type MailProvider } from './email-plugin';

export const NOT_SET_UP =
  'Mail is not set up (SMTP_HOST is empty), so the CMS sends no e-mail. Set SMTP_HOST, SMTP_PORT and MAIL_FROM in cms/.env, or run `pnpm start`, which starts a local capture server (docs/operations.md, "Configuration").';

/** Stands in for the provider when there is no SMTP server: every send fails saying why, none vanishes. */
const notSetUp: MailProvider = {
  send: () => Promise.reject(new Error(NOT_SET_UP)),
  verify: () => Promise.reject(new Error(NOT_SET_UP)),
};

/** nodemailer's codes for a server that answered and refused the login: the settings are wrong. */
const LOGIN_REFUSED = new Set(['EAUTH', 'ENOAUTH']);

/**
 * At start (bootstrap): asks the SMTP server whether it takes the CMS's connection and login.
 * A refused login stops the start, since no mail would ever go out; a server that does not answer
 * only gets a warning, since the CMS must not go down because the mail server is (each send tries
 * again). Never logs an address or a message: only the server and nodemailer's answer.
 */
export const checkMailServer = async (strapi: Core.Strapi): Promise<void> => {
  const plugin = emailPlugin(strapi);
  const options = strapi.config.get('plugin::email.providerOptions', {}) as Partial<SmtpOptions>;
  if (!options.host) {
    // Only outside production (config/plugins.ts refuses it there).
    plugin.provider = notSetUp;
    strapi.log.warn(NOT_SET_UP);
    return;
  }
  const server = `${options.host}:${options.port}`;
  try {
    await plugin.provider.verify();
    strapi.log.info(`Mail: the SMTP server ${server} accepted the CMS's connection; mail goes out through it.`);
  } catch (error) {
    const { code } = error as { code?: unknown };
    if (typeof code === 'string' && LOGIN_REFUSED.has(code))
      throw new Error(
        `The SMTP server ${server} refused the CMS's login (${smtpFailure(error, { withText: true })}). Check SMTP_USER and SMTP_PASSWORD (and that this account may send through ${options.host}), then start again.`,
        { cause: error },
      );
    strapi.log.warn(
      `Mail: the SMTP server ${server} did not answer at start (${smtpFailure(error, { withText: true })}); the CMS starts anyway and each e-mail tries again. If it lasts, check SMTP_HOST, SMTP_PORT and SMTP_SECURE, and that this machine may reach that port.`,
    );
  }
};
