import type { TextsByModel } from './model-texts';

/** The documents staff edit: pages, redirects, the site settings and the translators' glossary. */
export const DOCUMENT_TEXTS: TextsByModel = {
  'api::page.page': {
    mainField: 'title',
    listColumns: [
      { name: 'title', label: 'Title' },
      { name: 'path', label: 'Web address' },
      { name: 'updatedAt', label: 'Last changed' },
    ],
    fields: {
      title: {
        label: 'Title',
        description: 'Shown in the browser tab, in search results and as the hero heading when that is empty.',
      },
      path: {
        label: 'Web address',
        description:
          'Starts and ends with "/", lowercase letters, digits and hyphens, e.g. /services/clear-your-record/. The home page is /. Changing it keeps old links working: when you publish, the old address becomes a redirect to the new one.',
        // Worded as an example, so an empty field never looks filled in; the side panel suggests one from the title.
        placeholder: 'e.g. /services/your-page-title/',
        rule: 'A web address starts and ends with "/" and uses lowercase letters, digits and single hyphens, e.g. /services/clear-your-record/ (the home page is /).',
      },
      description: {
        label: 'Description',
        description:
          'One or two sentences for search results and link previews. Also the hero subtitle when that is empty.',
      },
      sections: { label: 'Sections', description: 'The page from top to bottom. Drag to reorder.' },
      importNotes: {
        label: 'Import notes',
        description:
          'What the import from the old site could not carry as it was (with the original text). Fix each point, then empty this field. Never shown on the site.',
      },
      unpublishAt: {
        label: 'Comes down at',
        description:
          'Set by an unpublish in the Schedule panel; the site stops showing the page at that time by itself.',
        hidden: true,
      },
    },
  },
  'api::redirect.redirect': {
    mainField: 'from',
    listColumns: [
      { name: 'from', label: 'Old address' },
      { name: 'to', label: 'Send visitors to' },
      { name: 'type', label: 'Kind' },
      { name: 'updatedAt', label: 'Last changed' },
    ],
    fields: {
      from: {
        label: 'Old address',
        description:
          'The address on this site that visitors or old links still use, e.g. /pages/services/clear-your-record/: lowercase, starting with "/" and ending with "/" (or a file name such as /pages/about.html).',
        placeholder: 'e.g. /pages/old-address/',
        rule: 'The old address must be a path on this site in lowercase, starting with "/" and ending with "/" (or a file name such as /pages/about.html), without "?" or "#".',
      },
      to: {
        label: 'Send visitors to',
        description:
          'A page of this site (its web address, e.g. /services/clear-your-record/) or a full address (https://…). A redirect to a page of this site is live exactly while that page is published: it goes live with the page, and comes down when the page is unpublished.',
        placeholder: 'e.g. /services/ or https://…',
        rule: 'Send visitors to a path on this site (/…) or a full address (https://…).',
      },
      type: {
        label: 'Kind',
        description:
          'Permanent (301): the address has moved for good; search engines update their links. Temporary (302): for a while only.',
      },
      note: { label: 'Note', description: 'Why this redirect exists, for staff, e.g. "Address of the old site".' },
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
      footerNote: {
        label: 'Footer note',
        description: 'A line at the bottom of every page, e.g. the nonprofit status.',
      },
      contactEmail: { label: 'Contact email', description: 'Shown under “Connect with us” in the footer.' },
      logo: {
        label: 'Logo',
        description:
          'An SVG or a wide image, shown at the top left of every page and in the footer (about 194 × 105 px). Its alternative text is the site name.',
      },
      logoSmall: {
        label: 'Small logo',
        description: 'Optional: a compact version for phones. Empty: the logo is used.',
      },
      socialLinks: {
        label: 'Social media',
        description: 'The coalition’s pages on social networks, shown as icons in the footer.',
      },
      newsletter: { label: 'Newsletter sign-up' },
      searchEnabled: {
        label: 'Site search',
        description: 'A search box in the header; results come from the published pages.',
      },
    },
  },
  'api::glossary.glossary': {
    fields: {
      terms: {
        label: 'Terms',
        description:
          'One entry per English term: the Spanish every translated page uses for it, and when to use it. Shown beside the editor while translating; never on the site. Saved is live for staff.',
      },
    },
  },
};
