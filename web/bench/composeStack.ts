import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type ComposeFigures =
  | {
      measured: true;
      images: { image: string; totalMB: number; baseMB: number; ownMB: number }[];
      buildSeconds: number;
      upToHealthySeconds: number;
    }
  | { measured: false; reason: string };

/** What e2e/compose/measure.ts reports: the real images and `docker compose up` on this machine. */
export const measureComposeStack = (): ComposeFigures => {
  const script = path.resolve(import.meta.dirname, '../../e2e/compose/measure.ts');
  const run = spawnSync(process.execPath, ['--no-warnings', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    return {
      measured: false,
      reason: `${script} failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ')}`,
    };
  }
  return { measured: true, ...(JSON.parse(last) as Omit<Extract<ComposeFigures, { measured: true }>, 'measured'>) };
};
