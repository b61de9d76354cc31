import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startMailCapture, type MailCapture } from './mail-capture.mts';

let capture: MailCapture;
before(async () => {
  capture = await startMailCapture();
});
after(() => capture.stop());

const transport = (options: { auth?: { user: string; pass: string } } = {}) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: capture.smtpPort, secure: false, ...options });

test('a message sent over SMTP is kept parsed, accents and all, and listed on the page and as JSON', async () => {
  await transport().sendMail({
    from: 'Cannabis Equity Illinois <no-reply@example.org>',
    to: ['Staff <staff@example.org>', 'ops@example.org'],
    subject: 'Nueva solicitud: limpieza de antecedentes',
    text: 'Nombre: José Peña\nCiudad: Chicago, Illinois\n¿Cómo nos conoció? Por una amiga.',
  });

  const message = await capture.waitFor((m) => m.subject.startsWith('Nueva solicitud'), 5000);
  assert.equal(message.from, 'Cannabis Equity Illinois <no-reply@example.org>');
  assert.deepEqual(message.to, ['Staff <staff@example.org>', 'ops@example.org']);
  assert.deepEqual(message.envelope, { from: 'no-reply@example.org', to: ['staff@example.org', 'ops@example.org'] });
  assert.equal(message.text.trim(), 'Nombre: José Peña\nCiudad: Chicago, Illinois\n¿Cómo nos conoció? Por una amiga.');
  assert.ok(!Number.isNaN(Date.parse(message.date)));

  const json = (await (await fetch(`${capture.url}messages.json`)).json()) as { subject: string }[];
  assert.ok(json.some((m) => m.subject === message.subject));
  const page = await fetch(capture.url);
  assert.match(page.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
  assert.match(await page.text(), /José Peña/);
});

test('the page shows what was sent as text, never as markup', async () => {
  await transport().sendMail({
    from: 'no-reply@example.org',
    to: 'staff@example.org',
    subject: 'Escaped <script>alert(1)</script>',
    text: '<img src=x onerror=alert(1)> & "quotes"',
  });
  await capture.waitFor((m) => m.subject.startsWith('Escaped'), 5000);
  const html = await (await fetch(capture.url)).text();
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(!html.includes('<img src=x'));
  assert.match(html, /Escaped &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot;/);
});

test('clear() forgets the messages, and waitFor says when nothing came', async () => {
  capture.clear();
  assert.deepEqual(capture.messages(), []);
  await assert.rejects(
    capture.waitFor(() => true, 200),
    /No captured message matched within 200 ms \(0 received/,
  );
});

test('with a login of its own, the server refuses a wrong password as a real one does (EAUTH)', async () => {
  const guarded = await startMailCapture({ login: { user: 'cms', password: 'right-password' } });
  try {
    const send = (pass: string) =>
      nodemailer
        .createTransport({ host: '127.0.0.1', port: guarded.smtpPort, auth: { user: 'cms', pass } })
        .sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'login', text: 'x' });
    await assert.rejects(send('wrong-password'), (error: NodeJS.ErrnoException) => error.code === 'EAUTH');
    await send('right-password');
    assert.equal(guarded.messages().length, 1);
  } finally {
    await guarded.stop();
  }
});

test('a port that is taken is refused, or replaced by a free one when asked', async () => {
  await assert.rejects(startMailCapture({ smtpPort: capture.smtpPort }), /EADDRINUSE/);
  const other = await startMailCapture({ smtpPort: capture.smtpPort, anyPortIfTaken: true });
  try {
    assert.notEqual(other.smtpPort, capture.smtpPort);
  } finally {
    await other.stop();
  }
});
