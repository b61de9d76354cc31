import { choice } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';

export default defineSection({
  uid: 'sections.hero',
  // hero-image: its first name in the old editor, with `header` for the heading.
  templates: ['hero', 'hero-image'],
  texts: {
    'sections.hero': {
      mainField: 'heading',
      fields: {
        style: {
          label: 'Style',
          description: 'Standard: 318–544 px tall. Home: taller (up to 812 px) with a scroll button.',
        },
        scrollButton: {
          label: 'Scroll button label',
          description: 'The button that scrolls to the content, e.g. "Learn more".',
        },
        image: { label: 'Image', description: 'Required. Ideal size 1440 × 544 px; it is cropped to fill the width.' },
        altText: altTextField(),
        focusX: {
          label: 'Keep in view (across)',
          description:
            'Which part of the photo stays in view when narrow screens crop its sides, e.g. where the faces are.',
        },
        focusY: {
          label: 'Keep in view (up and down)',
          description: 'Which part stays in view when wide screens crop its top and bottom.',
        },
        heading: { label: 'Heading', description: 'Empty: the page title is used.' },
        showSubtitle: {
          label: 'Show a subtitle',
          description: 'A line under the heading: the subtitle below, or the page description when that is empty.',
        },
        subtitle: {
          label: 'Subtitle',
          description: 'One sentence under 150 characters. Empty: the page description is used.',
        },
        gradient: {
          label: 'Dark gradient',
          description:
            'Darkens the left of the image so the white text stays readable. Keep it on unless the image is dark.',
        },
        marginColor: {
          label: 'Margin colour',
          description: 'Colour of the bands beside the image on very wide screens.',
        },
      },
    },
  },

  async importSection(fields, ctx) {
    const warn = (message: string) => ctx.warn(fields.position, message);
    const altText = fields.text('alt_text') ?? '';
    let image: number | null = null;
    const source = fields.text('image');
    const found = source ? await ctx.media.resolve(source, 'image', altText) : null;
    if (found?.kind === 'found') {
      image = found.id;
    } else if (found?.kind !== 'would-upload') {
      // A hero needs an image to publish: the placeholder keeps the page publishable and shows staff what to replace.
      warn(`image: ${found ? found.reason : 'none given'}: the generated 1440 × 544 placeholder was used`);
      const placeholder = await ctx.media.placeholder();
      image = placeholder.kind === 'found' ? placeholder.id : null;
    }
    const heading = fields.text('heading') ?? fields.text('header');
    const subtitle = fields.text('subtitle');
    // The old editor wrote `subtitle:` empty for "no subtitle" (its default was page-description).
    const showSubtitle = !('subtitle' in fields.keys()) || subtitle !== null;
    return sectionData('sections.hero', {
      style: choice(fields, 'style', ['Standard', 'Home'], 'Standard', ctx),
      scrollButton: fields.text('scroll_button'),
      image,
      altText,
      // The old site cropped its heroes around 70 % across.
      focusX: 'Center-right' as const,
      focusY: 'Center' as const,
      // The old editor's magic values meant "use the page's own"; empty means the same here.
      heading: heading === 'page-title' ? null : heading,
      showSubtitle,
      subtitle: subtitle === 'page-description' ? null : subtitle,
      gradient: fields.bool('gradient') ?? true,
      marginColor: fields.bool('margin_color') ? ('Black' as const) : ('White' as const),
    });
  },
});
