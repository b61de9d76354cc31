import { startSystem, type System } from './system';

let running: Promise<System> | undefined;

/**
 * One system (the defaults: seed content, one site instance) for every suite that
 * tests/integration/defaultSystem.test.ts gathers: a start costs over a minute of CI, and these
 * suites leave the system as they found it (up, seed content back). A suite that needs a system
 * of its own (other options, Varnish, a moved clock) starts one.
 */
export const sharedSystem = (): Promise<System> => (running ??= startSystem());

export const stopSharedSystem = async (): Promise<void> => {
  const system = running;
  running = undefined;
  await (await system)?.stop();
};
