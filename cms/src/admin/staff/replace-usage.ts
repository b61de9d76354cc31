/**
 * The media library's "Replace this media file?" dialog, with where the file is used: the pages
 * and settings that will show the new file, named as the links report names places. The dialog
 * has no extension point, so it is found by the description this app gives it (texts.ts) and the
 * list is added under that text; the file is the one the drawer's address names (`assetId`).
 */
import { getFetchClient } from '@strapi/strapi/admin';
import { onAdminChange } from './on-admin-change';
import { STAFF_TEXTS } from './texts';

const DESCRIPTION = STAFF_TEXTS['upload.asset-details.replace.description']!;
/** Listed one by one; the rest are counted. */
const PLACES_SHOWN = 8;

const usageList = (places: string[]): HTMLElement => {
  const box = document.createElement('div');
  box.dataset.siteTools = 'replace-usage';
  box.style.cssText = 'text-align: left; margin-top: 1.2rem; font-size: 1.4rem;';
  const heading = document.createElement('p');
  heading.style.fontWeight = '600';
  heading.textContent =
    places.length === 0
      ? 'No page and not the site settings use this file.'
      : `Used in ${places.length} place(s), which will all show the new file:`;
  box.append(heading);
  if (places.length === 0) return box;
  const list = document.createElement('ul');
  list.style.cssText = 'margin: 0.4rem 0 0 1.6rem; list-style: disc;';
  for (const place of places.slice(0, PLACES_SHOWN)) {
    const item = document.createElement('li');
    item.textContent = place;
    list.append(item);
  }
  if (places.length > PLACES_SHOWN) {
    const more = document.createElement('li');
    more.textContent = `and ${places.length - PLACES_SHOWN} more`;
    list.append(more);
  }
  box.append(list);
  return box;
};

const explain = (description: Element): void => {
  const fileId = new URLSearchParams(window.location.search).get('assetId');
  if (!fileId || description.parentElement?.querySelector('[data-site-tools="replace-usage"]')) return;
  const box = document.createElement('p');
  box.dataset.siteTools = 'replace-usage';
  box.textContent = 'Checking where this file is used…';
  description.after(box);
  getFetchClient()
    .get<{ places: string[] }>(`/site-tools/media/${encodeURIComponent(fileId)}/usage`)
    .then(({ data }) => box.replaceWith(usageList(data.places)))
    .catch((error: unknown) => {
      box.textContent = `Could not check where this file is used (${error instanceof Error ? error.message : 'no answer'}).`;
    });
};

export const explainReplaceWithUsage = (): void =>
  onAdminChange(() => {
    for (const dialog of document.querySelectorAll('[role="alertdialog"], [role="dialog"]'))
      for (const text of dialog.querySelectorAll('p, span'))
        if (text.childElementCount === 0 && text.textContent === DESCRIPTION) explain(text);
  });
