/**
 * What the history routes answer (src/plugins/site-tools/server/routes.ts, controllers/history.ts):
 * the server's own types where they are plain data, so the two cannot drift apart.
 */
export type { Comparison, FieldChange, Piece, SectionChange } from '../../../versions/compare';
export type { DeletedPage, VersionEntry, VersionPage } from '../../../versions/version-list';

export type { RestorePlan } from '../../../versions/restore-plan';

const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Saved',
  publish: 'Published',
  unpublish: 'Unpublished',
  discardDraft: 'Draft discarded',
  delete: 'Deleted',
  clone: 'Duplicated',
  restore: 'Restored',
  import: 'Imported',
  schedule: 'Scheduling',
};
const PATHS: Record<string, string> = {
  admin: '',
  api: ' through the API',
  import: ' (imported)',
  system: ' by the CMS',
};

/** "Saved", "Published (imported)": what happened, in staff's words. */
export const actionLabel = (version: { action: string; via: string; commit: string | null; raw?: boolean }): string =>
  version.raw && version.action === 'delete'
    ? 'File removed in the old site'
    : `${ACTIONS[version.action] ?? version.action}${version.commit ? ' in the old site' : (PATHS[version.via] ?? '')}`;

/** What visitors saw: a published version (an unpublish or a deletion took it away). */
export const wasLive = (version: { of: string; action: string }): boolean =>
  version.of === 'published' && version.action !== 'unpublish' && version.action !== 'delete';

/** Who made a version: a staff member's or token's name; else the path it came by. */
export const byWhom = (version: { who: string | null; via: string }): string =>
  version.who ?? (version.via === 'import' ? 'an import' : version.via === 'system' ? 'the CMS itself' : 'unknown');

export const when = (iso: string): string =>
  new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Chicago' });

/** A media URL the CMS serves (relative ones from the admin's own origin). */
export const mediaUrl = (url: string): string =>
  /^https?:\/\//.test(url)
    ? url
    : `${(window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? ''}${url}`;

/** Where a restore leaves its notice for the edit view it loads again (its form keeps what it loaded). */
export const RESTORED_NOTICE = 'site-tools:restored';
