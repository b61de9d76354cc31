import type { z } from 'zod';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** A zod schema reduced to what the CMS contract compares: its kind, whether null/absent pass, and its parts. */
export type Shape =
  | { kind: 'object'; optional: boolean; nullable: boolean; fields: Record<string, Shape> }
  | { kind: 'array'; optional: boolean; nullable: boolean; element: Shape }
  | { kind: 'enum'; optional: boolean; nullable: boolean; values: string[] }
  | { kind: 'string' | 'number' | 'boolean' | 'literal' | 'unknown' | 'other'; optional: boolean; nullable: boolean };

/** Peels optional/nullable/default/pipe/lazy wrappers off a schema and describes what is left. */
export const shapeOf = (schema: z.core.$ZodType): Shape => {
  let optional = false;
  let nullable = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (
      def.type !== 'default' &&
      def.type !== 'prefault' &&
      def.type !== 'pipe' &&
      def.type !== 'lazy' &&
      def.type !== 'readonly' &&
      def.type !== 'catch'
    )
      break;
    current =
      def.type === 'pipe'
        ? (def.in as z.core.$ZodType)
        : def.type === 'lazy'
          ? (def.getter as () => z.core.$ZodType)()
          : (def.innerType as z.core.$ZodType);
  }
  const def = defOf(current);
  switch (def.type) {
    case 'object':
      return {
        kind: 'object',
        optional,
        nullable,
        fields: Object.fromEntries(
          Object.entries(def.shape as Record<string, z.core.$ZodType>).map(([key, value]) => [key, shapeOf(value)]),
        ),
      };
    case 'array':
      return { kind: 'array', optional, nullable, element: shapeOf(def.element as z.core.$ZodType) };
    case 'enum':
      return { kind: 'enum', optional, nullable, values: Object.values(def.entries as Record<string, string>) };
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'unknown':
      return { kind: def.type, optional, nullable };
    case 'any':
      return { kind: 'unknown', optional, nullable };
    default:
      return { kind: 'other', optional, nullable };
  }
};
