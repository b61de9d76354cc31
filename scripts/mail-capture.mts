/**
 * A local SMTP server that keeps what it receives in memory and shows it on a web page, so that
 * `pnpm start` and the tests send real mail through the CMS without any of it leaving the machine.
 * `node scripts/mail-capture.mts` runs it on its own (SMTP 1025, web page 1080, or free ports).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import PostalMime, { type Address } from 'postal-mime';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type CapturedMessage = {
  /** 1, 2, 3… in the order received. */
  id: number;
  receivedAt: string;
  /** The SMTP envelope: who the sender's server said the mail is from and for (Bcc included). */
  envelope: { from: string; to: string[] };
  /** The From header as written, e.g. `Cannabis Equity Illinois <no-reply@example.org>`. */
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  /** The Date header, as ISO 8601 when it parses. */
  date: string;
  text: string;
  html: string;
};

export type MailCaptureOptions = {
  /** 0 (the default): any free port. */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** When a port asked for is taken, listen on a free one instead of failing (`pnpm start`). */
  anyPortIfTaken?: boolean;
  /** A login the server requires (any other is refused, as a real server refuses a wrong password); none by default. */
  login?: { user: string; password: string };
};

export type MailCapture = {
  smtpPort: number;
  httpPort: number;
  /** The page listing the messages; `${url}messages.json` has them as JSON. */
  url: string;
  messages: () => CapturedMessage[];
  /** The first message, already received or still to come, for which `predicate` holds. */
  waitFor: (predicate: (message: CapturedMessage) => boolean, timeoutMs?: number) => Promise<CapturedMessage>;
  clear: () => void;
  stop: () => Promise<void>;
};

/** Memory only, so a loop sending mail cannot fill it: the oldest go first. */
const KEEP_MESSAGES = 200;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const mailbox = (address: Address | undefined): string[] => {
  if (!address) return [];
  if (address.group) return address.group.flatMap((member) => mailbox(member));
  return [address.name ? `${address.name} <${address.address}>` : address.address];
};

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );

const page = (messages: CapturedMessage[], smtpPort: number): string => {
  const items = messages
    .toReversed()
    .map(
      (message) => `<article>
  <h2>${escapeHtml(message.subject || '(no subject)')}</h2>
  <dl>
    <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
    <dt>To</dt><dd>${escapeHtml(message.to.join(', '))}</dd>
    <dt>Envelope</dt><dd>${escapeHtml(`${message.envelope.from} → ${message.envelope.to.join(', ')}`)}</dd>
    <dt>Date</dt><dd>${escapeHtml(message.date)}</dd>
  </dl>
  <pre>${escapeHtml(message.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Captured mail (${messages.length})</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
  article { border-top: 1px solid #ccc; padding: 1rem 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
  dt { font-weight: bold; } dd { margin: 0; }
  pre { white-space: pre-wrap; background: #f5f5f5; padding: 1rem; }
</style>
<h1>Captured mail</h1>
<p>Mail sent to the SMTP server on port ${smtpPort} is kept here, in memory, and goes nowhere else
(the last ${KEEP_MESSAGES}; newest first). <a href="messages.json">As JSON</a>.</p>
${items || '<p>None yet.</p>'}
</html>
`;
};

const listen = (server: NetServer, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.once('listening', () => {
      server.off('error', failed);
      resolve();
    });
    server.listen(port, host);
  });

/** Listens on `port`, or on a free one when it is taken and `anyPortIfTaken` says so. */
const listenOn = async (server: NetServer, port: number, host: string, anyPortIfTaken: boolean): Promise<void> => {
  try {
    await listen(server, port, host);
  } catch (error) {
    if (!anyPortIfTaken || port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(server, 0, host);
  }
};

export const startMailCapture = async ({
  smtpPort = 0,
  httpPort = 0,
  host = '127.0.0.1',
  anyPortIfTaken = false,
  login,
}: MailCaptureOptions = {}): Promise<MailCapture> => {
  let messages: CapturedMessage[] = [];
  let nextId = 1;
  const waiters = new Set<(message: CapturedMessage) => void>();

  const keep = (message: CapturedMessage) => {
    messages = [...messages, message].slice(-KEEP_MESSAGES);
    for (const waiter of waiters) waiter(message);
  };

  const options: SMTPServerOptions = {
    // Plain SMTP on the loopback interface: no certificate to make, and clients that offer
    // STARTTLS opportunistically (nodemailer on 587) would refuse a self-signed one.
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !login,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    banner: 'mail capture: nothing received here is delivered',
    // A pooled client left connected must not hold up stop() for smtp-server's default 30 s.
    closeTimeout: 1000,
    logger: false,
    onAuth(auth, _session, callback) {
      // Without a login of its own the server takes any, so a CMS set up with one still sends here.
      if (!login || (auth.username === login.user && auth.password === login.password))
        return callback(null, { user: auth.username ?? 'anyone' });
      const refused = Object.assign(new Error('Invalid username or password'), { responseCode: 535 });
      return callback(refused);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        PostalMime.parse(Buffer.concat(chunks)).then(
          (email) => {
            const date = email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date) : null;
            keep({
              id: nextId++,
              receivedAt: new Date().toISOString(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              from: mailbox(email.from).join(', '),
              to: (email.to ?? []).flatMap((address) => mailbox(address)),
              replyTo: (email.replyTo ?? []).flatMap((address) => mailbox(address)),
              subject: email.subject ?? '',
              date: date ? date.toISOString() : (email.date ?? ''),
              text: email.text ?? '',
              html: email.html ?? '',
            });
            callback();
          },
          (error: unknown) => callback(new Error('The message could not be parsed', { cause: error })),
        );
      });
    },
  };
  const smtp = new SMTPServer(options);
  // An SMTP client that goes away mid-message is its own problem, not a reason to stop.
  smtp.on('error', () => {});

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://capture');
    const headers = {
      'Cache-Control': 'no-store',
      // The page shows what anyone could have sent: nothing in it may run.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    };
    if (pathname === '/messages.json') {
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(messages));
    } else if (pathname === '/') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page(messages, smtpAddress.port));
    } else {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found: the messages are at / and /messages.json\n');
    }
  });

  await listenOn(smtp.server, smtpPort, host, anyPortIfTaken);
  const smtpAddress = smtp.server.address() as AddressInfo;
  try {
    await listenOn(http, httpPort, host, anyPortIfTaken);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const httpAddress = http.address() as AddressInfo;
  const urlHost = host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    smtpPort: smtpAddress.port,
    httpPort: httpAddress.port,
    url: `http://${urlHost}:${httpAddress.port}/`,
    messages: () => [...messages],
    waitFor: (predicate, timeoutMs = 10_000) => {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (message: CapturedMessage) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `No captured message matched within ${timeoutMs} ms (${messages.length} received on SMTP port ${smtpAddress.port}). Check that the sender uses SMTP_HOST=${host} and SMTP_PORT=${smtpAddress.port}.`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear: () => {
      messages = [];
    },
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const capture = await startMailCapture({ smtpPort: 1025, httpPort: 1080, anyPortIfTaken: true });
  console.log(`Mail capture: SMTP on 127.0.0.1:${capture.smtpPort}, messages at ${capture.url} (Ctrl-C stops it).`);
  console.log(`Point a sender at it with SMTP_HOST=127.0.0.1 SMTP_PORT=${capture.smtpPort}.`);
  const stop = () => void capture.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
