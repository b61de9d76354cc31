import { describe, expect, it } from 'vitest';
import {
  FIELDS_COMPONENT,
  FORM_FIELDS,
  FORM_KIND_NAMES,
  FORM_KINDS,
  isRefusedIntakeField,
} from '../../src/forms/form-kinds';
import counties from '../../src/forms/illinois-counties.json';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFromFiles, SRC } from '../support/schema-files';
import { parse } from 'yaml';

/** What the CMS writes on a submission itself, beside the visitor's fields. */
const WRITTEN_BY_CMS = ['form', 'language', 'state', 'setAsideBecause', 'handledAt', 'notifiedAt'];

const attributesOf = (uid: string) => {
  const schema = schemaFromFiles(uid);
  if (!schema) throw new Error(`${uid} has no schema file`);
  return schema.attributes;
};

describe('the forms’ schemas', () => {
  it.each(FORM_KIND_NAMES)('give the %s form’s wording a label for exactly the fields its store keeps', (form) => {
    const wording = Object.keys(attributesOf(FIELDS_COMPONENT[form]));
    expect(wording, `src/components/forms/*-fields.json and FORM_FIELDS.${form}`).toEqual([...FORM_FIELDS[form]]);
    const stored = Object.keys(attributesOf(FORM_KINDS[form].store));
    for (const field of FORM_FIELDS[form]) expect(stored, `${FORM_KINDS[form].store} keeps ${field}`).toContain(field);
  });

  it('keep nothing in a store but the forms’ fields and what the CMS writes itself', () => {
    for (const store of new Set(Object.values(FORM_KINDS).map((kind) => kind.store))) {
      const forms = FORM_KIND_NAMES.filter((form) => FORM_KINDS[form].store === store);
      const allowed = new Set([...forms.flatMap((form) => FORM_FIELDS[form]), ...WRITTEN_BY_CMS]);
      const extra = Object.keys(attributesOf(store)).filter((field) => !allowed.has(field));
      expect(extra, `${store} has fields no form fills`).toEqual([]);
    }
  });

  it('hold no field for a date of birth, an SSN, an ID or case number, immigration status, a document or an address in a help request', () => {
    const names = [
      ...Object.keys(attributesOf('api::help-request.help-request')),
      ...Object.keys(attributesOf(FIELDS_COMPONENT.help)),
    ];
    const refused = names.filter(isRefusedIntakeField);
    expect(refused).toEqual([]);
    // The patterns do catch those fields, so an empty list above means something.
    for (const name of [
      'dateOfBirth',
      'ssn',
      'stateId',
      'caseNumber',
      'immigrationStatus',
      'documents',
      'streetAddress',
      'age',
      'lastName',
      'uploadedFile',
    ])
      expect(isRefusedIntakeField(name), name).toBe(true);
    const types = Object.values(attributesOf('api::help-request.help-request')).map((attribute) => attribute.type);
    expect(types, 'no file or media field').not.toContain('media');
  });

  it('give the content API nothing of a submission but the site’s submit, and nothing of the spam filter', async () => {
    const routes = async (api: string) =>
      ((await import(`../../src/api/${api}/routes/${api}.ts`)) as { default: { routes?: { path: string }[] } }).default;
    expect((await routes('form-submission')).routes?.map((route) => route.path)).toEqual(['/form-submissions/submit']);
    for (const api of ['help-request', 'spam-filter'])
      expect(readFileSync(path.join(SRC, 'api', api, 'routes', `${api}.ts`), 'utf8'), api).toMatch(/only: \[\]/);
  });

  it('keep submissions out of drafts and languages', () => {
    for (const store of ['api::form-submission.form-submission', 'api::help-request.help-request']) {
      const schema = schemaFromFiles(store) as unknown as {
        options?: { draftAndPublish?: boolean };
        pluginOptions?: { i18n?: { localized?: boolean } };
      };
      expect(schema.options?.draftAndPublish, store).toBe(false);
      expect(schema.pluginOptions?.i18n?.localized, store).toBe(false);
    }
  });

  it('list Illinois’s 102 counties once each', () => {
    expect(counties.counties).toHaveLength(102);
    expect(new Set(counties.counties).size).toBe(102);
  });
});

describe('the forms’ first wording (seed/forms/*.yml)', () => {
  for (const language of ['en', 'es']) {
    it(`words every field of every form in ${language}, each with a label and at most a help line`, () => {
      const wording = parse(readFileSync(path.join(SRC, '..', 'seed', 'forms', `${language}.yml`), 'utf8')) as Record<
        string,
        { fields: Record<string, Record<string, unknown>> }
      >;
      for (const kind of FORM_KIND_NAMES) {
        const fields = wording[kind]!.fields;
        expect(Object.keys(fields), `${language} ${kind}`).toEqual([...FORM_FIELDS[kind]]);
        for (const [name, field] of Object.entries(fields)) {
          // A comma in a YAML flow mapping ends the value: "help: If not, we …" loses its half to a key of its own.
          expect(
            Object.keys(field).filter((key) => key !== 'label' && key !== 'help'),
            `${language} ${kind}.${name}`,
          ).toEqual([]);
          expect(typeof field.label, `${language} ${kind}.${name}`).toBe('string');
        }
      }
    });
  }
});
