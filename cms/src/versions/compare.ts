import { diffLines, diffWords } from 'diff';

type Json = Record<string, unknown>;

/** A piece of a text, as the comparison shows it: kept, added or removed. */
export type Piece = { value: string; added?: true; removed?: true };
export type Image = { url: string; name: string; alt: string | null };
export type LinkTarget = { text: string; to: string };

/** One field that differs between the two versions. */
export type FieldChange = {
  /** Where in the page or section, in staff's words ("Cards 2 › Heading"). */
  label: string;
  kind: 'text' | 'image' | 'link';
  before: string;
  after: string;
  /** A text's words, changed ones marked (texts only). */
  words?: Piece[];
  images?: { before: Image | null; after: Image | null };
  links?: { before: LinkTarget | null; after: LinkTarget | null };
};

export type SectionStatus = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';
export type SectionChange = {
  status: SectionStatus;
  type: string;
  /** The section's heading, else its type. */
  name: string;
  /** Its place (1 = first) in the older and the newer version. */
  before: number | null;
  after: number | null;
  changes: FieldChange[];
};

export type Comparison =
  | { kind: 'sections'; page: FieldChange[]; sections: SectionChange[] }
  /** A version kept as a file's text: compared line by line. */
  | { kind: 'text'; lines: Piece[] };

/** What a link, a page relation or a file leads to, in words (pages by their address when it is known). */
export type Naming = { page(documentId: string): string };

const isBlocks = (value: unknown): value is Json[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => typeof item === 'object' && item !== null && 'type' in item && 'children' in item);

/** A rich text's words, a paragraph to a line. */
const blocksText = (nodes: unknown): string => {
  if (!Array.isArray(nodes)) return '';
  return nodes
    .map((node: Json) => {
      if (typeof node.text === 'string') return node.text;
      const inner = blocksText(node.children);
      return node.type === 'link' && typeof node.url === 'string' ? `${inner} (${node.url})` : inner;
    })
    .join(nodes.some((node) => (node as Json).type === 'paragraph' || (node as Json).type === 'list-item') ? '\n' : '');
};

const isMedia = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && typeof (value as Json).url === 'string' && 'mime' in value;

const isLink = (value: unknown): value is Json =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  'text' in value &&
  ('url' in value || 'page' in value || 'file' in value);

const linkTarget = (link: Json, naming: Naming): LinkTarget => {
  const page = link.page as Json | null;
  const file = link.file as Json | null;
  const to =
    link.type === 'Site Page' || (page && !link.url)
      ? page && typeof page.documentId === 'string'
        ? naming.page(page.documentId)
        : '(no page)'
      : link.type === 'File' || (file && !link.url)
        ? file && typeof file.url === 'string'
          ? String(file.name ?? file.url)
          : '(no file)'
        : String(link.url ?? '');
  return { text: String(link.text ?? ''), to };
};

type Leaf = { label: string; kind: FieldChange['kind']; text: string; image?: Image; link?: LinkTarget };

const humanize = (key: string): string =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/** Every field of a section (or the page) as a labelled leaf: texts, images, links. */
const leaves = (value: unknown, label: string, naming: Naming, out: Map<string, Leaf>): Map<string, Leaf> => {
  if (value === null || value === undefined) return out;
  if (isBlocks(value)) out.set(label, { label, kind: 'text', text: blocksText(value) });
  else if (isMedia(value)) {
    const image = {
      url: String(value.url),
      name: String(value.name ?? ''),
      alt: typeof value.alternativeText === 'string' ? value.alternativeText : null,
    };
    out.set(label, { label, kind: 'image', text: image.name, image });
  } else if (isLink(value)) {
    const link = linkTarget(value, naming);
    out.set(label, { label, kind: 'link', text: `${link.text} → ${link.to}`, link });
  } else if (Array.isArray(value))
    value.forEach((item, index) => leaves(item, `${label ? `${label} ` : ''}${index + 1}`, naming, out));
  else if (typeof value === 'object') {
    const object = value as Json;
    if (Object.keys(object).length === 1 && typeof object.documentId === 'string')
      out.set(label, { label, kind: 'link', text: naming.page(object.documentId) });
    else
      for (const [key, nested] of Object.entries(object)) {
        if (key === '__component' || key === 'documentId' || key === 'locale') continue;
        leaves(nested, label ? `${label} › ${humanize(key)}` : humanize(key), naming, out);
      }
  } else out.set(label, { label, kind: 'text', text: String(value) });
  return out;
};

const changesBetween = (before: Map<string, Leaf>, after: Map<string, Leaf>): FieldChange[] => {
  const labels = [...new Set([...before.keys(), ...after.keys()])];
  const changes: FieldChange[] = [];
  for (const label of labels) {
    const a = before.get(label);
    const b = after.get(label);
    if ((a?.text ?? '') === (b?.text ?? '')) continue;
    const kind = (b ?? a)!.kind;
    const change: FieldChange = { label, kind, before: a?.text ?? '', after: b?.text ?? '' };
    if (kind === 'text') change.words = diffWords(change.before, change.after).map(piece);
    if (kind === 'image') change.images = { before: a?.image ?? null, after: b?.image ?? null };
    if (kind === 'link') change.links = { before: a?.link ?? null, after: b?.link ?? null };
    changes.push(change);
  }
  return changes;
};

const piece = (part: { value: string; added?: boolean; removed?: boolean }): Piece => ({
  value: part.value,
  ...(part.added ? { added: true as const } : {}),
  ...(part.removed ? { removed: true as const } : {}),
});

/** What is not the content staff wrote: the document's id, its locale, the importer's notes. */
const NOT_COMPARED = new Set(['sections', 'documentId', 'locale', 'importNotes']);

/** Pairs of equal items in order (longest common subsequence of the sections' contents). */
const commonInOrder = (a: string[], b: string[]): [number, number][] => {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
};

const sectionName = (section: Json, typeName: (uid: string) => string): string => {
  for (const key of ['heading', 'title', 'header', 'name', 'caption'])
    if (typeof section[key] === 'string' && (section[key] as string).trim()) return (section[key] as string).trim();
  return typeName(String(section.__component));
};

/**
 * Two versions of a page, section by section: which sections were added, removed, moved or
 * changed, and inside a changed one each field (a text word by word, an image beside the one it
 * replaced, a link's old and new target). Sections are matched by their content: equal ones in
 * order are unchanged, equal ones out of order moved, and what is left paired by type, in order.
 */
export const compareVersions = (
  older: Json,
  newer: Json,
  naming: Naming,
  typeName: (uid: string) => string,
): Comparison => {
  if ('raw' in older || 'raw' in newer) {
    const text = (data: Json) =>
      'raw' in data ? String((data.raw as Json).text ?? '') : JSON.stringify(data, null, 2);
    return { kind: 'text', lines: diffLines(text(older), text(newer)).map(piece) };
  }
  // Every field but the sections: a page's title, address and description, the settings' menus
  // and footer, a redirect's addresses.
  const fields = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((key) => !NOT_COMPARED.has(key));
  const pageFields = (data: Json) => {
    const out = new Map<string, Leaf>();
    for (const key of fields) leaves(data[key], humanize(key), naming, out);
    return out;
  };
  const a = (Array.isArray(older.sections) ? older.sections : []) as Json[];
  const b = (Array.isArray(newer.sections) ? newer.sections : []) as Json[];
  const fa = a.map((section) => JSON.stringify(section));
  const fb = b.map((section) => JSON.stringify(section));
  const pairOf = new Map<number, { a: number; status: SectionStatus }>();
  const anchors = commonInOrder(fa, fb);
  for (const [i, j] of anchors) pairOf.set(j, { a: i, status: 'unchanged' });
  const freeA = new Set([...a.keys()].filter((i) => !anchors.some(([ai]) => ai === i)));
  // The same content elsewhere: moved.
  for (const j of [...b.keys()]) {
    if (pairOf.has(j)) continue;
    const same = [...freeA].find((i) => fa[i] === fb[j]);
    if (same !== undefined) {
      pairOf.set(j, { a: same, status: 'moved' });
      freeA.delete(same);
    }
  }
  // Changed: a section of the same type between the same unchanged neighbours, in order.
  const bounds: [number, number][] = [[-1, -1], ...anchors, [a.length, b.length]];
  for (let k = 1; k < bounds.length; k++) {
    const [fromA, fromB] = bounds[k - 1]!;
    const [toA, toB] = bounds[k]!;
    for (let j = fromB + 1; j < toB; j++) {
      if (pairOf.has(j)) continue;
      const sameType = [...freeA]
        .sort((x, y) => x - y)
        .find((i) => i > fromA && i < toA && a[i]!.__component === b[j]!.__component);
      if (sameType !== undefined) {
        pairOf.set(j, { a: sameType, status: 'changed' });
        freeA.delete(sameType);
      }
    }
  }
  const placed: { order: number; change: SectionChange }[] = [];
  for (const j of [...b.keys()]) {
    const pair = pairOf.get(j);
    const section = b[j]!;
    const changes =
      pair && pair.status === 'changed'
        ? changesBetween(leaves(a[pair.a], '', naming, new Map()), leaves(section, '', naming, new Map()))
        : [];
    placed.push({
      order: j,
      change: {
        status: pair ? pair.status : 'added',
        type: String(section.__component),
        name: sectionName(section, typeName),
        before: pair ? pair.a + 1 : null,
        after: j + 1,
        changes: pair
          ? changes
          : // A new section's fields as they are, without the switches left off.
            changesBetween(new Map(), leaves(section, '', naming, new Map())).filter(
              (c) => c.after !== '' && c.after !== 'false',
            ),
      },
    });
  }
  // A removed section is shown where it was: after the section before it that stayed in place
  // (unchanged, or changed where it was), never after one that moved.
  const inPlace = [...pairOf.entries()]
    .filter(([, pair]) => pair.status !== 'moved')
    .map(([j, pair]) => [pair.a, j] as const)
    .sort((x, y) => x[0] - y[0]);
  for (const i of freeA) {
    const previous = [...inPlace].reverse().find(([ai]) => ai < i);
    const section = a[i]!;
    placed.push({
      order: previous ? previous[1] + 0.5 : -0.5,
      change: {
        status: 'removed',
        type: String(section.__component),
        name: sectionName(section, typeName),
        before: i + 1,
        after: null,
        changes: [],
      },
    });
  }
  placed.sort((x, y) => x.order - y.order || (x.change.before ?? 0) - (y.change.before ?? 0));
  return {
    kind: 'sections',
    page: changesBetween(pageFields(older), pageFields(newer)),
    sections: placed.map((p) => p.change),
  };
};
