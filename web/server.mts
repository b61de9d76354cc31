/**
 * Production entry of the site (`pnpm --filter web start`): validates the configuration,
 * then starts Astro's standalone Node server on HOST:PORT.
 */
import { ConfigError, parseConfig } from './src/config.ts';

try {
  const config = parseConfig(process.env);
  process.env.HOST = config.host;
  process.env.PORT = String(config.port);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// @ts-expect-error: the build output has no type declarations
const { startServer } = (await import('./dist/server/entry.mjs')) as { startServer: () => void };
startServer();
