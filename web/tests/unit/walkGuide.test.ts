import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src/lib/guide/guideSchema';
import { decodeAnswers, encodeAnswers, walkGuide } from '../../src/lib/guide/walkGuide';

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const link = { text: 'Help', type: 'External Link', url: '/services/ask-for-help/' };
const guide: Guide = guideSchema.parse({
  documentId: 'g1',
  title: 'Can my record be cleared?',
  notAdvice: 'Legal information, not legal advice.',
  helpLink: link,
  partners: [link],
  steps: [
    {
      key: 'first',
      question: 'First?',
      answers: [
        { label: 'To second', leadsTo: 'second' },
        { label: 'Done', leadsTo: 'done' },
      ],
    },
    {
      key: 'second',
      question: 'Second?',
      answers: [
        { label: 'Done', leadsTo: 'done' },
        { label: 'Back to first', leadsTo: 'first' },
      ],
    },
  ],
  outcomes: [{ key: 'done', title: 'Done', meaning: paragraph('m'), nextSteps: paragraph('n') }],
});

describe('walking the record guide', () => {
  it('starts at the first question', () => {
    expect(walkGuide(guide, [])).toMatchObject({ kind: 'step', number: 1, step: { key: 'first' }, restarted: false });
  });

  it('follows each answer to the next question, then to its outcome', () => {
    expect(walkGuide(guide, [0])).toMatchObject({ kind: 'step', number: 2, step: { key: 'second' } });
    expect(walkGuide(guide, [0, 0])).toMatchObject({ kind: 'outcome', outcome: { key: 'done' }, answers: [0, 0] });
    expect(walkGuide(guide, [1])).toMatchObject({ kind: 'outcome', outcome: { key: 'done' } });
  });

  it('starts over, saying so, when the answers do not fit the guide: no such answer, past an outcome, or round a loop', () => {
    for (const answers of [[5], [1, 0], [0, 1, 0]])
      expect(walkGuide(guide, answers)).toMatchObject({ kind: 'step', number: 1, answers: [], restarted: true });
  });

  it('reads no more answers than any guide can ask for, however deep this one is', () => {
    const deep = guideSchema.parse({
      ...guide,
      steps: Array.from({ length: 40 }, (_, index) => ({
        key: `q${index}`,
        question: `Q${index}?`,
        answers: [{ label: 'Next', leadsTo: index === 39 ? 'done' : `q${index + 1}` }],
      })),
    });
    expect(
      walkGuide(
        deep,
        Array.from({ length: 30 }, () => 0),
      ),
    ).toMatchObject({ kind: 'step', number: 31 });
    expect(
      walkGuide(
        deep,
        Array.from({ length: 31 }, () => 0),
      ),
    ).toMatchObject({ number: 1, restarted: true });
  });

  it('carries the answers as positions only, and reads nothing else back', () => {
    expect(encodeAnswers([0, 2, 1])).toBe('0.2.1');
    expect(decodeAnswers('0.2.1')).toEqual([0, 2, 1]);
    expect(decodeAnswers('')).toEqual([]);
    for (const made of ['a', '0..1', '1.', '-1', '0.1.2<script>', '100']) expect(decodeAnswers(made)).toBeNull();
  });
});
