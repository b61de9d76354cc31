import { z } from 'zod';

/** The CMS's names for the forms (what staff pick) and the site's for the same forms (lib/forms/formKinds.ts). */
export const FORM_CHOICES = {
  Contact: 'contact',
  'Volunteer sign-up': 'volunteer',
  'Stay informed': 'stay-informed',
  'Help with a record': 'help',
} as const;

export const formSchema = z.object({
  __component: z.literal('sections.form'),
  id: z.number(),
  form: z.enum(['Contact', 'Volunteer sign-up', 'Stay informed', 'Help with a record']),
});
export type FormSection = z.infer<typeof formSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const formPopulate = true;
