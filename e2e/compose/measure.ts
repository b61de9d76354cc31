/**
 * `node e2e/compose/measure.ts`: the compose stack's figures for `pnpm bench` (web/bench/run.ts),
 * printed as JSON on the last line: the images' sizes (whole and the project's own layers above
 * node:24-bookworm-slim) and the seconds from `docker compose up -d` to all services healthy,
 * on new volumes (the first start: migrations and the seed import), once the images exist.
 */
import { createStack, imageSizes, requireDocker, upHealthy } from './stack.ts';

requireDocker();
const stack = await createStack(`ceic-compose-bench-${process.pid}`);
try {
  const buildStarted = performance.now();
  stack.compose(['build']);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const upToHealthySeconds = await upHealthy(stack);
  console.log(JSON.stringify({ images: imageSizes(), buildSeconds, upToHealthySeconds }));
} finally {
  stack.remove();
}
