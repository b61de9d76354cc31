/**
 * Lists inside lists (the header menu's groups, each with its links) as Strapi draws them: every
 * list ends in the same "Add an entry" button, a group goes at one click on its bin with all its
 * links, and a new entry's row has no title until it is filled in. Strapi's repeatable component
 * has no extension point for any of this, so the edit view's DOM is read as it changes:
 *
 * - each "Add an entry" says which list it adds to ("… to Links of «Services»"), in generated
 *   content (`data-adds-to`), which React neither owns nor overwrites and screen readers read;
 * - deleting an entry of a list whose entries hold lists asks first, naming the entry;
 * - a row whose title is still empty reads "New entry: not filled in yet" (CSS).
 */
import { DOCUMENT_TEXTS } from '../../admin-face/document-texts';
import { GUIDE_TEXTS } from '../../record-guide/guide-texts';
import { onAdminChange } from './on-admin-change';
import { STAFF_TEXTS } from './texts';

/** Lists whose entries hold lists of their own; `cms/tests/unit/nested-lists.test.ts` keeps this equal to the schemas. */
export const LISTS_OF_LISTS = [
  { model: 'api::global.global', field: 'menu' },
  // The record guide's questions hold their answers; its outcomes, their links.
  { model: 'api::record-guide.record-guide', field: 'steps' },
  { model: 'api::record-guide.record-guide', field: 'outcomes' },
] as const;

const ADD_ENTRY = STAFF_TEXTS['content-manager.containers.EditView.add.new-entry']!;
const DELETE_ENTRY = STAFF_TEXTS['content-manager.containers.Edit.delete']!;
const EMPTY_ROW = 'New entry: not filled in yet';
/** The label staff read over a list of lists: its document's texts (the guide's are its own module's). */
export const labelOfList = ({ model, field }: (typeof LISTS_OF_LISTS)[number]): string | undefined =>
  (DOCUMENT_TEXTS[model] ?? GUIDE_TEXTS[model])?.fields[field]?.label;
const labelsOfListsOfLists = new Set<string>(LISTS_OF_LISTS.map((list) => labelOfList(list) ?? list.field));

/**
 * The label of the list drawn by `accordion` (its rows and its "Add an entry" button): "Links",
 * not "Links (2)"; null if none. Searched from above the list, so no field inside a row is read.
 */
const listLabelOf = (accordion: Element | null | undefined): string | null => {
  for (let box = accordion?.parentElement; box; box = box.parentElement) {
    // The field's root: its label sits in the row above the list (Field.Root > Flex > label).
    const label = box.querySelector(':scope > div > label, :scope > div > div > label');
    if (label)
      return (label.textContent ?? '')
        .replace(/\*$/, '')
        .replace(/\s*\(\d+\)\s*$/, '')
        .trim();
  }
  return null;
};

/** The title of the entry whose open row holds `element` ("Services"), or null at the top level. */
const entryTitleOf = (element: Element): string | null => {
  const region = element.closest('[role="region"][aria-labelledby]');
  const trigger = region && document.getElementById(region.getAttribute('aria-labelledby') ?? '');
  return trigger ? (trigger.textContent ?? '').trim() : null;
};

const nameAddButtons = (): void => {
  for (const button of Array.from(document.querySelectorAll('button'))) {
    if (button.textContent?.trim() !== ADD_ENTRY) continue;
    const list = listLabelOf(button.parentElement);
    if (!list) continue;
    const entry = entryTitleOf(button);
    const addsTo = entry === null ? `to ${list}` : `to ${list} of «${entry || EMPTY_ROW}»`;
    // On the span of the button's words, so the addition reads on as their continuation (the
    // button lays out its children as flex items: on the button it came out on a line of its own).
    const words = Array.from(button.querySelectorAll('span')).find(
      (span) => span.childElementCount === 0 && span.textContent?.trim() === ADD_ENTRY,
    );
    if (words && words.dataset.addsTo !== addsTo) words.dataset.addsTo = addsTo;
  }
};

/** Asked before a click on the bin of an entry whose own lists would go with it. */
const confirmDeletingEntries = (event: MouseEvent): void => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  const header = button?.closest('h3[data-orientation]');
  if (!button || !header || button.textContent?.trim() !== DELETE_ENTRY) return;
  // The design system's disabled icon buttons still take clicks (aria-disabled only): nothing to ask.
  if (button.getAttribute('aria-disabled') === 'true') return;
  // The entry's row, then the list's.
  const list = listLabelOf(header.parentElement?.parentElement);
  if (!list || !labelsOfListsOfLists.has(list)) return;
  const title = (header.querySelector('[aria-controls]')?.textContent ?? '').trim() || EMPTY_ROW;
  const question = `Delete «${title}» from ${list}, with everything listed under it?\n\nNothing changes on the site until you save and publish; leaving without saving brings it back.`;
  if (!window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
};

export const clarifyNestedLists = (): void => {
  const style = document.createElement('style');
  style.dataset.siteTools = 'nested-lists';
  style.textContent = [
    // Set like the button's own words (its text is a span the design system styles).
    `button span[data-adds-to]::after { content: " " attr(data-adds-to); }`,
    // A row's title is its entry's main field, empty until staff fill it in.
    `h3[data-orientation] > button[aria-controls] > span:last-child span:empty::before { content: "${EMPTY_ROW}"; font-style: italic; }`,
  ].join('\n');
  document.head.append(style);
  // Before React's listener on the app's root: a cancelled delete never reaches it.
  document.addEventListener('click', confirmDeletingEntries, true);
  // Titles change as staff type them.
  onAdminChange(nameAddButtons, { characterData: true });
};
