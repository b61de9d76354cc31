import type { AstroGlobal } from 'astro';
import { applyPageResult } from '../cache/cachePolicy';
import { answerFormPost, formPostOf, markFormPage } from '../forms/formPage';
import type { FormReturn } from '../forms/receivePost';
import { tokenModeOf } from '../forms/tokenSlot';
import { loadEvent, type EventResult } from './loadEvents';
import type { FormsContext } from '../../sections/context';
import type { Section } from '../../sections/contract';
import { localeOf, uiFor } from '../../i18n/ui';

/** The sign-up form's place among the sections: after the event's own (whose ids are the CMS's, all positive). */
const SIGN_UP_SECTION_ID = -1;

export type EventRouteProps = {
  result: EventResult;
  forms: FormsContext;
  signUpSection: Section | null;
  returned: boolean;
};

/**
 * An event's address in any language (pages/events/[slug], pages/es/eventos/[slug]): the event's
 * page for a GET; for a POST, the sign-up form it holds, answered as a page's form is
 * (lib/forms/formPage.ts): 303 to its thank-you page, or the page again with the visitor's values.
 */
export const eventRoute = async (astro: AstroGlobal): Promise<Response | EventRouteProps> => {
  const post = await formPostOf(astro.request);
  if (post instanceof Response) return post;
  const locale = localeOf(astro.locals);
  const result = await loadEvent(astro.params.slug ?? '', locale);
  const signUp = result.kind === 'event' && !result.passed ? result.signUpForm : null;
  const signUpSection: Section | null =
    signUp && result.kind === 'event' && result.event.signUp !== 'None' && result.event.signUp !== 'Outside link'
      ? { __component: 'sections.form', id: SIGN_UP_SECTION_ID, form: result.event.signUp }
      : null;
  const wordings = result.kind === 'event' ? result.forms : new Map();
  const placedIn = new Map(signUp ? [[signUp, SIGN_UP_SECTION_ID]] : []);
  const tokenMode = tokenModeOf(astro.request, astro.cache?.enabled);
  let returned: FormReturn | null = null;
  if (post) {
    const answer = await answerFormPost(astro, post, {
      locale,
      wordings,
      placed: new Set(placedIn.keys()),
      unavailable: result.kind === 'unavailable',
      cannotSendNow: uiFor(astro.locals).forms.cannotSendNow,
    });
    if (answer instanceof Response) return answer;
    returned = answer;
  } else {
    applyPageResult(astro, result);
    if (signUp && wordings.has(signUp)) markFormPage(astro, tokenMode);
  }
  return {
    result,
    forms: { wordings, returned, preview: false, tokenMode, placedIn },
    signUpSection,
    returned: returned !== null,
  };
};
