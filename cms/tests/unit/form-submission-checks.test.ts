import { describe, expect, it } from 'vitest';
import { fieldValues, type StoreAttributes } from '../../src/forms/submit/field-values';
import { blockedWordsFrom, spamReason } from '../../src/forms/submit/spam-signals';
import type { SubmitRequest } from '../../src/forms/submit/submit-request';
import { schemaFromFiles } from '../support/schema-files';

const attributes = (uid: string) => schemaFromFiles(uid)!.attributes as unknown as StoreAttributes;
const request = (form: SubmitRequest['form'], values: SubmitRequest['values']): SubmitRequest => ({
  form,
  language: 'es',
  values,
  nonce: 'n'.repeat(22),
  nonceExpiresAt: Date.now() + 60_000,
  client: 'c'.repeat(22),
});

describe('a submission’s values', () => {
  const store = attributes('api::form-submission.form-submission');

  it('keep each field trimmed, with CRLF line ends as the visitor counted them, and the picks of staff’s list', () => {
    const { data, errors } = fieldValues(
      request('volunteer', {
        name: '  Renée Ñandú ',
        email: 'renee@example.org',
        interests: ['Eventos', 'Eventos', 'Traducción (español)'],
        message: 'Línea uno\r\nLínea dos',
      }),
      store,
      { interests: ['Eventos', 'Traducción (español)'] },
    );
    expect(errors).toEqual({});
    expect(data).toEqual({
      name: 'Renée Ñandú',
      email: 'renee@example.org',
      interests: ['Eventos', 'Traducción (español)'],
      message: 'Línea uno\nLínea dos',
    });
  });

  it('count a field’s limit in UTF-16 units, as the store and the browser do, so nothing passing here is refused later', () => {
    const name = '😀'.repeat(50); // 50 emoji, 100 UTF-16 units: the most a 100-unit name holds
    expect(fieldValues(request('stay-informed', { name, email: 'a@b.co' }), store, {}).errors).toEqual({});
    expect(fieldValues(request('stay-informed', { name: `${name}x`, email: 'a@b.co' }), store, {}).errors).toEqual({
      name: 'too-long',
    });
  });

  it('refuse two topics where one is picked, and a list where text is asked', () => {
    const { errors } = fieldValues(
      request('contact', { name: ['a', 'b'], email: 'a@b.co', topic: ['Prensa', 'Otro'] }),
      store,
      { topics: ['Prensa', 'Otro'] },
    );
    expect(errors).toEqual({ name: 'choice', topic: 'choice' });
  });

  it('take a help request’s county from the 102, or Outside Illinois, or Not sure', () => {
    const help = attributes('api::help-request.help-request');
    const base = {
      firstName: 'Ana',
      reachBy: 'phone',
      contact: '312-555-0100',
      safeToLeaveMessage: 'yes',
      preferredLanguage: 'spanish',
      caseWhen: 'not-sure',
      caseKind: 'not-sure',
      cannabisRelated: 'not-sure',
      under18: 'no',
    };
    for (const county of ['DuPage', 'St. Clair', 'Outside Illinois', 'Not sure'])
      expect(fieldValues(request('help', { ...base, county }), help, {}).errors, county).toEqual({});
    expect(fieldValues(request('help', { ...base, county: 'Dupage County' }), help, {}).errors).toEqual({
      county: 'choice',
    });
  });
});

describe('the spam filter', () => {
  const filter = { blockedWords: blockedWordsFrom(' Casino Bonus \n\n@spam.example\n'), mostLinks: 2 };

  it('sets aside more links than staff allow, counting bare www. and BBCode links', () => {
    expect(spamReason({ message: 'https://a.example and www.b.example' }, filter)).toBeNull();
    expect(spamReason({ message: 'https://a.example www.b.example [url=c]' }, filter)).toBe(
      '3 links (the filter allows 2)',
    );
  });

  it('matches a blocked phrase as whole words in any case, and a blocked domain at the end of an address only', () => {
    expect(spamReason({ message: 'CASINO  BONUS' }, filter)).toBeNull(); // two spaces: not the phrase
    expect(spamReason({ message: 'A casino bonus!' }, filter)).toMatch(/casino bonus/);
    expect(spamReason({ message: 'casinobonus' }, filter)).toBeNull();
    expect(spamReason({ email: 'x@spam.example' }, filter)).toMatch(/@spam\.example/);
    expect(spamReason({ email: 'x@spam.example.org' }, filter)).toBeNull();
  });

  it('leaves Spanish words alone that merely contain a blocked one', () => {
    const spanish = { blockedWords: blockedWordsFrom('sexo'), mostLinks: 2 };
    expect(spamReason({ message: 'Asexo no; sexología' }, spanish)).toBeNull();
    expect(spamReason({ message: '¿Sexo?' }, spanish)).not.toBeNull();
  });
});
