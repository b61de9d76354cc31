/**
 * `pnpm env:production [--out FILE] [KEY=VALUE…]`: writes a production .env from .env.example,
 * every "change-me" replaced by a fresh secret and the given KEY=VALUE settings applied.
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
    if (value === 'change-me') {
      const secret = secrets[name];
      if (!secret) throw new Error(`No generator for ${name}`);
      return `${name}=${secret}`;
    }
    return line;
  });
writeFileSync(out, lines.join('\n'), { mode: 0o600 });
console.log(`Wrote ${out}. Check the public addresses in it before the first start.`);
