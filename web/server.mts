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
// A variable path: the build output may not exist when this file is type-checked.
const entry = './dist/server/entry.mjs';
const { startServer } = (await import(entry)) as { startServer: () => void };
startServer();
