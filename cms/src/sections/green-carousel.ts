import { plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { hasLink, importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.green-carousel',
  templates: ['green-carousel'],
  texts: {
    'sections.green-carousel': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'e.g. "How to get involved".' },
        blocks: {
          label: 'Blocks',
          description: '1 to 12 blocks in a row that scrolls sideways (no automatic sliding).',
        },
      },
    },
    'items.green-block': {
      mainField: 'heading',
      fields: {
        heading: {
          label: 'Heading',
          description: 'One short word, at most 12 characters: it is shown very large, e.g. "Donate".',
        },
        subtitle: { label: 'Subtitle', description: 'One short sentence.' },
        button: { label: 'Button', description: 'Where the block leads, e.g. "Become a member".' },
      },
    },
  },

  async importSection(fields, ctx) {
    const blocks = [];
    for (const block of fields.list('green_block')) {
      const button = block.include('button');
      blocks.push({
        heading: block.text('heading') ?? '',
        subtitle: plainText(block, 'subtitle', ctx),
        button: hasLink(button) ? await importLink(button, ctx) : null,
      });
    }
    return sectionData('sections.green-carousel', { heading: fields.text('heading') ?? 'How to get involved', blocks });
  },
});
