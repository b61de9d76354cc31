import type { TextsByModel } from '../admin-face/model-texts';

export const GLOSSARY_TERM_TEXTS: TextsByModel = {
  'shared.glossary-term': {
    mainField: 'english',
    fields: {
      english: {
        label: 'English',
        description: 'The term as the English pages write it, in lowercase unless it is a name, e.g. "expungement".',
        placeholder: 'e.g. expungement',
      },
      spanish: {
        label: 'Spanish',
        description:
          'What every Spanish page writes for it, e.g. "eliminación de antecedentes (expungement)". Up to 120 characters.',
        placeholder: 'e.g. eliminación de antecedentes (expungement)',
      },
      note: {
        label: 'When to use it',
        description:
          'For the translator, up to 300 characters, e.g. "Use the English word in parentheses the first time: people will see it on court forms".',
      },
    },
  },
};
