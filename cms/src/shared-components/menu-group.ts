import type { TextsByModel } from '../admin-face/model-texts';

export const MENU_GROUP_TEXTS: TextsByModel = {
  'shared.menu-group': {
    mainField: 'label',
    fields: {
      label: { label: 'Group heading', description: 'e.g. "Services".' },
      links: { label: 'Links', description: 'Usually site pages of this group, up to 12.' },
    },
  },
};
