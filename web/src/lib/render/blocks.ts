import { z } from 'zod';

/** Strapi's rich text (blocks), validated so the renderer only meets nodes it knows. */
const textNode = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
const linkNode = z.object({ type: z.literal('link'), url: z.string(), children: z.array(textNode) });
const inlineNode = z.discriminatedUnion('type', [textNode, linkNode]);
const listItemNode = z.object({ type: z.literal('list-item'), children: z.array(inlineNode) });

export type TextNode = z.infer<typeof textNode>;
export type InlineNode = z.infer<typeof inlineNode>;
export type ListNode = {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number | undefined;
  children: (z.infer<typeof listItemNode> | ListNode)[];
};

const listNode: z.ZodType<ListNode> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    indentLevel: z.number().optional(),
    children: z.array(z.union([listItemNode, listNode])),
  }),
);

const imageBlock = z.object({
  type: z.literal('image'),
  image: z.object({
    url: z.string(),
    width: z.number().nullish(),
    height: z.number().nullish(),
    alternativeText: z.string().nullish(),
  }),
});

export const blockSchema = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNode) }),
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    children: z.array(inlineNode),
  }),
  z.object({ type: z.literal('quote'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('code'), language: z.string().optional(), children: z.array(inlineNode) }),
  listNode,
  imageBlock,
]);
export const blocksSchema = z.array(blockSchema);
export type Block = z.infer<typeof blockSchema>;
