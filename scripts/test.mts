/**
 * `pnpm test`: every suite, one after the other (they share a 2-core machine and each starts its
 * own system): the CMS's, the browser tests, the site's, the root scripts', then the compose
 * stack's. The compose images are built in the background from the start, while the CMS's suites
 * leave a core idle a third of the time; the compose suite then finds them built. A background
 * build that fails costs nothing but time: the compose suite builds them itself and reports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const exitStatus = (code: number | null, signal: NodeJS.Signals | null) =>
  code ?? 128 + (signal ? constants.signals[signal] : 0);

let current: ChildProcess | undefined;
const step = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    current = spawn(command, args, { cwd: root, stdio: 'inherit' });
    current.once('close', (code, signal) => resolve(exitStatus(code, signal)));
  });

// In a process group of its own (detached), so that stopping it stops `docker compose build` too.
const buildLog = path.join(tmpdir(), `compose-images-${process.pid}.log`);
const logFd = openSync(buildLog, 'w');
const imageBuild = spawn(process.execPath, ['e2e/compose/build-images.ts'], {
  cwd: root,
  stdio: ['ignore', logFd, logFd],
  detached: true,
});
const imagesBuilt = new Promise<number>((resolve) =>
  imageBuild.once('close', (code, signal) => resolve(exitStatus(code, signal))),
);
const stopImageBuild = () => {
  if (imageBuild.exitCode !== null || imageBuild.signalCode !== null || imageBuild.pid === undefined) return;
  try {
    process.kill(-imageBuild.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopImageBuild();
    current?.kill(signal);
    process.exitCode = 128 + constants.signals[signal];
  });
}
console.log(`Building the compose images in the background (log: ${buildLog}).`);

const finish = (status: number): never => {
  stopImageBuild();
  process.exit(status);
};

let status = await step('pnpm', ['--recursive', '--workspace-concurrency=1', 'test']);
if (status !== 0) finish(status);
status = await step('pnpm', ['test:scripts']);
if (status !== 0) finish(status);

const built = await imagesBuilt;
if (built === 0) {
  console.log('The compose images were built in the background.');
  rmSync(buildLog, { force: true });
} else {
  console.log(
    `The background build of the compose images failed (exit ${built}, log: ${buildLog}); the compose suite builds them itself.`,
  );
}
finish(await step('pnpm', ['test:compose']));
