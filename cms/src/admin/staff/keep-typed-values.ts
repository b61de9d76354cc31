import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * A save the server refuses must leave the form as staff left it. Strapi's `updateDocument`
 * writes the sent values into its cached copy of the document before the server answers, and
 * takes them back out when the server refuses; the edit form treats each change of that copy as
 * a new starting point and replaces what staff typed with it, so a refused save threw away
 * everything typed since the last one (a new section, its image, its text…).
 *
 * This Redux middleware (`app.addMiddlewares`, the admin's extension point for its store) drops
 * both patches of the document's cached copy, so only the server's own answer changes it: the
 * form keeps its values and shows the refusal at the field. After a successful save Strapi
 * resets the form to the saved values itself and reads the document again.
 */
type Action = { type?: unknown; payload?: unknown };

const PATCHED = /\/queryResultPatched$/;

/** Strapi's query cache key for an edit view's document: `getDocument({…})`. */
const patchesTheDocument = (action: unknown): boolean => {
  const { type, payload } = (action ?? {}) as Action;
  if (typeof type !== 'string' || !PATCHED.test(type)) return false;
  const key = (payload as { queryCacheKey?: unknown } | undefined)?.queryCacheKey;
  return typeof key === 'string' && key.startsWith('getDocument(');
};

export const keepTypedValues: StrapiApp['middlewares'][number] = () => () => (next) => (action) =>
  patchesTheDocument(action) ? undefined : next(action);
