import { adminApi, type System } from '../tests/support/system';

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export type PublishToLive = {
  publishes: number;
  p50: number;
  p95: number;
  max: number;
  all: number[];
  /**
   * The first visit that showed each new version: how the cache answered it (X-Cache through
   * Varnish, else X-Astro-Cache; "none" without either), and how many were cold renders (not a
   * HIT: the visitor's own request rendered the page).
   */
  firstVisits: { cold: number; answers: string[] };
  /**
   * The admin's publish request alone, until the CMS answered (its save rules, history, links
   * check): the rest of each delay is the webhook, the purge and the render of the new page.
   */
  publishRequest: { p50: number; p95: number };
};

/** How the cache in front (Varnish: X-Cache) or the site's route cache (X-Astro-Cache) answered. */
const cacheAnswer = (response: Response): string =>
  response.headers.get('x-cache') ?? response.headers.get('x-astro-cache') ?? 'none';

/**
 * Publish in the admin, then load the page as a visitor until the new title shows; `publishes`
 * times. Visits before the purge get the old copy; the first that shows the new title is the
 * first visit after it, so its cache answer says whether a visitor paid for a cold render.
 */
export const publishToLive = async (
  system: System,
  pagePath: string,
  publishes: number,
  siteUrl = system.siteUrl,
): Promise<PublishToLive> => {
  const admin = await adminApi(system);
  const { documentId, data } = await admin.loadPage(pagePath);
  const delays: number[] = [];
  const answers: string[] = [];
  const requests: number[] = [];
  try {
    for (let i = 1; i <= publishes; i += 1) {
      const title = `Clear Your Record ${i}`;
      await fetch(`${siteUrl}${pagePath}`); // a cached copy is there before each publish
      const started = performance.now();
      await admin.publish(documentId, { ...data, title });
      requests.push(performance.now() - started);
      for (;;) {
        const response = await fetch(`${siteUrl}${pagePath}`);
        const html = await response.text();
        if (html.includes(`>${title}</h1>`)) {
          answers.push(cacheAnswer(response));
          break;
        }
        if (performance.now() - started > 10_000) throw new Error(`publish ${i} not live after 10 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      delays.push(performance.now() - started);
    }
  } finally {
    await admin.publish(documentId, data);
  }
  return {
    publishes,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    max: Math.max(...delays),
    all: delays.map((d) => Math.round(d)),
    firstVisits: { cold: answers.filter((answer) => answer !== 'HIT').length, answers },
    publishRequest: { p50: percentile(requests, 50), p95: percentile(requests, 95) },
  };
};
