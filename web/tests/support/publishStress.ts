import { percentile } from '../../bench/publishToLive';
import { adminApi, type System } from './system';

const GLOBAL = '/content-manager/single-types/api::global.global';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type StressResult = { publishes: number; p95: number; max: number; late: string[] };

/**
 * Publishes, interleaved, the site settings (a footer note every page shows) and pages (their
 * title, in the page's <title>), `rounds` times, while readers keep asking for every page so
 * that renders are always under way when a purge arrives; some rounds publish the settings and a
 * page back to back. After each round, every page affected is read until it shows the change:
 * each must within `limitMs` of the CMS confirming the publish that made it (the moment the
 * admin says "Published"). `late` names each miss.
 */
export const interleavedPublishes = async (
  system: System,
  visitorUrl: string,
  /** Every page read and checked for the settings; `published`: those whose own publishes are checked too. */
  { paths, published }: { paths: readonly string[]; published: readonly string[] },
  rounds: number,
  limitMs = 1000,
): Promise<StressResult> => {
  const admin = await adminApi(system);
  const { data: settings } = await admin.call<{ data: Record<string, unknown> }>('GET', GLOBAL);
  const pages = await Promise.all(published.map(async (path) => ({ path, ...(await admin.loadPage(path)) })));
  const fetchText = async (path: string) => (await fetch(`${visitorUrl}${path}`)).text();

  // Every page rendered and kept before the first publish, as on a site that has been up a while.
  for (const path of paths) await fetchText(path);
  let reading = true;
  // Renders under way whenever a purge arrives: four readers, each on every page in turn.
  const readers = Array.from({ length: 4 }, async (_, reader) => {
    for (let i = reader; reading; i += 1) await fetchText(paths[i % paths.length]!).catch(() => undefined);
  });

  /** Waits until `path` shows `text`; how long after `since`, or null past the limit (plus a margin to report by how much). */
  const visible = async (path: string, text: string, since: number): Promise<number | null> => {
    for (;;) {
      if ((await fetchText(path)).includes(text)) return performance.now() - since;
      if (performance.now() - since > limitMs * 5) return null;
      await sleep(10);
    }
  };

  const delays: number[] = [];
  const late: string[] = [];
  const expect = async (round: number, path: string, text: string, since: number) => {
    const delay = await visible(path, text, since);
    delays.push(delay ?? Infinity);
    if (delay === null || delay > limitMs)
      late.push(
        `round ${round}: ${path} showed "${text}" ${delay === null ? 'not at all' : `after ${Math.round(delay)} ms`}`,
      );
  };

  try {
    for (let round = 1; round <= rounds; round += 1) {
      const note = `Footer note ${round}`;
      const page = pages[round % pages.length]!;
      const title = `${String(page.data.title).replace(/ \(\d+\)$/, '')} (${round})`;
      // Each check counts from the moment the admin says "Published" (the CMS's answer) for the change it shows.
      const checks: [string, string, number][] = [];
      if (round % 3 !== 2) {
        await admin.call('POST', `${GLOBAL}/actions/publish`, { ...settings, footerNote: note });
        const published = performance.now();
        checks.push(...paths.map((path): [string, string, number] => [path, note, published]));
      }
      if (round % 3 !== 0) {
        await admin.publish(page.documentId, { ...page.data, title });
        page.data = { ...page.data, title };
        checks.push([page.path, `<title>${title} | `, performance.now()]);
      }
      await Promise.all(checks.map(([path, text, since]) => expect(round, path, text, since)));
    }
  } finally {
    reading = false;
    await Promise.all(readers);
    await admin.call('POST', `${GLOBAL}/actions/publish`, settings);
    for (const page of pages)
      await admin.publish(page.documentId, { ...page.data, title: String(page.data.title).replace(/ \(\d+\)$/, '') });
  }
  const finite = delays.filter(Number.isFinite);
  return { publishes: delays.length, p95: percentile(finite, 95), max: Math.max(...delays), late };
};
