import { defineSection } from '../section-kit/section-module';

/**
 * Born in the CMS: no old template, so no import (see section-kit/section-module.ts). The events
 * it lists are the site's to pick (the next ones published in the page's language, each leaving at
 * its end): the section only says how many, under which heading.
 */
export default defineSection({
  uid: 'sections.coming-up',
  texts: {
    'sections.coming-up': {
      mainField: 'heading',
      fields: {
        heading: {
          label: 'Heading',
          description: 'A few words over the list, e.g. "Coming up" or "Próximos eventos".',
        },
        count: {
          label: 'How many events',
          description:
            'At most this many (1 to 6), soonest first. The site keeps the list up to date by itself: an event leaves it when it ends. With none coming, it says so and links to the events page.',
        },
      },
    },
  },
});
