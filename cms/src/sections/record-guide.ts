import { defineSection } from '../section-kit/section-module';

/**
 * Born in the CMS: no old template, so no import (see section-kit/section-module.ts). The guide's
 * questions and outcomes are its single type's (src/record-guide/), worded once per language: the
 * section only places its first question on a page.
 */
export default defineSection({
  uid: 'sections.record-guide',
  texts: {
    'sections.record-guide': {
      mainField: 'heading',
      fields: {
        heading: {
          label: 'Heading',
          description:
            'Optional: a few words over the guide\'s first question. Empty: the guide\'s title. The questions themselves are under Single Types, "Record guide", in each language.',
        },
      },
    },
  },
});
