/**
 * `pnpm test`: every suite, one after the other (they share a 2-core machine and each starts its
 * own system): the CMS's, the browser tests, the site's, the root scripts', then the compose
 * stack's. The compose images are built in the background from the start, while the CMS's suites
 * leave a core idle a third of the time; the compose suite then finds them built. A background
 * build that fails costs nothing but time: the compose suite builds them itself and reports.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const step = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const buildLog = path.join(tmpdir(), `compose-images-${process.pid}.log`);
const log = createWriteStream(buildLog);
const imageBuild = spawn(process.execPath, ['e2e/compose/build-images.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
imageBuild.stdout.pipe(log);
imageBuild.stderr.pipe(log);
const imagesBuilt = new Promise<number>((resolve) => imageBuild.once('exit', (code) => resolve(code ?? 1)));
const stopImageBuild = () => imageBuild.exitCode === null && imageBuild.kill('SIGTERM');
process.once('SIGINT', () => (stopImageBuild(), process.exit(130)));
process.once('SIGTERM', () => (stopImageBuild(), process.exit(143)));
console.log(`Building the compose images in the background (log: ${buildLog}).`);

const finish = (status: number) => {
  stopImageBuild();
  process.exit(status);
};

let status = step('pnpm', ['--recursive', '--workspace-concurrency=1', 'test']);
if (status !== 0) finish(status);
status = step('pnpm', ['test:scripts']);
if (status !== 0) finish(status);

const built = await imagesBuilt;
console.log(
  built === 0
    ? 'The compose images were built in the background.'
    : `The background build of the compose images failed (exit ${built}, log: ${buildLog}); the compose suite builds them itself.`,
);
finish(step('pnpm', ['test:compose']));
