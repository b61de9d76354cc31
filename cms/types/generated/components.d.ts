import type { Schema, Struct } from '@strapi/strapi';

export interface SectionsHero extends Struct.ComponentSchema {
  collectionName: 'components_sections_heroes';
  info: {
    description: 'Large image across the top of the page with the page heading over it.';
    displayName: 'Hero';
    icon: 'picture';
  };
  attributes: {
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
        minLength: 8;
      }>;
    gradient: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    image: Schema.Attribute.Media<'images'> & Schema.Attribute.Required;
    marginColor: Schema.Attribute.Enumeration<['White', 'Black']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'White'>;
    scrollButton: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    style: Schema.Attribute.Enumeration<['Standard', 'Home']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Standard'>;
    subtitle: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface SectionsQuickLinks extends Struct.ComponentSchema {
  collectionName: 'components_sections_quick_links';
  info: {
    description: 'A band of links, each with an icon, under a small heading.';
    displayName: 'Quick links';
    icon: 'bulletList';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }> &
      Schema.Attribute.DefaultTo<'Quick Links'>;
    items: Schema.Attribute.Component<'shared.quick-link', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 8;
          min: 1;
        },
        number
      >;
  };
}

export interface SectionsTextArea extends Struct.ComponentSchema {
  collectionName: 'components_sections_text_areas';
  info: {
    description: 'Formatted text in one of four styles; Two Column adds a heading and a second column.';
    displayName: 'Text area';
    icon: 'layer';
  };
  attributes: {
    body: Schema.Attribute.Blocks & Schema.Attribute.Required;
    button: Schema.Attribute.Component<'shared.link', false>;
    columnTwo: Schema.Attribute.Blocks;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    showButton: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    style: Schema.Attribute.Enumeration<
      ['Plain', 'Two Column', 'Flashy', 'Splashy']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Plain'>;
  };
}

export interface SharedLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_links';
  info: {
    description: 'A link to a web address, a page of this site or a file from the media library.';
    displayName: 'Link';
    icon: 'link';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'>;
    page: Schema.Attribute.Relation<'oneToOne', 'api::page.page'>;
    text: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    type: Schema.Attribute.Enumeration<['External Link', 'Site Page', 'File']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'External Link'>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface SharedMenuGroup extends Struct.ComponentSchema {
  collectionName: 'components_shared_menu_groups';
  info: {
    description: 'A heading of the header menu and the links listed under it.';
    displayName: 'Menu group';
    icon: 'apps';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    links: Schema.Attribute.Component<'shared.link', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
        },
        number
      >;
  };
}

export interface SharedQuickLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_quick_links';
  info: {
    description: 'One quick link: an icon beside a link.';
    displayName: 'Quick link';
    icon: 'cursor';
  };
  attributes: {
    icon: Schema.Attribute.Enumeration<['video', 'house', 'bill', 'calendar']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'house'>;
    link: Schema.Attribute.Component<'shared.link', false> &
      Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'sections.hero': SectionsHero;
      'sections.quick-links': SectionsQuickLinks;
      'sections.text-area': SectionsTextArea;
      'shared.link': SharedLink;
      'shared.menu-group': SharedMenuGroup;
      'shared.quick-link': SharedQuickLink;
    }
  }
}
