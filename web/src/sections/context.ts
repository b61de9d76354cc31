import type { FormKind } from '../lib/forms/formFields';
import type { FormWording } from '../lib/forms/formWording';
import type { FormReturn } from '../lib/forms/receivePost';
import type { TokenMode } from '../lib/forms/tokenSlot';
import type { CmsEventSummary } from '../lib/events/eventSchema';
import type { Guide } from '../lib/guide/guideSchema';

/** The forms a page holds, and the one that came back to its visitor with errors, if any. */
export type FormsContext = {
  wordings: ReadonlyMap<FormKind, FormWording>;
  returned: FormReturn | null;
  /** A staff preview: the form is shown, never sent. */
  preview: boolean;
  tokenMode: TokenMode;
  /** The section each form stands in: the first of its kind on the page (one form, one set of ids). */
  placedIn: ReadonlyMap<FormKind, number>;
};

/** What every section component gets besides its own data. */
export type SectionContext = {
  title: string;
  description: string;
  /** The first hero carries the page's only h1. */
  primaryHeading: boolean;
  /** Near the top of the page: its images load at once instead of lazily. */
  nearTop: boolean;
  forms: FormsContext;
  /**
   * The next events of the page's language, soonest first, for its "coming up" sections: null when
   * the page has none of them, or the CMS could not say which.
   */
  upcomingEvents: readonly CmsEventSummary[] | null;
  /**
   * The record guide published in the page's language, for its "record guide" sections: null when
   * the page has none of them, no guide is published, or the CMS could not say.
   */
  guide: Guide | null;
};
