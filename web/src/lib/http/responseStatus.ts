import { STATUS_CODES } from 'node:http';
import type { AstroGlobal } from 'astro';

/**
 * Sets a page's status with its own reason phrase: Astro keeps the "OK" of the 200 it started
 * with, so a 404 would go out as "404 OK" (a cache in front keeps that line too).
 */
export const setStatus = (astro: Pick<AstroGlobal, 'response'>, status: number): void => {
  astro.response.status = status;
  astro.response.statusText = STATUS_CODES[status] ?? '';
};
