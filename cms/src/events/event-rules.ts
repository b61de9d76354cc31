import type { ComponentRule, RuleViolation } from '../validation/rule-violation';

/** A week of events (National Expungement Week) is the longest the coalition holds; a month allows for more. */
export const LONGEST_EVENT_DAYS = 31;

const time = (value: unknown): number | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? null : at;
};
const chicagoYear = (at: number): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', year: 'numeric' }).format(at);
const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * What an event must be on every save, drafts included: a time span that exists, and a year alone only
 * for a past event within that year. The fields a
 * published event needs, which depend on each other, are `eventPublishViolations`'.
 */
export const eventRule: ComponentRule = (event) => {
  const startsAt = time(event.startsAt);
  const endsAt = time(event.endsAt);
  if (startsAt === null || endsAt === null) return [];
  if (endsAt <= startsAt) return [{ path: ['endsAt'], message: 'The event must end after it starts.' }];
  if (event.yearOnly === true) {
    // Only a past event of the old site, within one year (Chicago's): its page shows that year.
    if (endsAt > Date.now())
      return [
        {
          path: ['yearOnly'],
          message: 'Only a past event can be known by its year alone: untick it, and give the day and times.',
        },
      ];
    if (chicagoYear(startsAt) !== chicagoYear(endsAt))
      return [{ path: ['endsAt'], message: 'An event known only by its year starts and ends in that year.' }];
    return [];
  }
  if (endsAt - startsAt > LONGEST_EVENT_DAYS * 24 * 60 * 60 * 1000)
    return [
      {
        path: ['endsAt'],
        message: `An event lasts at most ${LONGEST_EVENT_DAYS} days: for a series, make one event per day or week.`,
      },
    ];
  return [];
};

/**
 * What a published event needs beyond its required fields, each depending on another: a place for
 * people who come in person, a link for those who join online, what it costs when it is not
 * free, the outside sign-up page when sign-up is there, and alt text for its image.
 */
export const eventPublishViolations = (event: Record<string, unknown>): RuleViolation[] => {
  const violations: RuleViolation[] = [];
  if (event.format !== 'Online' && !filled(event.venue) && !filled(event.address))
    violations.push({
      path: ['venue'],
      message: 'An event held in person needs its place or street address to publish.',
    });
  if (event.format !== 'In person' && !filled(event.onlineLink))
    violations.push({ path: ['onlineLink'], message: 'An event held online needs its online link to publish.' });
  if (event.free === false && !filled(event.cost))
    violations.push({ path: ['cost'], message: 'An event that is not free needs its cost to publish.' });
  if (event.signUp === 'Outside link' && !filled(event.signUpLink))
    violations.push({ path: ['signUpLink'], message: 'Sign-up by an outside link needs the link to publish.' });
  if (event.image && !filled(event.altText))
    violations.push({ path: ['altText'], message: "The event's image needs alt text to publish." });
  return violations;
};

export const EVENT_RULES: Record<string, ComponentRule> = { 'api::event.event': eventRule };
