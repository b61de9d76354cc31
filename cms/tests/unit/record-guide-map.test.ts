import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyPath, mapGuide, type GuideDraft } from '../../src/record-guide/guide-map';
import { guideData, readSeedGuide } from '../../src/record-guide/seed-guide';

const SEED = path.resolve(import.meta.dirname, '../../seed/record-guide.yml');

const answer = (label: string, leadsTo: string) => ({ label, leadsTo });
/** Two questions and two outcomes, every part reached: the base each test breaks in one place. */
const sound = (): GuideDraft => ({
  steps: [
    { key: 'first', question: 'First?', answers: [answer('Yes', 'second'), answer('No', 'done')] },
    { key: 'second', question: 'Second?', answers: [answer('Yes', 'done'), answer('No', 'other')] },
  ],
  outcomes: [
    { key: 'done', title: 'Done' },
    { key: 'other', title: 'Other' },
  ],
});
const blocking = (guide: GuideDraft) => mapGuide(guide).problems.filter((problem) => problem.blocksPublish);

describe('the record guide map', () => {
  it('finds nothing wrong with a guide whose every answer leads on and every part is reached', () => {
    expect(mapGuide(sound()).problems).toEqual([]);
    expect(mapGuide(sound()).longestPath).toBe(2);
  });

  it('flags an answer that leads to no question or outcome (a dead end), at the answer to fix', () => {
    const guide = sound();
    guide.steps![1]!.answers![1] = answer('No', 'nowhere');
    const problems = blocking(guide);
    expect(problems.map((p) => p.kind)).toEqual(['dead-end', 'unreachable']);
    expect(problems[0]!.path).toEqual(['steps', 1, 'answers', 1, 'leadsTo']);
    expect(problems[0]!.message).toMatch(/"No" of question 2 \("Second\?"\) leads to "nowhere"/);
  });

  it('flags a question without answers as a dead end', () => {
    const guide = sound();
    guide.steps![1]!.answers = [];
    expect(blocking(guide).find((p) => p.kind === 'dead-end')?.path).toEqual(['steps', 1, 'answers']);
  });

  it('flags an answer that leads back to a question before it (a loop)', () => {
    const guide = sound();
    guide.steps![1]!.answers![0] = answer('Yes', 'first');
    const problems = blocking(guide);
    expect(problems.map((p) => p.kind)).toEqual(['loop']);
    expect(problems[0]!.path).toEqual(['steps', 1, 'answers', 0, 'leadsTo']);
    expect(problems[0]!.message).toMatch(/leads back to question 1/);
  });

  it('flags a question and an outcome no answer leads to (unreachable)', () => {
    const guide = sound();
    guide.steps!.push({ key: 'lonely', question: 'Lonely?', answers: [answer('Yes', 'done')] });
    guide.outcomes!.push({ key: 'unseen', title: 'Unseen' });
    const problems = blocking(guide);
    expect(problems.map((p) => [p.kind, p.path.join('.')])).toEqual([
      ['unreachable', 'steps.2.key'],
      ['unreachable', 'outcomes.2.key'],
    ]);
  });

  it('flags two parts with one key', () => {
    const guide = sound();
    guide.outcomes![1]!.key = 'second';
    expect(blocking(guide).map((p) => p.kind)).toContain('duplicate-key');
  });

  it('warns, without refusing, about a path of more than eight questions', () => {
    const steps = Array.from({ length: 9 }, (_, index) => ({
      key: `q${index}`,
      question: `Q${index}?`,
      answers: [answer('Next', index === 8 ? 'end' : `q${index + 1}`)],
    }));
    const map = mapGuide({ steps, outcomes: [{ key: 'end', title: 'End' }] });
    expect(map.longestPath).toBe(9);
    expect(map.problems.map((p) => [p.kind, p.blocksPublish])).toEqual([['long', false]]);
  });

  it('draws each question once: a second answer leading to it is a reference', () => {
    const guide = sound();
    guide.steps![0]!.answers![1] = answer('No', 'second');
    guide.outcomes!.pop();
    guide.steps![1]!.answers![1] = answer('No', 'done');
    const { start } = mapGuide(guide);
    expect(start).toMatchObject({
      kind: 'step',
      key: 'first',
      answers: [
        { label: 'Yes', to: { kind: 'step', key: 'second' } },
        { label: 'No', to: { kind: 'seen', key: 'second' } },
      ],
    });
  });
});

describe('the seeded record guide', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`in ${locale}: has no problem and reaches each of its outcomes by a path of at most eight questions`, async () => {
      const seed = await readSeedGuide(SEED);
      const guide = guideData(seed, locale) as GuideDraft;
      const map = mapGuide(guide);
      expect(map.problems).toEqual([]);
      expect(map.longestPath).toBeLessThanOrEqual(8);
      const reached = new Set(everyPath(guide).map((walk) => walk.outcome));
      expect([...reached].sort()).toEqual(guide.outcomes!.map((outcome) => outcome.key!).sort());
    });
  }

  it('has the same questions, answers and outcomes in English and Spanish (only the words differ)', async () => {
    const seed = await readSeedGuide(SEED);
    const shape = (locale: 'en' | 'es') => ({
      steps: seed[locale].steps.map((step) => [step.key, step.answers.map((a) => a.leadsTo)]),
      outcomes: seed[locale].outcomes.map((outcome) => outcome.key),
    });
    expect(shape('es')).toEqual(shape('en'));
  });
});
