import type { TextsByModel } from '../admin-face/model-texts';

const KEY_RULE = 'Small letters, digits and dashes (e.g. arrest-date); unique in the guide.';
/** What a save that breaks a key's pattern says. */
const KEY_REFUSAL = 'Use small letters, digits and single dashes only, e.g. arrest-date.';

/** What staff read beside each field of the record guide (content-model.ts gathers every model's texts). */
export const GUIDE_TEXTS: TextsByModel = {
  'api::record-guide.record-guide': {
    fields: {
      title: {
        label: 'Title',
        description: 'The guide\'s name, e.g. "Can my record be cleared?". Up to 120 characters.',
      },
      intro: {
        label: 'Introduction',
        description:
          'Shown above the first question: what the guide does, and that no answer is saved. Up to 600 characters.',
      },
      notAdvice: {
        label: 'Not legal advice',
        description: 'Shown on every outcome: that this is legal information, not legal advice. Up to 400 characters.',
      },
      helpLink: {
        label: 'Help link',
        description:
          "The coalition's help form (e.g. /services/ask-for-help/), offered on every outcome beside the partners.",
      },
      partners: {
        label: 'Partners',
        description: 'The legal aid partners offered on every outcome, as an equal path beside the coalition (1 to 8).',
      },
      steps: {
        label: 'Questions',
        description:
          'One per screen; the first is where the guide starts. The Guide map beside the form shows where every answer leads.',
      },
      outcomes: {
        label: 'Outcomes',
        description: 'Where a path ends: what the answers probably mean and the next step.',
      },
      notes: {
        label: 'Notes (staff only)',
        description: 'Sources, and what a reviewer should check. Never shown on the site; the same in every language.',
      },
    },
  },
  'guide.step': {
    mainField: 'question',
    fields: {
      key: { label: 'Key', description: `What answers name to lead here. ${KEY_RULE}`, rule: KEY_REFUSAL },
      question: { label: 'Question', description: 'Short, in plain words. Up to 200 characters.' },
      help: {
        label: 'Help',
        description: 'Optional: a line under the question that helps answer it. Up to 600 characters.',
      },
      answers: { label: 'Answers', description: 'Each one a large button on the screen (1 to 6).' },
    },
  },
  'guide.answer': {
    mainField: 'label',
    fields: {
      label: { label: 'Answer', description: 'What the visitor taps. Up to 120 characters.' },
      leadsTo: {
        label: 'Leads to',
        description: `The key of the question or outcome this answer leads to. ${KEY_RULE}`,
        rule: KEY_REFUSAL,
      },
    },
  },
  'guide.outcome': {
    mainField: 'title',
    fields: {
      key: { label: 'Key', description: `What answers name to lead here. ${KEY_RULE}`, rule: KEY_REFUSAL },
      title: { label: 'Title', description: 'What this probably means, in a line. Up to 160 characters.' },
      meaning: { label: 'What it probably means', description: 'A few sentences, in plain words.' },
      nextSteps: {
        label: 'Next step',
        description:
          'What to do next: what to bring, where to get the record, whom to call (New Leaf Illinois: 855-963-9532).',
      },
      links: { label: 'Links', description: 'Up to 6: a phone number (tel:…), a partner, an official page.' },
    },
  },
};
