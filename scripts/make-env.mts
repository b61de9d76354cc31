/**
 * `pnpm env:production [--out FILE] [KEY=VALUE…]`: writes a production .env from .env.example,
 * every "change-me" replaced by a fresh secret and the given KEY=VALUE settings applied. The mail
 * server's settings are no secret to make up: they stay "change-me" (the CMS refuses to start
 * with that) and are listed for ops to fill in.
 * Refuses to overwrite an existing file: rotating secrets is a decision (see docs/operations.md, "Rotating secrets").
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSecrets } from '../cms/scripts/generate-secrets.mts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { out: { type: 'string', default: path.join(root, '.env') } },
  allowPositionals: true,
});
const out = path.resolve(process.cwd(), values.out);
if (existsSync(out)) {
  console.error(`${out} exists already; move it away first (its secrets are in use).`);
  process.exit(1);
}
const secrets: Record<string, string> = {
  ...generateSecrets(),
  POSTGRES_PASSWORD: randomBytes(24).toString('base64url'),
  EDGE_PURGE_SECRET: randomBytes(32).toString('base64url'),
};
/** Settings only ops know: left as they are in .env.example unless given, and listed at the end. */
const FILLED_IN_BY_HAND = new Set(['SMTP_HOST', 'SMTP_USER', 'SMTP_PASSWORD']);
const toFillIn: string[] = [];
const overrides = Object.fromEntries(
  positionals.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const lines = readFileSync(path.join(root, '.env.example'), 'utf8')
  .split('\n')
  .map((line) => {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match) return line;
    const [, name, value] = match as unknown as [string, string, string];
    if (name in overrides) return `${name}=${overrides[name]}`;
    if (value === 'change-me' && FILLED_IN_BY_HAND.has(name)) {
      toFillIn.push(name);
      return line;
    }
    if (value === 'change-me') {
      const secret = secrets[name];
      if (!secret) throw new Error(`No generator for ${name}`);
      return `${name}=${secret}`;
    }
    return line;
  });
writeFileSync(out, lines.join('\n'), { mode: 0o600 });
console.log(`Wrote ${out}. Check the public addresses in it before the first start.`);
if (toFillIn.length > 0)
  console.log(
    `Fill in ${toFillIn.join(', ')} in it too (your mail provider's SMTP server and login; check MAIL_FROM): the CMS refuses to start while they are change-me.`,
  );
