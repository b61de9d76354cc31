import { parseDocument } from 'yaml';

export class ImportError extends Error {
  override name = 'ImportError';
}

/** Splits a Jekyll file into its YAML front matter (parsed) and body. */
export const readFrontMatter = (source: string): { data: Record<string, unknown>; body: string } => {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) throw new ImportError('no front matter: the file must start with a "---" line and close it with another');
  const document = parseDocument(match[1] ?? '', { prettyErrors: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = first.linePos?.[0].line;
    // +1: the opening "---" line comes before the YAML.
    throw new ImportError(`broken YAML front matter${line ? ` at line ${line + 1}` : ''}: ${first.message.split('\n')[0]}`, { cause: first });
  }
  const data: unknown = document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportError('the front matter is not a set of "key: value" fields');
  }
  return { data: data as Record<string, unknown>, body: match[2] ?? '' };
};
