/**
 * `pnpm deps:review`: the shipped dependency trees (production dependencies of cms/ and web/, as
 * pnpm installed them) checked three ways, because no advisory service answers here:
 *   1. against the advisories reviewed by hand in ops/dependency-review/advisories.json (offline);
 *   2. against the registry's own deprecation notices for the exact versions installed (a
 *      compromised or vulnerable release is usually deprecated with a security message);
 *   3. Strapi and Astro packages at their newest release the registry can install (a Strapi
 *      release is installable only when every @strapi/* package it needs is published too),
 *      once that release has been out for UPDATE_GRACE_DAYS (before, it is printed as a notice).
 * Exits 1 on an advisory match, a security deprecation or a framework package behind an
 * installable release; other deprecations are printed. `--offline` runs the first check only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

type Advisory = { id: string; package: string; vulnerable: string; summary: string; source: string };
type Shipped = Map<string, Set<string>>;
type Manifest = { deprecated?: string; dependencies?: Record<string, string> };
/** A registry document: the abbreviated packument (`application/vnd.npm.install-v1+json`). */
export type Packument = { 'dist-tags': Record<string, string>; versions: Record<string, Manifest> };
/** Packuments by package name; null for a name the registry does not know (404). */
export type Packuments = ReadonlyMap<string, Packument | null>;
/** A direct framework dependency of cms/ or web/, with every version of it installed. */
export type FrameworkPackage = { name: string; installed: string[] };
/** Days since `name@version` was published, or null when the registry does not say. */
export type ReleaseAge = (name: string, version: string) => number | null | Promise<number | null>;

const root = path.resolve(import.meta.dirname, '..');
const FRAMEWORK = /^(@strapi\/|astro$|@astrojs\/)/;
const SECURITY_WORDS = /secur|vulnerab|CVE-|GHSA-|malicious|compromis/i;

/** Every package version in the production trees, from pnpm's own view of node_modules. */
export const shippedTree = (): Shipped => {
  const out = execFileSync('pnpm', ['licenses', 'list', '--prod', '--recursive', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const byLicense = JSON.parse(out) as Record<string, { name: string; versions: string[] }[]>;
  const shipped: Shipped = new Map();
  for (const entries of Object.values(byLicense))
    for (const { name, versions } of entries)
      for (const version of versions) shipped.set(name, (shipped.get(name) ?? new Set()).add(version));
  return shipped;
};

/** The project's own direct runtime dependencies of the framework families, with what is installed. */
const directFrameworkPackages = (shipped: Shipped): FrameworkPackage[] => {
  const direct = new Set<string>();
  for (const workspace of ['cms', 'web']) {
    const manifest = JSON.parse(readFileSync(path.join(root, workspace, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) if (FRAMEWORK.test(name)) direct.add(name);
  }
  return [...direct].map((name) => ({ name, installed: [...(shipped.get(name) ?? [])] }));
};

export const advisoryMatches = (shipped: Shipped, advisories: Advisory[]) =>
  advisories.flatMap((advisory) =>
    [...(shipped.get(advisory.package) ?? [])]
      .filter((version) => semver.satisfies(version, advisory.vulnerable, { includePrerelease: true }))
      .map(
        (version) =>
          `${advisory.package}@${version}: ${advisory.id}, ${advisory.summary} (vulnerable ${advisory.vulnerable}; ${advisory.source})`,
      ),
  );

const registry = (
  execFileSync('pnpm', ['config', 'get', 'registry'], { cwd: root, encoding: 'utf8' }).trim() ||
  'https://registry.npmjs.org/'
).replace(/\/?$/, '/');

const packument = async (name: string, attempt = 1): Promise<Packument | null> => {
  try {
    const response = await fetch(`${registry}${name.replace('/', '%2F')}`, {
      headers: { Accept: 'application/vnd.npm.install-v1+json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return (await response.json()) as Packument;
  } catch (error) {
    if (attempt < 3) return packument(name, attempt + 1);
    throw new Error(
      `The registry (${registry}) did not answer for ${name}; run again, or use --offline for the advisory check alone`,
      { cause: error },
    );
  }
};

/** Fetches packuments `concurrency` at a time (the registry is asked once per package name). */
const packuments = async (names: string[], concurrency = 24) => {
  const found = new Map<string, Packument | null>();
  const queue = [...names];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) found.set(name, await packument(name));
    }),
  );
  return found;
};

/** Days a framework release may wait before the review fails: time to read its notes and test it. */
export const UPDATE_GRACE_DAYS = 7;

/** How many days ago `name@version` was published (the full document's `time`), or null when the registry does not say. */
const releaseAgeDays = async (name: string, version: string): Promise<number | null> => {
  const response = await fetch(`${registry}${name.replace('/', '%2F')}`, { signal: AbortSignal.timeout(60_000) }).catch(
    () => null,
  );
  if (!response?.ok) return null;
  const published = ((await response.json()) as { time?: Record<string, string> }).time?.[version];
  return published ? (Date.now() - Date.parse(published)) / 86_400_000 : null;
};

/** The @strapi/* packages a Strapi release depends on, with the ranges it asks for. */
export const strapiDependencies = (manifest: Manifest): [string, string][] =>
  Object.entries(manifest.dependencies ?? {}).filter(([name]) => name.startsWith('@strapi/'));

/** Why a Strapi release cannot be installed: the @strapi/* packages it needs that the registry lacks (as `name@range`). */
export const missingStrapiPackages = (manifest: Manifest, documents: Packuments): string[] =>
  strapiDependencies(manifest)
    .filter(
      ([name, range]) =>
        !Object.keys(documents.get(name)?.versions ?? {}).some((version) => semver.satisfies(version, range)),
    )
    .map(([name, range]) => `${name}@${range}`);

/** The newest @strapi/strapi release, when it is newer than the one installed; else undefined. */
export const newerStrapiRelease = (documents: Packuments, installed: string | undefined): string | undefined => {
  const latest = documents.get('@strapi/strapi')?.['dist-tags'].latest;
  return latest && installed && semver.gt(latest, installed) ? latest : undefined;
};

/**
 * The Strapi release the @strapi/* family is held to: the newest @strapi/strapi when every @strapi/* package it
 * depends on has a published version in range (`documents` must hold their packuments), else the installed one,
 * with a notice naming what is missing from `registry`.
 */
export const strapiTargetRelease = (
  documents: Packuments,
  installed: string | undefined,
  registry: string,
): { target: string | undefined; notice?: string } => {
  const newer = newerStrapiRelease(documents, installed);
  if (!newer) return { target: installed };
  const missing = missingStrapiPackages(documents.get('@strapi/strapi')?.versions[newer] ?? {}, documents);
  if (missing.length === 0) return { target: newer };
  return {
    target: installed,
    notice: `Strapi ${newer} is published but cannot be installed from ${registry} (missing ${missing.join(', ')}); the @strapi/* packages stay on ${installed}`,
  };
};

/**
 * Check 3: each direct framework package against the newest release it can move to. A failure when that release
 * has been out for UPDATE_GRACE_DAYS (or its age is unknown), a notice before. `documents` holds the packuments of
 * the direct packages, of @strapi/strapi and of the @strapi/* packages its newest release depends on.
 */
export const reviewFrameworkReleases = async (
  {
    documents,
    strapiInstalled,
    direct,
    registry,
  }: { documents: Packuments; strapiInstalled: string | undefined; direct: FrameworkPackage[]; registry: string },
  releaseAge: ReleaseAge,
): Promise<{ failures: string[]; notices: string[] }> => {
  const failures: string[] = [];
  const notices: string[] = [];
  // Strapi's packages are released together: the family moves when @strapi/strapi can.
  const strapi = strapiTargetRelease(documents, strapiInstalled, registry);
  if (strapi.notice) notices.push(strapi.notice);
  for (const { name, installed } of direct) {
    for (const version of installed) {
      // Packages released with Strapi share its version; the design system and icons have their own.
      const inStrapiRelease =
        name.startsWith('@strapi/') &&
        strapiInstalled !== undefined &&
        semver.major(version) === semver.major(strapiInstalled);
      const target = inStrapiRelease ? strapi.target : documents.get(name)?.['dist-tags'].latest;
      if (!target || !semver.gt(target, version)) continue;
      const line = `outdated: ${name}@${version}: ${target} is installable; update it (pnpm --filter <workspace> up ${name}@${target})`;
      // A release out for less than the grace period is a notice: CI does not turn red the day it appears.
      const age = await releaseAge(name, target);
      if (age !== null && age < UPDATE_GRACE_DAYS)
        notices.push(`${line}, within ${Math.ceil(UPDATE_GRACE_DAYS - age)} day(s)`);
      else failures.push(line);
    }
  }
  return { failures, notices };
};

const main = async () => {
  const offline = process.argv.includes('--offline');
  const failures: string[] = [];
  const notices: string[] = [];
  const shipped = shippedTree();
  const versions = [...shipped.values()].reduce((sum, set) => sum + set.size, 0);
  const { advisories, reviewed } = JSON.parse(
    readFileSync(path.join(root, 'ops/dependency-review/advisories.json'), 'utf8'),
  ) as { advisories: Advisory[]; reviewed: string };
  failures.push(...advisoryMatches(shipped, advisories).map((line) => `advisory: ${line}`));
  console.log(
    `${shipped.size} packages (${versions} versions) shipped; ${advisories.length} advisories reviewed on ${reviewed}.`,
  );

  if (!offline) {
    const documents = await packuments([...shipped.keys()]);
    for (const [name, installed] of shipped) {
      for (const version of installed) {
        const deprecated = documents.get(name)?.versions[version]?.deprecated;
        if (!deprecated) continue;
        (SECURITY_WORDS.test(deprecated) ? failures : notices).push(`deprecated: ${name}@${version}: ${deprecated}`);
      }
    }
    const strapiInstalled = [...(shipped.get('@strapi/strapi') ?? [])][0];
    // The packages a newer Strapi release needs may not be shipped yet: ask the registry for those it was not asked for.
    const newer = newerStrapiRelease(documents, strapiInstalled);
    const needed = newer
      ? strapiDependencies(documents.get('@strapi/strapi')?.versions[newer] ?? {})
          .map(([name]) => name)
          .filter((name) => !documents.has(name))
      : [];
    for (const [name, document] of await packuments(needed, 8)) documents.set(name, document);
    const frameworks = await reviewFrameworkReleases(
      { documents, strapiInstalled, direct: directFrameworkPackages(shipped), registry },
      releaseAgeDays,
    );
    failures.push(...frameworks.failures);
    notices.push(...frameworks.notices);
  }
  for (const line of notices) console.log(`  note  ${line}`);
  for (const line of failures) console.log(`  FAIL  ${line}`);
  if (failures.length > 0) {
    console.log(
      `\n${failures.length} problem(s). Update the package, or, for a reviewed false match, narrow the advisory's range in ops/dependency-review/advisories.json with the reason.`,
    );
    process.exit(1);
  }
  console.log(
    offline
      ? 'No reviewed advisory matches the shipped tree.'
      : 'No reviewed advisory, security deprecation or installable framework update for the shipped tree.',
  );
};

if (import.meta.main) await main();
