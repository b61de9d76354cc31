import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import termSchema from '../components/shared/glossary-term.json';

export const GLOSSARY = 'api::glossary.glossary';
/** The words, in the seed folder: staff and developers edit words, not code. */
export const GLOSSARY_SEED_FILE = 'glossary.yml';

/** A term as the component stores it (a term without a note has none). */
export type GlossaryTerm = { english: string; spanish: string; note?: string };

type Field = keyof GlossaryTerm & keyof typeof termSchema.attributes;
const FIELDS: readonly Field[] = ['english', 'spanish', 'note'];
const limit = (field: Field): number => termSchema.attributes[field].maxLength;
const required = (field: Field): boolean => (termSchema.attributes[field] as { required?: boolean }).required === true;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The terms of a glossary seed file (`terms:`, a list of { english, spanish, note }), checked
 * against the term component's own limits; a term that breaks one is named with what to fix.
 */
export const glossarySeedTerms = (text: string, file = GLOSSARY_SEED_FILE): GlossaryTerm[] => {
  const parsed: unknown = parse(text);
  const terms = isRecord(parsed) ? parsed.terms : undefined;
  if (!Array.isArray(terms)) throw new Error(`${file}: expected a list under "terms:".`);
  const seen = new Set<string>();
  return terms.map((item: unknown, index) => {
    const at = `${file}, term ${index + 1}`;
    if (!isRecord(item)) throw new Error(`${at}: expected english, spanish and note.`);
    const unknown = Object.keys(item).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length > 0)
      throw new Error(`${at}: unknown field(s) ${unknown.join(', ')}; a term has ${FIELDS.join(', ')}.`);
    const value = (field: Field): string | null => {
      const raw = item[field];
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        if (required(field)) throw new Error(`${at}: ${field} is required.`);
        return null;
      }
      if (typeof raw !== 'string') throw new Error(`${at}: ${field} must be text.`);
      const clean = raw.replace(/\s+/g, ' ').trim();
      if (clean.length > limit(field))
        throw new Error(
          `${at} (${String(item.english)}): ${field} has ${clean.length} characters; at most ${limit(field)} fit.`,
        );
      return clean;
    };
    const note = value('note');
    const term: GlossaryTerm = { english: value('english')!, spanish: value('spanish')!, ...(note ? { note } : {}) };
    const key = term.english.toLowerCase();
    if (seen.has(key)) throw new Error(`${at}: "${term.english}" is already in the list.`);
    seen.add(key);
    return term;
  });
};

/**
 * Fills the glossary from seed/glossary.yml when it has no terms: on the first run, and on the
 * first start of a site that had content before the glossary existed (and after staff emptied
 * it: the first list comes back). Once it has terms, nothing here touches them.
 */
export const seedGlossary = async (strapi: Core.Strapi, seed: string): Promise<void> => {
  const glossary = strapi.documents(GLOSSARY);
  const current = await glossary.findFirst({ populate: ['terms'] });
  if ((current?.terms?.length ?? 0) > 0) return;
  const file = path.join(seed, GLOSSARY_SEED_FILE);
  const terms = glossarySeedTerms(await readFile(file, 'utf8'), file);
  if (current) await glossary.update({ documentId: current.documentId, data: { terms } });
  else await glossary.create({ data: { terms } });
  strapi.log.info(
    `Seed: the glossary's first ${terms.length} term(s), to be reviewed by staff (seed/${GLOSSARY_SEED_FILE}).`,
  );
};
