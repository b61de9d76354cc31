import type { TextsByModel } from '../admin-face/model-texts';

export const SOCIAL_LINK_TEXTS: TextsByModel = {
  'shared.social-link': {
    mainField: 'network',
    fields: {
      network: { label: 'Network', description: 'Shown as its icon in the footer, named for screen readers.' },
      url: {
        label: 'Address',
        description: 'The coalition’s page on that network, e.g. https://www.instagram.com/CannaEquityIL/.',
        placeholder: 'https://www.instagram.com/',
        rule: 'Enter the full https:// address of the page on Facebook, Instagram, Twitter or X, YouTube, LinkedIn or TikTok.',
      },
    },
  },
};
