import type { Core } from '@strapi/strapi';
import { isImporting } from '../validation/import-scope';
import type { VersionVia } from './version-table';

const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export type Actor = { via: VersionVia; name: string | null; id: string | null };

type RequestState = {
  user?: { id?: number | string; firstname?: string | null; lastname?: string | null; username?: string | null };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number | string; name?: string } };
};

/**
 * Who made a change, and through which path: the admin (a staff member, by the name they show),
 * the REST API (the token's name), an import, or the CMS itself. A name, not an e-mail address:
 * the list of versions shows it to every editor.
 */
export const actorOf = (strapi: Core.Strapi): Actor => {
  if (isImporting()) return { via: 'import', name: null, id: null };
  const request = strapi.requestContext.get() as { request?: { path?: string }; state?: RequestState } | undefined;
  if (!request) return { via: 'system', name: null, id: null };
  const state = request.state ?? {};
  const path = request.request?.path ?? '';
  // Strapi 5.54 names the API token strategy 'content-api-token' (before: 'api-token').
  const auth = state.auth;
  if (auth && API_TOKEN_STRATEGIES.has(auth.strategy?.name ?? ''))
    return {
      via: 'api',
      name: auth.credentials?.name?.slice(0, 255) ?? null,
      id: String(auth.credentials?.id ?? '') || null,
    };
  const user = state.user;
  // The column holds 255 characters; Strapi allows as many in each of the two names.
  const name = user
    ? ([user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || '').slice(0, 255) || null
    : null;
  return { via: path.startsWith('/api/') ? 'api' : 'admin', name, id: user?.id === undefined ? null : String(user.id) };
};
