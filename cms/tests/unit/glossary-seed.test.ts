import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_TOKEN_PERMISSIONS } from '../../src/bootstrap/read-token';
import { GLOSSARY, GLOSSARY_SEED_FILE, glossarySeedTerms } from '../../src/bootstrap/seed-glossary';
import { STAFF_CONTENT } from '../../src/staff/staff-roles';
import { schemaFromFiles } from '../support/schema-files';

const seedText = readFileSync(path.resolve(import.meta.dirname, '../../seed', GLOSSARY_SEED_FILE), 'utf8');

describe('the glossary', () => {
  it('is one document for staff, in no language of its own and without drafts, that the site never reads', () => {
    const schema = schemaFromFiles(GLOSSARY) as unknown as {
      kind: string;
      options: { draftAndPublish: boolean };
      pluginOptions?: { i18n?: { localized?: boolean } };
    };
    expect(schema.kind).toBe('singleType');
    expect(schema.options.draftAndPublish).toBe(false);
    expect(schema.pluginOptions?.i18n?.localized ?? false).toBe(false);
    expect(STAFF_CONTENT).toContain(GLOSSARY);
    expect(READ_TOKEN_PERMISSIONS.filter((action) => action.startsWith(GLOSSARY))).toEqual([]);
  });
});

describe('the glossary seed (seed/glossary.yml)', () => {
  const terms = glossarySeedTerms(seedText);

  it('holds the first terms of Illinois record clearing in the Spanish the issue chose', () => {
    expect(Object.fromEntries(terms.map((term) => [term.english, term.spanish]))).toMatchObject({
      expungement: 'eliminación de antecedentes (expungement)',
      sealing: 'sellado de antecedentes (sealing)',
      'RAP sheet': 'historial de antecedentes penales (RAP sheet)',
      'criminal record': 'antecedentes penales',
      arrest: 'arresto',
      conviction: 'condena',
      dismissed: 'desestimado',
      supervision: 'supervisión (court supervision)',
      petition: 'petición',
      'circuit clerk': 'secretario del tribunal de circuito (Circuit Clerk)',
      'legal aid': 'asistencia legal gratuita',
      'automatic expungement': 'eliminación automática de antecedentes',
      'juvenile record': 'antecedentes juveniles',
      pardon: 'indulto',
      cannabis: 'cannabis',
    });
  });

  it('marks every term as a draft for staff to review, in a note that fits', () => {
    for (const term of terms) {
      expect(term.note, term.english).toMatch(/To be reviewed by staff\.$/);
      expect(term.note!.length, term.english).toBeLessThanOrEqual(300);
    }
  });

  it('refuses a term that does not fit the glossary, naming it', () => {
    const file = (items: string) => `terms:\n${items}`;
    expect(() => glossarySeedTerms(file('  - english: x\n'))).toThrow(/term 1: spanish is required/);
    expect(() => glossarySeedTerms(file(`  - english: x\n    spanish: ${'y'.repeat(121)}\n`))).toThrow(
      /spanish has 121 characters; at most 120 fit/,
    );
    expect(() =>
      glossarySeedTerms(file('  - english: arrest\n    spanish: arresto\n  - english: Arrest\n    spanish: x\n')),
    ).toThrow(/term 2: "Arrest" is already in the list/);
    expect(() => glossarySeedTerms(file('  - english: x\n    spanish: y\n    notes: z\n'))).toThrow(
      /unknown field\(s\) notes/,
    );
    expect(() => glossarySeedTerms('- english: x\n')).toThrow(/expected a list under "terms:"/);
  });

  it('stores a term without a note without one, and words on one line', () => {
    expect(glossarySeedTerms('terms:\n  - english: " hearing "\n    spanish: "audiencia"\n    note: ""\n')).toEqual([
      { english: 'hearing', spanish: 'audiencia' },
    ]);
  });
});
