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
  'HomePage.header.subtitle':
    'Edit the coalition’s website: pages, menus and footer (Site settings), redirects and images.',
  'app.components.LeftMenu.navbrand.title': 'Cannabis Equity Illinois Coalition',
  'app.components.LeftMenu.navbrand.workplace': 'Website editor',
  'content-manager.widget.last-edited.title': 'Recently edited',
  'content-manager.widget.last-published.title': 'Recently published',
  'content-manager.preview.panel.button-disabled-tooltip': 'Save first: the preview shows what is saved.',
  'content-manager.preview.panel.title': 'Preview',
  'components.Input.error.validation.regex':
    'Not in the expected form: “Before you save” (beside the form) says what this field takes.',
  // The page list's row menu: Strapi's "Open in new tab" opens the editor, not the page ("View on site" does that).
  'content-manager.actions.open-in-new-tab.label': 'Edit in a new tab',
  // The sections list: sections, not "components"; moves read out by position, not as `sections.4`.
  'content-manager.components.DynamicZone.add-component': 'Add a section',
  'content-manager.components.DynamicZone.ComponentPicker-label': 'Choose the type of section',
  'content-manager.components.DynamicZone.pick-compo': 'Choose the type of section',
  'content-manager.components.DynamicZone.delete-label': 'Delete this section',
  'content-manager.components.DynamicZone.error-message': 'This section has a field to fix',
  'content-manager.components.DynamicZone.move-down-label': 'Move down',
  'content-manager.components.DynamicZone.move-up-label': 'Move up',
  'content-manager.dnd.grab-item':
    'Picked up, at position {position}. Press the up and down arrows to move it, Space to put it down, Escape to cancel.',
  'content-manager.dnd.reorder': 'Moved to position {position}.',
  'content-manager.dnd.drop-item': 'Put down at position {position}.',
  'content-manager.dnd.cancel-item': 'Move cancelled.',
  'content-manager.dnd.instructions': 'Press Space to pick it up and move it',
  // Lists: nested-lists.ts finds these buttons by their words and adds which list each one is for.
  'content-manager.containers.EditView.add.new-entry': 'Add an entry',
  'content-manager.containers.Edit.delete': 'Delete',
  // Every relation is a link to a page of the site.
  'content-manager.relation.add': 'Choose a page',
  // The rich-text link pop-up: the shapes of address it takes (`www.…` is written out as https://www.…, link-address-fix.ts), and what the site does with the rest.
  'components.Blocks.popover.link.placeholder': 'https://www.example.org/… or /a-page-of-this-site/',
  'components.Blocks.popover.link.rel': 'Rel (not used: the site sets it)',
  'components.Blocks.popover.link.target': 'Target (not used: links open in the same tab)',
  'content-manager.widget.last-edited.single-type': 'Site settings',
  // The media library's replace: what happens on the site, and the one thing staff must check.
  'upload.asset-details.replace.description':
    'Every page that shows this file will show the new one within a second. Check that its alt text, here and in each section that uses it, still describes the new picture.',
};
