/**
 * First start outside production: create cms/.env with strong random secrets, so that
 * `pnpm start` works on a fresh clone and no secret ever lives in the repository. A file
 * from an older version gets the settings it lacks appended; nothing in it is changed.
 * In production nothing is generated: config/ refuses missing or placeholder secrets.
 */
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { generateSecrets, toDotenv } from './generate-secrets.mts';

// CMS_ENV_FILE lets tests point this at a temporary file.
const envFile = process.env.CMS_ENV_FILE ?? path.resolve(import.meta.dirname, '..', '.env');

/** Local defaults: the web site of `pnpm start` listens on 4321. */
const LOCAL_SETTINGS = { WEB_REVALIDATE_URL: 'http://127.0.0.1:4321/api/revalidate', WEB_URL: 'http://localhost:4321' };

if (process.env.NODE_ENV === 'production') {
  process.exit(0);
}
const wanted: Record<string, string> = { ...generateSecrets(), ...LOCAL_SETTINGS };
if (!existsSync(envFile)) {
  const header = [
    '# Generated on first start by cms/scripts/ensure-env.mts. Local secrets: never commit this file.',
    '# Delete it to get new ones (existing API tokens and admin sessions stop working).',
    '# DATABASE_URL=postgres://postgres@127.0.0.1:5432/strapi  uses PostgreSQL instead of SQLite.',
  ];
  writeFileSync(envFile, `${header.join('\n')}\n${toDotenv(wanted)}\n`, { mode: 0o600 });
  console.log(`cms: created ${path.relative(process.cwd(), envFile) || envFile} with fresh secrets`);
} else {
  const present = new Set(
    readFileSync(envFile, 'utf8')
      .split('\n')
      .map((line) => line.split('=')[0]!.trim()),
  );
  const missing = Object.fromEntries(Object.entries(wanted).filter(([name]) => !present.has(name)));
  if (Object.keys(missing).length > 0) {
    appendFileSync(envFile, `${toDotenv(missing)}\n`);
    console.log(`cms: added ${Object.keys(missing).join(', ')} to ${path.relative(process.cwd(), envFile) || envFile}`);
  }
}
