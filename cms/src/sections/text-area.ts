import { choice, richText } from '../importer/field-values';
import { blocksText, firstWords } from '../section-kit/entry-labels';
import { defineSection, sectionData } from '../section-kit/section-module';
import { hasLink, importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.text-area',
  templates: ['text-area'],
  texts: {
    'sections.text-area': {
      mainField: 'label',
      fields: {
        style: {
          label: 'Style',
          description: 'Plain; Two Column (heading and two columns); Flashy (green, framed); Splashy (framed).',
        },
        heading: { label: 'Heading', description: 'Shown above both columns.' },
        body: { label: 'Text', description: 'Headings, paragraphs, lists and links.' },
        columnTwo: {
          label: 'Second column',
          description: 'Shown beside the text from tablet width up, below it on phones.',
        },
        showButton: { label: 'Show button', description: 'Shows a button under the text.' },
        button: { label: 'Button' },
        label: {
          label: 'Name in the sections list',
          description: 'Written when you save: the heading, or the first words of the text.',
          hidden: true,
        },
      },
    },
  },

  labels: {
    // Most text areas have no heading: their first words tell them apart.
    'sections.text-area': (area) =>
      (typeof area.heading === 'string' && area.heading.trim()
        ? area.heading.trim()
        : firstWords(blocksText(area.body))) || null,
  },

  async importSection(fields, ctx) {
    const body = await richText(fields, 'text_area', ctx);
    if (!body) ctx.warn(fields.position, 'text_area is empty');
    const showButton = fields.bool('add_button') ?? false;
    const button = fields.include('button');
    return sectionData('sections.text-area', {
      style: choice(fields, 'style', ['Plain', 'Two Column', 'Flashy', 'Splashy'], 'Plain', ctx),
      heading: fields.text('heading'),
      body: body ?? [],
      columnTwo: await richText(fields, 'column_two', ctx),
      showButton,
      button: hasLink(button) ? await importLink(button, ctx) : null,
    });
  },
});
