import { z } from 'zod';
import { imagePopulate } from '../render/image';
import { linkPopulate, linkSchema, type Link } from '../render/link';
import { isPagePath } from '../http/pagePath';
import { uploadFile } from '../http/uploads';
import { cmsGet, type CmsRequest, type CmsResult } from './strapiClient';
import { CmsError } from './cmsError';
import { sectionsPopulate } from '../../sections/contract';
import { DEFAULT_LOCALE, LOCALES, localeOfPath, type Locale } from '../../i18n/locales';
import { unpublishAtField } from './unpublishTime';

/**
 * The language of a page or of the settings, as the CMS answers it: answers recorded before the
 * CMS had languages (and any older copy) have none, and are English.
 */
const localeField = z
  .enum(LOCALES)
  .nullish()
  .transform((locale): Locale => locale ?? DEFAULT_LOCALE);

/** The page envelope; its sections are validated one by one against their contracts (sections/contract.ts). */
export const pageSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  path: z.string(),
  description: z.string(),
  updatedAt: z.string(),
  locale: localeField,
  sections: z.array(z.unknown()).nullish(),
  unpublishAt: unpublishAtField,
});
export type CmsPage = z.infer<typeof pageSchema>;

/** The networks the footer has an icon for (the contract test keeps them equal to the CMS's). */
export const SOCIAL_NETWORKS = ['Facebook', 'Instagram', 'Twitter', 'X', 'YouTube', 'LinkedIn', 'TikTok'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

const logoSchema = z.object({
  url: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  alternativeText: z.string().nullish(),
  mime: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const globalSchema = z.object({
  documentId: z.string(),
  /** The language of the settings' words: English on a Spanish page while there are no Spanish settings. */
  locale: localeField,
  siteName: z.string(),
  siteUrl: z.string(),
  menu: z.array(z.object({ id: z.number(), label: z.string(), links: z.array(linkSchema).nullish() })).nullish(),
  donate: linkSchema.nullish(),
  footerLinks: z.array(linkSchema).nullish(),
  footerNote: z.string().nullish(),
  contactEmail: z.string().nullish(),
  // An SVG logo may come without a size: the layout gives it one.
  logo: logoSchema.nullish(),
  logoSmall: logoSchema.nullish(),
  socialLinks: z.array(z.object({ id: z.number(), network: z.enum(SOCIAL_NETWORKS), url: z.string() })).nullish(),
  newsletter: z
    .object({
      id: z.number(),
      enabled: z.boolean(),
      action: z.string().nullish(),
      heading: z.string().nullish(),
      text: z.string().nullish(),
      privacyNote: z.string().nullish(),
    })
    .nullish(),
  searchEnabled: z.boolean().nullish(),
});
export type CmsGlobal = z.infer<typeof globalSchema>;

const pageListSchema = z.object({
  data: z.array(z.object({ documentId: z.string(), path: z.string(), updatedAt: z.string() })),
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});

/** A redirect staff keep in the CMS (and the importer made from each old address). */
export const redirectSchema = z.object({
  documentId: z.string(),
  from: z.string(),
  to: z.string(),
  type: z.enum(['Permanent', 'Temporary']),
  note: z.string().nullish(),
});
export type CmsRedirect = z.infer<typeof redirectSchema>;
export const redirectEnvelopeSchema = z.object({ data: z.array(redirectSchema) });

export const pageEnvelopeSchema = z.object({ data: z.array(pageSchema) });
export const globalEnvelopeSchema = z.object({ data: globalSchema });

/**
 * The one query for a page: each section type's own populate fragment, nothing more. The CMS
 * answers one language per query (no query asks for all): the page's, from its address.
 */
export const pageQuery = (path: string) => ({
  path: '/pages',
  query: {
    locale: localeOfPath(path),
    filters: { path: { $eq: path } },
    populate: { sections: sectionsPopulate },
    pagination: { pageSize: 1 },
  },
});

export const redirectQuery = (path: string) => ({
  path: '/redirects',
  query: { filters: { from: { $eq: path } }, fields: ['from', 'to', 'type', 'note'], pagination: { pageSize: 1 } },
});

export const globalQuery = (locale: Locale = DEFAULT_LOCALE) => ({
  path: '/global',
  query: {
    locale,
    populate: {
      menu: { populate: { links: linkPopulate } },
      donate: linkPopulate,
      footerLinks: linkPopulate,
      logo: imagePopulate,
      logoSmall: imagePopulate,
      socialLinks: true,
      newsletter: true,
    },
  },
});

/** A published page (or its draft, for preview) by its web address; null when there is none. */
export const fetchPage = async (
  path: string,
  draft: CmsRequest['draft'] = false,
): Promise<CmsResult<CmsPage | null>> => {
  const result = await cmsGet({ ...pageQuery(path), draft }, pageEnvelopeSchema);
  return { data: result.data.data[0] ?? null, stale: result.stale };
};

/**
 * An earlier version of a page from its history, for a staff preview (the CMS answers it only
 * with the preview's session): the page as it was, links leading where they lead now.
 */
export const fetchPageVersion = async (
  version: number,
  draft: Exclude<CmsRequest['draft'], false | undefined>,
): Promise<CmsResult<CmsPage | null>> => {
  const result = await cmsGet({ path: `/site-tools/page-versions/${version}`, query: {}, draft }, pageEnvelopeSchema);
  return { data: result.data.data[0] ?? null, stale: false };
};

/**
 * The published version of a page in `locale`, by document (its address may differ from the
 * draft's); null when it has none. A page's languages share its document: the locale says which.
 */
export const fetchPublishedVersion = async (documentId: string, locale: Locale): Promise<CmsPage | null> => {
  const result = await cmsGet(
    {
      path: '/pages',
      query: {
        locale,
        filters: { documentId: { $eq: documentId } },
        populate: { sections: sectionsPopulate },
        pagination: { pageSize: 1 },
      },
    },
    pageEnvelopeSchema,
  );
  return result.data.data[0] ?? null;
};

/** The redirect from an address, or null when there is none. */
export const fetchRedirect = async (path: string): Promise<CmsResult<CmsRedirect | null>> => {
  const result = await cmsGet(redirectQuery(path), redirectEnvelopeSchema);
  return { data: result.data.data[0] ?? null, stale: result.stale };
};

/**
 * The site settings in `locale`. The CMS answers 404 for a language they have no version in yet:
 * then the English settings stand in, their `locale` saying so (the layout marks their words as
 * English on a Spanish page). `english`: where to read them (a copy already kept), else the CMS.
 */
export const fetchGlobal = async (
  locale: Locale = DEFAULT_LOCALE,
  english: () => Promise<CmsResult<CmsGlobal>> = () => fetchGlobal(DEFAULT_LOCALE),
): Promise<CmsResult<CmsGlobal>> => {
  try {
    const result = await cmsGet(globalQuery(locale), globalEnvelopeSchema);
    return { data: result.data.data, stale: result.stale };
  } catch (error) {
    if (locale === DEFAULT_LOCALE || !(error instanceof CmsError) || error.status !== 404) throw error;
    const result = await english();
    return { data: { ...result.data, locale: DEFAULT_LOCALE }, stale: result.stale };
  }
};

/**
 * Pages whose stored address is a page address of this site: the CMS refuses any other, but a
 * row written around its rules (`https://evil.example/phish/`) must never become an off-site
 * URL in the sitemap, search or menus.
 */
const onlyPageAddresses = <T extends { path: string }>(pages: T[]): T[] =>
  pages.filter((page) => {
    if (isPagePath(page.path)) return true;
    console.warn(
      `[cms] left out a page whose address is not a page address of this site: ${JSON.stringify(page.path.slice(0, 100))}`,
    );
    return false;
  });

/**
 * Pages whose address is of the language they were asked in: a Spanish page's address starts
 * with /es/, an English page's does not. Another would answer at an address of the other
 * language (or be asked for in the wrong one): it is left out, with a log line.
 */
const inLanguageOfAddress = <T extends { path: string }>(pages: T[], locale: Locale): T[] =>
  pages.filter((page) => {
    if (localeOfPath(page.path) === locale) return true;
    console.warn(
      `[cms] left out a page in "${locale}" whose address is of another language: ${JSON.stringify(page.path.slice(0, 100))}`,
    );
    return false;
  });

/** Every published page of every language, asked one language at a time, in the order of LOCALES. */
const everyLocale = async <T>(
  read: (locale: Locale) => Promise<CmsResult<T[]>>,
): Promise<CmsResult<(T & { locale: Locale })[]>> => {
  const results = await Promise.all(LOCALES.map(async (locale) => ({ locale, result: await read(locale) })));
  return {
    data: results.flatMap(({ locale, result }) => result.data.map((entry) => ({ ...entry, locale }))),
    stale: results.some(({ result }) => result.stale),
  };
};

/** A published page in the list of every page: its document, address, language and last change. */
export type CmsPageListEntry = { documentId: string; path: string; updatedAt: string; locale: Locale };

const fetchPageListIn = async (locale: Locale): Promise<CmsResult<Omit<CmsPageListEntry, 'locale'>[]>> => {
  const pages: Omit<CmsPageListEntry, 'locale'>[] = [];
  let stale = false;
  for (let page = 1; ; page += 1) {
    const result = await cmsGet(
      {
        path: '/pages',
        query: { locale, fields: ['path', 'updatedAt'], sort: ['path:asc'], pagination: { page, pageSize: 100 } },
      },
      pageListSchema,
    );
    stale ||= result.stale;
    pages.push(...inLanguageOfAddress(onlyPageAddresses(result.data.data), locale));
    if (page >= result.data.meta.pagination.pageCount) return { data: pages, stale };
  }
};

/** Every published page's address, in both languages (the sitemap, the known addresses, the warm-ups after a purge). */
export const fetchPageList = (): Promise<CmsResult<CmsPageListEntry[]>> => everyLocale(fetchPageListIn);

const redirectListSchema = z.object({
  data: z.array(redirectSchema.pick({ from: true, to: true, type: true })),
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});
export type CmsRedirectEntry = z.infer<typeof redirectListSchema>['data'][number];

/** Every live redirect: the address it answers (`from`), where it leads and how. */
export const fetchRedirects = async (): Promise<CmsResult<CmsRedirectEntry[]>> => {
  const redirects: CmsRedirectEntry[] = [];
  let stale = false;
  for (let page = 1; ; page += 1) {
    const result = await cmsGet(
      {
        path: '/redirects',
        query: { fields: ['from', 'to', 'type'], sort: ['from:asc'], pagination: { page, pageSize: 100 } },
      },
      redirectListSchema,
    );
    stale ||= result.stale;
    redirects.push(...result.data.data);
    if (page >= result.data.meta.pagination.pageCount) return { data: redirects, stale };
  }
};

const pageBatchSchema = z.object({
  data: z.array(pageSchema),
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});

const fetchAllPagesIn = async (locale: Locale): Promise<CmsResult<CmsPage[]>> => {
  const pages: CmsPage[] = [];
  let stale = false;
  for (let page = 1; ; page += 1) {
    const result = await cmsGet(
      {
        path: '/pages',
        query: {
          locale,
          populate: { sections: sectionsPopulate },
          sort: ['path:asc'],
          pagination: { page, pageSize: 25 },
        },
      },
      pageBatchSchema,
    );
    stale ||= result.stale;
    pages.push(...inLanguageOfAddress(onlyPageAddresses(result.data.data), locale));
    if (page >= result.data.meta.pagination.pageCount) return { data: pages, stale };
  }
};

/** Every published page of both languages with all its sections (for site search), a batch of 25 at a time. */
export const fetchAllPages = (): Promise<CmsResult<CmsPage[]>> => everyLocale(fetchAllPagesIn);

/** Documents of the pages a render links to, so that changing one of them purges it. */
export const linkedPageIds = (values: unknown): string[] => {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const link = value as Partial<Link> & { page?: { documentId?: string } | null };
      if (link.type === 'Site Page' && link.page?.documentId) ids.add(link.page.documentId);
      Object.values(value).forEach(walk);
    }
  };
  walk(values);
  return [...ids];
};

/**
 * Whether content holds a link to a page of the site that it could not read: one that is not
 * published (or was never chosen). Its render then shows the link's text unlinked, and must be
 * purged when pages come and go, like a 404: that page's id is not known to tag it with.
 */
export const linksToMissingPage = (values: unknown): boolean => {
  if (Array.isArray(values)) return values.some(linksToMissingPage);
  if (!values || typeof values !== 'object') return false;
  const link = values as Partial<Link>;
  return (link.type === 'Site Page' && !link.page) || Object.values(values).some(linksToMissingPage);
};

/**
 * The media-library files a render shows or links to (paths under /uploads/), so that replacing
 * or deleting one of them purges it: images, files of links, and addresses typed as links.
 */
export const mediaFilesIn = (values: unknown): string[] => {
  const files = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const file = key === 'url' && typeof inner === 'string' ? uploadFile(inner.replace(/[?#].*$/, '')) : null;
        if (file !== null) files.add(file);
        else walk(inner);
      }
    }
  };
  walk(values);
  return [...files];
};
