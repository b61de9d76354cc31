import { cmsCopyMaxAgeMs } from './cachePolicy';
import { fetchPageList, fetchRedirectSources } from './cmsContent';
import { FreshCopy } from './freshCopy';
import { setKnownAddresses } from './sitePaths';

/** Every address visitors can reach: published pages and redirects. */
const addresses = new FreshCopy(
  'the site’s addresses',
  async () => {
    const [pages, redirects] = await Promise.all([fetchPageList(), fetchRedirectSources()]);
    return { data: new Set([...pages.data.map((page) => page.path), ...redirects.data]), stale: pages.stale || redirects.stale };
  },
  cmsCopyMaxAgeMs,
);

/** Brings the addresses up to date before a render; while they cannot be read, links are not judged. */
export const loadSiteAddresses = async (): Promise<void> => {
  try {
    setKnownAddresses((await addresses.get()).data);
  } catch (error) {
    console.warn(`[cms] the site's addresses cannot be read; links are rendered unchecked: ${(error as Error).message}`);
  }
};

/** A page was published, unpublished or moved, or a redirect changed (the webhook). */
export const siteAddressesChanged = (): void => addresses.invalidate();
