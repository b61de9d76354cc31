import { markdownText } from '../importer/field-values';
import { fittedTitle, readFrame, youtubeId } from '../importer/iframe';
import { defineSection, sectionData } from '../section-kit/section-module';
import { FRAME_SOURCES, frameAddressProblem, isAllowedFrame, VIDEO_RULE } from '../shared-components/frame-sources';

/** The old frames' generic titles tell a screen reader nothing. */
const GENERIC_TITLE = /^(?:youtube video player|facebook video|video|loading…?)$/i;

export default defineSection({
  uid: 'sections.card-with-youtube',
  templates: ['card-with-youtube'],
  texts: {
    'sections.card-with-youtube': {
      mainField: 'heading',
      fields: {
        videoUrl: {
          label: 'Video address',
          description:
            'A YouTube video’s address (https://www.youtube.com/watch?v=… or https://youtu.be/…), or for a Facebook video the address in its embed code (src="https://www.facebook.com/plugins/video.php?…"). Nothing loads from either site until a visitor presses play.',
          placeholder: 'https://www.youtube.com/watch?v=',
          rule: VIDEO_RULE,
        },
        videoTitle: {
          label: 'Video title',
          description:
            'What the video is, for the play button and screen readers, e.g. "Nature’s Care Company signs the first CBA".',
        },
        heading: { label: 'Heading' },
        text: { label: 'Text', description: 'A few sentences beside the video.' },
      },
    },
  },

  rules: {
    'sections.card-with-youtube': (card) => {
      const problem = typeof card.videoUrl === 'string' ? frameAddressProblem(card.videoUrl) : null;
      return problem ? [{ path: ['videoUrl'], message: problem, unsafe: true, kind: 'pattern' }] : [];
    },
  },

  async importSection(fields, ctx) {
    const code = fields.text('embed') ?? '';
    const frame = readFrame(code);
    const id = frame ? youtubeId(frame.src) : null;
    // Any site an Embed may frame plays here too: the old editor took any embed code.
    const other = !id && frame && isAllowedFrame(frame.src) && !frameAddressProblem(frame.src) ? frame.src : null;
    const heading = fields.text('heading');
    if (!id && !other) {
      const allowed = FRAME_SOURCES.map((source) => source.name).join(', ');
      ctx.warn(
        fields.position,
        `embed: no video from an allowed site (${allowed}) found in ${JSON.stringify(code)}: add its address in the CMS`,
      );
    }
    const source = FRAME_SOURCES.find((s) => frame?.src.startsWith(s.prefix));
    const title =
      frame?.title && !GENERIC_TITLE.test(frame.title)
        ? frame.title
        : (heading ?? `A video on ${source?.name ?? 'YouTube'}`);
    return sectionData('sections.card-with-youtube', {
      videoUrl: id ? `https://www.youtube.com/watch?v=${id}` : (other ?? ''),
      videoTitle: fittedTitle(title, 'videoTitle', (message) => ctx.warn(fields.position, message)),
      heading,
      text: await markdownText(fields, 'text', ctx),
    });
  },
});
