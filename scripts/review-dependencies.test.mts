import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FrameworkPackage, Packument, ReleaseAge } from './review-dependencies.mts';
import {
  advisoryMatches,
  reviewFrameworkReleases,
  shippedTree,
  strapiTargetRelease,
  UPDATE_GRACE_DAYS,
} from './review-dependencies.mts';

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

// The framework check (3) on small in-memory packuments: no registry is asked.
const REGISTRY = 'https://registry.example/';

/** A packument whose `latest` is the last of `versions`; each version maps to its dependencies. */
const published = (versions: Record<string, Record<string, string>>): Packument => ({
  'dist-tags': { latest: Object.keys(versions).at(-1)! },
  versions: Object.fromEntries(Object.entries(versions).map(([version, dependencies]) => [version, { dependencies }])),
});

/** Every release out for `days`, and the releases asked about, in order. */
const outFor = (days: number | null) => {
  const asked: string[] = [];
  const age: ReleaseAge = (name, version) => {
    asked.push(`${name}@${version}`);
    return days;
  };
  return { age, asked };
};

const review = (documents: Record<string, Packument | null>, direct: FrameworkPackage[], age: ReleaseAge) =>
  reviewFrameworkReleases(
    {
      documents: new Map(Object.entries(documents)),
      strapiInstalled: direct.find(({ name }) => name === '@strapi/strapi')?.installed[0],
      direct,
      registry: REGISTRY,
    },
    age,
  );

const astroBehind = { astro: published({ '6.0.0': {}, '6.1.0': {} }) };
const astroInstalled = [{ name: 'astro', installed: ['6.0.0'] }];
const astroLine = 'outdated: astro@6.0.0: 6.1.0 is installable; update it (pnpm --filter <workspace> up astro@6.1.0)';

test('Astro behind a latest release out longer than the grace period fails, naming the versions and the update', async () => {
  const { age, asked } = outFor(UPDATE_GRACE_DAYS + 3);
  assert.deepEqual(await review(astroBehind, astroInstalled, age), { failures: [astroLine], notices: [] });
  assert.deepEqual(asked, ['astro@6.1.0'], 'the age asked is that of the target release');
});

test('a release out for exactly the grace period, or of unknown age, fails too', async () => {
  for (const days of [UPDATE_GRACE_DAYS, null])
    assert.deepEqual(await review(astroBehind, astroInstalled, outFor(days).age), {
      failures: [astroLine],
      notices: [],
    });
});

test('a release out for fewer days than the grace period is a notice of the days left, not a failure', async () => {
  assert.deepEqual(await review(astroBehind, astroInstalled, outFor(UPDATE_GRACE_DAYS - 4.5).age), {
    failures: [],
    notices: [`${astroLine}, within 5 day(s)`],
  });
});

// Strapi 5.10.0 installed; 5.11.0 published, asking for its siblings at 5.11.0 and for the design system at ^2.
const strapiInstalled: FrameworkPackage[] = [
  { name: '@strapi/strapi', installed: ['5.10.0'] },
  { name: '@strapi/plugin-users-permissions', installed: ['5.10.0'] },
  { name: '@strapi/design-system', installed: ['2.0.0'] },
  { name: '@strapi/icons', installed: ['2.1.0'] },
];
const strapiFamily = (adminVersions: string[]) => ({
  '@strapi/strapi': published({
    '5.10.0': {},
    '5.11.0': {
      '@strapi/admin': '5.11.0',
      '@strapi/core': '5.11.0',
      '@strapi/design-system': '^2.0.0',
      lodash: '^4.17.21',
    },
  }),
  '@strapi/admin': published(Object.fromEntries(adminVersions.map((version) => [version, {}]))),
  '@strapi/core': published({ '5.10.0': {}, '5.11.0': {} }),
  '@strapi/plugin-users-permissions': published({ '5.10.0': {}, '5.11.0': {} }),
  '@strapi/design-system': published({ '2.0.0': {}, '2.1.0': {} }),
  '@strapi/icons': published({ '2.0.0': {}, '2.1.0': {} }),
});

test('Strapi whose newest release needs an unpublished @strapi/* package stays put with a notice naming it; the design system still moves', async () => {
  const held = strapiFamily(['5.10.0']);
  const { failures, notices } = await review(held, strapiInstalled, outFor(30).age);
  const notice = `Strapi 5.11.0 is published but cannot be installed from ${REGISTRY} (missing @strapi/admin@5.11.0); the @strapi/* packages stay on 5.10.0`;
  assert.deepEqual(notices, [notice]);
  assert.deepEqual(
    failures,
    [
      'outdated: @strapi/design-system@2.0.0: 2.1.0 is installable; update it (pnpm --filter <workspace> up @strapi/design-system@2.1.0)',
    ],
    'nothing released with Strapi is asked to move, though each has 5.11.0 as its own latest; the design system is',
  );
  assert.deepEqual(strapiTargetRelease(new Map(Object.entries(held)), '5.10.0', REGISTRY), {
    target: '5.10.0',
    notice,
  });
});

test('a @strapi/* package the registry does not know at all holds Strapi back too', () => {
  const documents = new Map(Object.entries({ ...strapiFamily(['5.11.0']), '@strapi/core': null }));
  assert.deepEqual(strapiTargetRelease(documents, '5.10.0', REGISTRY), {
    target: '5.10.0',
    notice: `Strapi 5.11.0 is published but cannot be installed from ${REGISTRY} (missing @strapi/core@5.11.0); the @strapi/* packages stay on 5.10.0`,
  });
});

test('Strapi installable: each package released with it fails behind it, the design system and icons against their own latest', async () => {
  const { age, asked } = outFor(30);
  const family = strapiFamily(['5.10.0', '5.11.0']);
  const up = (name: string, from: string, to: string) =>
    `outdated: ${name}@${from}: ${to} is installable; update it (pnpm --filter <workspace> up ${name}@${to})`;
  assert.deepEqual(await review(family, strapiInstalled, age), {
    failures: [
      up('@strapi/strapi', '5.10.0', '5.11.0'),
      up('@strapi/plugin-users-permissions', '5.10.0', '5.11.0'),
      up('@strapi/design-system', '2.0.0', '2.1.0'),
    ],
    notices: [],
  });
  assert.deepEqual(asked, [
    '@strapi/strapi@5.11.0',
    '@strapi/plugin-users-permissions@5.11.0',
    '@strapi/design-system@2.1.0',
  ]);
});

test('every framework package at its latest release: no failure, no notice, no age asked', async () => {
  const { age, asked } = outFor(30);
  const family = strapiFamily(['5.10.0', '5.11.0']);
  const atLatest: FrameworkPackage[] = [
    { name: '@strapi/strapi', installed: ['5.11.0'] },
    { name: '@strapi/plugin-users-permissions', installed: ['5.11.0'] },
    { name: '@strapi/design-system', installed: ['2.1.0'] },
    { name: '@strapi/icons', installed: ['2.1.0'] },
    { name: 'astro', installed: ['6.1.0'] },
  ];
  assert.deepEqual(await review({ ...family, ...astroBehind }, atLatest, age), { failures: [], notices: [] });
  assert.deepEqual(asked, []);
});
