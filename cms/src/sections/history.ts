import { markdownText, plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';

export default defineSection({
  uid: 'sections.history',
  templates: ['history'],
  texts: {
    'sections.history': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'e.g. "History".' },
        events: { label: 'Events', description: 'In the order to show them, oldest first.' },
        closingParagraph: { label: 'Closing paragraph', description: 'Optional, under the events.' },
      },
    },
    'items.history-event': {
      mainField: 'date',
      fields: {
        date: {
          label: 'Date',
          description: 'Shown large in the purple square: a year or a short word, e.g. "2019" or "Today".',
        },
        paragraph: { label: 'What happened' },
      },
    },
  },

  async importSection(fields, ctx) {
    const events = [];
    for (const event of fields.list('event')) {
      events.push({ date: event.text('date') ?? '', paragraph: (await markdownText(event, 'paragraph', ctx)) ?? [] });
    }
    return sectionData('sections.history', {
      // The old template printed "History" above the events; there was no field for it.
      heading: 'History',
      events,
      closingParagraph: plainText(fields, 'bottom_paragraph', ctx),
    });
  },
});
