import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALIZED_TYPES } from '../../src/translation/languages';
import '../support/provided';
import { dumpOf, sqlOn, sqlValue, type Row } from '../support/sql-on';
import { freePort, startStrapi, testEnv, type RunningStrapi } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The switch to two languages (issue 25), rehearsed on a copy: the old site imported, the
 * database put back as the CMS kept it before pages had languages, then the CMS of today started
 * on it. Strapi's own migration (i18n's `enable`, after the schema sync) and this CMS's start
 * must turn every page and the site settings into their English version, field for field.
 */

const LOCALIZED = [...LOCALIZED_TYPES];
const LOCALIZED_TABLES = ['pages', 'globals'];
/** The translators' glossary came with the languages: before them, none of it was there. */
const GLOSSARY = 'api::glossary.glossary';
/** In the order they can be dropped: the zone's links before the rows they join. */
const GLOSSARY_TABLES = ['glossaries_cmps', 'components_shared_glossary_terms', 'glossaries'];
/**
 * Stored settings a start writes: the schema it compares, the glossary's admin layouts, the
 * media library's notice of its defaults (Strapi's upload plugin, at a start after the first),
 * and that plugin's weekly metrics schedule, set anew at each start (for 15 s after it) until its
 * first run has stamped it, which happens only if that Strapi is still up 15 s later.
 */
const REWRITTEN_SETTING =
  /^strapi_content_types_schema$|glossary|^plugin_upload_media_library_default_notice$|^plugin_upload_metrics$/;

type Json = Record<string, unknown>;

const adminLogin = async (server: RunningStrapi) => {
  const response = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: server.env.ADMIN_EMAIL, password: server.env.ADMIN_PASSWORD }),
  });
  const { data } = (await response.json()) as { data: { token: string } };
  return (method: string, path: string) =>
    fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${data.token}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json().catch(() => ({}))) as Json,
    }));
};

/** The pages as the site reads them (its token, the default language when none is asked). */
const sitePages = async (server: RunningStrapi) => {
  const response = await fetch(`${server.url}/api/pages?pagination[pageSize]=100&sort=path`, {
    headers: { Authorization: `Bearer ${server.env.STRAPI_READ_TOKEN}` },
  });
  const { data } = (await response.json()) as { data: Json[] };
  return data.map((page) => [page.documentId, page.path, page.title, page.updatedAt, page.publishedAt]);
};

/** The first run's Spanish (seed/translations) taken away as staff would, in the admin: the old site had none. */
const removeSpanish = async (server: RunningStrapi) => {
  const admin = await adminLogin(server);
  const { body } = await admin('GET', '/content-manager/collection-types/api::page.page?locale=es&pageSize=100');
  for (const page of body.results as Json[]) {
    const removed = await admin(
      'DELETE',
      `/content-manager/collection-types/api::page.page/${String(page.documentId)}?locale=es`,
    );
    expect(removed.status).toBe(200);
  }
  const settings = await admin('DELETE', '/content-manager/single-types/api::global.global?locale=es');
  expect(settings.status).toBe(200);
};

const omit = <T extends Record<string, unknown>>(record: T, key: string): T =>
  Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)) as T;

/** A stored schema as it was before the type was localized: no i18n options on it or its fields. */
const withoutLocalization = (contentType: Json): Json => {
  const { pluginOptions = {}, attributes = {} } = contentType as { pluginOptions?: Json; attributes?: Json };
  return {
    ...contentType,
    pluginOptions: omit(pluginOptions, 'i18n'),
    attributes: Object.fromEntries(
      Object.entries(attributes as Record<string, Json>).map(([name, attribute]) => [
        name,
        { ...attribute, pluginOptions: omit((attribute.pluginOptions ?? {}) as Json, 'i18n') },
      ]),
    ),
  };
};

/**
 * The database as the CMS before issue 25 left it: no locale on pages and settings, no Spanish
 * locale, roles granting no languages, no glossary, a versions table without its `locale` column,
 * the stored schema (Strapi compares it with the code's at start) without localization, and no
 * record of the database's schema, so the start syncs the schema as the upgrade's first start does.
 */
const backToBeforeLanguages = async (database: TestDatabase) => {
  const [[store] = [], permissions = [], spanish = []] = await sqlOn(database, [
    "select id, value from strapi_core_store_settings where key = 'strapi_content_types_schema'",
    'select id, subject, properties from admin_permissions',
    "select id from pages where locale <> 'en' union all select id from globals where locale <> 'en'",
  ]);
  // Nothing but English is left, or nulling the locale would make two English rows of a page.
  expect(spanish).toEqual([]);
  const schema = omit(JSON.parse(String(store!.value)) as Record<string, Json>, GLOSSARY);
  for (const uid of LOCALIZED) schema[uid] = withoutLocalization(schema[uid]!);
  const grantsNoLanguage = permissions
    .filter((row) => LOCALIZED.includes(String(row.subject)))
    .map((row) => {
      const properties = (typeof row.properties === 'string' ? JSON.parse(row.properties) : row.properties) as Json;
      return `update admin_permissions set properties = ${sqlValue(omit(properties, 'locales'))} where id = ${sqlValue(row.id)}`;
    });
  await sqlOn(database, [
    ...LOCALIZED_TABLES.map((table) => `update ${table} set locale = null`),
    `update strapi_core_store_settings set value = ${sqlValue(schema)} where id = ${sqlValue(store!.id)}`,
    "delete from strapi_core_store_settings where key like '%glossary%'",
    'delete from strapi_database_schema',
    ...grantsNoLanguage,
    `delete from admin_permissions_role_lnk where permission_id in (select id from admin_permissions where subject = '${GLOSSARY}')`,
    `delete from admin_permissions where subject = '${GLOSSARY}'`,
    ...GLOSSARY_TABLES.map((table) => `drop table ${table}`),
    "delete from i18n_locale where code <> 'en'",
    "delete from site_versions where locale = 'es'",
    'drop index site_versions_locale_idx',
    'alter table site_versions drop column locale',
  ]);
};

/**
 * The stored settings by key, those the start rewrites left out. A schema sync also resets the
 * admin's list options of each component's `id` column (components have no list view): left out.
 */
const settingsKept = (rows: Row[]) =>
  rows
    .filter((row) => !REWRITTEN_SETTING.test(String(row.key)))
    .map((row) => {
      if (!String(row.key).startsWith('plugin_content_manager_configuration_components::')) return [row.key, row.value];
      const { metadatas, ...rest } = JSON.parse(String(row.value)) as { metadatas: Json };
      return [row.key, JSON.stringify({ ...rest, metadatas: omit(metadatas, 'id') })];
    })
    .sort();

/** Each role's grants as ops and staff see them (ids and link rows are remade when roles are synced). */
const grantsOf = (dump: Map<string, Row[]>) => {
  const roles = new Map(dump.get('admin_roles')!.map((role) => [role.id, role.code]));
  const links = new Map(dump.get('admin_permissions_role_lnk')!.map((link) => [link.permission_id, link.role_id]));
  return dump
    .get('admin_permissions')!
    .filter((permission) => permission.subject !== GLOSSARY)
    .map((permission) => {
      const properties = (
        typeof permission.properties === 'string' ? JSON.parse(permission.properties) : permission.properties
      ) as Json;
      return JSON.stringify([
        roles.get(links.get(permission.id)),
        permission.action,
        permission.subject,
        permission.conditions,
        permission.action_parameters,
        omit(properties ?? {}, 'locales'),
      ]);
    })
    .sort();
};

const withoutColumn = (rows: Row[], column: string): Row[] =>
  rows.map((row) => omit(row, column)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('turning languages on over the imported old site', () => {
  let database: TestDatabase;
  let before: Map<string, Row[]>;
  let after: Map<string, Row[]>;
  let pagesBefore: unknown[][];
  let pagesAfter: unknown[][];
  let output: string;
  let editorLocales: Row[];
  let versionIndex: Row[];

  beforeAll(async () => {
    database = await createTestDatabase(inject('strapi').database);
    const env = testEnv(database.env, await freePort());
    // The first start imports the old site (seed/site) as a new database gets it.
    const first = await startStrapi(env);
    try {
      await removeSpanish(first);
      pagesBefore = await sitePages(first);
    } finally {
      await first.stop();
    }
    await backToBeforeLanguages(database);
    before = await dumpOf(database);

    const second = await startStrapi(env);
    try {
      pagesAfter = await sitePages(second);
      output = second.output();
    } finally {
      await second.stop();
    }
    after = await dumpOf(database);
    [editorLocales = [], versionIndex = []] = await sqlOn(database, [
      `select p.subject, p.action, p.properties from admin_permissions p
         join admin_permissions_role_lnk l on l.permission_id = p.id
         join admin_roles r on r.id = l.role_id
       where r.code = 'strapi-editor' and p.subject = 'api::page.page' and p.action like '%.update'`,
      database.label === 'postgres'
        ? "select indexname as name from pg_indexes where indexname = 'site_versions_locale_idx'"
        : "select name from sqlite_master where type = 'index' and name = 'site_versions_locale_idx'",
    ]);
  }, 300_000);
  afterAll(() => database?.drop());

  it('leaves every table of content exactly as it was: pages’ sections, settings, media, redirects, history', () => {
    // Compared below, each as far as the start may change it.
    const comparedApart = new Set([
      ...LOCALIZED_TABLES,
      'site_versions',
      'site_content_changes',
      'strapi_core_store_settings',
      'strapi_database_schema',
      'i18n_locale',
      'admin_permissions',
      'admin_permissions_role_lnk',
      'admin_roles',
    ]);
    const changed = [...before.keys()].filter(
      (table) => !comparedApart.has(table) && JSON.stringify(after.get(table)) !== JSON.stringify(before.get(table)),
    );
    expect(changed).toEqual([]);
    // The glossary's tables are made by the schema sync; nothing else is added or dropped.
    expect([...after.keys()]).toEqual([...before.keys(), ...GLOSSARY_TABLES].sort());
    expect(after.get('strapi_database_schema')!.length).toBe(1);
    // The change journal (other CMS processes read it) only gained the glossary's first terms.
    const journal = after.get('site_content_changes')!;
    const journalBefore = before.get('site_content_changes')!.map((row) => JSON.stringify(row));
    expect(journalBefore.every((row) => journal.some((kept) => JSON.stringify(kept) === row))).toBe(true);
    expect(
      new Set(journal.filter((row) => !journalBefore.includes(JSON.stringify(row))).map((row) => row.uid)),
    ).toEqual(new Set([GLOSSARY]));
    // The tables that hold content are many (components, links, media): the comparison covers them.
    expect([...before.keys()].filter((table) => table.startsWith('components_')).length).toBeGreaterThan(15);
  });

  it('keeps the stored settings, the roles and every grant, the grants now naming the languages', () => {
    const keys = (dump: Map<string, Row[]>) =>
      settingsKept(dump.get('strapi_core_store_settings')!).map(([key]) => key);
    expect(keys(after)).toEqual(keys(before));
    expect(settingsKept(after.get('strapi_core_store_settings')!)).toEqual(
      settingsKept(before.get('strapi_core_store_settings')!),
    );
    // The roles are the same: their grants were given the languages (updated_at says when).
    expect(withoutColumn(after.get('admin_roles')!, 'updated_at')).toEqual(
      withoutColumn(before.get('admin_roles')!, 'updated_at'),
    );
    expect(grantsOf(after)).toEqual(grantsOf(before));
  });

  it('makes every page and the site settings English, changing nothing else in their rows', () => {
    for (const table of LOCALIZED_TABLES) {
      const rows = before.get(table)!;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.locale === null)).toBe(true);
      expect(after.get(table)!.every((row) => row.locale === 'en')).toBe(true);
      expect(withoutColumn(after.get(table)!, 'locale')).toEqual(withoutColumn(rows, 'locale'));
    }
  });

  it('gives the history its language column: pages’ and settings’ versions English, the others none', () => {
    const versions = after.get('site_versions')!;
    expect(versions.length).toBeGreaterThan(0);
    expect(withoutColumn(versions, 'locale')).toEqual(withoutColumn(before.get('site_versions')!, 'locale'));
    for (const version of versions)
      expect([version.uid, version.locale]).toEqual([
        version.uid,
        LOCALIZED.includes(String(version.uid)) ? 'en' : null,
      ]);
    // Redirects' versions among them: the ones that stay without a language.
    expect(versions.some((version) => version.locale === null)).toBe(true);
    expect(versionIndex).toEqual([{ name: 'site_versions_locale_idx' }]);
  });

  it('serves the same pages to the site, now as the English ones', () => {
    expect(pagesAfter).toEqual(pagesBefore);
    // The old site's nine, and the two the forms brought: Stay Informed and the help form's page.
    expect(pagesAfter.length).toBe(11);
    expect(output).not.toContain('importing the coalition’s site');
  });

  it('makes Spanish again and grants staff both languages', () => {
    expect(
      after
        .get('i18n_locale')!
        .map((row) => row.code)
        .sort(),
    ).toEqual(['en', 'es']);
    expect(editorLocales.length).toBeGreaterThan(0);
    for (const permission of editorLocales) {
      const properties = (
        typeof permission.properties === 'string' ? JSON.parse(permission.properties) : permission.properties
      ) as { locales?: string[] };
      expect(properties.locales?.sort()).toEqual(['en', 'es']);
    }
  });
});
