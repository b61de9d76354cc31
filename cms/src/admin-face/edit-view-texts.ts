/**
 * What staff read in the admin's edit views: a label, help text (sizes, limits, what an
 * empty field means) and a placeholder per field, and which field names an entry in lists.
 */
export type FieldText = { label?: string; description?: string; placeholder?: string };
export type ModelTexts = { mainField?: string; fields: Record<string, FieldText> };

const linkFields: Record<string, FieldText> = {
  text: { label: 'Link text', description: 'What visitors click. Keep buttons short (about 20 characters).' },
  type: { label: 'Links to', description: 'External Link: fill in "Web address". Site Page: choose the page. File: choose a file from the media library.' },
  url: {
    label: 'Web address',
    description: 'For external links: https://…, mailto:…, tel:… or a path on this site such as /services/. javascript: and data: links are refused.',
    placeholder: 'https://',
  },
  page: { label: 'Site page', description: 'For "Site Page" links: the link follows the page if its web address changes.' },
  file: { label: 'File', description: 'For "File" links: a PDF or image from the media library.' },
};

export const EDIT_VIEW_TEXTS: Record<string, ModelTexts> = {
  'api::page.page': {
    mainField: 'title',
    fields: {
      title: { label: 'Title', description: 'Shown in the browser tab, in search results and as the hero heading when that is empty.' },
      path: {
        label: 'Web address',
        description: 'Starts and ends with "/", lowercase letters, digits and hyphens, e.g. /services/clear-your-record/. The home page is /. Changing it breaks old links to the page.',
        placeholder: '/services/new-page/',
      },
      description: { label: 'Description', description: 'One or two sentences for search results and link previews. Also the hero subtitle when that is empty.' },
      sections: { label: 'Sections', description: 'The page from top to bottom. Drag to reorder.' },
    },
  },
  'api::global.global': {
    mainField: 'siteName',
    fields: {
      siteName: { label: 'Site name', description: 'Shown in the header and after every page title.' },
      siteUrl: { label: 'Site URL', description: 'The public address of the site, e.g. https://cannabisequityil.org/.' },
      menu: { label: 'Header menu', description: 'Up to 6 groups, each a heading with its links.' },
      donate: { label: 'Donate button', description: 'The button at the right of the header. Leave empty to hide it.' },
      footerLinks: { label: 'Footer links' },
      footerNote: { label: 'Footer note', description: 'A line at the bottom of every page, e.g. the nonprofit status.' },
      contactEmail: { label: 'Contact email' },
    },
  },
  'sections.hero': {
    mainField: 'heading',
    fields: {
      style: { label: 'Style', description: 'Standard: 318–544 px tall. Home: taller (up to 812 px) with a scroll button.' },
      scrollButton: { label: 'Scroll button label', description: 'Only shown with the Home style, e.g. "Learn more".' },
      image: { label: 'Image', description: 'Required. Ideal size 1440 × 544 px; it is cropped to fill the width.' },
      altText: { label: 'Alt text', description: 'Required, at least 8 characters: what the image shows, for people who cannot see it.' },
      heading: { label: 'Heading', description: 'Empty: the page title is used.' },
      subtitle: { label: 'Subtitle', description: 'One sentence under 150 characters. Empty: the page description is used.' },
      gradient: { label: 'Dark gradient', description: 'Darkens the left of the image so the white text stays readable. Keep it on unless the image is dark.' },
      marginColor: { label: 'Margin colour', description: 'Colour of the bands beside the image on very wide screens.' },
    },
  },
  'sections.text-area': {
    mainField: 'heading',
    fields: {
      style: { label: 'Style', description: 'Plain; Two Column (heading and two columns); Flashy (green, framed); Splashy (framed).' },
      heading: { label: 'Heading', description: 'Only shown with the Two Column style.' },
      body: { label: 'Text', description: 'Headings, paragraphs, lists and links.' },
      columnTwo: { label: 'Second column', description: 'Only shown with the Two Column style.' },
      showButton: { label: 'Show button', description: 'Shows the button below under the text.' },
      button: { label: 'Button' },
    },
  },
  'sections.quick-links': {
    mainField: 'heading',
    fields: {
      heading: { label: 'Heading', description: 'Empty: "Quick Links".' },
      items: { label: 'Links', description: '1 to 8 links, each with an icon.' },
    },
  },
  'shared.quick-link': {
    // Collapsed items then read "video", "bill", … instead of a bare number.
    mainField: 'icon',
    fields: {
      icon: { label: 'Icon', description: 'video, house, bill or calendar.' },
      link: { label: 'Link' },
    },
  },
  'shared.link': { mainField: 'text', fields: linkFields },
  'shared.menu-group': {
    mainField: 'label',
    fields: {
      label: { label: 'Group heading', description: 'e.g. "Services".' },
      links: { label: 'Links', description: 'Usually site pages of this group, up to 12.' },
    },
  },
};
