/** Words as search compares them: lowercase, without accents, letters and digits only. */
export const normalize = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export const tokens = (text: string): string[] => normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Keys of section data that hold no words a visitor reads (addresses, choices, ids). */
const NOT_TEXT = new Set([
  'id',
  '__component',
  'url',
  'videoUrl',
  'style',
  'type',
  'width',
  'height',
  'aspectRatio',
  'addition',
  'marginColor',
  'icon',
  'focusX',
  'focusY',
  'mime',
  'documentId',
  'path',
  'page',
  'file',
]);

/** The words of a section (or any CMS value): strings, rich text, nested items; not media, choices or addresses. */
export const textOf = (value: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (key && NOT_TEXT.has(key)) return;
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach((item) => walk(item));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      // Media and files hold no words a visitor reads (alt texts are fields of their section).
      if ('url' in record && ('width' in record || 'mime' in record)) return;
      if (record.type === 'text' && typeof record.text === 'string') out.push(record.text);
      else for (const [k, v] of Object.entries(record)) walk(v, k);
    }
  };
  walk(value);
  return out;
};
