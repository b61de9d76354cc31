import type { FieldReader } from '../importer/field-reader';
import { choice } from '../importer/field-values';
import { fittedTitle, readFrame, type Frame } from '../importer/iframe';
import { originalOf } from '../importer/original';
import { defineSection, sectionData } from '../section-kit/section-module';
import { FRAME_RULE, FRAME_SOURCES, frameAddressProblem, isAllowedFrame } from '../shared-components/frame-sources';

/** The shapes an embed can take, as width ÷ height: what the old embed codes held (Canva's Letter poster and A4 page among them). */
export const EMBED_SHAPES = {
  'Landscape 16:9': 16 / 9,
  'Landscape 4:3': 4 / 3,
  'Square 1:1': 1,
  'Portrait 4:5': 4 / 5,
  'Portrait 3:4': 3 / 4,
  'Portrait 8.5:11': 8.5 / 11,
  'Portrait A4': 1 / Math.SQRT2,
  'Portrait 9:16': 9 / 16,
} as const;
type Shape = keyof typeof EMBED_SHAPES;
/** A shape within this much of the code's own (2 %) is the same shape; anything further is reported. */
const SAME_SHAPE = 0.02;

const ratioText = (ratio: number): string => (ratio >= 1 ? `${+ratio.toFixed(3)}:1` : `1:${+(1 / ratio).toFixed(3)}`);

/** Forms keep their height; everything else the shape its code gave it, or the nearest one (reported). */
const sizeOf = (
  frame: Frame,
  warn: (message: string) => void,
): { aspectRatio: Shape | 'Fixed height'; height: number | null } => {
  if (frame.src.startsWith('https://docs.google.com/forms/'))
    return { aspectRatio: 'Fixed height', height: Math.min(Math.max(frame.height ?? 1000, 150), 3000) };
  if (frame.ratio === null) {
    warn(
      'the embed code gives its frame no shape (no width and height in pixels, no padding or aspect-ratio wrapper): "Landscape 16:9" was used; choose its Shape in the CMS',
    );
    return { aspectRatio: 'Landscape 16:9', height: null };
  }
  const ratio = frame.ratio;
  const [nearest, value] = (Object.entries(EMBED_SHAPES) as [Shape, number][]).reduce((best, candidate) =>
    Math.abs(Math.log(candidate[1] / ratio)) < Math.abs(Math.log(best[1] / ratio)) ? candidate : best,
  );
  if (Math.abs(value / ratio - 1) > SAME_SHAPE)
    warn(
      `the embed code's frame is ${ratioText(ratio)} (width:height), none of the shapes: the nearest, "${nearest}", was used`,
    );
  return { aspectRatio: nearest, height: null };
};

const titleFor = (fields: FieldReader, frame: Frame, warn: (message: string) => void): string => {
  const source = FRAME_SOURCES.find((s) => frame.src.startsWith(s.prefix));
  return fittedTitle(
    frame.title && !/^(youtube video player|loading…?)$/i.test(frame.title)
      ? frame.title
      : `${source?.name ?? 'Embedded content'} on this page`,
    'title',
    warn,
  );
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
        title: {
          label: 'Title',
          description:
            'What the frame holds, e.g. "Contact form". Screen readers announce it, and the button that opens the frame shows it.',
        },
        width: { label: 'Width', description: 'Skinny, Standard or Wide (the full width of the page).' },
        aspectRatio: {
          label: 'Shape',
          description:
            'The frame keeps this shape at every width (width:height): 8.5:11 is a US Letter page, A4 an A4 page (Canva documents and posters); "Fixed height" suits long forms.',
        },
        height: {
          label: 'Height (px)',
          description: 'For "Fixed height": 150 to 3000 pixels, e.g. 1000 for a long form.',
        },
      },
    },
  },

  rules: {
    'sections.embed': (embed) => {
      const problem = typeof embed.url === 'string' ? frameAddressProblem(embed.url) : null;
      return problem ? [{ path: ['url'], message: problem, unsafe: true, kind: 'pattern' }] : [];
    },
  },

  async importSection(fields, ctx) {
    const code = fields.text('code') ?? '';
    const frame = readFrame(code);
    if (!frame || !isAllowedFrame(frame.src) || frameAddressProblem(frame.src)) {
      // The code whole, as the file held it: staff rebuild the section from it.
      ctx.warn(
        fields.position,
        `the embed ${frame ? `frames ${frame.src}, which is not allowed. ${FRAME_RULE}` : 'holds no frame address'}: the section was not imported; its code was:${originalOf(code)}`,
      );
      return null;
    }
    const warn = (message: string) => ctx.warn(fields.position, message);
    const { aspectRatio, height } = sizeOf(frame, warn);
    return sectionData('sections.embed', {
      url: frame.src,
      title: titleFor(fields, frame, warn),
      width: choice(fields, 'width', ['Skinny', 'Standard', 'Wide'], 'Standard', ctx),
      aspectRatio,
      height,
    });
  },
});
