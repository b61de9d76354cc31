import { LineCounter, parseDocument, Parser } from 'yaml';

export class ImportError extends Error {
  override name = 'ImportError';
}

type Token = { type?: string; offset?: number; source?: string; end?: { type?: string }[] };

/** What was opened and never closed: YAML only notices at the end of the block, far from the fault. */
const OPENERS: Record<string, (token: Token) => string | null> = {
  'flow-collection': (token) => {
    const closed = token.end?.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end');
    return closed
      ? null
      : `the "${(token as { start?: { source?: string } }).start?.source ?? '['}" that starts here is never closed`;
  },
  'double-quoted-scalar': (token) =>
    /^"(?:[^"\\]|\\.)*"$/s.test(token.source ?? '') ? null : 'the " that starts here is never closed',
  'single-quoted-scalar': (token) =>
    /^'(?:[^']|'')*'$/s.test(token.source ?? '') ? null : "the ' that starts here is never closed",
};

/** The unclosed bracket or quote, before `errorOffset`, that the error is about; the innermost one wins. */
const faultStart = (yaml: string, errorOffset: number): { offset: number; what: string } | null => {
  let found: { offset: number; what: string } | null = null;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const token = node as Token;
    const opener = token.type ? OPENERS[token.type] : undefined;
    const what = opener && token.offset !== undefined && token.offset < errorOffset ? opener(token) : null;
    if (what && (!found || token.offset! > found.offset)) found = { offset: token.offset!, what };
    Object.values(node).forEach(visit);
  };
  for (const token of new Parser().parse(yaml)) visit(token);
  return found;
};

/**
 * Splits a Jekyll file into its YAML front matter (parsed) and body. Broken YAML is reported
 * at its line and column in the file (the YAML starts on the file's second line): where the
 * fault starts (an unclosed bracket or quote), not where YAML gave up.
 */
export const readFrontMatter = (source: string): { data: Record<string, unknown>; body: string } => {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) throw new ImportError('no front matter: the file must start with a "---" line and close it with another');
  const yaml = match[1] ?? '';
  const lines = new LineCounter();
  const document = parseDocument(yaml, { prettyErrors: true, lineCounter: lines });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const start = faultStart(yaml, first.pos[0]);
    const at = lines.linePos(start?.offset ?? first.pos[0]);
    throw new ImportError(
      `broken YAML front matter at line ${at.line + 1}, column ${at.col}: ${start ? `${start.what}: ` : ''}${message}`,
      { cause: first },
    );
  }
  const data: unknown = document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportError('the front matter is not a set of "key: value" fields');
  }
  return { data: data as Record<string, unknown>, body: match[2] ?? '' };
};
