/**
 * `node e2e/compose/build-images.ts`: builds the compose stack's images, as the compose suite's
 * first step does, from a copy of the repository in its own folder. `pnpm test` runs it in the
 * background while the CMS's suites run (they leave a core idle a third of the time), so the
 * compose suite finds every layer built (Docker's cache is by contents, not by folder).
 */
import { createStack, requireDocker } from './stack.ts';

requireDocker();
const stack = await createStack(`ceic-compose-build-${process.pid}`);
// Stopped by `pnpm test` when a suite fails first: the copy of the repository goes too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stack.remove();
    process.exit(1);
  });
}
try {
  const started = performance.now();
  stack.compose(['build']);
  console.log(`compose images built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  stack.remove();
}
