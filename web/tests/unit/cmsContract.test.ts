import { isLocale } from '../../src/i18n/locales';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  globalQuery,
  globalSchema,
  pageQuery,
  pageSchema,
  redirectQuery,
  redirectSchema,
} from '../../src/lib/cms/cmsContent';
import { eventListQuery, eventQuery, eventSchema, LIST_FIELDS } from '../../src/lib/events/eventSchema';
import { isNewsletterAction } from '../../src/lib/render/newsletter';
import { isPagePath } from '../../src/lib/http/pagePath';
import { OWN_ROUTES } from '../../src/lib/http/sitePaths';
import { FRAME_SOURCES } from '../../src/sections/embed/frameSources';
import { EVENT_SECTION_NAMES, sectionContracts, sectionNames } from '../../src/sections/contract';
import { shapeOf, type Shape } from '../support/zodShape';

/**
 * The contract between the CMS and the site, field by field: the CMS's model files (the two
 * packages meet only over HTTP; this test may read the CMS's JSON) against the site's zod
 * schemas and populate fragments. A field renamed, added or dropped on one side only fails
 * here, naming the model and the field.
 */
const CMS_SRC = path.resolve(import.meta.dirname, '../../../cms/src');

type Attribute = {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  component?: string;
  components?: string[];
  repeatable?: boolean;
  multiple?: boolean;
  relation?: string;
  regex?: string;
  conditions?: object;
};
type Model = { attributes: Record<string, Attribute> };

const modelFile = (uid: string): string => {
  const api = /^api::([^.]+)\.(.+)$/.exec(uid);
  if (api) return path.join(CMS_SRC, 'api', api[1]!, 'content-types', api[2]!, 'schema.json');
  const [category, name] = uid.split('.');
  return path.join(CMS_SRC, 'components', category!, `${name}.json`);
};
const model = (uid: string): Model => JSON.parse(readFileSync(modelFile(uid), 'utf8')) as Model;

/** Fields Strapi adds to every answer without them being in the model. */
const SYSTEM_FIELDS = new Set(['id', 'documentId', '__component', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

type Populate =
  | {
      readonly populate?: Readonly<Record<string, Populate | boolean>>;
      readonly fields?: readonly string[];
      readonly on?: Readonly<Record<string, Populate>>;
    }
  | boolean
  | undefined;

const SCALAR_KINDS: Record<string, Shape['kind'][]> = {
  string: ['string'],
  text: ['string'],
  email: ['string'],
  uid: ['string'],
  richtext: ['string'],
  password: ['string'],
  enumeration: ['enum'],
  boolean: ['boolean'],
  integer: ['number'],
  biginteger: ['number', 'string'],
  float: ['number'],
  decimal: ['number'],
  date: ['string'],
  datetime: ['string'],
  time: ['string'],
  blocks: ['array'],
  json: ['unknown', 'other', 'object', 'array'],
};

/** Every difference between a model and a zod object shape (and its populate fragment), as messages. */
const compare = (uid: string, shape: Shape, populate: Populate, where: string): string[] => {
  if (shape.kind !== 'object') return [`${where}: the site's schema for ${uid} is not an object`];
  const problems: string[] = [];
  const attributes = Object.entries(model(uid).attributes).filter(([, a]) => !a.private);
  const fields = shape.fields;
  const nested = typeof populate === 'object' ? (populate.populate ?? {}) : {};
  for (const [name, attribute] of attributes) {
    const at = `${uid}.${name}`;
    const field = fields[name];
    if (!field) {
      problems.push(
        `${at}: in the CMS (${path.relative(CMS_SRC, modelFile(uid))}) but not in the site's schema (${where})`,
      );
      continue;
    }
    // A required field shown only for some choices (a conditional field) is empty for the others.
    const required = attribute.required && !attribute.conditions;
    if (required && (field.optional || field.nullable))
      problems.push(`${at}: required in the CMS but optional in the site's schema`);
    const repeatable = attribute.repeatable || attribute.multiple || attribute.relation?.endsWith('ToMany');
    if (!required && !repeatable && attribute.type !== 'dynamiczone' && !field.nullable) {
      problems.push(
        `${at}: optional in the CMS (answered as null when empty) but the site's schema does not accept null`,
      );
    }
    const populated = (nested as Record<string, Populate>)[name];
    switch (attribute.type) {
      case 'enumeration': {
        const values = field.kind === 'enum' ? [...field.values].sort() : [];
        if (JSON.stringify(values) !== JSON.stringify([...(attribute.enum ?? [])].sort())) {
          problems.push(
            `${at}: the CMS offers ${JSON.stringify(attribute.enum)}, the site's schema ${JSON.stringify(field.kind === 'enum' ? field.values : field.kind)}`,
          );
        }
        break;
      }
      case 'component': {
        const item = repeatable ? (field.kind === 'array' ? field.element : undefined) : field;
        if (!item) problems.push(`${at}: a list in the CMS but not in the site's schema`);
        else if (!populated) problems.push(`${at}: not populated by the site's query fragment (${where})`);
        else problems.push(...compare(attribute.component!, item, populated, where));
        break;
      }
      case 'media':
      case 'relation': {
        const item = repeatable ? (field.kind === 'array' ? field.element : undefined) : field;
        if (!item || item.kind !== 'object') {
          problems.push(
            `${at}: ${repeatable ? 'a list of objects' : 'an object'} in the CMS answer, not in the site's schema`,
          );
        } else if (!populated) {
          problems.push(`${at}: not populated by the site's query fragment (${where})`);
        } else {
          const listed = typeof populated === 'object' ? populated.fields : undefined;
          for (const key of Object.keys(item.fields)) {
            if (!SYSTEM_FIELDS.has(key) && listed && !listed.includes(key))
              problems.push(`${at}.${key}: read by the site but not among the populated fields`);
          }
        }
        break;
      }
      case 'dynamiczone':
        if (field.kind !== 'array') problems.push(`${at}: a list in the CMS but not in the site's schema`);
        break;
      default: {
        const kinds = SCALAR_KINDS[attribute.type];
        if (kinds && !kinds.includes(field.kind))
          problems.push(`${at}: a ${attribute.type} in the CMS but a ${field.kind} in the site's schema`);
      }
    }
  }
  for (const name of Object.keys(fields)) {
    if (!SYSTEM_FIELDS.has(name) && !attributes.some(([attribute]) => attribute === name)) {
      problems.push(
        `${uid}.${name}: in the site's schema (${where}) but not in the CMS (${path.relative(CMS_SRC, modelFile(uid))})`,
      );
    }
  }
  return problems;
};

describe('the contract between the CMS and the site', () => {
  it('lists the same section types in the page’s sections zone and in the site’s section contracts, naming the file to edit', () => {
    const zone = model('api::page.page').attributes.sections!.components!;
    const site = new Set<string>(sectionNames);
    const problems = [
      ...zone
        .filter((name) => !site.has(name))
        .map(
          (name) =>
            `${name}: in the CMS's sections zone (cms/src/api/page/content-types/page/schema.json) but not in web/src/sections/contract.ts: add its schema and populate fragment there, and its view in web/src/sections/views.ts`,
        ),
      ...sectionNames
        .filter((name) => !zone.includes(name))
        .map(
          (name) =>
            `${name}: in web/src/sections/contract.ts but not in the CMS's sections zone: add it to cms/src/api/page/content-types/page/schema.json (attributes.sections.components), or remove it from the site`,
        ),
    ];
    expect(problems).toEqual([]);
  });

  it.each(sectionNames)('%s: the same fields, enums, required fields and populated relations on both sides', (name) => {
    const entry = sectionContracts[name];
    expect(
      compare(name, shapeOf(entry.schema), entry.populate as Populate, `web/src/sections/*/schema.ts (${name})`),
    ).toEqual([]);
  });

  it('the page: the same fields as the CMS’s page, and the same web-address rule', () => {
    const populate = { populate: { sections: true } } as Populate;
    expect(
      compare('api::page.page', shapeOf(pageSchema), populate, 'web/src/lib/cms/cmsContent.ts (pageSchema)'),
    ).toEqual([]);
    const rule = new RegExp(model('api::page.page').attributes.path!.regex!);
    for (const sample of [
      '/',
      '/services/',
      '/services/clear-your-record/',
      '/a1/b-2/',
      '/Services/',
      '/a--b/',
      '/a',
      'a/',
      '//x/',
      '/-a/',
      '/a_b/',
    ]) {
      expect(isPagePath(sample), `the site and the CMS disagree whether ${sample} is a web address`).toBe(
        rule.test(sample),
      );
    }
  });

  it('the redirect: the same fields, and the query asks for each of them', () => {
    expect(
      compare(
        'api::redirect.redirect',
        shapeOf(redirectSchema),
        true,
        'web/src/lib/cms/cmsContent.ts (redirectSchema)',
      ),
    ).toEqual([]);
    const fields = redirectQuery('/x/').query.fields;
    for (const name of Object.keys(model('api::redirect.redirect').attributes)) expect(fields, name).toContain(name);
  });

  it('the site settings: the same fields, with the menu, donate button and footer links populated', () => {
    expect(
      compare(
        'api::global.global',
        shapeOf(globalSchema),
        globalQuery().query as Populate,
        'web/src/lib/cms/cmsContent.ts (globalSchema)',
      ),
    ).toEqual([]);
  });

  it('the event: the same fields as the CMS’s event, its image populated, and the listings ask for fields it has', () => {
    expect(
      compare(
        'api::event.event',
        shapeOf(eventSchema),
        eventQuery('x', 'en').query as Populate,
        'web/src/lib/events/eventSchema.ts (eventSchema)',
      ),
    ).toEqual([]);
    const attributes = Object.keys(model('api::event.event').attributes);
    for (const field of LIST_FIELDS) if (field !== 'updatedAt') expect(attributes, field).toContain(field);
    expect(eventListQuery('en').query.fields).toEqual([...LIST_FIELDS]);
    const slug = new RegExp(model('api::event.event').attributes.slug!.regex!);
    expect([...EVENT_SECTION_NAMES].sort(), 'EVENT_SECTION_NAMES in web/src/sections/contract.ts').toEqual(
      [...(model('api::event.event').attributes.sections!.components ?? [])].sort(),
    );
    for (const sample of ['record-clearing-day', 'a1', 'A', 'a--b', '-a', 'a_b'])
      expect(eventSchema.shape.slug.safeParse(sample).success, sample).toBe(slug.test(sample));
  });

  it('fails, naming the model and field, when a field is renamed on one side only', () => {
    const hero = shapeOf(sectionContracts['sections.hero'].schema);
    if (hero.kind !== 'object') throw new Error('hero is an object');
    const { altText, ...rest } = hero.fields;
    const renamed: Shape = { ...hero, fields: { ...rest, altTxt: altText! } };
    expect(compare('sections.hero', renamed, sectionContracts['sections.hero'].populate as Populate, 'test')).toEqual([
      "sections.hero.altText: in the CMS (components/sections/hero.json) but not in the site's schema (test)",
      "sections.hero.altTxt: in the site's schema (test) but not in the CMS (components/sections/hero.json)",
    ]);
  });

  it('populates each section by its own fragment in the page query, none of them empty', () => {
    const on = (pageQuery('/').query.populate.sections as { on: Record<string, unknown> }).on;
    for (const name of sectionNames) {
      const fragment = sectionContracts[name].populate;
      expect(on[name], name).toEqual(fragment);
      // An empty object vanishes from the query string, and Strapi then leaves the type out of every answer.
      expect(
        fragment === true || Object.keys(fragment).length > 0,
        `${name}: use \`true\` when there is nothing to populate`,
      ).toBe(true);
    }
  });

  it('allows the same frame sources: what staff may embed is what the CSP frame-src allows', () => {
    const regex = model('sections.embed').attributes.url!.regex!;
    const inner = /^\^\(\?:(.*)\)\[\^\\s\]\*\$$/.exec(regex)?.[1];
    expect(inner, `unexpected shape of the embed url regex: ${regex}`).toBeDefined();
    const cmsPrefixes = inner!.split('|').map((part) => part.replace(/\\(.)/g, '$1'));
    expect([...cmsPrefixes].sort()).toEqual(FRAME_SOURCES.map((source) => source.prefix).sort());
  });

  it('the newsletter form: the CMS accepts the same form addresses the site posts to', () => {
    const rule = new RegExp(model('shared.newsletter').attributes.action!.regex!);
    const samples = [
      'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=0f3a1b&id=9c8d7e',
      'https://cannabisequityil.us4.list-manage.com/subscribe/post?id=9c8d7e&u=0f3a1b&f_id=00a1',
      'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=0f3a1b',
      'http://cannabisequityil.us4.list-manage.com/subscribe/post?u=0f3a1b&id=9c8d7e',
      'https://evil.example/subscribe/post?u=0f3a1b&id=9c8d7e',
      'https://cannabisequityil.us4.list-manage.com.evil.example/subscribe/post?u=0f3a1b&id=9c8d7e',
      'https://x.us4.list-manage.com/subscribe/post?u=0f3a1b&id=9c8d7e javascript:alert(1)',
    ];
    for (const sample of samples) expect(isNewsletterAction(sample), sample).toBe(rule.test(sample));
  });

  it("keeps pages off the site's own routes: each folder of src/pages is an address the CMS refuses for a page", () => {
    const reserved = Object.keys(
      JSON.parse(readFileSync(path.join(CMS_SRC, 'validation/site-routes.json'), 'utf8')) as Record<string, string>,
    );
    const pages = path.resolve(import.meta.dirname, '../../src/pages');
    // A language's folder (es/) is no route of its own: the routes are the folders in it.
    const folders = readdirSync(pages, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('['))
      .flatMap((entry) =>
        isLocale(entry.name)
          ? readdirSync(path.join(pages, entry.name), { withFileTypes: true })
              .filter((inner) => inner.isDirectory())
              .map((inner) => `/${entry.name}/${inner.name}/`)
          : [`/${entry.name}/`],
      );
    expect(folders.sort()).toEqual(reserved.sort());
    // …and links to them are links to the site itself, never judged as links to missing pages.
    expect([...OWN_ROUTES].sort()).toEqual(reserved.sort());
  });
});
