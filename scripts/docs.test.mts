import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * The README is the front door: short, and every path it names is real. The docs it leads to
 * (docs/*.md, CONTRIBUTING.md) link to files that exist, at headings that exist.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const README = 'README.md';
const README_MAX_BYTES = 10_240;
/** What the first start creates (README, "Two commands"): named there, never in a clone. */
const MADE_BY_THE_FIRST_START = new Set(['cms/.env', 'cms/.tmp/data.db']);
const TOP_LEVEL = new Set(readdirSync(ROOT));
const DOCS = [
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'CONTRIBUTING.md',
];

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** Markdown without its fenced code blocks (indented ones in lists too): their lines are commands, not prose. */
const prose = (markdown: string): string => markdown.replace(/^[ \t]*```[^\n]*\n[\s\S]*?^[ \t]*```[ \t]*$/gm, '');

const codeSpans = (markdown: string): string[] =>
  [...prose(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);

/** Link targets, code spans left out (a link's text may be code; code is never a link). */
const linkTargets = (markdown: string): string[] =>
  [
    ...prose(markdown)
      .replace(/`[^`\n]*`/g, 'code')
      .matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g),
  ].map((match) => match[1]!);

const isExternal = (target: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(target);

/** A repository path in backticks: segments joined by slashes, starting with a top-level file or folder. */
const isRepositoryPath = (span: string): boolean =>
  /^[\w.@[\]-]+(?:\/[\w.@[\]-]*)+$/.test(span) && TOP_LEVEL.has(span.split('/')[0]!);

/** The anchors GitHub gives a Markdown file's headings. */
const anchors = (file: string): Set<string> => {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of prose(read(file)).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
};

/** What is wrong with a relative link of `from`: its file is missing, or its Markdown file has no such heading. */
const brokenLink = (from: string, target: string): string | null => {
  const [file = '', anchor] = target.split('#');
  const resolved =
    file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURI(file)));
  if (!existsSync(path.join(ROOT, resolved))) return `${target} (${resolved} does not exist)`;
  if (
    anchor &&
    resolved.endsWith('.md') &&
    statSync(path.join(ROOT, resolved)).isFile() &&
    !anchors(resolved).has(anchor)
  ) {
    return `${target} (${resolved} has no heading #${anchor})`;
  }
  return null;
};

const brokenLinks = (file: string): string[] =>
  linkTargets(read(file))
    .filter((target) => !isExternal(target))
    .map((target) => brokenLink(file, target))
    .filter((problem) => problem !== null);

test('the README stays under 10 KB and every file and folder it names exists', () => {
  const bytes = statSync(path.join(ROOT, README)).size;
  assert.ok(
    bytes <= README_MAX_BYTES,
    `README.md is ${bytes} bytes, over ${README_MAX_BYTES}: move detail into docs/ and link to it`,
  );

  const readme = read(README);
  const named = [...new Set(codeSpans(readme).filter(isRepositoryPath))];
  assert.ok(named.length > 0, 'no repository path found in the README: is the pattern still right?');
  const problems = [
    ...named
      .filter((name) => !MADE_BY_THE_FIRST_START.has(name.replace(/\/$/, '')) && !existsSync(path.join(ROOT, name)))
      .map((name) => `${name} does not exist`),
    ...brokenLinks(README).map((problem) => `link ${problem}`),
  ];
  const missing = [...new Set(problems)];
  assert.deepEqual(missing, [], `README.md names what does not exist:\n${missing.join('\n')}`);
});

test('the README links every doc, and every relative link in docs/ and CONTRIBUTING.md leads to a file and heading that exist', () => {
  const linked = new Set(linkTargets(read(README)).map((target) => target.split('#')[0]));
  const unlisted = DOCS.filter((doc) => !linked.has(doc));
  assert.deepEqual(unlisted, [], `README.md does not link to ${unlisted.join(', ')}`);

  const broken = DOCS.flatMap((doc) => brokenLinks(doc).map((problem) => `${doc}: ${problem}`));
  assert.deepEqual(broken, [], `links to what does not exist:\n${broken.join('\n')}`);
});
