import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailConfig } from '../../src/config-support/mail';

const env = (values: Record<string, string>) => (name: string) => values[name];
const SERVER = { SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'Cannabis Equity Illinois <no-reply@example.org>' };

describe('the e-mail settings (config/plugins.ts: SMTP_*, MAIL_*)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('sends through the SMTP server on 587 with STARTTLS, with short timeouts, by default', () => {
    expect(mailConfig(env(SERVER))).toEqual({
      provider: 'nodemailer',
      providerOptions: {
        host: 'smtp.example.org',
        port: 587,
        secure: false,
        requireTLS: false,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      settings: { defaultFrom: 'Cannabis Equity Illinois <no-reply@example.org>' },
    });
  });

  it('speaks TLS from the start on 465 unless SMTP_SECURE says otherwise', () => {
    expect(mailConfig(env({ ...SERVER, SMTP_PORT: '465' })).providerOptions).toMatchObject({ port: 465, secure: true });
    expect(mailConfig(env({ ...SERVER, SMTP_PORT: '465', SMTP_SECURE: 'false' })).providerOptions).toMatchObject({
      secure: false,
    });
    expect(mailConfig(env({ ...SERVER, SMTP_PORT: '2525', SMTP_SECURE: 'TRUE' })).providerOptions).toMatchObject({
      secure: true,
    });
  });

  it('logs in with SMTP_USER and SMTP_PASSWORD, and then never sends the password without TLS', () => {
    const config = mailConfig(env({ ...SERVER, SMTP_USER: 'cms@example.org', SMTP_PASSWORD: 'app-password-1' }));
    expect(config.providerOptions).toMatchObject({
      auth: { user: 'cms@example.org', pass: 'app-password-1' },
      requireTLS: true,
    });
  });

  it('lets a login to a server on the loopback interface go without TLS (the local capture server)', () => {
    const config = mailConfig(
      env({ ...SERVER, SMTP_HOST: '127.0.0.1', SMTP_PORT: '1025', SMTP_USER: 'u', SMTP_PASSWORD: 'local-pass' }),
    );
    expect(config.providerOptions).toMatchObject({ requireTLS: false });
  });

  it('takes MAIL_REPLY_TO as where answers go', () => {
    expect(mailConfig(env({ ...SERVER, MAIL_REPLY_TO: 'info@example.org' })).settings).toEqual({
      defaultFrom: SERVER.MAIL_FROM,
      defaultReplyTo: 'info@example.org',
    });
  });

  it('starts without a mail server outside production, with nothing to send through', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(mailConfig(env({})).providerOptions).toEqual({});
  });

  it.each([
    [{ SMTP_PORT: 'smtp' }, /SMTP_PORT is "smtp"; it must be a port number\. .*587.*cms\/\.env/],
    [{ SMTP_PORT: '70000' }, /SMTP_PORT is "70000"/],
    [{ SMTP_PORT: '25.5' }, /SMTP_PORT is "25\.5"/],
    [{ SMTP_SECURE: 'yes' }, /SMTP_SECURE is "yes"; it must be true or false/],
    [{ SMTP_USER: 'cms@example.org' }, /SMTP_USER is set but SMTP_PASSWORD is not\. Set both .* or neither/],
    [{ SMTP_PASSWORD: 'app-password-1' }, /SMTP_PASSWORD is set but SMTP_USER is not/],
    [{ SMTP_USER: 'change-me', SMTP_PASSWORD: 'change-me' }, /SMTP_USER or SMTP_PASSWORD is still a placeholder/],
    [{ MAIL_FROM: 'no-reply' }, /MAIL_FROM is not one e-mail address\. Set it to one, e\.g\. MAIL_FROM=/],
    [{ MAIL_FROM: 'a@example.org, b@example.org' }, /MAIL_FROM is not one e-mail address/],
    [{ MAIL_FROM: 'change-me' }, /MAIL_FROM is not one e-mail address/],
    [{ MAIL_FROM: '' }, /MAIL_FROM is not set: .*MAIL_FROM=Cannabis Equity Illinois <no-reply@example\.org>/],
    [{ MAIL_REPLY_TO: 'info at example.org' }, /MAIL_REPLY_TO is not one e-mail address/],
    [{ SMTP_HOST: 'smtp.example.org:587' }, /SMTP_HOST is "smtp\.example\.org:587"; .*the port goes in SMTP_PORT/],
    [{ SMTP_HOST: 'smtp://smtp.example.org' }, /SMTP_HOST is "smtp:\/\/smtp\.example\.org"/],
    [{ SMTP_HOST: 'change-me' }, /SMTP_HOST is still the placeholder "change-me"\. .*SMTP_HOST=smtp\.example\.org/],
  ])('refuses %j with a message naming the variable and the fix', (values, message) => {
    expect(() => mailConfig(env({ ...SERVER, ...values }))).toThrow(message);
  });

  it('takes an IPv6 address as SMTP_HOST', () => {
    expect(mailConfig(env({ ...SERVER, SMTP_HOST: '::1' })).providerOptions).toMatchObject({ host: '::1' });
  });

  it('refuses to start production without a mail server, and says where to set it', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => mailConfig(env({}))).toThrow(/SMTP_HOST is not set: .* in the environment or in the \.env file/);
  });
});
