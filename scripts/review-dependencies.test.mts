import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advisoryMatches, shippedTree } from './review-dependencies.mts';

const advisory = (vulnerable: string) => ({
  id: 'GHSA-test',
  package: 'astro',
  vulnerable,
  summary: 'a test advisory',
  source: 'here',
});

test('an advisory whose range holds the installed version is reported with the package, version and source', () => {
  const tree = shippedTree();
  const [astro] = [...(tree.get('astro') ?? [])];
  assert.ok(astro, 'astro is in the shipped tree of web/');
  const [match, ...rest] = advisoryMatches(tree, [advisory(`<=${astro}`)]);
  assert.equal(rest.length, 0);
  assert.match(match ?? '', new RegExp(`^astro@${astro.replaceAll('.', '\\.')}: GHSA-test, a test advisory .*here`));
});

test('an advisory for older releases, or for a package not shipped, matches nothing', () => {
  const tree = new Map([['astro', new Set(['7.3.5'])]]);
  assert.deepEqual(advisoryMatches(tree, [advisory('<7.2.8'), { ...advisory('*'), package: 'not-shipped' }]), []);
});

test('dev-only packages are not part of the shipped tree', () => {
  const tree = shippedTree();
  assert.ok(tree.has('@strapi/strapi') && tree.has('astro'));
  assert.ok(!tree.has('vitest') && !tree.has('@playwright/test'), 'test runners are not shipped');
});
