import type { TextsByModel } from './model-texts';

/** The page and the site settings: the two documents staff edit. */
export const DOCUMENT_TEXTS: TextsByModel = {
  'api::page.page': {
    mainField: 'title',
    fields: {
      title: { label: 'Title', description: 'Shown in the browser tab, in search results and as the hero heading when that is empty.' },
      path: {
        label: 'Web address',
        description: 'Starts and ends with "/", lowercase letters, digits and hyphens, e.g. /services/clear-your-record/. The home page is /. Changing it breaks old links to the page.',
        placeholder: '/services/new-page/',
        rule: 'A web address starts and ends with "/" and uses lowercase letters, digits and single hyphens, e.g. /services/clear-your-record/ (the home page is /).',
      },
      description: { label: 'Description', description: 'One or two sentences for search results and link previews. Also the hero subtitle when that is empty.' },
      sections: { label: 'Sections', description: 'The page from top to bottom. Drag to reorder.' },
    },
  },
  'api::global.global': {
    mainField: 'siteName',
    fields: {
      siteName: { label: 'Site name', description: 'Shown in the header and after every page title.' },
      siteUrl: {
        label: 'Site URL',
        description: 'The public address of the site, starting with https://, e.g. https://cannabisequityil.org/.',
        rule: 'The site URL must be a full address such as https://cannabisequityil.org/.',
      },
      menu: { label: 'Header menu', description: 'Up to 6 groups, each a heading with its links.' },
      donate: { label: 'Donate button', description: 'The button at the right of the header. Leave empty to hide it.' },
      footerLinks: { label: 'Footer links' },
      footerNote: { label: 'Footer note', description: 'A line at the bottom of every page, e.g. the nonprofit status.' },
      contactEmail: { label: 'Contact email' },
    },
  },
};
