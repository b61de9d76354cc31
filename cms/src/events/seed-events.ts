import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { z } from 'zod';

/** What one language of a seeded event says. */
const Words = z.object({
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  venue: z.string().optional(),
  whatToBring: z.string().optional(),
  accessibility: z.string().optional(),
});

/** One event of seed/events.yml: what every language shares, then each one's words. */
export const SeedEvent = z.object({
  published: z.boolean(),
  startsAt: z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString()),
  endsAt: z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString()),
  yearOnly: z.boolean().default(false),
  format: z.enum(['In person', 'Online', 'In person and online']),
  address: z.string().optional(),
  onlineLink: z.string().optional(),
  languages: z.enum(['English', 'Spanish', 'English and Spanish']),
  free: z.boolean(),
  signUp: z.enum(['None', 'Contact', 'Volunteer sign-up', 'Stay informed', 'Help with a record']).default('None'),
  en: Words,
  es: Words,
});
export type SeedEvent = z.infer<typeof SeedEvent>;

/** seed/events.yml, checked: a mistake in it names the event and the field. */
export const readSeedEvents = async (file: string): Promise<SeedEvent[]> => {
  const parsed = z.array(SeedEvent).safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
};

/**
 * The coalition's events as the old site tells of them (seed/events.yml), once: on a fresh
 * database, and on one from before events existed. The past ones published, the upcoming example
 * a draft for staff to see. Never touches an event staff have made, and never comes back after
 * staff delete them.
 */
export const seedEvents = async (strapi: Core.Strapi, seedDir: string): Promise<void> => {
  // Once: events staff delete, every one of them included, never come back at the next start.
  const store = strapi.store({ type: 'core', name: 'site-seed' });
  if (await store.get({ key: 'events' })) return;
  if ((await strapi.db.query('api::event.event').count()) > 0) {
    await store.set({ key: 'events', value: { seededAt: null } });
    return;
  }
  const events = await readSeedEvents(path.join(seedDir, 'events.yml'));
  const documents = strapi.documents('api::event.event');
  for (const { en, es, published, ...shared } of events) {
    const created = await documents.create({ locale: 'en', data: { ...shared, ...en } });
    await documents.update({ documentId: created.documentId, locale: 'es', data: { ...shared, ...es } });
    if (published) await documents.publish({ documentId: created.documentId, locale: '*' });
  }
  await store.set({ key: 'events', value: { seededAt: new Date().toISOString() } });
  strapi.log.info(
    `Seed: ${events.filter((event) => event.published).length} past events of the old site (published) and ${events.filter((event) => !event.published).length} upcoming example (a draft), in English and Spanish (seed/events.yml).`,
  );
};
