import { plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';

export default defineSection({
  uid: 'sections.purple-carousel',
  templates: ['purple-carousel'],
  texts: {
    'sections.purple-carousel': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'e.g. "Policy in Action".' },
        blocks: {
          label: 'Blocks',
          description: '1 to 12 blocks in a row that scrolls sideways (no automatic sliding).',
        },
      },
    },
    'items.purple-block': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Figure', description: 'Shown very large: a number or a short word, e.g. "100+".' },
        subtitle: {
          label: 'What it means',
          description: 'One short sentence, e.g. "Coalition members visited Springfield in 2019".',
        },
      },
    },
  },

  async importSection(fields, ctx) {
    const blocks = fields
      .list('purple_block')
      .map((block) => ({ heading: block.text('heading') ?? '', subtitle: plainText(block, 'subtitle', ctx) }));
    return sectionData('sections.purple-carousel', { heading: fields.text('heading'), blocks });
  },
});
