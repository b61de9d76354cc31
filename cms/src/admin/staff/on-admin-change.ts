/**
 * Runs `update` once per frame in which the admin's page changed: for the parts of Strapi's
 * screens that have no extension point and are read as drawn (nested-lists.ts, replace-usage.ts).
 */
export const onAdminChange = (update: () => void, options: { characterData?: boolean } = {}): void => {
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: options.characterData ?? false });
};
