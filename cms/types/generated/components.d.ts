import type { Schema, Struct } from '@strapi/strapi';

export interface FormsChoice extends Struct.ComponentSchema {
  collectionName: 'components_forms_choices';
  info: {
    description: 'One answer a visitor can pick (a topic, an interest).';
    displayName: 'Choice';
    icon: 'bulletList';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface FormsContactFields extends Struct.ComponentSchema {
  collectionName: 'components_forms_contact_fields';
  info: {
    description: 'The wording of each field of the contact form. Fields are defined in code: staff word them, they cannot add any.';
    displayName: 'Contact fields';
    icon: 'layout';
  };
  attributes: {
    email: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    message: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    name: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    topic: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
  };
}

export interface FormsFieldWording extends Struct.ComponentSchema {
  collectionName: 'components_forms_field_wordings';
  info: {
    description: 'What a form field says: its label and a line of help under it.';
    displayName: 'Field wording';
    icon: 'pencil';
  };
  attributes: {
    help: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 400;
      }>;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface FormsHelpRequestFields extends Struct.ComponentSchema {
  collectionName: 'components_forms_help_request_fields';
  info: {
    description: 'The wording of each field of the help request form. Fields are defined in code: staff word them, they cannot add any.';
    displayName: 'Help request fields';
    icon: 'layout';
  };
  attributes: {
    cannabisRelated: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    caseKind: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    caseWhen: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    contact: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    county: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    firstName: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    message: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    preferredLanguage: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    reachBy: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    safeToLeaveMessage: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    under18: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
  };
}

export interface FormsRecipient extends Struct.ComponentSchema {
  collectionName: 'components_forms_recipients';
  info: {
    description: 'A staff address told of each new submission (the e-mail holds no personal data).';
    displayName: 'Recipient';
    icon: 'envelop';
  };
  attributes: {
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 254;
      }>;
  };
}

export interface FormsStayInformedFields extends Struct.ComponentSchema {
  collectionName: 'components_forms_stay_informed_fields';
  info: {
    description: 'The wording of each field of the stay informed form. Fields are defined in code: staff word them, they cannot add any.';
    displayName: 'Stay informed fields';
    icon: 'layout';
  };
  attributes: {
    email: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    interests: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    name: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
  };
}

export interface FormsVolunteerFields extends Struct.ComponentSchema {
  collectionName: 'components_forms_volunteer_fields';
  info: {
    description: 'The wording of each field of the volunteer form. Fields are defined in code: staff word them, they cannot add any.';
    displayName: 'Volunteer fields';
    icon: 'layout';
  };
  attributes: {
    email: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    interests: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    message: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    name: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
    phone: Schema.Attribute.Component<'forms.field-wording', false> & Schema.Attribute.Required;
  };
}

export interface GuideAnswer extends Struct.ComponentSchema {
  collectionName: 'components_guide_answers';
  info: {
    description: 'One answer to a question, and where it leads: the key of another question or of an outcome.';
    displayName: 'Answer';
    icon: 'arrowRight';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    leadsTo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

export interface GuideOutcome extends Struct.ComponentSchema {
  collectionName: 'components_guide_outcomes';
  info: {
    description: 'Where a path through the guide ends: what the answers probably mean and the one next step, with links.';
    displayName: 'Outcome';
    icon: 'check';
  };
  attributes: {
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    links: Schema.Attribute.Component<'shared.link', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 6;
        },
        number
      >;
    meaning: Schema.Attribute.Blocks & Schema.Attribute.Required;
    nextSteps: Schema.Attribute.Blocks & Schema.Attribute.Required;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
  };
}

export interface GuideStep extends Struct.ComponentSchema {
  collectionName: 'components_guide_steps';
  info: {
    description: 'One screen of the guide: a question and its answers. The first question is where the guide starts.';
    displayName: 'Question';
    icon: 'question';
  };
  attributes: {
    answers: Schema.Attribute.Component<'guide.answer', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 6;
          min: 1;
        },
        number
      >;
    help: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    question: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface ItemsCaptionedImage extends Struct.ComponentSchema {
  collectionName: 'components_items_captioned_images';
  info: {
    description: 'An image with its alt text and a caption under it.';
    displayName: 'Captioned image';
    icon: 'picture';
  };
  attributes: {
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    caption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
        };
      }>;
  };
}

export interface ItemsGreenBlock extends Struct.ComponentSchema {
  collectionName: 'components_items_green_blocks';
  info: {
    description: 'One green block: a very short heading, a subtitle and a button.';
    displayName: 'Get involved block';
    icon: 'cursor';
  };
  attributes: {
    button: Schema.Attribute.Component<'shared.link', false>;
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 12;
      }>;
    subtitle: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface ItemsHistoryEvent extends Struct.ComponentSchema {
  collectionName: 'components_items_history_events';
  info: {
    description: 'One event of the history: its date and what happened.';
    displayName: 'History event';
    icon: 'clock';
  };
  attributes: {
    date: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    paragraph: Schema.Attribute.Blocks & Schema.Attribute.Required;
  };
}

export interface ItemsLinkCard extends Struct.ComponentSchema {
  collectionName: 'components_items_link_cards';
  info: {
    description: 'One card: a heading and a short paragraph; the whole card is the link.';
    displayName: 'Link card';
    icon: 'link';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    link: Schema.Attribute.Component<'shared.link', false> & Schema.Attribute.Required;
    paragraph: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
  };
}

export interface ItemsPurpleBlock extends Struct.ComponentSchema {
  collectionName: 'components_items_purple_blocks';
  info: {
    description: 'One purple block: a large figure or word and a subtitle.';
    displayName: 'Policy block';
    icon: 'chartPie';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    subtitle: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface ItemsSocialPost extends Struct.ComponentSchema {
  collectionName: 'components_items_social_posts';
  info: {
    description: 'One post: its image, and a link to the post.';
    displayName: 'Social media post';
    icon: 'picture';
  };
  attributes: {
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
        };
      }>;
    link: Schema.Attribute.Component<'shared.link', false> & Schema.Attribute.Required;
  };
}

export interface SectionsBanner extends Struct.ComponentSchema {
  collectionName: 'components_sections_banners';
  info: {
    description: 'A coloured band with a large heading, a paragraph and an optional button.';
    displayName: 'Banner';
    icon: 'paint';
  };
  attributes: {
    button: Schema.Attribute.Component<'shared.link', false>;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    paragraph: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
    style: Schema.Attribute.Enumeration<['Purple', 'Green']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Purple'>;
  };
}

export interface SectionsCardWithImage extends Struct.ComponentSchema {
  collectionName: 'components_sections_cards_with_image';
  info: {
    description: 'An image beside a white text panel, with a button, a list of links or nothing under the text.';
    displayName: 'Card with image';
    icon: 'layout';
  };
  attributes: {
    addition: Schema.Attribute.Enumeration<['None', 'Button', 'Links']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'None'>;
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    altTextTwo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    button: Schema.Attribute.Component<'shared.link', false>;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
          idealWidth: 1000;
        };
      }>;
    imageTwo: Schema.Attribute.Media<'images'> &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altTextTwo';
          idealWidth: 1000;
        };
      }>;
    links: Schema.Attribute.Component<'shared.link', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 8;
        },
        number
      >;
    paragraph: Schema.Attribute.Blocks;
    style: Schema.Attribute.Enumeration<['Default', 'Fancy']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Default'>;
  };
}

export interface SectionsCardWithYoutube extends Struct.ComponentSchema {
  collectionName: 'components_sections_cards_with_youtube';
  info: {
    description: 'A video (YouTube, or a Facebook video) beside a white text panel, on a light purple band. The video loads only when a visitor plays it.';
    displayName: 'Card with video';
    icon: 'play';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    text: Schema.Attribute.Blocks;
    videoTitle: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    videoUrl: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface SectionsCardsWithLinks extends Struct.ComponentSchema {
  collectionName: 'components_sections_cards_with_links';
  info: {
    description: 'A grid of cards (two columns on desktops), each card a link to a page, a site or a file.';
    displayName: 'Cards with links';
    icon: 'grid';
  };
  attributes: {
    cards: Schema.Attribute.Component<'items.link-card', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
          min: 1;
        },
        number
      >;
  };
}

export interface SectionsComingUp extends Struct.ComponentSchema {
  collectionName: 'components_sections_coming_ups';
  info: {
    description: 'The next events, soonest first, each with its day, time and place: kept up to date by the site.';
    displayName: 'Coming up';
    icon: 'calendar';
  };
  attributes: {
    count: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 6;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    heading: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }> &
      Schema.Attribute.DefaultTo<'Coming up'>;
  };
}

export interface SectionsEmbed extends Struct.ComponentSchema {
  collectionName: 'components_sections_embeds';
  info: {
    description: 'A form, a design or a video from an allowed site, shown in a frame that loads only when a visitor opens it.';
    displayName: 'Embed';
    icon: 'code';
  };
  attributes: {
    aspectRatio: Schema.Attribute.Enumeration<
      [
        'Landscape 16:9',
        'Landscape 4:3',
        'Square 1:1',
        'Portrait 4:5',
        'Portrait 3:4',
        'Portrait 8.5:11',
        'Portrait A4',
        'Portrait 9:16',
        'Fixed height',
      ]
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Landscape 16:9'>;
    height: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 3000;
          min: 150;
        },
        number
      >;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    width: Schema.Attribute.Enumeration<['Skinny', 'Standard', 'Wide']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Standard'>;
  };
}

export interface SectionsForm extends Struct.ComponentSchema {
  collectionName: 'components_sections_forms';
  info: {
    description: "One of the coalition's own forms (contact, volunteer, stay informed, help with a record), worded under Single Types.";
    displayName: 'Form';
    icon: 'envelop';
  };
  attributes: {
    form: Schema.Attribute.Enumeration<['Contact', 'Volunteer sign-up', 'Stay informed', 'Help with a record']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Contact'>;
  };
}

export interface SectionsGreenCarousel extends Struct.ComponentSchema {
  collectionName: 'components_sections_green_carousels';
  info: {
    description: 'A heading over a row of green blocks that scrolls sideways, each with a button.';
    displayName: 'Get involved carousel (green)';
    icon: 'slideshow';
  };
  attributes: {
    blocks: Schema.Attribute.Component<'items.green-block', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
          min: 1;
        },
        number
      >;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }> &
      Schema.Attribute.DefaultTo<'How to get involved'>;
  };
}

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
      }>;
    focusX: Schema.Attribute.Enumeration<['Left', 'Center-left', 'Center', 'Center-right', 'Right']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Center'>;
    focusY: Schema.Attribute.Enumeration<['Top', 'Center', 'Bottom']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Center'>;
    gradient: Schema.Attribute.Boolean & Schema.Attribute.Required & Schema.Attribute.DefaultTo<true>;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
          idealHeight: 544;
          idealWidth: 1440;
        };
      }>;
    marginColor: Schema.Attribute.Enumeration<['White', 'Black']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'White'>;
    scrollButton: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    showSubtitle: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    style: Schema.Attribute.Enumeration<['Standard', 'Home']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Standard'>;
    subtitle: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface SectionsHistory extends Struct.ComponentSchema {
  collectionName: 'components_sections_histories';
  info: {
    description: 'A heading, dated events in purple squares, and a closing paragraph.';
    displayName: 'History';
    icon: 'clock';
  };
  attributes: {
    closingParagraph: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    events: Schema.Attribute.Component<'items.history-event', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 30;
          min: 1;
        },
        number
      >;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }> &
      Schema.Attribute.DefaultTo<'History'>;
  };
}

export interface SectionsImage extends Struct.ComponentSchema {
  collectionName: 'components_sections_images';
  info: {
    description: 'One image at standard width.';
    displayName: 'Image';
    icon: 'picture';
  };
  attributes: {
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
          idealWidth: 1200;
        };
      }>;
  };
}

export interface SectionsImagesWithCaptions extends Struct.ComponentSchema {
  collectionName: 'components_sections_images_with_captions';
  info: {
    description: 'Images side by side (on desktops) on a light green band, each with a caption.';
    displayName: 'Images with captions';
    icon: 'landscape';
  };
  attributes: {
    images: Schema.Attribute.Component<'items.captioned-image', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 6;
          min: 1;
        },
        number
      >;
  };
}

export interface SectionsLine extends Struct.ComponentSchema {
  collectionName: 'components_sections_lines';
  info: {
    description: 'A thin horizontal rule between sections.';
    displayName: 'Line';
    icon: 'collapse';
  };
  attributes: {
    style: Schema.Attribute.Enumeration<['Dotted', 'Solid', 'Dashed']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Dotted'>;
  };
}

export interface SectionsPurpleCarousel extends Struct.ComponentSchema {
  collectionName: 'components_sections_purple_carousels';
  info: {
    description: 'A heading over a row of purple blocks that scrolls sideways: figures and what they mean.';
    displayName: 'Policy carousel (purple)';
    icon: 'slideshow';
  };
  attributes: {
    blocks: Schema.Attribute.Component<'items.purple-block', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
          min: 1;
        },
        number
      >;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
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

export interface SectionsRecordGuide extends Struct.ComponentSchema {
  collectionName: 'components_sections_record_guides';
  info: {
    description: 'The first question of "Can my record be cleared?" (the Record guide under Single Types), its answers leading on to the guide. Shows nothing while the guide is not published in the page\'s language.';
    displayName: 'Record guide';
    icon: 'question';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface SectionsSocialPosts extends Struct.ComponentSchema {
  collectionName: 'components_sections_social_posts';
  info: {
    description: 'A heading and paragraph over a grid of posts, each an image linking to the post.';
    displayName: 'Social media posts';
    icon: 'discuss';
  };
  attributes: {
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    paragraph: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
    posts: Schema.Attribute.Component<'items.social-post', true> &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
          min: 1;
        },
        number
      >;
  };
}

export interface SectionsTestimonial extends Struct.ComponentSchema {
  collectionName: 'components_sections_testimonials';
  info: {
    description: "A person's photo, name, story and quote on a purple card.";
    displayName: 'Testimonial';
    icon: 'quote';
  };
  attributes: {
    altText: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    image: Schema.Attribute.Media<'images'> &
      Schema.Attribute.SetPluginOptions<{
        site: {
          altText: 'altText';
        };
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    paragraph: Schema.Attribute.Blocks;
    quote: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 600;
      }>;
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
    label: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    showButton: Schema.Attribute.Boolean & Schema.Attribute.Required & Schema.Attribute.DefaultTo<false>;
    style: Schema.Attribute.Enumeration<['Plain', 'Two Column', 'Flashy', 'Splashy']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Plain'>;
  };
}

export interface SharedGlossaryTerm extends Struct.ComponentSchema {
  collectionName: 'components_shared_glossary_terms';
  info: {
    description: 'An English term of the site and the Spanish the translations use for it.';
    displayName: 'Glossary term';
    icon: 'book';
  };
  attributes: {
    english: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    spanish: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
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
      Schema.Attribute.Required &
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

export interface SharedNewsletter extends Struct.ComponentSchema {
  collectionName: 'components_shared_newsletters';
  info: {
    description: "The sign-up form in the footer: a plain form that sends the visitor's email address to the newsletter service.";
    displayName: 'Newsletter sign-up';
    icon: 'envelop';
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    enabled: Schema.Attribute.Boolean & Schema.Attribute.Required & Schema.Attribute.DefaultTo<false>;
    heading: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }> &
      Schema.Attribute.DefaultTo<'Get the greenest coalition news'>;
    privacyNote: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }> &
      Schema.Attribute.DefaultTo<'Your email address goes to Mailchimp, which sends our newsletter. You can unsubscribe from any newsletter.'>;
    text: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }> &
      Schema.Attribute.DefaultTo<'Sign up for our newsletter'>;
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
    label: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    link: Schema.Attribute.Component<'shared.link', false> & Schema.Attribute.Required;
  };
}

export interface SharedSocialLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_social_links';
  info: {
    description: "The coalition's page on a social network, shown as its icon in the footer.";
    displayName: 'Social link';
    icon: 'twitter';
  };
  attributes: {
    network: Schema.Attribute.Enumeration<['Facebook', 'Instagram', 'Twitter', 'X', 'YouTube', 'LinkedIn', 'TikTok']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Facebook'>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'forms.choice': FormsChoice;
      'forms.contact-fields': FormsContactFields;
      'forms.field-wording': FormsFieldWording;
      'forms.help-request-fields': FormsHelpRequestFields;
      'forms.recipient': FormsRecipient;
      'forms.stay-informed-fields': FormsStayInformedFields;
      'forms.volunteer-fields': FormsVolunteerFields;
      'guide.answer': GuideAnswer;
      'guide.outcome': GuideOutcome;
      'guide.step': GuideStep;
      'items.captioned-image': ItemsCaptionedImage;
      'items.green-block': ItemsGreenBlock;
      'items.history-event': ItemsHistoryEvent;
      'items.link-card': ItemsLinkCard;
      'items.purple-block': ItemsPurpleBlock;
      'items.social-post': ItemsSocialPost;
      'sections.banner': SectionsBanner;
      'sections.card-with-image': SectionsCardWithImage;
      'sections.card-with-youtube': SectionsCardWithYoutube;
      'sections.cards-with-links': SectionsCardsWithLinks;
      'sections.coming-up': SectionsComingUp;
      'sections.embed': SectionsEmbed;
      'sections.form': SectionsForm;
      'sections.green-carousel': SectionsGreenCarousel;
      'sections.hero': SectionsHero;
      'sections.history': SectionsHistory;
      'sections.image': SectionsImage;
      'sections.images-with-captions': SectionsImagesWithCaptions;
      'sections.line': SectionsLine;
      'sections.purple-carousel': SectionsPurpleCarousel;
      'sections.quick-links': SectionsQuickLinks;
      'sections.record-guide': SectionsRecordGuide;
      'sections.social-posts': SectionsSocialPosts;
      'sections.testimonial': SectionsTestimonial;
      'sections.text-area': SectionsTextArea;
      'shared.glossary-term': SharedGlossaryTerm;
      'shared.link': SharedLink;
      'shared.menu-group': SharedMenuGroup;
      'shared.newsletter': SharedNewsletter;
      'shared.quick-link': SharedQuickLink;
      'shared.social-link': SharedSocialLink;
    }
  }
}
