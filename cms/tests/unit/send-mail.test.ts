import nodemailerProvider from '@strapi/provider-email-nodemailer';
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCapture, type MailCapture } from '../../../scripts/mail-capture.mts';
import { sendMail } from '../../src/mail/send-mail';

/**
 * sendMail through Strapi's real nodemailer provider to a real SMTP server; of Strapi itself only
 * the two calls sendMail makes (the email plugin's service, the config) stand in, as the email
 * plugin wires them (its service's send is the provider's). The running CMS is in
 * tests/integration/mail.test.ts.
 */
const strapiSendingTo = (port: number): Core.Strapi => {
  const provider = nodemailerProvider.init(
    { host: '127.0.0.1', port, secure: false, connectionTimeout: 2000 },
    { defaultFrom: 'Cannabis Equity Illinois <no-reply@example.org>', defaultReplyTo: 'info@example.org' },
  );
  const config: Record<string, string> = { 'plugin::email.providerOptions.host': '127.0.0.1' };
  return {
    plugin: () => ({ provider, service: () => ({ send: provider.send }) }),
    config: { get: (key: string, fallback?: unknown) => config[key] ?? fallback },
  } as unknown as Core.Strapi;
};

describe('sendMail', () => {
  let capture: MailCapture;
  beforeAll(async () => {
    capture = await startMailCapture();
  });
  afterAll(() => capture.stop());

  it('sends the text as it is, and as HTML only escaped: what a visitor typed is never markup', async () => {
    const text = 'Nombre: José <b>Peña</b> & "familia"\nMensaje: <img src=x onerror=alert(1)>';
    await sendMail(strapiSendingTo(capture.smtpPort), {
      to: ['Staff <staff@example.org>', 'ops@example.org'],
      subject: 'Nueva solicitud\r\nBcc: someone@example.org',
      text,
    });

    const message = await capture.waitFor((m) => m.subject.startsWith('Nueva solicitud'));
    expect(message.subject).toBe('Nueva solicitud Bcc: someone@example.org');
    expect(message.envelope.to).toEqual(['staff@example.org', 'ops@example.org']);
    expect(message.from).toBe('Cannabis Equity Illinois <no-reply@example.org>');
    expect(message.replyTo).toEqual(['info@example.org']);
    expect(message.text.trim()).toBe(text);
    expect(message.html).not.toContain('<img');
    expect(message.html).toContain('José &lt;b&gt;Peña&lt;/b&gt; &amp; &quot;familia&quot;');
  });

  it('fails with what to check and the cause, naming no recipient, when the server does not answer', async () => {
    const closed = await startMailCapture();
    const port = closed.smtpPort;
    await closed.stop();

    const error = await sendMail(strapiSendingTo(port), {
      to: ['jose.pena@example.org'],
      subject: 'Nueva solicitud',
      text: 'x',
    }).catch((e: unknown) => e as Error);

    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(
      /^Could not send an e-mail to 1 recipient\(s\) through 127\.0\.0\.1 \(E[A-Z]+\)\. Check SMTP_HOST, SMTP_PORT/,
    );
    expect(error!.message).not.toContain('jose.pena');
    expect(error!.cause).toBeInstanceOf(Error);
  });

  it('refuses a recipient that is not one address, without repeating it', async () => {
    await expect(
      sendMail(strapiSendingTo(capture.smtpPort), {
        to: ['ok@example.org', 'jose.pena at home'],
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow(/^sendMail: recipient 2 of 2 is not one e-mail address \(name@domain/);
    await expect(
      sendMail(strapiSendingTo(capture.smtpPort), {
        to: ['ok@example.org'],
        replyTo: 'José\r\nBcc: x@example.org <jose@example.org>',
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow(/^sendMail: replyTo is not one e-mail address/);
    await expect(sendMail(strapiSendingTo(capture.smtpPort), { to: [], subject: 's', text: 't' })).rejects.toThrow(
      /no recipient/,
    );
  });
});
