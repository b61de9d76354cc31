/**
 * `pnpm --filter cms types`: writes Strapi's generated types (cms/types/generated) from the
 * schema files. With `--check` (part of `pnpm typecheck`): writes them aside and fails when the
 * committed ones differ, naming the files and the command that brings them up to date.
 *
 * Strapi generates them from the app compiled into dist/, which keeps what was deleted from
 * src/ (a removed component's JSON lives on there): such leftovers are removed first. Works on a
 * fresh clone: cms/.env is made as `pnpm start` makes it (typegen loads the configuration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pruneDist } from './prune-dist.mts';

const cms = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const COMMITTED = path.join(cms, 'types/generated');
const ASIDE = path.join(cms, '.tmp/typegen-check');
const FIX = 'Run `pnpm --filter cms types` and commit cms/types/generated.';

const run = (command: string, args: string[]): void => {
  const result = spawnSync(command, args, { cwd: cms, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`cms: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
};

const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
        statSync(path.join(folder, file)).isFile(),
      )
    : [];

run(process.execPath, ['scripts/ensure-env.mts']);
pruneDist(cms);
if (!check) {
  run('pnpm', ['exec', 'strapi', 'ts:generate-types', '--silent', '--out-dir', 'types']);
  process.exit(0);
}

rmSync(ASIDE, { recursive: true, force: true });
run('pnpm', ['exec', 'strapi', 'ts:generate-types', '--silent', '--out-dir', path.relative(cms, ASIDE)]);
const generated = path.join(ASIDE, 'generated');
const names = [...new Set([...filesUnder(COMMITTED), ...filesUnder(generated)])].sort();
const stale = names.flatMap((name) => {
  const committed = existsSync(path.join(COMMITTED, name))
    ? readFileSync(path.join(COMMITTED, name), 'utf8').split('\n')
    : [];
  const fresh = existsSync(path.join(generated, name))
    ? readFileSync(path.join(generated, name), 'utf8').split('\n')
    : [];
  if (committed.join('\n') === fresh.join('\n')) return [];
  const line = committed.findIndex((text, index) => text !== fresh[index]);
  const at = line === -1 ? committed.length : line;
  return [
    `  cms/types/generated/${name}, from line ${at + 1}: committed «${(committed[at] ?? '(end of file)').trim()}», generated «${(fresh[at] ?? '(end of file)').trim()}»`,
  ];
});
rmSync(ASIDE, { recursive: true, force: true });
if (stale.length > 0) {
  console.error(
    `cms: the committed types differ from what Strapi generates from the schema files:\n${stale.join('\n')}\n${FIX}`,
  );
  process.exit(1);
}
console.log('cms: cms/types/generated matches the schema files.');
