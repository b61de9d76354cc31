import { contentApi } from './http';

type Json = Record<string, unknown>;

/** A link with what it leads to: the page's address, or the file. */
export const LINK = { populate: { page: { fields: ['path'] }, file: true } };

/** Every field of every section type, at every depth: what the tests compare with the old files. */
export const PAGE_POPULATE = {
  sections: {
    on: {
      'sections.hero': { populate: { image: true } },
      'sections.text-area': { populate: { button: LINK } },
      'sections.quick-links': { populate: { items: { populate: { link: LINK } } } },
      'sections.card-with-image': { populate: { image: true, imageTwo: true, button: LINK, links: LINK } },
      'sections.card-with-youtube': true,
      'sections.cards-with-links': { populate: { cards: { populate: { link: LINK } } } },
      'sections.banner': { populate: { button: LINK } },
      'sections.embed': true,
      'sections.form': true,
      'sections.line': true,
      'sections.history': { populate: { events: true } },
      'sections.images-with-captions': { populate: { images: { populate: { image: true } } } },
      'sections.testimonial': { populate: { image: true } },
      'sections.green-carousel': { populate: { blocks: { populate: { button: LINK } } } },
      'sections.purple-carousel': { populate: { blocks: true } },
      'sections.social-posts': { populate: { posts: { populate: { image: true, link: LINK } } } },
      'sections.image': { populate: { image: true } },
      'sections.record-guide': true,
    },
  },
};

export type LivePage = Json & {
  documentId: string;
  title: string;
  description: string;
  sections: Json[];
  updatedAt: string;
  publishedAt: string;
};

/** The published page at `pagePath` as the site's token reads it, every section whole; undefined when none is live. */
export const livePage = async (pagePath: string): Promise<LivePage | undefined> => {
  const { body } = await contentApi('/pages', { filters: { path: { $eq: pagePath } }, populate: PAGE_POPULATE });
  return (body.data as LivePage[])[0];
};
