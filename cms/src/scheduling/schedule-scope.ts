import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A scheduled action being run: the versions its writes leave say so (src/versions/record-versions.ts),
 * by whom it was set and for when. A pinned version is published by putting it in the draft and
 * back: those two draft writes are the mechanics of one publish, and leave no version of their own.
 */
export type ScheduledRun = {
  /** The document scheduled: other writes the run makes (a redirect following a page) are their own. */
  uid: string;
  documentId: string;
  message: string;
  setBy: string | null;
  pinned: boolean;
};

// On globalThis, like the restore scope: a CLI may run this source beside Strapi's compiled copy.
const SCOPE = Symbol.for('cannabis-equity-il.schedule-scope');
type WithScope = typeof globalThis & { [SCOPE]?: AsyncLocalStorage<ScheduledRun> };
const scope = ((globalThis as WithScope)[SCOPE] ??= new AsyncLocalStorage<ScheduledRun>());

export const duringScheduledRun = <T>(run: ScheduledRun, work: () => Promise<T>): Promise<T> => scope.run(run, work);

export const scheduledRun = (): ScheduledRun | undefined => scope.getStore();
