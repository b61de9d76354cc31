import { AsyncLocalStorage } from 'node:async_hooks';

/** The version a restore brings back: the write it makes is recorded as a restore of it. */
export type Restoring = { versionId: number; at: string; who: string | null };

// On globalThis, like the import scope: a CLI may run this source beside Strapi's compiled copy.
const SCOPE = Symbol.for('cannabis-equity-il.restore-scope');
type WithScope = typeof globalThis & { [SCOPE]?: AsyncLocalStorage<Restoring> };
const scope = ((globalThis as WithScope)[SCOPE] ??= new AsyncLocalStorage<Restoring>());

export const duringRestore = <T>(restoring: Restoring, run: () => Promise<T>): Promise<T> => scope.run(restoring, run);

export const restoring = (): Restoring | undefined => scope.getStore();
