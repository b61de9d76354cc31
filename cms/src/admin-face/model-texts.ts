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
export type ModelTexts = { mainField?: string; fields: Record<string, FieldText> };

/** Texts of several models (content types or components), keyed by their uid. */
export type TextsByModel = Record<string, ModelTexts>;
