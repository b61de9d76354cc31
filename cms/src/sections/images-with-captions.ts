import { importImage } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';

export default defineSection({
  uid: 'sections.images-with-captions',
  templates: ['images-with-captions'],
  texts: {
    'sections.images-with-captions': {
      fields: { images: { label: 'Images', description: '1 to 6 images, side by side on desktops (three fit best).' } },
    },
    'items.captioned-image': {
      mainField: 'caption',
      fields: {
        image: { label: 'Image', description: 'Shown 300 px high, cropped to fill its column.' },
        altText: altTextField(),
        caption: { label: 'Caption', description: 'Shown under the image.' },
      },
    },
  },

  async importSection(fields, ctx) {
    const images = [];
    for (const item of fields.list('images')) {
      const altText = item.text('alt_text') ?? '';
      images.push({ image: await importImage(item, 'image', altText, ctx), altText, caption: item.text('caption') });
    }
    return sectionData('sections.images-with-captions', { images });
  },
});
