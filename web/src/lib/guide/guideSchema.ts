import { z } from 'zod';
import { blocksSchema } from '../render/blocks';
import { linkPopulate, linkSchema } from '../render/link';
import type { Locale } from '../../i18n/locales';

/** Where the guide lives in each language: its start (GET) and every step after (POST, never stored). */
export const GUIDE_PATH: Record<Locale, string> = { en: '/record-guide/', es: '/es/guia-de-antecedentes/' };

const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** The record guide as the CMS answers it (its single type, published, in one language). */
export const guideSchema = z.object({
  documentId: z.string(),
  title: z.string().min(1),
  intro: z.string().nullish(),
  notAdvice: z.string().min(1),
  helpLink: linkSchema,
  partners: z.array(linkSchema).min(1),
  steps: z
    .array(
      z.object({
        key,
        question: z.string().min(1),
        help: z.string().nullish(),
        answers: z.array(z.object({ label: z.string().min(1), leadsTo: key })).min(1),
      }),
    )
    .min(1),
  outcomes: z
    .array(
      z.object({
        key,
        title: z.string().min(1),
        meaning: blocksSchema,
        nextSteps: blocksSchema,
        links: z.array(linkSchema).nullish(),
      }),
    )
    .min(1),
});
export type Guide = z.infer<typeof guideSchema>;
export type GuideStep = Guide['steps'][number];
export type GuideOutcome = Guide['outcomes'][number];

export const guideQuery = (locale: Locale) => ({
  locale,
  fields: ['title', 'intro', 'notAdvice'],
  populate: {
    helpLink: linkPopulate,
    partners: linkPopulate,
    steps: { populate: { answers: true } },
    outcomes: { populate: { links: linkPopulate } },
  },
});
