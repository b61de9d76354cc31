import { importImage, plainText } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { altTextField } from '../shared-components/alt-text';
import { importLink } from '../shared-components/link';

/** What a post's link says: where it leads. */
const linkText = (url: string | null): string => {
  const host = url ? /^https?:\/\/(?:www\.)?([^/]+)/i.exec(url)?.[1]?.toLowerCase() : undefined;
  const network =
    host && { 'instagram.com': 'Instagram', 'facebook.com': 'Facebook', 'twitter.com': 'Twitter', 'x.com': 'X' }[host];
  return network ? `View on ${network}` : 'View the post';
};

export default defineSection({
  uid: 'sections.social-posts',
  // The old editor called it "Social Media Posts"; its template was instagram-feed.
  templates: ['instagram-feed', 'social-posts'],
  texts: {
    'sections.social-posts': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'e.g. "Follow us".' },
        paragraph: { label: 'Paragraph' },
        posts: {
          label: 'Posts',
          description:
            '1 to 12 posts: three per row on desktops. Upload each post’s image; nothing loads from the social network.',
        },
      },
    },
    'items.social-post': {
      mainField: 'altText',
      fields: {
        image: { label: 'Image', description: 'The post’s picture (square images fit best).' },
        altText: altTextField(),
        link: {
          label: 'Link to the post',
          description: 'Its address on the social network, and a text such as "View on Instagram".',
        },
      },
    },
  },

  async importSection(fields, ctx) {
    const posts = [];
    for (const item of fields.list('posts')) {
      const post = item.include('posts');
      const altText = post.text('alt_text') ?? '';
      const url = post.text('link');
      posts.push({
        image: await importImage(post, 'image', altText, ctx),
        altText,
        // The old post's link was a bare address; it becomes the shared link, its text saying where it leads.
        link: await importLink(post, ctx, { defaultText: linkText(url) }),
      });
    }
    return sectionData('sections.social-posts', {
      heading: fields.text('heading'),
      paragraph: plainText(fields, 'paragraph', ctx),
      posts,
    });
  },
});
