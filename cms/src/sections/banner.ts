import { choice, plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { hasLink, importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.banner',
  templates: ['banner'],
  texts: {
    'sections.banner': {
      mainField: 'heading',
      fields: {
        style: {
          label: 'Style',
          description: 'Purple: heading and paragraph centred. Green: heading beside the paragraph on wider screens.',
        },
        heading: { label: 'Heading', description: 'Short and large, e.g. "WE ARE THE WATCHDOG".' },
        paragraph: { label: 'Paragraph' },
        button: { label: 'Button', description: 'Optional, e.g. "Donate".' },
      },
    },
  },

  async importSection(fields, ctx) {
    const button = fields.include('button');
    return sectionData('sections.banner', {
      style: choice(fields, 'style', ['Purple', 'Green'], 'Purple', ctx),
      heading: fields.text('heading'),
      paragraph: plainText(fields, 'paragraph', ctx),
      button: hasLink(button) ? await importLink(button, ctx) : null,
    });
  },
});
