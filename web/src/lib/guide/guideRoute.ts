import type { AstroGlobal } from 'astro';
import type { CmsGlobal } from '../cms/cmsContent';
import { siteSettings } from '../cms/siteSettings';
import { listingLanguages } from '../events/loadEvents';
import type { PageLanguages } from '../../i18n/pageLanguages';
import { localeOf } from '../../i18n/ui';
import type { Locale } from '../../i18n/locales';
import { countOutcome } from './countOutcome';
import { GUIDE_PATH, type Guide } from './guideSchema';
import { fetchGuide } from './loadGuide';
import { decodeAnswers, walkGuide, type GuidePosition } from './walkGuide';

export type GuideRoute =
  | { kind: 'guide'; guide: Guide; position: GuidePosition; global: CmsGlobal | null; languages: PageLanguages }
  /** No guide is published in this language (the section is then not shown either). */
  | { kind: 'missing'; global: CmsGlobal | null; languages: PageLanguages }
  | { kind: 'unavailable'; global: CmsGlobal | null; languages: PageLanguages };

/**
 * Nothing of a visit is kept anywhere: not by a cache (the site's, Varnish, the browser's), not in
 * the browser's history of pages (every step after the first is a POST to the same address, whose
 * title never changes), not in a log line. `no-store` on every answer of the guide's address. (A
 * link followed from an outcome tells the other site only this site's origin, by the site-wide
 * Referrer-Policy: the address holds no answer anyway.)
 */
const NOTHING_KEPT = { 'Cache-Control': 'no-store' } as const;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

const loadGlobal = async (locale: Locale): Promise<CmsGlobal | null> => {
  try {
    return (await siteSettings(locale)).data;
  } catch {
    return null;
  }
};

/** What the visitor asked of the guide: their answers so far (a hidden field) and the button they pressed. */
const answersOfPost = async (request: Request): Promise<number[] | null> => {
  const form = await request.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : null;
  };
  const answers = decodeAnswers(field('answers') ?? '');
  if (answers === null) return null;
  const move = field('move');
  if (move === 'restart') return [];
  if (move === 'back') return answers.slice(0, -1);
  const pick = field('pick');
  if (pick !== null && /^\d{1,2}$/.test(pick)) return [...answers, Number(pick)];
  return null;
};

/**
 * The guide's address in any language (pages/record-guide, pages/es/guia-de-antecedentes): GET is
 * its first question; each POST carries the answers so far and the one just picked (or "back",
 * "start over") and is answered with the next question or the outcome. An outcome reached is
 * counted (its key, nothing else). Sets the response's status and headers itself.
 */
export const guideRoute = async (astro: AstroGlobal): Promise<GuideRoute> => {
  const locale = localeOf(astro.locals);
  const languages = listingLanguages(locale, GUIDE_PATH);
  for (const [name, value] of Object.entries(NOTHING_KEPT)) astro.response.headers.set(name, value);
  const global = await loadGlobal(locale);
  const method = astro.request.method;
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    astro.response.status = 405;
    astro.response.headers.set('Allow', 'GET, HEAD, POST');
    return { kind: 'missing', global, languages };
  }
  let answers: number[] | null = [];
  if (method === 'POST') {
    const type = (astro.request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    answers = FORM_TYPES.includes(type) ? await answersOfPost(astro.request).catch(() => null) : null;
  }
  let guide: Guide | null;
  try {
    guide = (await fetchGuide(locale))?.data ?? null;
  } catch (error) {
    console.error(`[cms] ${GUIDE_PATH[locale]}: the record guide is unavailable: ${(error as Error).message}`);
    astro.response.status = 503;
    astro.response.headers.set('Retry-After', '30');
    return { kind: 'unavailable', global, languages };
  }
  if (!guide) {
    astro.response.status = 404;
    return { kind: 'missing', global, languages };
  }
  // A post the guide cannot read (made up, or from a form of an older page) starts it over.
  const position = answers === null ? { ...walkGuide(guide, []), restarted: true } : walkGuide(guide, answers);
  if (position.kind === 'outcome' && method === 'POST') await countOutcome(locale, position.outcome.key);
  return { kind: 'guide', guide, position, global, languages };
};
