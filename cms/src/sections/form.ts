import { defineSection } from '../section-kit/section-module';

/**
 * Born in the CMS: no old template, so no import (see section-kit/section-module.ts). The form's
 * heading, introduction, fields and thank-you are its single type's (src/forms/form-kinds.ts),
 * worded once per language: the section only says which form stands here.
 */
export default defineSection({
  uid: 'sections.form',
  texts: {
    'sections.form': {
      mainField: 'form',
      fields: {
        form: {
          label: 'Form',
          description:
            'Which of the coalition\'s forms stands here. Its wording (heading, questions, thank-you) is under Single Types, "Form: …", in each language.',
        },
      },
    },
  },
});
