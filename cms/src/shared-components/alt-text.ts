import type { FieldText } from '../admin-face/model-texts';

/** Alt text describes an image to people who cannot see it; a few characters cannot. */
export const ALT_TEXT_MIN = 8;

/**
 * The pattern of every alt-text field (its `regex` in the component JSON, which the admin
 * checks before saving, drafts too). Empty passes so a draft can wait; `required` on
 * publish. A unit test keeps every alt-text field's JSON equal to this.
 */
export const ALT_TEXT_REGEX = `^(?:|\\s*\\S[\\s\\S]{${ALT_TEXT_MIN - 2},}\\S\\s*)$`;

export const altTextField = (label = 'Alt text'): FieldText => ({
  label,
  description: `Required, at least ${ALT_TEXT_MIN} characters: what the image shows, for people who cannot see it.`,
  rule: `Alt text must describe the image in at least ${ALT_TEXT_MIN} characters (screen readers read it aloud).`,
});
