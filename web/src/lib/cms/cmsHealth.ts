import { config } from '../../config';

/** How long one answer stands: health checks from several places cost the CMS one request. */
const KEEP_MS = 5000;
let last: { at: number; state: Promise<'ok' | 'unreachable'> } | null = null;

/** Whether the CMS answers its own health check right now (within a second). */
export const cmsHealth = (): Promise<'ok' | 'unreachable'> => {
  if (last && Date.now() - last.at < KEEP_MS) return last.state;
  const state = fetch(`${config().strapiUrl}/_health`, {
    signal: AbortSignal.timeout(Math.min(config().timeoutMs, 1000)),
  }).then(
    (response) => (response.ok ? ('ok' as const) : ('unreachable' as const)),
    () => 'unreachable' as const,
  );
  last = { at: Date.now(), state };
  return state;
};
