/**
 * What staff read in the admin's edit views: a label, help text (sizes, limits, what an
 * empty field means) and a placeholder per field, and which field names an entry in lists.
 */
export type FieldText = {
  label?: string;
  description?: string;
  placeholder?: string;
  /** Why a value that breaks the field's `regex` is refused (every field with a regex has one). */
  rule?: string;
  /** Written by the CMS, not by staff: left out of the edit view (still in the form, so lists can show it). */
  hidden?: boolean;
};
export type ModelTexts = {
  mainField?: string;
  fields: Record<string, FieldText>;
  /**
   * The columns of its list in the admin, in order (Strapi's own pick, id, documentId and
   * createdAt among them, says nothing to staff, and the id changes on publish). The status
   * column comes with Draft & Publish.
   */
  listColumns?: { name: string; label: string }[];
};

/** Texts of several models (content types or components), keyed by their uid. */
export type TextsByModel = Record<string, ModelTexts>;
