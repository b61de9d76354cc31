/**
 * The e-mail plugin's settings (config/plugins.ts): Strapi's nodemailer provider over SMTP, from
 * SMTP_* and MAIL_* variables. A wrong value stops the start with a message naming the variable,
 * instead of every later send failing one by one where nobody reads the log.
 */
import { ConfigError, isPlaceholder } from './secrets';

type EnvReader = (name: string) => string | undefined;

/** What the provider hands nodemailer.createTransport unchanged. */
export type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

export type MailPluginConfig = {
  provider: 'nodemailer';
  /** Empty when no SMTP server is set (development and tests only): src/mail/ then sends nothing. */
  providerOptions: SmtpOptions | Record<string, never>;
  settings: { defaultFrom: string; defaultReplyTo?: string };
};

/** Used only when no SMTP server is set, where nothing is sent anyway (outside production). */
const UNSENT_FROM = 'Cannabis Equity Illinois <no-reply@localhost>';

// nodemailer waits minutes by default (2 min to connect, 10 min of silence): a send or the check
// at start would hold a request, or the start, that long on a mail server that does not answer.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const where = (): string =>
  process.env.NODE_ENV === 'production'
    ? 'in the environment or in the .env file (docs/operations.md, "Configuration")'
    : 'in cms/.env or the environment (docs/operations.md, "Configuration")';

const refuse = (problem: string, fix: string): never => {
  throw new ConfigError(`${problem} ${fix} ${where()}.`);
};

const read = (env: EnvReader, name: string): string | undefined => {
  const value = env(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** One mailbox, as `name@domain` or `Display Name <name@domain>`: never a list. */
const MAILBOX = /^(?:[^<>,;]*<\s*[^\s<>@,;"]+@[^\s<>@,;"]+\s*>|[^\s<>@,;"]+@[^\s<>@,;"]+)$/;

export const isMailbox = (value: string): boolean => !/[\r\n]/.test(value) && MAILBOX.test(value.trim());

const mailbox = (env: EnvReader, name: string, example: string): string | undefined => {
  const value = read(env, name);
  if (value !== undefined && (isPlaceholder(value) || !isMailbox(value)))
    refuse(`${name} is not one e-mail address.`, `Set it to one, e.g. ${name}=${example},`);
  return value;
};

const port = (env: EnvReader): number => {
  const value = read(env, 'SMTP_PORT');
  if (value === undefined) return 587;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > 65535)
    refuse(
      `SMTP_PORT is "${value}"; it must be a port number.`,
      'Set the one your mail provider gives for SMTP: usually 587 (STARTTLS) or 465 (TLS),',
    );
  return number;
};

const secure = (env: EnvReader, smtpPort: number): boolean => {
  const value = read(env, 'SMTP_SECURE')?.toLowerCase();
  if (value === undefined) return smtpPort === 465;
  if (value !== 'true' && value !== 'false')
    refuse(
      `SMTP_SECURE is "${value}"; it must be true or false.`,
      'Set true for a port that speaks TLS from the start (465), false for one that upgrades with STARTTLS (587, 25), or leave it out to let the port decide,',
    );
  return value === 'true';
};

const host = (env: EnvReader): string | undefined => {
  const value = read(env, 'SMTP_HOST');
  if (value === undefined) {
    if (process.env.NODE_ENV === 'production')
      refuse(
        'SMTP_HOST is not set: the CMS sends its notifications through an SMTP server.',
        "Set SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD and MAIL_FROM) to your mail provider's,",
      );
    return undefined;
  }
  if (isPlaceholder(value))
    refuse(
      `SMTP_HOST is still the placeholder "${value}".`,
      "Set it to your mail provider's SMTP server, e.g. SMTP_HOST=smtp.example.org (with SMTP_USER, SMTP_PASSWORD and MAIL_FROM),",
    );
  if (/[\s/]/.test(value) || /^([^:[\]]+|\[[^\]]*\]):\d+$/.test(value))
    refuse(
      `SMTP_HOST is "${value}"; it must be the mail server's name or address alone.`,
      'Set it like SMTP_HOST=smtp.example.org (the port goes in SMTP_PORT),',
    );
  return value;
};

const login = (env: EnvReader): SmtpOptions['auth'] => {
  const user = read(env, 'SMTP_USER');
  const pass = read(env, 'SMTP_PASSWORD');
  if (user === undefined && pass === undefined) return undefined;
  if (user === undefined || pass === undefined)
    refuse(
      `${user === undefined ? 'SMTP_PASSWORD is set but SMTP_USER is not' : 'SMTP_USER is set but SMTP_PASSWORD is not'}.`,
      'Set both (the mail server login) or neither (a server that takes mail without one),',
    );
  if (isPlaceholder(user!) || isPlaceholder(pass!))
    refuse(
      'SMTP_USER or SMTP_PASSWORD is still a placeholder.',
      "Set the mail server's login, or remove both for a server that takes mail without one,",
    );
  return { user: user!, pass: pass! };
};

const isLoopback = (name: string): boolean => /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i.test(name);

/** The email plugin's config; throws a ConfigError naming the variable and how to fix it. */
export const mailConfig = (env: EnvReader): MailPluginConfig => {
  const smtpHost = host(env);
  const from = mailbox(env, 'MAIL_FROM', 'Cannabis Equity Illinois <no-reply@example.org>');
  const replyTo = mailbox(env, 'MAIL_REPLY_TO', 'info@example.org');
  const settings = { defaultFrom: from ?? UNSENT_FROM, ...(replyTo ? { defaultReplyTo: replyTo } : {}) };
  if (smtpHost === undefined) {
    // Development and tests only (production refused above): the CMS starts and src/mail/ says
    // once that nothing is sent, so the many starts that have nothing to do with mail (tests, a
    // first `pnpm dev`) need no mail server, and a send fails with a message instead.
    return { provider: 'nodemailer', providerOptions: {}, settings };
  }
  if (from === undefined)
    refuse(
      'MAIL_FROM is not set: mail needs a From address the mail server accepts.',
      'Set it like MAIL_FROM=Cannabis Equity Illinois <no-reply@example.org> (an address of your domain),',
    );
  const smtpPort = port(env);
  const auth = login(env);
  const implicitTls = secure(env, smtpPort);
  return {
    provider: 'nodemailer',
    providerOptions: {
      host: smtpHost,
      port: smtpPort,
      secure: implicitTls,
      // A password is never sent in the clear: without implicit TLS, nodemailer must upgrade with
      // STARTTLS or stop. Not over the loopback interface (nobody on the wire there), so the local
      // capture server needs no certificate.
      requireTLS: auth !== undefined && !implicitTls && !isLoopback(smtpHost),
      ...(auth ? { auth } : {}),
      ...TIMEOUTS,
    },
    settings,
  };
};
