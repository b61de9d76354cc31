import { plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.cards-with-links',
  templates: ['cards-with-links'],
  texts: {
    'sections.cards-with-links': {
      fields: {
        cards: { label: 'Cards', description: '1 to 12 cards, two per row on desktops. The whole card is the link.' },
      },
    },
    'items.link-card': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading' },
        paragraph: { label: 'Paragraph', description: 'One to three sentences.' },
        link: {
          label: 'Link',
          description: 'Where the card leads. Its text is read to screen-reader users after the heading.',
        },
      },
    },
  },

  async importSection(fields, ctx) {
    const cards = [];
    for (const card of fields.list('card')) {
      const heading = card.text('heading') ?? '';
      cards.push({
        heading,
        paragraph: plainText(card, 'paragraph', ctx),
        link: await importLink(card.include('link'), ctx, { defaultText: heading ? `More about ${heading}` : 'More' }),
      });
    }
    return sectionData('sections.cards-with-links', { cards });
  },
});
