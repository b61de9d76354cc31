import type { Modules } from '@strapi/strapi';
import quickLinkSchema from '../components/shared/quick-link.json';
import { choice } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';
import { importLink } from '../shared-components/link';

type Icon = NonNullable<Modules.Documents.Params.Data.Input<'shared.quick-link'>['icon']>;
/** The icons the component offers (its JSON is the one list; the site draws each). */
const ICONS = quickLinkSchema.attributes.icon.enum as Icon[];

export default defineSection({
  uid: 'sections.quick-links',
  templates: ['quick-links'],
  texts: {
    'sections.quick-links': {
      mainField: 'heading',
      fields: {
        heading: { label: 'Heading', description: 'Empty: "Quick Links".' },
        items: { label: 'Links', description: '1 to 8 links, each with an icon.' },
      },
    },
    'shared.quick-link': {
      mainField: 'label',
      fields: {
        icon: { label: 'Icon', description: `One of: ${ICONS.join(', ')}.` },
        link: { label: 'Link' },
        label: { label: 'Name in the list', description: 'Written when you save: the link’s text.', hidden: true },
      },
    },
  },

  labels: {
    'shared.quick-link': (item) => {
      const link = item.link as { text?: unknown } | null | undefined;
      return typeof link?.text === 'string' && link.text.trim() ? link.text.trim() : null;
    },
  },

  async importSection(fields, ctx) {
    if (fields.value('quick_links') !== undefined && !Array.isArray(fields.value('quick_links'))) {
      ctx.warn(fields.position, 'quick_links is not a list: read as one link');
    }
    const items = [];
    for (const item of fields.list('quick_links')) {
      items.push({
        icon: choice(item, 'icon', ICONS, 'house', ctx),
        link: await importLink(item.include('link'), ctx),
      });
    }
    return sectionData('sections.quick-links', { heading: fields.text('heading') ?? 'Quick Links', items });
  },
});
