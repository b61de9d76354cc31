import { parseDocument } from 'yaml';

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Splits a Jekyll file into its YAML front matter (parsed) and body. Broken YAML is reported
 * at its line and column in the file (the YAML starts on the file's second line).
 */
export const readFrontMatter = (source: string): { data: Record<string, unknown>; body: string } => {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) throw new ImportError('no front matter: the file must start with a "---" line and close it with another');
  const document = parseDocument(match[1] ?? '', { prettyErrors: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const at = first.linePos?.[0];
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ImportError(`broken YAML front matter${at ? ` at line ${at.line + 1}, column ${at.col}` : ''}: ${message}`, { cause: first });
  }
  const data: unknown = document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportError('the front matter is not a set of "key: value" fields');
  }
  return { data: data as Record<string, unknown>, body: match[2] ?? '' };
};
