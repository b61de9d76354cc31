import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { BlockNode, InlineNode, ListItemNode, ListNode, TextNode } from './blocks';

type Marks = Omit<TextNode, 'type' | 'text'>;
type Conversion = { blocks: BlockNode[]; warnings: string[] };

const MARK_TAGS: Record<string, keyof Marks> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  del: 'strikethrough',
  strike: 'strikethrough',
  code: 'code',
};
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/** Tags whose content is carried over as plain text without a report: they carry no meaning here. */
const TRANSPARENT = new Set([
  'span',
  'p',
  'div',
  'section',
  'article',
  'font',
  'small',
  'sup',
  'sub',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'label',
]);

/** Elements that only group blocks: their content is carried over block by block (a heading stays a heading). */
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'center',
  'details',
  'form',
  'fieldset',
]);

const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** HTML collapses runs of white space; the source's YAML folding adds line breaks inside sentences. */
const collapse = (text: string): string => text.replace(/[ \t\n\r\f]+/g, ' ');

const sameMarks = (a: TextNode, b: TextNode): boolean =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strikethrough === b.strikethrough &&
  a.code === b.code;

/** Merges neighbouring text runs with the same marks and trims the ends of a block. */
const tidy = (nodes: InlineNode[], trimEdges = true): InlineNode[] => {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last, node)) {
      merged[merged.length - 1] = { ...last, text: last.text + node.text };
    } else if (node.type === 'link') {
      // Spaces at a link's edges separate it from the next word: they stay.
      merged.push({ ...node, children: tidy(node.children, false) as TextNode[] });
    } else {
      merged.push(node);
    }
  }
  const trimEdge = (index: number, trim: (s: string) => string) => {
    const node = merged[index];
    if (node?.type === 'text') merged[index] = { ...node, text: trim(node.text) };
  };
  if (trimEdges) {
    trimEdge(0, (s) => s.replace(/^ +/, ''));
    trimEdge(merged.length - 1, (s) => s.replace(/ +$/, ''));
  }
  const kept = merged.filter((node) => node.type !== 'text' || node.text !== '');
  // A block must have at least one child for the editor to open it.
  return kept.length > 0 ? kept : [{ type: 'text', text: '' }];
};

class Converter {
  readonly warnings: string[] = [];
  private readonly reported = new Set<string>();

  private report(message: string): void {
    if (!this.reported.has(message)) {
      this.reported.add(message);
      this.warnings.push(message);
    }
  }

  inline(nodes: ChildNode[], marks: Marks = {}): InlineNode[] {
    const out: InlineNode[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        out.push({ type: 'text', text: collapse(node.data), ...marks });
        continue;
      }
      if (!isElement(node)) continue;
      const tag = node.name.toLowerCase();
      const mark = MARK_TAGS[tag];
      if (mark) {
        out.push(...this.inline(node.children, { ...marks, [mark]: true }));
      } else if (tag === 'br') {
        out.push({ type: 'text', text: '\n', ...marks });
      } else if (tag === 'a') {
        const href = node.attribs.href?.trim();
        const children = this.inline(node.children, marks).flatMap((child) =>
          child.type === 'link' ? child.children : [child],
        );
        if (href) {
          out.push({ type: 'link', url: href, children: children as TextNode[] });
        } else {
          this.report('a link without href: its text was kept');
          out.push(...children);
        }
      } else if (tag === 'img') {
        this.report(
          `an image inside text (${node.attribs.src ?? 'no src'}): add it again in the editor; its alt text was kept`,
        );
        if (node.attribs.alt) out.push({ type: 'text', text: node.attribs.alt, ...marks });
      } else if (tag === 'script' || tag === 'style') {
        this.report(`<${tag}> content was dropped: scripts and styles cannot be carried`);
      } else {
        if (!TRANSPARENT.has(tag)) this.report(`<${tag}> is not supported: its text was kept`);
        out.push(...this.inline(node.children, marks));
      }
    }
    return out;
  }

  list(element: Element, indentLevel: number): ListNode {
    const format = element.name.toLowerCase() === 'ol' ? 'ordered' : 'unordered';
    const children: (ListItemNode | ListNode)[] = [];
    for (const child of element.children) {
      if (!isElement(child)) {
        if (child.type === 'text' && child.data.trim() !== '') {
          children.push({ type: 'list-item', children: tidy(this.inline([child])) });
        }
        continue;
      }
      const tag = child.name.toLowerCase();
      if (tag !== 'li') {
        this.report(`<${tag}> directly inside a list: treated as a list item`);
      }
      // Nested lists become sibling lists one level deeper, which is how the editor stores them.
      const nested = child.children.filter(
        (n): n is Element => isElement(n) && ['ul', 'ol'].includes(n.name.toLowerCase()),
      );
      const content = child.children.filter((n) => !nested.includes(n as Element));
      children.push({ type: 'list-item', children: tidy(this.paragraphContent(content)) });
      for (const sub of nested) children.push(this.list(sub, indentLevel + 1));
    }
    return { type: 'list', format, ...(indentLevel > 0 ? { indentLevel } : {}), children };
  }

  /** Inline content of an item whose HTML wraps it in <p>: paragraphs are joined by line breaks. */
  private paragraphContent(nodes: ChildNode[]): InlineNode[] {
    const out: InlineNode[] = [];
    for (const node of nodes) {
      if (isElement(node) && node.name.toLowerCase() === 'p') {
        if (out.length > 0) out.push({ type: 'text', text: '\n' });
        out.push(...tidy(this.inline(node.children)));
      } else {
        out.push(...this.inline([node]));
      }
    }
    return out;
  }

  blocks(nodes: ChildNode[]): BlockNode[] {
    const out: BlockNode[] = [];
    let loose: ChildNode[] = [];
    const flush = () => {
      const inline = this.inline(loose);
      loose = [];
      if (inline.some((node) => node.type === 'link' || node.text.trim() !== '')) {
        out.push({ type: 'paragraph', children: tidy(inline) });
      }
    };
    for (const node of nodes) {
      if (!isElement(node)) {
        loose.push(node);
        continue;
      }
      const tag = node.name.toLowerCase();
      const level = HEADINGS[tag];
      if (level) {
        flush();
        out.push({ type: 'heading', level, children: tidy(this.inline(node.children)) });
      } else if (tag === 'p') {
        flush();
        out.push({ type: 'paragraph', children: tidy(this.inline(node.children)) });
      } else if (tag === 'ul' || tag === 'ol') {
        flush();
        out.push(this.list(node, 0));
      } else if (tag === 'blockquote') {
        flush();
        out.push({ type: 'quote', children: tidy(this.paragraphContent(node.children)) });
      } else if (tag === 'pre') {
        flush();
        out.push({ type: 'code', children: [{ type: 'text', text: textOf(node) }] });
      } else if (CONTAINERS.has(tag)) {
        flush();
        out.push(...this.blocks(node.children));
      } else if (tag === 'hr') {
        flush();
        this.report('<hr> (a horizontal rule) has no equivalent and was left out');
      } else {
        loose.push(node);
      }
    }
    flush();
    return out;
  }
}

const textOf = (node: ChildNode): string =>
  node.type === 'text' ? node.data : isElement(node) ? node.children.map(textOf).join('') : '';

/**
 * Converts the old editor's HTML (h2, h3, p, lists, links, bold/italic, br) to Strapi blocks.
 * Anything else keeps its text and is named in `warnings`, so nothing is lost silently.
 */
export const htmlToBlocks = (html: string): Conversion => {
  const converter = new Converter();
  const document = parseDocument(html, { decodeEntities: true });
  const blocks = converter.blocks(document.children);
  return { blocks, warnings: converter.warnings };
};
