import { describe, expect, inject, it } from 'vitest';
import { startMailCapture, type CapturedMessage } from '../../../scripts/mail-capture.mts';
import '../support/provided';
import { expectRefusal } from '../support/expect-refusal';
import { freePort, startStrapi, testEnv } from '../support/strapi-process';
import { createTestDatabase } from '../support/test-database';

/** Strapi's own "send a test e-mail" (Settings > Email), as an admin; answers the status. */
const sendTestMail = async (url: string, token: string, to: string): Promise<{ status: number; body: string }> => {
  const response = await fetch(`${url}/email/test`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ to }),
  });
  return { status: response.status, body: await response.text() };
};

const adminLogin = async (url: string, env: Record<string, string>): Promise<string> => {
  const response = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
};

/** What the suite's capture server received for `to`, once it has. */
const receivedFor = async (to: string, timeoutMs = 15_000): Promise<CapturedMessage> => {
  const { url } = inject('mail');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await (await fetch(`${url}messages.json`)).json()) as CapturedMessage[];
    const found = messages.find((message) => message.envelope.to.includes(to));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail for ${to} reached the capture server at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('e-mail through SMTP', () => {
  it('sends through the SMTP server it is set up with, from MAIL_FROM', async () => {
    const { url, adminToken, env } = inject('strapi');
    const to = `mail-check-${Date.now()}@example.org`;

    const sent = await sendTestMail(url, adminToken, to);
    expect(sent.status, sent.body).toBe(200);

    const message = await receivedFor(to);
    expect(message.from).toBe(env.MAIL_FROM);
    expect(message.to).toEqual([to]);
    expect(message.subject).toBe(`Strapi test mail to: ${to}`);
    expect(message.text).toContain('correctly configured the Strapi email plugin with the nodemailer provider');
  });

  it('stops the start when the SMTP server refuses the login, saying which settings to check', async () => {
    const guarded = await startMailCapture({ login: { user: 'cms', password: 'the-right-password' } });
    try {
      await expectRefusal(
        {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(guarded.smtpPort),
          SMTP_USER: 'cms',
          SMTP_PASSWORD: 'a-wrong-password',
          MAIL_FROM: 'no-reply@example.org',
        },
        /SMTP server 127\.0\.0\.1:\d+ refused the CMS's login \(EAUTH.*Check SMTP_USER and SMTP_PASSWORD/,
      );
    } finally {
      await guarded.stop();
    }
  });

  it('starts with a warning while the SMTP server does not answer, and sends once it is back', async () => {
    const database = await createTestDatabase(inject('strapi').database);
    const smtpPort = await freePort();
    const env = {
      ...testEnv(database.env, await freePort()),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      MAIL_FROM: 'no-reply@example.org',
    };
    try {
      const server = await startStrapi(env);
      try {
        expect(server.output()).toMatch(
          /SMTP server 127\.0\.0\.1:\d+ did not answer at start \(E[A-Z]+, connect ECONNREFUSED .*the CMS starts anyway/,
        );
        const token = await adminLogin(server.url, env);
        const down = await sendTestMail(server.url, token, 'nobody@example.org');
        expect(down.status).toBe(500);

        const capture = await startMailCapture({ smtpPort });
        try {
          const up = await sendTestMail(server.url, token, 'back@example.org');
          expect(up.status, up.body).toBe(200);
          expect((await capture.waitFor((m) => m.envelope.to.includes('back@example.org'))).from).toBe(
            'no-reply@example.org',
          );
        } finally {
          await capture.stop();
        }
        // Neither the recipients nor the messages are ever in the log.
        expect(server.output()).not.toMatch(/nobody@example\.org|back@example\.org/);
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
