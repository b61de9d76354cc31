import type { Core } from '@strapi/strapi';
import { ConfigError } from '../config-support/secrets';

export const SITE_WEBHOOK_NAME = 'Public site: refresh pages (managed by the CMS)';
export const SITE_WEBHOOK_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.update', 'entry.delete', 'entry.create'];
/** The site checks this header in constant time; a request without it purges nothing. */
export const SECRET_HEADER = 'X-Revalidate-Secret';

type Webhook = { id: string; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };
type WebhookStore = {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook>;
  deleteWebhook(id: string): Promise<unknown>;
};
type WebhookRunner = { add(webhook: Webhook): void; update(webhook: Webhook): void; remove(webhook: Webhook): void };

/**
 * Registers the site's revalidation webhook from WEB_REVALIDATE_URL and REVALIDATE_SECRET,
 * so that publishing reaches the site without anyone setting it up in the admin. Kept in
 * step at every start; removed when WEB_REVALIDATE_URL is unset.
 */
export const registerSiteWebhook = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const existing = (await store.findWebhooks()).find((w) => w.name === SITE_WEBHOOK_NAME);
  const url = process.env.WEB_REVALIDATE_URL;
  if (!url) {
    if (existing) {
      await store.deleteWebhook(existing.id);
      runner.remove(existing);
    }
    strapi.log.info('WEB_REVALIDATE_URL is not set: published changes reach the site when its cache expires.');
    return;
  }
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new ConfigError(`WEB_REVALIDATE_URL "${url}" must be the site's revalidation endpoint, e.g. http://localhost:4321/api/revalidate.`);
  }
  const secret = process.env.REVALIDATE_SECRET;
  if (!secret || secret.length < 32) {
    throw new ConfigError('REVALIDATE_SECRET is missing or shorter than 32 characters; the site uses the same value. Set it in cms/.env (and for the web).');
  }
  const wanted = { name: SITE_WEBHOOK_NAME, url, headers: { [SECRET_HEADER]: secret }, events: SITE_WEBHOOK_EVENTS };
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`Registered the site webhook: ${url}`);
    return;
  }
  const same =
    existing.url === url &&
    existing.isEnabled &&
    existing.headers?.[SECRET_HEADER] === secret &&
    JSON.stringify([...existing.events].sort()) === JSON.stringify([...SITE_WEBHOOK_EVENTS].sort());
  if (!same) {
    runner.update(await store.updateWebhook(existing.id, { ...wanted, isEnabled: true }));
    strapi.log.info(`Updated the site webhook: ${url}`);
  }
};
