import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

/** What Lighthouse says of one page, in its default mobile run (a mid-range phone on slow 4G, simulated). */
export type LighthouseRun = {
  /** The four categories, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  totalBlockingTimeMs: number;
  /** Bytes as transferred for the page and everything it loads. */
  totalBytes: number;
  /** Audits that did not pass, by id (what to look at when a category is under 100). */
  failedAudits: string[];
};

export type LighthousePage = { path: string; runs: LighthouseRun[]; median: LighthouseRun };

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Each figure's median over the runs (each on its own: the median page need not be one run). */
const medianRun = (runs: LighthouseRun[]): LighthouseRun => {
  const of = (key: Exclude<keyof LighthouseRun, 'failedAudits'>) => median(runs.map((run) => run[key]));
  return {
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    firstContentfulPaintMs: of('firstContentfulPaintMs'),
    largestContentfulPaintMs: of('largestContentfulPaintMs'),
    cumulativeLayoutShift: of('cumulativeLayoutShift'),
    totalBlockingTimeMs: of('totalBlockingTimeMs'),
    totalBytes: of('totalBytes'),
    // Failed in most of the runs.
    failedAudits: [...new Set(runs.flatMap((run) => run.failedAudits))].filter(
      (id) => runs.filter((run) => run.failedAudits.includes(id)).length * 2 > runs.length,
    ),
  };
};

/** Runs Lighthouse's own errors say to run again ("NO_NAVSTART … Please run Lighthouse again"). */
const ATTEMPTS = 3;

const measureOnce = async (url: string, port: number) => {
  let lastError = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (!result.lhr.runtimeError) return result.lhr;
    lastError = `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`;
    console.log(`  ${url}: Lighthouse failed (${lastError}), measuring again`);
  }
  throw new Error(`Lighthouse could not measure ${url} in ${ATTEMPTS} attempts: ${lastError}`);
};

/** The paths of the pages the site's sitemap lists. */
export const sitemapPaths = async (siteUrl: string): Promise<string[]> => {
  const response = await fetch(`${siteUrl}/sitemap.xml`);
  if (!response.ok) throw new Error(`${siteUrl}/sitemap.xml answered ${response.status}`);
  return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
};

/**
 * Lighthouse (the npm package) in Debian's Chromium, `runs` times on each page, one page after
 * another in one browser; Lighthouse empties the browser's cache and storage before each run.
 */
export const measureLighthouse = async (siteUrl: string, paths: string[], runs = 3): Promise<LighthousePage[]> => {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const pages: LighthousePage[] = [];
    for (const pagePath of paths) {
      const pageRuns: LighthouseRun[] = [];
      for (let run = 0; run < runs; run += 1) {
        const lhr = await measureOnce(`${siteUrl}${pagePath}`, chrome.port);
        const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        pageRuns.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          firstContentfulPaintMs: Math.round(value('first-contentful-paint')),
          largestContentfulPaintMs: Math.round(value('largest-contentful-paint')),
          cumulativeLayoutShift: value('cumulative-layout-shift'),
          totalBlockingTimeMs: Math.round(value('total-blocking-time')),
          totalBytes: value('total-byte-weight'),
          failedAudits: Object.values(lhr.audits)
            .filter(
              (audit) =>
                audit.score !== null &&
                audit.score < 1 &&
                audit.scoreDisplayMode !== 'informative' &&
                audit.scoreDisplayMode !== 'manual' &&
                audit.scoreDisplayMode !== 'notApplicable',
            )
            .map((audit) => audit.id)
            .sort(),
        });
      }
      pages.push({ path: pagePath, runs: pageRuns, median: medianRun(pageRuns) });
      const m = pages.at(-1)!.median;
      console.log(
        `  ${pagePath}: ${m.performance}/${m.accessibility}/${m.bestPractices}/${m.seo}, first paint ${m.firstContentfulPaintMs} ms, largest ${m.largestContentfulPaintMs} ms, shift ${m.cumulativeLayoutShift.toFixed(3)}, ${Math.round(m.totalBytes / 1024)} KB${m.failedAudits.length ? `; not passed: ${m.failedAudits.join(', ')}` : ''}`,
      );
    }
    return pages;
  } finally {
    chrome.kill();
  }
};
