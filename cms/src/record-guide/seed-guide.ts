import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { marked } from 'marked';
import { parse } from 'yaml';
import { z } from 'zod';
import { htmlToBlocks } from '../importer/html-to-blocks';
import { RECORD_GUIDE_UID } from './guide-publish';

const Link = z.object({ text: z.string(), url: z.string() });
const Words = z.object({
  title: z.string(),
  intro: z.string(),
  notAdvice: z.string(),
  helpLink: Link,
  steps: z.array(
    z.object({
      key: z.string(),
      question: z.string(),
      help: z.string().optional(),
      answers: z.array(z.object({ label: z.string(), leadsTo: z.string() })),
    }),
  ),
  outcomes: z.array(
    z.object({ key: z.string(), title: z.string(), meaning: z.string(), nextSteps: z.string(), links: z.array(Link) }),
  ),
});

/** seed/record-guide.yml: what both languages share (the sources, the partners), then each one's words. */
export const SeedGuide = z.object({ notes: z.string(), partners: z.array(Link), en: Words, es: Words });
export type SeedGuide = z.infer<typeof SeedGuide>;

export const readSeedGuide = async (file: string): Promise<SeedGuide> => {
  const parsed = SeedGuide.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
};

/** Markdown (paragraphs, lists, links) as the rich text the CMS stores. */
const richText = (markdown: string, where: string): unknown[] => {
  const { blocks, warnings } = htmlToBlocks(marked.parse(markdown, { async: false }));
  if (warnings.length > 0) throw new Error(`seed/record-guide.yml, ${where}: ${warnings.join('; ')}`);
  return blocks;
};

const link = ({ text, url }: z.infer<typeof Link>) => ({ text, url, type: 'External Link' });

/** One language of the seed as the guide's fields. */
export const guideData = (seed: SeedGuide, locale: 'en' | 'es'): Record<string, unknown> => {
  const words = seed[locale];
  return {
    title: words.title,
    intro: words.intro,
    notAdvice: words.notAdvice,
    notes: seed.notes,
    helpLink: link(words.helpLink),
    partners: seed.partners.map(link),
    steps: words.steps,
    outcomes: words.outcomes.map((outcome) => ({
      key: outcome.key,
      title: outcome.title,
      meaning: richText(outcome.meaning, `${locale}.${outcome.key}.meaning`),
      nextSteps: richText(outcome.nextSteps, `${locale}.${outcome.key}.nextSteps`),
      links: outcome.links.map(link),
    })),
  };
};

/**
 * The first record guide (seed/record-guide.yml), once, in English and Spanish, as a DRAFT: what
 * it says about the law is for staff and a partner attorney to review before anyone publishes it.
 * Never touches a guide staff have made, and never comes back after staff delete it.
 */
export const seedRecordGuide = async (strapi: Core.Strapi, seedDir: string): Promise<void> => {
  const store = strapi.store({ type: 'core', name: 'site-seed' });
  if (await store.get({ key: 'record-guide' })) return;
  if ((await strapi.db.query(RECORD_GUIDE_UID).count()) === 0) {
    const seed = await readSeedGuide(path.join(seedDir, 'record-guide.yml'));
    const documents = strapi.documents(RECORD_GUIDE_UID);
    const created = await documents.create({ locale: 'en', data: guideData(seed, 'en') } as never);
    await documents.update({ documentId: created.documentId, locale: 'es', data: guideData(seed, 'es') } as never);
    strapi.log.info(
      'Seed: the record guide "Can my record be cleared?" in English and Spanish, as a draft for staff and a partner attorney to review (seed/record-guide.yml).',
    );
  }
  await store.set({ key: 'record-guide', value: { seededAt: new Date().toISOString() } });
};
