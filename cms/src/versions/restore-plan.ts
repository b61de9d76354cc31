/** What a restore of a version would bring back, and what of it cannot come back (plain data: the admin reads it too). */
export type RestorePlan = {
  /** False for a version kept as an old file's text, or a deleted page whose address is taken. */
  restorable: boolean;
  reason: string | null;
  /** Each thing the version holds that is gone: a deleted image or file, a link to a page that no longer exists. */
  lost: string[];
  /** Whether the document exists (else the restore makes it again, as a draft). */
  exists: boolean;
  /** What stays as it is now, whatever the version had: a page's address. */
  kept: string[];
};
