import { cmsCopyMaxAgeMs } from '../cache/cachePolicy';
import { fetchPageList, fetchRedirects, type CmsPageListEntry, type CmsRedirectEntry } from './cmsContent';
import { FreshCopy } from './freshCopy';
import { setKnownAddresses, sitePathOf, type PageVersions, type SiteTranslations } from '../http/sitePaths';
import type { CmsResult } from './strapiClient';

type Addresses = {
  all: ReadonlySet<string>;
  pages: ReadonlySet<string>;
  published: readonly CmsPageListEntry[];
  redirects: ReadonlyMap<string, CmsRedirectEntry>;
  translations: SiteTranslations;
};

/**
 * Which published page is which in the other language: the versions of a page share its
 * document. An old address that redirects to a page counts as that page's (content may still
 * link to it).
 */
export const translationsOf = (
  pages: readonly CmsPageListEntry[],
  redirects: Iterable<CmsRedirectEntry>,
): SiteTranslations => {
  const documentOf = new Map(pages.map((page) => [page.path, page.documentId]));
  const versions = new Map<string, PageVersions>();
  for (const page of pages)
    versions.set(page.documentId, { ...versions.get(page.documentId), [page.locale]: page.path });
  for (const redirect of redirects) {
    const to = sitePathOf(redirect.to);
    const document = to === null ? undefined : documentOf.get(to);
    if (document !== undefined && !documentOf.has(redirect.from)) documentOf.set(redirect.from, document);
  }
  return { documentOf, versions };
};

/** Every address visitors can reach: published pages and live redirects; and which page is which in the other language. */
const addresses = new FreshCopy<Addresses>(
  'the site’s addresses',
  async () => {
    const [pages, redirects] = await Promise.all([fetchPageList(), fetchRedirects()]);
    const byFrom = new Map(redirects.data.map((redirect) => [redirect.from, redirect]));
    const paths = new Set(pages.data.map((page) => page.path));
    return {
      data: {
        all: new Set([...paths, ...byFrom.keys()]),
        pages: paths,
        published: pages.data,
        redirects: byFrom,
        translations: translationsOf(pages.data, byFrom.values()),
      },
      stale: pages.stale || redirects.stale,
    };
  },
  cmsCopyMaxAgeMs,
);

/**
 * Brings the addresses up to date before a render; while they cannot be read, links are not
 * judged. Whether they are as the CMS has them now (false: a last good copy, or none at all).
 */
export const loadSiteAddresses = async (): Promise<boolean> => {
  try {
    const {
      data: { all, translations },
      stale,
    } = await addresses.get();
    setKnownAddresses(all, translations);
    return !stale;
  } catch (error) {
    console.warn(
      `[cms] the site's addresses cannot be read; links are rendered unchecked: ${(error as Error).message}`,
    );
    return false;
  }
};

/** The live redirect from `path`, as last read; null when there is none, or the addresses cannot be read. */
export const knownRedirect = async (path: string): Promise<CmsRedirectEntry | null> => {
  try {
    return (await addresses.get()).data.redirects.get(path) ?? null;
  } catch {
    return null;
  }
};

/**
 * What the address `path` is, from the copy of every address (kept until the webhook says a page
 * or a redirect changed): a published page, a live redirect, or nothing at all, which costs the
 * CMS no query, however many made-up addresses are asked. Null while the addresses cannot be read.
 */
export const addressOf = async (
  path: string,
): Promise<
  (({ kind: 'page' } | { kind: 'redirect'; redirect: CmsRedirectEntry } | { kind: 'none' }) & { stale: boolean }) | null
> => {
  try {
    const { data, stale } = await addresses.get();
    const redirect = data.redirects.get(path);
    if (data.pages.has(path)) return { kind: 'page', stale };
    return redirect ? { kind: 'redirect', redirect, stale } : { kind: 'none', stale };
  } catch {
    return null;
  }
};

/** Whether the last copy of the addresses, however old, has a published page at `path` (without reading them). */
export const wasPageAddress = (path: string): boolean => addresses.peek()?.pages.has(path) ?? false;

/** Where every live redirect leads (as staff typed it), as last read. */
export const redirectTargets = async (): Promise<CmsResult<string[]>> => {
  const { data, stale } = await addresses.get();
  return { data: [...data.redirects.values()].map((redirect) => redirect.to), stale };
};

/** Every published page, by document and address, as last read, without reading them (null: never read). */
const knownPublishedPages = (): readonly CmsPageListEntry[] | null => addresses.peek()?.published ?? null;

/**
 * Every published page as last read or, in a process that never read them (a replica no visitor
 * has reached yet), as read now if that takes at most `deadlineMs`; past it, as read meanwhile
 * by anyone, else null.
 */
export const publishedPagesWithin = async (deadlineMs: number): Promise<readonly CmsPageListEntry[] | null> => {
  const known = knownPublishedPages();
  if (known) return known;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deadlineMs);
  });
  const read = addresses.get().then(
    ({ data }) => data.published,
    () => null,
  );
  try {
    return (await Promise.race([read, deadline])) ?? knownPublishedPages();
  } finally {
    clearTimeout(timer);
  }
};

/** A page was published, unpublished or moved, or a redirect changed (the webhook). */
export const siteAddressesChanged = (): void => addresses.invalidate();
