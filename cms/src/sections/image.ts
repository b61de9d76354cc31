import { importImage } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';

export default defineSection({
  uid: 'sections.image',
  templates: ['image'],
  texts: {
    'sections.image': {
      mainField: 'altText',
      fields: {
        image: {
          label: 'Image',
          description: 'Shown at the standard width of the page (up to 1204 px): at least 1200 px wide looks sharp.',
        },
        altText: altTextField(),
      },
    },
  },

  async importSection(fields, ctx) {
    const altText = fields.text('alt_text') ?? '';
    return sectionData('sections.image', { image: await importImage(fields, 'image', altText, ctx), altText });
  },
});
