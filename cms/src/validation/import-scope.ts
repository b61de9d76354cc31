import { AsyncLocalStorage } from 'node:async_hooks';

// On globalThis: the import CLI runs the importer's source beside Strapi's compiled copy of the
// middleware that asks, and both must see the same scope.
const SCOPE = Symbol.for('cannabis-equity-il.import-scope');
type WithScope = typeof globalThis & { [SCOPE]?: AsyncLocalStorage<true> };
const scope = ((globalThis as WithScope)[SCOPE] ??= new AsyncLocalStorage<true>());

/**
 * Runs an import: what it writes is still checked like any write, but links are not refused on
 * publish, because the importer reports every link it could not carry and staff fix them from
 * the links report; refusing would lose the whole page instead.
 */
export const duringImport = <T>(run: () => Promise<T>): Promise<T> => scope.run(true, run);

export const isImporting = (): boolean => scope.getStore() === true;
