import { z } from 'zod';

export const embedSchema = z.object({
  __component: z.literal('sections.embed'),
  id: z.number(),
  url: z.string(),
  title: z.string(),
  width: z.enum(['Skinny', 'Standard', 'Wide']),
  aspectRatio: z.enum([
    'Landscape 16:9',
    'Landscape 4:3',
    'Square 1:1',
    'Portrait 4:5',
    'Portrait 3:4',
    'Portrait 8.5:11',
    'Portrait A4',
    'Portrait 9:16',
    'Fixed height',
  ]),
  height: z.number().int().nullish(),
});
export type EmbedSection = z.infer<typeof embedSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const embedPopulate = true;

export const SHAPES = {
  'Landscape 16:9': 'frame--16x9',
  'Landscape 4:3': 'frame--4x3',
  'Square 1:1': 'frame--1x1',
  'Portrait 4:5': 'frame--4x5',
  'Portrait 3:4': 'frame--3x4',
  'Portrait 8.5:11': 'frame--letter',
  'Portrait A4': 'frame--a4',
  'Portrait 9:16': 'frame--9x16',
  'Fixed height': null,
} as const satisfies Record<EmbedSection['aspectRatio'], string | null>;
