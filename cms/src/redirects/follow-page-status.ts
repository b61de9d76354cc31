import type { Core } from '@strapi/strapi';
import { redirectsTo } from './redirects-to';

/**
 * A redirect that leads to a page of the site is live exactly while the page is: it waits as a
 * draft for a page not published yet (an old address of a page imported as a draft), goes live
 * when the page is published, and is taken down (kept as a draft) when the page is unpublished
 * or deleted, so an old address never leads visitors to a "page not found".
 */
export const followPageStatus = async (strapi: Core.Strapi, path: string, pageIsLive: boolean): Promise<void> => {
  const redirects = strapi.documents('api::redirect.redirect');
  for (const redirect of await redirectsTo(strapi, path)) {
    if (pageIsLive === redirect.live) continue;
    if (pageIsLive) await redirects.publish({ documentId: redirect.documentId });
    else await redirects.unpublish({ documentId: redirect.documentId });
    strapi.log.info(
      `${redirect.from} → ${path}: ${pageIsLive ? 'live with its page' : 'taken down with its page (kept as a draft)'}`,
    );
  }
};
