/**
 * The compose test's capture server (scripts/mail-capture.mts) in a process of its own, started by
 * stack.ts: the test drives `docker compose` with synchronous child processes (`up -d` alone waits
 * the minute the CMS takes to become healthy), and a server in the test's own process would not
 * run meanwhile. The kernel still accepts the CMS's connection, so the CMS saw it open and then
 * "Greeting never received" (nodemailer's greetingTimeout, 10 s), and warned at start.
 *
 * Prints its ports as one JSON line; stops on SIGTERM, or when its standard input closes (the
 * test process went, however it went).
 */
import { startMailCapture } from '../../scripts/mail-capture.mts';

const capture = await startMailCapture({ host: process.argv[2] ?? '0.0.0.0' });
process.stdout.write(`${JSON.stringify({ smtpPort: capture.smtpPort, httpPort: capture.httpPort })}\n`);
const stop = () => void capture.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
