import { importImage, markdownText, plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';

export default defineSection({
  uid: 'sections.testimonial',
  templates: ['testimonial'],
  texts: {
    'sections.testimonial': {
      mainField: 'name',
      fields: {
        image: {
          label: 'Photo',
          description: 'Optional. Shown beside the text on tablets and desktops; portrait photos work best.',
        },
        altText: altTextField(),
        name: { label: 'Name', description: 'Who is speaking.' },
        paragraph: { label: 'Their story', description: 'A few sentences about them.' },
        quote: { label: 'Quote', description: 'Their words, without quotation marks (the site adds them).' },
      },
    },
  },

  async importSection(fields, ctx) {
    const altText = fields.text('alt_text');
    const image = await importImage(fields, 'image', altText, ctx);
    return sectionData('sections.testimonial', {
      image,
      altText: image === null ? '' : (altText ?? ''),
      name: fields.text('name') ?? '',
      paragraph: await markdownText(fields, 'paragraph', ctx),
      quote: plainText(fields, 'quote', ctx) ?? '',
    });
  },
});
