import { lookup } from 'node:dns/promises';
import { config } from '../../config';

/** How long a peer has to confirm that it dropped its copies; a slower one counts as not told. */
const PEER_TIMEOUT_MS = 2000;
/** The header that marks the call as one replica telling another (which then tells nobody). */
export const PEER_HEADER = 'x-revalidate-peer';

/** The other replicas behind the same cache (PAGE_CACHE=edge), as configured; none otherwise. */
export const sitePeers = (): string[] => {
  const { pageCache } = config();
  return pageCache.mode === 'edge' ? pageCache.peers : [];
};

/** Every peer process, by address: a host name standing for several replicas gives each of them. */
const peerAddresses = async (): Promise<string[]> => {
  const found = await Promise.all(
    sitePeers().map(async (peer) => {
      const at = peer.lastIndexOf(':');
      const host = peer.slice(0, at).replace(/^\[|\]$/g, '');
      const port = peer.slice(at + 1);
      try {
        const addresses = await lookup(host, { all: true });
        return addresses.map(({ address, family }) => `http://${family === 6 ? `[${address}]` : address}:${port}`);
      } catch (error) {
        console.warn(`[revalidate] cannot resolve the site peer ${peer}: ${(error as Error).message}`);
        return [];
      }
    }),
  );
  return [...new Set(found.flat())];
};

/**
 * Tells every other site process that something changed, so that each drops its copies (the
 * settings, the addresses, the search index) before the shared cache is purged: a page any
 * replica renders after the purge comes from fresh content. Returns the peers that did not
 * confirm; this process is among the peers when a host name stands for all of them, and telling
 * it again does no harm.
 */
export const tellPeers = async (body: unknown): Promise<string[]> => {
  const peers = await peerAddresses();
  const results = await Promise.all(
    peers.map(async (peer) => {
      try {
        const response = await fetch(`${peer}/api/revalidate`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Revalidate-Secret': config().revalidateSecret,
            [PEER_HEADER]: '1',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
        });
        await response.body?.cancel();
        return response.ok ? null : `${peer} (answered ${response.status})`;
      } catch (error) {
        return `${peer} (${(error as Error).message})`;
      }
    }),
  );
  return results.filter((failed): failed is string => failed !== null);
};
