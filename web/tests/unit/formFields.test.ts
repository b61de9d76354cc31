import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkValues } from '../../src/lib/forms/checkValues';
import { FIXED_ANSWERS, FORM_FIELDS, FORM_KINDS, type FormKind } from '../../src/lib/forms/formFields';
import type { FormWording } from '../../src/lib/forms/formWording';
import { ILLINOIS_COUNTIES, OTHER_COUNTY_ANSWERS } from '../../src/lib/forms/illinoisCounties';
import { stubSiteEnv } from '../support/fakeCms';

/**
 * The forms' fields as the site shows them against the CMS's definition of them, field by field:
 * the packages meet only over HTTP, so the schemas are read as files. A field added, removed or
 * changed on one side only is named here.
 */
const CMS_SRC = path.resolve(import.meta.dirname, '../../../cms/src');
type Attribute = { type: string; required?: boolean; maxLength?: number; enum?: string[] };
const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(CMS_SRC, file), 'utf8')) as T;
const attributes = (file: string) => json<{ attributes: Record<string, Attribute> }>(file).attributes;

const WORDING: Record<FormKind, string> = {
  contact: 'components/forms/contact-fields.json',
  volunteer: 'components/forms/volunteer-fields.json',
  'stay-informed': 'components/forms/stay-informed-fields.json',
  help: 'components/forms/help-request-fields.json',
};
const STORE: Record<FormKind, string> = {
  contact: 'api/form-submission/content-types/form-submission/schema.json',
  volunteer: 'api/form-submission/content-types/form-submission/schema.json',
  'stay-informed': 'api/form-submission/content-types/form-submission/schema.json',
  help: 'api/help-request/content-types/help-request/schema.json',
};

describe('the forms’ fields, site and CMS', () => {
  for (const kind of FORM_KINDS) {
    it(`${kind}: the same fields in the same order as the CMS's wording of them`, () => {
      expect(FORM_FIELDS[kind].map((field) => field.name)).toEqual(Object.keys(attributes(WORDING[kind])));
    });

    it(`${kind}: each field as the CMS keeps it (length, required, e-mail, the fixed answers)`, () => {
      const store = attributes(STORE[kind]);
      for (const field of FORM_FIELDS[kind]) {
        const kept = store[field.name];
        expect(kept, `${kind}.${field.name} is no attribute of ${STORE[kind]}`).toBeDefined();
        // The site may ask for more than the CMS requires (a contact message), never less.
        if (kept!.required) expect(field.required, `${kind}.${field.name} is required in the CMS`).toBe(true);
        if ('maxLength' in field) expect(field.maxLength, `${kind}.${field.name}'s maxLength`).toBe(kept!.maxLength);
        expect(field.control === 'email', `${kind}.${field.name}: e-mail in one only`).toBe(kept!.type === 'email');
        if (field.control === 'fixed-choice') expect([...FIXED_ANSWERS[field.answers]]).toEqual(kept!.enum);
        if (field.control === 'county') expect(kept!.maxLength).toBeGreaterThanOrEqual(40);
      }
    });
  }

  it('offers Illinois’s counties as the CMS checks them', () => {
    const cms = json<{ counties: string[]; otherAnswers: string[] }>('forms/illinois-counties.json');
    expect([...ILLINOIS_COUNTIES]).toEqual(cms.counties);
    expect([...OTHER_COUNTY_ANSWERS]).toEqual(cms.otherAnswers);
    expect(ILLINOIS_COUNTIES).toHaveLength(102);
  });
});

describe('the site’s own check of a form', () => {
  const wording = {
    lists: { topics: ['Clearing a record', 'Press and media'] },
  } as Pick<FormWording, 'lists'> as FormWording;
  const contact = { name: 'Ana', email: 'ana@example.com', topic: 'Press and media', message: 'Hola' };

  it('takes a complete answer, accents and all', () => {
    expect(checkValues('contact', { ...contact, name: 'José Núñez' }, wording)).toEqual({});
  });

  it('names each field a browser would have stopped: empty, too long, not an e-mail, not an answer offered', () => {
    expect(
      checkValues(
        'contact',
        { name: ' ', email: 'ana@localhost', topic: 'Free text', message: 'x'.repeat(3001) },
        wording,
      ),
    ).toEqual({ name: 'required', email: 'email', topic: 'choice', message: 'too-long' });
  });

  it('counts a line break as one character, as the browser’s maxlength does', () => {
    expect(checkValues('contact', { ...contact, message: `${'x'.repeat(2998)}\r\n.` }, wording)).toEqual({});
  });

  it('takes the help form’s fixed answers and counties only', () => {
    const help = {
      firstName: 'Jo',
      reachBy: 'text',
      contact: '312-555-0100',
      safeToLeaveMessage: 'no',
      preferredLanguage: 'spanish',
      county: 'Outside Illinois',
      caseWhen: 'not-sure',
      caseKind: 'supervision',
      cannabisRelated: 'yes',
      under18: 'no',
      message: '',
    };
    expect(checkValues('help', help, wording)).toEqual({});
    expect(checkValues('help', { ...help, county: 'Cook County', reachBy: 'fax' }, wording)).toEqual({
      county: 'choice',
      reachBy: 'choice',
    });
  });
});

describe('the signed time token', () => {
  beforeAll(stubSiteEnv);
  const load = () => import('../../src/lib/forms/formToken');

  it('is refused when sent sooner than a person could fill the form, taken after, and sent back once it is old', async () => {
    const { checkToken, issueToken, FASTEST_FILL_MS, LONGEST_FILL_MS } = await load();
    const at = 1_800_000_000_000;
    const token = issueToken('contact', at);
    expect(checkToken(token, 'contact', at + FASTEST_FILL_MS - 1)).toEqual({ ok: false, reason: 'too-fast' });
    expect(checkToken(token, 'contact', at + 2 * 60 * 60 * 1000)).toMatchObject({ ok: true });
    expect(checkToken(token, 'contact', at + LONGEST_FILL_MS + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('is refused altered, for another form, from the future or missing', async () => {
    const { checkToken, issueToken } = await load();
    const at = 1_800_000_000_000;
    const token = issueToken('contact', at);
    const later = at + 10_000;
    const [form, issued, nonce, signature] = token.split('.') as [string, string, string, string];
    expect(checkToken(`${form}.${(at - 60_000).toString(36)}.${nonce}.${signature}`, 'contact', later)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkToken(token, 'help', later)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken(`help.${issued}.${nonce}.${signature}`, 'help', later)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken(issueToken('contact', later + 120_000), 'contact', later)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkToken(null, 'contact', later)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken('contact.a.b', 'contact', later)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('carries a nonce the CMS accepts, kept until the token expires', async () => {
    const { checkToken, issueToken, LONGEST_FILL_MS } = await load();
    const at = 1_800_000_000_000;
    const checked = checkToken(issueToken('volunteer', at), 'volunteer', at + 5_000);
    expect(checked).toMatchObject({ ok: true, expiresAt: at + LONGEST_FILL_MS });
    if (checked.ok) expect(checked.nonce).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
  });
});

describe('a cached page’s token slots', () => {
  beforeAll(stubSiteEnv);

  it('are filled with a fresh token each time, and nothing else in the page changes', async () => {
    const { fillSlots, tokenSlot } = await import('../../src/lib/forms/tokenSlot');
    const page = `<form>${tokenSlot('contact')}<p>&lt;esi:include src="/form-token/contact/"/&gt;</p></form>${tokenSlot('help')}`;
    const body = new TextEncoder().encode(page);
    const first = new TextDecoder().decode(fillSlots(body));
    const second = new TextDecoder().decode(fillSlots(body));
    expect(first).not.toBe(second);
    expect(first).toMatch(/^<form><input type="hidden" name="formToken" value="contact\.[^"]+"><p>&lt;esi:include/);
    expect(first).toMatch(/<\/form><input type="hidden" name="formToken" value="help\.[^"]+">$/);
    expect(first).not.toContain('<esi:include');
  });
});
