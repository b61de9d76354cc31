import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossarySeedTerms } from '../../src/bootstrap/seed-glossary';
import { contentApi, editorSession } from '../support/http';
import { CMS_DIR } from '../support/strapi-process';

type Term = { id?: number; english: string; spanish: string; note: string | null };
type Glossary = { documentId: string; terms: Term[] };

const GLOSSARY = '/content-manager/single-types/api::glossary.glossary';
const seeded = glossarySeedTerms(readFileSync(path.join(CMS_DIR, 'seed/glossary.yml'), 'utf8'));
/** A term as the edit view sends it back: its words, not its row id. */
const words = ({ english, spanish, note }: Term): Term => ({ english, spanish, note: note ?? null });

const read = async () => {
  const editor = await editorSession();
  const { status, body } = await editor.call('GET', GLOSSARY);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as Glossary;
};

describe('the translators’ glossary', () => {
  it('is filled on the first run from seed/glossary.yml, every term marked for staff review', async () => {
    const glossary = await read();
    expect(glossary.terms.map(words)).toEqual(seeded.map((term) => ({ ...term, note: term.note ?? null })));
    expect(glossary.terms.find((term) => term.english === 'expungement')?.spanish).toBe(
      'eliminación de antecedentes (expungement)',
    );
    for (const term of glossary.terms) expect(term.note, term.english).toContain('To be reviewed by staff');
  });

  it('is not readable by the site’s read token nor by anonymous callers: it is staff’s tool, not site content', async () => {
    for (const token of [undefined, null]) {
      const { status, body } = await contentApi('/glossary', { populate: '*' }, token);
      expect([403, 404], `${token === null ? 'anonymous' : 'read token'}: ${JSON.stringify(body)}`).toContain(status);
      expect(JSON.stringify(body)).not.toContain('expungement');
    }
  });

  it('is read and edited by the Editor in the content manager, and saved is live at once', async () => {
    const editor = await editorSession();
    const before = await read();
    const added: Term = {
      english: 'record clearing',
      spanish: 'limpieza de antecedentes',
      note: 'The general term for expungement and sealing together.',
    };
    try {
      const saved = await editor.call('PUT', GLOSSARY, { terms: [...before.terms.map(words), added] });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const after = await read();
      expect(after.documentId).toBe(before.documentId);
      expect(after.terms.map(words)).toEqual([...before.terms.map(words), added]);
    } finally {
      await editor.call('PUT', GLOSSARY, { terms: before.terms.map(words) });
    }
    expect((await read()).terms.map(words)).toEqual(before.terms.map(words));
  });

  it('refuses a note longer than 300 characters, before saving (the admin’s check) and on save, keeping the glossary as it was', async () => {
    const editor = await editorSession();
    const before = await read();
    const terms = [...before.terms.map(words), { english: 'hearing', spanish: 'audiencia', note: 'x'.repeat(301) }];
    const checked = await editor.call('POST', '/site-tools/check', {
      uid: 'api::glossary.glossary',
      documentId: before.documentId,
      values: { terms },
      publishing: false,
    });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    const problems = checked.body.problems as { path: string[]; message: string }[];
    expect(problems.map((problem) => problem.path.join('.'))).toEqual([`terms.${terms.length - 1}.note`]);
    expect(problems[0]!.message).toMatch(/301 characters; at most 300 fit/);

    const refused = await editor.call('PUT', GLOSSARY, { terms });
    expect(refused.status).toBe(400);
    expect((await read()).terms.map(words)).toEqual(before.terms.map(words));
  });
});
