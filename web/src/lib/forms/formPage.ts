import type { AstroGlobal } from 'astro';
import type { FormKind } from './formFields';
import type { FormWording } from './formWording';
import { readFormPost, receivePost, type FormPost, type FormReturn } from './receivePost';
import { FILLED_CACHE_CONTROL, SLOTS_HEADER, SLOTS_HEADER_VALUE, type TokenMode } from './tokenSlot';
import { setStatus } from '../http/responseStatus';
import type { Locale } from '../../i18n/locales';

type Astro = Pick<AstroGlobal, 'request' | 'clientAddress' | 'response' | 'cache'>;

/** A POST's plain answers: no page to show, never kept by any cache. */
export const plainAnswer = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

/**
 * A form sent to its page, read before the page is (what costs nothing is checked first:
 * lib/forms/receivePost.ts): null for a GET or HEAD, a Response for what is refused at once.
 */
export const formPostOf = async (request: Request): Promise<Response | Extract<FormPost, { kind: 'form' }> | null> => {
  if (request.method !== 'POST') return null;
  const post = await readFormPost(request);
  return post.kind === 'refused' ? plainAnswer(post.status, post.message) : post;
};

/**
 * The answer to a form sent to a page that holds `placed` forms whose wording is `wordings`:
 * a Response (303 to its thank-you page, or a plain refusal), or the form to show again with the
 * visitor's values and errors (the page is rendered with it, kept by no cache). `unavailable`:
 * the page itself could not be read.
 */
export const answerFormPost = async (
  astro: Astro,
  post: Extract<FormPost, { kind: 'form' }>,
  page: {
    locale: Locale;
    wordings: ReadonlyMap<FormKind, FormWording>;
    placed: ReadonlySet<FormKind>;
    unavailable: boolean;
    cannotSendNow: string;
  },
): Promise<Response | FormReturn> => {
  const wording = page.wordings.get(post.form);
  if (!wording) {
    // The page holds that form, but its words could not be read (the CMS is down): the browser's
    // Back button still has what the visitor wrote.
    if (page.unavailable || page.placed.has(post.form))
      return plainAnswer(503, page.cannotSendNow, { 'Retry-After': '60' });
    return plainAnswer(405, 'This page takes no such form.', { Allow: 'GET, HEAD' });
  }
  const answer = await receivePost(astro, page.locale, post, wording);
  if (answer.kind === 'sent')
    return new Response(null, { status: 303, headers: { Location: answer.location, 'Cache-Control': 'no-store' } });
  // Whatever the answer, no cache keeps it: it is this visitor's, and holds what they wrote.
  setStatus(astro, answer.status);
  astro.response.headers.set('Cache-Control', 'no-store');
  if (answer.retryAfterSeconds) astro.response.headers.set('Retry-After', String(answer.retryAfterSeconds));
  return answer.form;
};

/**
 * A page holding forms, answering a GET: each form's token is filled in per visitor, by Varnish
 * or on the way out of the route cache; a page with the token written in is one visitor's, kept
 * by no cache (lib/forms/tokenSlot.ts).
 */
export const markFormPage = (astro: Astro, tokenMode: TokenMode): void => {
  if (tokenMode === 'slot') astro.response.headers.set(SLOTS_HEADER, SLOTS_HEADER_VALUE);
  else {
    astro.response.headers.set('Cache-Control', FILLED_CACHE_CONTROL);
    if (astro.cache?.enabled) astro.cache.set(false);
  }
};
