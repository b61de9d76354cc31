/**
 * First start outside production: create cms/.env with strong random secrets, so that
 * `pnpm start` works on a fresh clone and no secret ever lives in the repository.
 * In production nothing is generated: config/ refuses missing or placeholder secrets.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSecrets, toDotenv } from './generate-secrets.mts';

// CMS_ENV_FILE lets tests point this at a temporary file.
const envFile = process.env.CMS_ENV_FILE ?? path.resolve(import.meta.dirname, '..', '.env');

if (process.env.NODE_ENV === 'production') {
  process.exit(0);
}
if (!existsSync(envFile)) {
  const header = [
    '# Generated on first start by cms/scripts/ensure-env.mts. Local secrets: never commit this file.',
    '# Delete it to get new ones (existing API tokens and admin sessions stop working).',
    '# DATABASE_URL=postgres://postgres@127.0.0.1:5432/strapi  uses PostgreSQL instead of SQLite.',
  ];
  writeFileSync(envFile, `${header.join('\n')}\n${toDotenv(generateSecrets())}\n`, { mode: 0o600 });
  console.log(`cms: created ${path.relative(process.cwd(), envFile) || envFile} with fresh secrets`);
}
