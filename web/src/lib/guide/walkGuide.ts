import type { Guide, GuideOutcome, GuideStep } from './guideSchema';

/** At most this many answers are taken from a post: no published guide is deeper (the CMS warns past 8). */
export const MOST_ANSWERS = 30;

/**
 * Where a visitor stands: the answers so far (each the position of the answer picked on its
 * screen), and the question they are on or the outcome they reached. Answers that do not fit the
 * guide as it is now (it changed while they answered, or the post was made up) start it over,
 * saying so: never a wrong outcome.
 */
export type GuidePosition =
  | { kind: 'step'; step: GuideStep; answers: number[]; number: number; restarted: boolean }
  | { kind: 'outcome'; outcome: GuideOutcome; answers: number[]; restarted: boolean };

export const walkGuide = (guide: Guide, answers: readonly number[]): GuidePosition => {
  const steps = new Map(guide.steps.map((step) => [step.key, step]));
  const outcomes = new Map(guide.outcomes.map((outcome) => [outcome.key, outcome]));
  const start = (restarted: boolean): GuidePosition => ({
    kind: 'step',
    step: guide.steps[0]!,
    answers: [],
    number: 1,
    restarted,
  });
  if (answers.length > MOST_ANSWERS) return start(true);
  let step = guide.steps[0]!;
  const seen = new Set([step.key]);
  for (const [index, picked] of answers.entries()) {
    const answer = step.answers[picked];
    if (!answer) return start(true);
    const outcome = outcomes.get(answer.leadsTo);
    if (outcome) {
      // An outcome ends the walk: answers after it do not fit.
      if (index !== answers.length - 1) return start(true);
      return { kind: 'outcome', outcome, answers: [...answers], restarted: false };
    }
    const next = steps.get(answer.leadsTo);
    // A published guide has neither (the CMS refuses it): a guide read from a copy might.
    if (!next || seen.has(next.key)) return start(true);
    seen.add(next.key);
    step = next;
  }
  return { kind: 'step', step, answers: [...answers], number: answers.length + 1, restarted: false };
};

/** The answers so far as the form carries them, in a hidden field of the post's body (never the address). */
export const encodeAnswers = (answers: readonly number[]): string => answers.join('.');

/** The hidden field back to answers; null when it is not one (then the guide starts over). */
export const decodeAnswers = (value: string): number[] | null => {
  if (value === '') return [];
  if (!/^\d{1,2}(?:\.\d{1,2}){0,29}$/.test(value)) return null;
  return value.split('.').map(Number);
};
