import { choice, importImage, markdownText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';
import { importLink } from '../shared-components/link';

export default defineSection({
  uid: 'sections.card-with-image',
  templates: ['card-with-image'],
  texts: {
    'sections.card-with-image': {
      mainField: 'heading',
      fields: {
        style: {
          label: 'Style',
          description:
            'Default: image and text side by side. Fancy: wider, the text panel overlaps the image on desktops, with an optional second image.',
        },
        image: {
          label: 'Image',
          description:
            'Required. Shown at half the width on tablets and desktops; landscape photos work best (at least 1000 px wide).',
        },
        altText: altTextField(),
        imageTwo: {
          label: 'Second image',
          description: 'Optional, shown beside the first one (at least 1000 px wide).',
        },
        altTextTwo: altTextField('Alt text of the second image'),
        heading: { label: 'Heading' },
        paragraph: { label: 'Text', description: 'A few sentences; paragraphs, links and bold or italic words.' },
        addition: { label: 'Under the text', description: 'None, a button, or a list of links.' },
        button: { label: 'Button', description: 'Keep its text short (about 20 characters).' },
        links: { label: 'Links', description: 'Up to 8 links, listed under the text.' },
      },
    },
  },

  async importSection(fields, ctx) {
    const style = choice(fields, 'style', ['Default', 'Fancy'], 'Default', ctx);
    const picture = fields.include('image');
    const altText = picture.text('alt_text') ?? '';
    const altTextTwo = fields.text('alt_text_two');
    const addition = choice(fields, 'button_or_links', ['None', 'Button', 'Links'], 'None', ctx);
    const links = [];
    for (const item of fields.list('links')) links.push(await importLink(item.include('link'), ctx));
    return sectionData('sections.card-with-image', {
      style,
      image: await importImage(picture, 'image', altText, ctx),
      altText,
      imageTwo: await importImage(fields, 'image_two', altTextTwo, ctx),
      altTextTwo: altTextTwo ?? '',
      heading: fields.text('heading'),
      paragraph: await markdownText(fields, 'paragraph', ctx),
      addition,
      button: addition === 'Button' ? await importLink(fields.include('button'), ctx) : null,
      links,
    });
  },
});
