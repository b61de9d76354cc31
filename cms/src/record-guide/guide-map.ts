/**
 * The record guide as a map: where each answer leads, and what keeps it from being published.
 * One function for the admin's tree (the side panel draws it and lists the problems) and for the
 * publish check (guide-publish.ts), so staff see exactly what publishing would refuse.
 *
 * Plain values only: the admin's browser bundle imports this module.
 */

export type GuideAnswer = { label?: string | null; leadsTo?: string | null };
export type GuideStep = { key?: string | null; question?: string | null; answers?: GuideAnswer[] | null };
export type GuideOutcome = { key?: string | null; title?: string | null };
export type GuideDraft = { steps?: GuideStep[] | null; outcomes?: GuideOutcome[] | null };

/**
 * What a guide must not have to be published: an answer that leads nowhere (`dead-end`), a path
 * that comes back to a question it passed (`loop`), a question or outcome no path reaches
 * (`unreachable`), two parts with one key (`duplicate-key`). `long` only warns: a path of more
 * questions than a visitor answers in a minute.
 */
export type ProblemKind = 'dead-end' | 'loop' | 'unreachable' | 'duplicate-key' | 'long';
export type GuideProblem = {
  kind: ProblemKind;
  /** In staff's words: which question or outcome, which answer, and what to change. */
  message: string;
  /** The field to fix, as the edit form names it (steps.2.answers.0.leadsTo). */
  path: (string | number)[];
  blocksPublish: boolean;
};

/** A node of the tree the side panel draws: each question once, in full, where a path first reaches it. */
export type GuideNode =
  | { kind: 'step'; key: string; question: string; answers: { label: string; to: GuideNode }[] }
  | { kind: 'outcome'; key: string; title: string }
  /** A part drawn in full elsewhere in the tree (several answers lead to it). */
  | { kind: 'seen'; key: string; label: string }
  | { kind: 'loop'; key: string; label: string }
  | { kind: 'nowhere'; leadsTo: string };

export type GuideMap = { start: GuideNode | null; problems: GuideProblem[]; longestPath: number };

/** Eight questions: about a minute on a phone. */
export const MOST_QUESTIONS_ON_A_PATH = 8;

type Part = { kind: 'step'; index: number } | { kind: 'outcome'; index: number };

const text = (value: string | null | undefined): string => (value ?? '').trim();
const quoted = (value: string | null | undefined, fallback: string): string =>
  text(value) ? `"${text(value)}"` : fallback;

export const mapGuide = (guide: GuideDraft): GuideMap => {
  const steps = guide.steps ?? [];
  const outcomes = guide.outcomes ?? [];
  const problems: GuideProblem[] = [];
  const parts = new Map<string, Part>();
  const stepName = (index: number) => `question ${index + 1} (${quoted(steps[index]?.question, 'no wording yet')})`;
  const outcomeName = (index: number) => `outcome ${index + 1} (${quoted(outcomes[index]?.title, 'no title yet')})`;
  const nameOf = (part: Part) => (part.kind === 'step' ? stepName(part.index) : outcomeName(part.index));

  const claim = (key: string, part: Part, path: (string | number)[]) => {
    if (!key) return;
    const holder = parts.get(key);
    if (holder) {
      problems.push({
        kind: 'duplicate-key',
        message: `The key "${key}" of ${nameOf(part)} is already the key of ${nameOf(holder)}: give each question and outcome a key of its own.`,
        path,
        blocksPublish: true,
      });
      return;
    }
    parts.set(key, part);
  };
  steps.forEach((step, index) => claim(text(step.key), { kind: 'step', index }, ['steps', index, 'key']));
  outcomes.forEach((outcome, index) =>
    claim(text(outcome.key), { kind: 'outcome', index }, ['outcomes', index, 'key']),
  );

  steps.forEach((step, index) => {
    const answers = step.answers ?? [];
    if (answers.length === 0)
      problems.push({
        kind: 'dead-end',
        message: `${capitalized(stepName(index))} has no answers: a visitor would be stuck there. Add its answers, each leading to a question or an outcome.`,
        path: ['steps', index, 'answers'],
        blocksPublish: true,
      });
    answers.forEach((answer, answerIndex) => {
      const target = text(answer.leadsTo);
      if (target && parts.has(target)) return;
      problems.push({
        kind: 'dead-end',
        message: target
          ? `The answer ${quoted(answer.label, `number ${answerIndex + 1}`)} of ${stepName(index)} leads to "${target}", which is the key of no question or outcome. Write the key of the one it should lead to.`
          : `The answer ${quoted(answer.label, `number ${answerIndex + 1}`)} of ${stepName(index)} leads nowhere: write the key of the question or outcome it leads to.`,
        path: ['steps', index, 'answers', answerIndex, 'leadsTo'],
        blocksPublish: true,
      });
    });
  });

  if (steps.length === 0) {
    problems.push({
      kind: 'dead-end',
      message: 'The guide has no question yet: the first question is where it starts.',
      path: ['steps'],
      blocksPublish: true,
    });
    return { start: null, problems, longestPath: 0 };
  }

  const reached = new Set<string>();
  // Depth first from the first question: a question is "open" while the walk is below it, so an
  // answer leading to an open question closes a loop. Each part is walked (and drawn) once; how
  // many questions follow it is kept for the longest path.
  const open = new Set<string>();
  const questionsFrom = new Map<string, number>();
  const walk = (part: Part, key: string): GuideNode => {
    reached.add(key);
    if (part.kind === 'outcome') {
      questionsFrom.set(key, 0);
      return { kind: 'outcome', key, title: text(outcomes[part.index]?.title) };
    }
    const step = steps[part.index]!;
    open.add(key);
    let most = 0;
    const answers = (step.answers ?? []).map((answer, answerIndex) => {
      const target = text(answer.leadsTo);
      const next = parts.get(target);
      const label = text(answer.label);
      if (!next) return { label, to: { kind: 'nowhere', leadsTo: target } as GuideNode };
      if (open.has(target)) {
        problems.push({
          kind: 'loop',
          message: `The answer ${quoted(answer.label, `number ${answerIndex + 1}`)} of ${stepName(part.index)} leads back to ${nameOf(next)}, which comes before it: a visitor would go round in a circle. Lead it to a later question or to an outcome.`,
          path: ['steps', part.index, 'answers', answerIndex, 'leadsTo'],
          blocksPublish: true,
        });
        return { label, to: { kind: 'loop', key: target, label: nameOf(next) } as GuideNode };
      }
      const to: GuideNode = reached.has(target)
        ? { kind: 'seen', key: target, label: nameOf(next) }
        : walk(next, target);
      most = Math.max(most, questionsFrom.get(target) ?? 0);
      return { label, to };
    });
    open.delete(key);
    questionsFrom.set(key, most + 1);
    return { kind: 'step', key, question: text(step.question), answers };
  };
  const firstKey = text(steps[0]!.key);
  const start = walk({ kind: 'step', index: 0 }, firstKey || '(no key)');
  const longestPath = questionsFrom.get(firstKey || '(no key)') ?? 0;

  steps.forEach((step, index) => {
    const key = text(step.key);
    if (index === 0 || (key && reached.has(key) && parts.get(key)?.index === index)) return;
    problems.push({
      kind: 'unreachable',
      message: `No answer leads to ${stepName(index)}${key ? ` (key "${key}")` : ''}: no visitor would see it. Lead an answer to it, or remove it.`,
      path: ['steps', index, key ? 'key' : 'question'],
      blocksPublish: true,
    });
  });
  outcomes.forEach((outcome, index) => {
    const key = text(outcome.key);
    const holder = parts.get(key);
    if (key && reached.has(key) && holder?.kind === 'outcome' && holder.index === index) return;
    problems.push({
      kind: 'unreachable',
      message: `No answer leads to ${outcomeName(index)}${key ? ` (key "${key}")` : ''}: no visitor would see it. Lead an answer to it, or remove it.`,
      path: ['outcomes', index, key ? 'key' : 'title'],
      blocksPublish: true,
    });
  });

  if (longestPath > MOST_QUESTIONS_ON_A_PATH)
    problems.push({
      kind: 'long',
      message: `The longest path asks ${longestPath} questions: more than the ${MOST_QUESTIONS_ON_A_PATH} a visitor answers in about a minute on a phone. Consider merging questions.`,
      path: ['steps'],
      blocksPublish: false,
    });
  return { start, problems, longestPath };
};

const capitalized = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** Every path from the first question to an outcome, as the answers' positions: for tests and the seed's review. */
export const everyPath = (guide: GuideDraft): { answers: number[]; outcome: string }[] => {
  const steps = guide.steps ?? [];
  const outcomeKeys = new Set((guide.outcomes ?? []).map((outcome) => text(outcome.key)));
  const stepAt = new Map(steps.map((step) => [text(step.key), step]));
  const paths: { answers: number[]; outcome: string }[] = [];
  const follow = (step: GuideStep | undefined, answers: number[], seen: Set<string>) => {
    if (!step) return;
    (step.answers ?? []).forEach((answer, index) => {
      const target = text(answer.leadsTo);
      if (outcomeKeys.has(target)) paths.push({ answers: [...answers, index], outcome: target });
      else if (!seen.has(target)) follow(stepAt.get(target), [...answers, index], new Set([...seen, target]));
    });
  };
  if (steps[0]) follow(steps[0], [], new Set([text(steps[0].key)]));
  return paths;
};
