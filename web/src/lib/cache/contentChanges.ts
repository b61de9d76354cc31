/**
 * When this process last heard that content changed (the webhook, or another replica telling
 * it), and when each render began. A render that began before a change and ends after it may
 * hold the old content: the cache in front must not keep it as fresh (PAGE_CACHE=edge), since
 * the purge that follows the change may reach the cache before that render does.
 */
let changes = 0;
const startedAt = new WeakMap<Request, number>();

/** The CMS said something changed: called before anything is purged. */
export const contentChanged = (): void => {
  changes += 1;
};

/** A render of `request` begins (the site's middleware). */
export const renderBegins = (request: Request): void => {
  startedAt.set(request, changes);
};

/** Whether content changed while `request` was being rendered (false when its start is unknown). */
export const changedDuringRender = (request: Request): boolean => {
  const started = startedAt.get(request);
  return started !== undefined && started !== changes;
};
