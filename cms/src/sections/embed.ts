import type { FieldReader } from '../importer/field-reader';
import { choice } from '../importer/field-values';
import { readFrame, type Frame } from '../importer/iframe';
import { defineSection } from '../section-kit/section-module';
import { FRAME_RULE, FRAME_SOURCES, isAllowedFrame } from '../shared-components/frame-sources';

type AspectRatio = 'Landscape 16:9' | 'Landscape 4:3' | 'Square 1:1' | 'Portrait 3:4';
const RATIOS: [AspectRatio, number][] = [
  ['Landscape 16:9', 16 / 9],
  ['Landscape 4:3', 4 / 3],
  ['Square 1:1', 1],
  ['Portrait 3:4', 3 / 4],
];

/** Old frames had a fixed size: forms keep their height, everything else the nearest shape. */
const sizeOf = (frame: Frame): { aspectRatio: AspectRatio | 'Fixed height'; height: number | null } => {
  if (frame.src.startsWith('https://docs.google.com/forms/')) return { aspectRatio: 'Fixed height', height: Math.min(Math.max(frame.height ?? 1000, 150), 3000) };
  if (!frame.width || !frame.height) return { aspectRatio: 'Landscape 16:9', height: null };
  const ratio = frame.width / frame.height;
  const nearest = RATIOS.reduce((best, candidate) => (Math.abs(candidate[1] - ratio) < Math.abs(best[1] - ratio) ? candidate : best));
  return { aspectRatio: nearest[0], height: null };
};

const titleFor = (fields: FieldReader, frame: Frame): string => {
  const source = FRAME_SOURCES.find((s) => frame.src.startsWith(s.prefix));
  return (frame.title && !/^(youtube video player|loading…?)$/i.test(frame.title) ? frame.title : `${source?.name ?? 'Embedded content'} on this page`).slice(0, 120);
};

export default defineSection({
  uid: 'sections.embed',
  templates: ['embed'],
  texts: {
    'sections.embed': {
      mainField: 'title',
      fields: {
        url: {
          label: 'Address to embed',
          description: `The address from the site's "Embed" option (the src="…" of its code). ${FRAME_RULE}`,
          placeholder: 'https://docs.google.com/forms/d/e/…/viewform?embedded=true',
          rule: FRAME_RULE,
        },
        title: { label: 'Title', description: 'What the frame holds, e.g. "Contact form". Screen readers announce it, and the button that opens the frame shows it.' },
        width: { label: 'Width', description: 'Skinny, Standard or Wide (the full width of the page).' },
        aspectRatio: { label: 'Shape', description: 'The frame keeps this shape at every width; "Fixed height" suits long forms.' },
        height: { label: 'Height (px)', description: 'For "Fixed height": 150 to 3000 pixels, e.g. 1000 for a long form.' },
      },
    },
  },

  async importSection(fields, ctx) {
    const code = fields.text('code') ?? '';
    const frame = readFrame(code);
    if (!frame || !isAllowedFrame(frame.src)) {
      ctx.warn(fields.position, `the embed ${JSON.stringify(code.slice(0, 300))} ${frame ? `frames ${frame.src}, which is not allowed. ${FRAME_RULE}` : 'holds no frame address'}: the section was not imported`);
      return null;
    }
    const { aspectRatio, height } = sizeOf(frame);
    return {
      __component: 'sections.embed',
      url: frame.src,
      title: titleFor(fields, frame),
      width: choice(fields, 'width', ['Skinny', 'Standard', 'Wide'], 'Standard', ctx),
      aspectRatio,
      height,
    };
  },
});
