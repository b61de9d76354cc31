import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';

type PreviewParams = { documentId: string; locale?: string | null; status?: string | null };

/** How long a preview link opens the preview: the admin makes a new one each time the panel opens. */
export const PREVIEW_LINK_SECONDS = 10 * 60;

/**
 * A preview link's signature: HMAC-SHA256 with PREVIEW_SECRET over what the link opens and until
 * when. The site checks it the same way (web/src/lib/preview/previewSession.ts); the secret itself never
 * leaves the servers.
 */
export const signPreviewLink = (secret: string, path: string, status: string, expires: number): string =>
  createHmac('sha256', secret).update(`preview-link:${path}:${status}:${expires}`).digest('base64url');

/**
 * Where the admin's Preview button points: the site's preview endpoint, which checks the
 * link's signature, sets a short-lived cookie and shows the draft. Only pages have a preview.
 */
export const previewHandler =
  (siteUrl: string, secret: string) =>
  async (uid: string, { documentId, locale, status }: PreviewParams): Promise<string | null> => {
    if (uid !== 'api::page.page') return null;
    const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
    // The language shown in the edit view: its draft is at its own address (/es/… for Spanish).
    const page = await strapi.documents('api::page.page').findOne({
      documentId,
      ...(locale ? { locale } : {}),
      status: 'draft',
      fields: ['path'],
    });
    if (!page?.path) return null;
    const shown = status === 'published' ? 'published' : 'draft';
    const expires = Math.floor(Date.now() / 1000) + PREVIEW_LINK_SECONDS;
    const query = new URLSearchParams({
      path: page.path,
      status: shown,
      expires: String(expires),
      signature: signPreviewLink(secret, page.path, shown, expires),
    });
    return `${siteUrl}/api/preview?${query}`;
  };
