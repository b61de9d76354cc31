import { adminApi, type System } from '../tests/support/system';

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export type PublishToLive = { publishes: number; p50: number; p95: number; max: number; all: number[] };

/** Publish in the admin, then load the page as a visitor until the new title shows; `publishes` times. */
export const publishToLive = async (
  system: System,
  pagePath: string,
  publishes: number,
  siteUrl = system.siteUrl,
): Promise<PublishToLive> => {
  const admin = await adminApi(system);
  const { documentId, data } = await admin.loadPage(pagePath);
  const delays: number[] = [];
  try {
    for (let i = 1; i <= publishes; i += 1) {
      const title = `Clear Your Record ${i}`;
      await fetch(`${siteUrl}${pagePath}`); // a cached copy is there before each publish
      const started = performance.now();
      await admin.publish(documentId, { ...data, title });
      for (;;) {
        const html = await (await fetch(`${siteUrl}${pagePath}`)).text();
        if (html.includes(`>${title}</h1>`)) break;
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
  };
};
