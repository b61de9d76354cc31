/**
 * The admin in the coalition's words: Strapi's own texts replaced where staff read them (the
 * login page, the home page, the preview panel, the home widgets). Keys are the installed
 * admin's (`@strapi/admin` and content-manager translations, en).
 */
export const STAFF_TEXTS: Record<string, string> = {
  'Auth.form.welcome.title': 'Cannabis Equity Illinois Coalition',
  'Auth.form.welcome.subtitle': 'Website editor: log in with your staff account',
  'HomePage.head.title': 'Website editor',
  'HomePage.header.title': 'Hello {name}',
  'HomePage.header.subtitle': 'Edit the coalition’s website: pages, menus and footer (Site settings), redirects and images.',
  'app.components.LeftMenu.navbrand.title': 'Cannabis Equity Illinois Coalition',
  'app.components.LeftMenu.navbrand.workplace': 'Website editor',
  'content-manager.widget.last-edited.title': 'Recently edited',
  'content-manager.widget.last-published.title': 'Recently published',
  'content-manager.preview.panel.button-disabled-tooltip': 'Save first: the preview shows what is saved.',
  'content-manager.preview.panel.title': 'Preview',
  'components.Input.error.validation.regex': 'Not in the expected form: “Before you save” (beside the form) says what this field takes.',
};
