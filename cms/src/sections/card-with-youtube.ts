import { markdownText } from '../importer/field-values';
import { readFrame, youtubeId } from '../importer/iframe';
import { defineSection } from '../section-kit/section-module';

export default defineSection({
  uid: 'sections.card-with-youtube',
  templates: ['card-with-youtube'],
  texts: {
    'sections.card-with-youtube': {
      mainField: 'heading',
      fields: {
        videoUrl: {
          label: 'YouTube address',
          description: 'The video’s address on YouTube, e.g. https://www.youtube.com/watch?v=… or https://youtu.be/…. Nothing loads from YouTube until a visitor presses play.',
          placeholder: 'https://www.youtube.com/watch?v=',
          rule: 'Enter the address of a YouTube video, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ or https://youtu.be/dQw4w9WgXcQ.',
        },
        videoTitle: { label: 'Video title', description: 'What the video is, for the play button and screen readers, e.g. "Nature’s Care Company signs the first CBA".' },
        heading: { label: 'Heading' },
        text: { label: 'Text', description: 'A few sentences beside the video.' },
      },
    },
  },

  async importSection(fields, ctx) {
    const code = fields.text('embed') ?? '';
    const frame = readFrame(code);
    const id = frame ? youtubeId(frame.src) : null;
    const heading = fields.text('heading');
    if (!id) ctx.warn(fields.position, `embed: no YouTube video found in ${JSON.stringify(code.slice(0, 200))}: add its address in the CMS`);
    // The old frames were all titled "YouTube video player", which tells a screen reader nothing.
    const title = frame?.title && !/^youtube video player$/i.test(frame.title) ? frame.title : (heading ?? 'A video on YouTube');
    return {
      __component: 'sections.card-with-youtube',
      videoUrl: id ? `https://www.youtube.com/watch?v=${id}` : '',
      videoTitle: title.slice(0, 120),
      heading,
      text: await markdownText(fields, 'text', ctx),
    };
  },
});
