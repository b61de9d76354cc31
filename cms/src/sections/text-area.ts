import { choice, richText } from '../importer/field-values';
import { defineSection } from '../section-kit/section-module';
import { hasLink, importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.text-area',
  templates: ['text-area'],
  texts: {
    'sections.text-area': {
      mainField: 'heading',
      fields: {
        style: { label: 'Style', description: 'Plain; Two Column (heading and two columns); Flashy (green, framed); Splashy (framed).' },
        heading: { label: 'Heading', description: 'Shown above both columns.' },
        body: { label: 'Text', description: 'Headings, paragraphs, lists and links.' },
        columnTwo: { label: 'Second column', description: 'Shown beside the text from tablet width up, below it on phones.' },
        showButton: { label: 'Show button', description: 'Shows a button under the text.' },
        button: { label: 'Button' },
      },
    },
  },

  async importSection(fields, ctx) {
    const body = await richText(fields, 'text_area', ctx);
    if (!body) ctx.warn(fields.position, 'text_area is empty');
    const showButton = fields.bool('add_button') ?? false;
    const button = fields.include('button');
    return {
      __component: 'sections.text-area',
      style: choice(fields, 'style', ['Plain', 'Two Column', 'Flashy', 'Splashy'], 'Plain', ctx),
      heading: fields.text('heading'),
      body: body ?? [],
      columnTwo: await richText(fields, 'column_two', ctx),
      showButton,
      button: hasLink(button) ? await importLink(button, ctx) : null,
    };
  },
});
