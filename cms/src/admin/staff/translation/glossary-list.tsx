import { Box, Field, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';

/** The glossary single type (cms/src/api/glossary): staff's own, read with their admin session. */
const GLOSSARY_UID = 'api::glossary.glossary';
/** The content manager's admin API for it, and its edit view (a path inside the admin, for its router: /admin/…). */
const GLOSSARY_PATH = `/content-manager/single-types/${GLOSSARY_UID}`;

export type GlossaryTerm = { english: string; spanish: string; note: string | null };

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; terms: GlossaryTerm[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The terms of the content manager's answer ({ data: { terms: [...] } }), leaving out any entry not filled in. */
export const termsOf = (body: unknown): GlossaryTerm[] => {
  const data = isRecord(body) ? body.data : undefined;
  const terms = isRecord(data) ? data.terms : undefined;
  if (!Array.isArray(terms)) return [];
  return terms.flatMap((term: unknown): GlossaryTerm[] => {
    if (!isRecord(term) || typeof term.english !== 'string' || typeof term.spanish !== 'string') return [];
    if (term.english.trim() === '' && term.spanish.trim() === '') return [];
    const note = typeof term.note === 'string' && term.note.trim() !== '' ? term.note : null;
    return [{ english: term.english, spanish: term.spanish, note }];
  });
};

/** Lowercase, without accents: "eliminacion" finds «eliminación». */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The terms whose English or Spanish contains every word of `query`. */
export const matchingTerms = (terms: GlossaryTerm[], query: string): GlossaryTerm[] => {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return terms;
  return terms.filter((term) => {
    const text = folded(`${term.english} ${term.spanish}`);
    return words.every((word) => text.includes(word));
  });
};

const useGlossary = (): Loaded => {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    get<unknown>(GLOSSARY_PATH).then(
      ({ data }) => current && setLoaded({ state: 'ready', terms: termsOf(data) }),
      (error: unknown) => {
        if (!current) return;
        // Not created yet: a glossary without terms, not a failure.
        if (isFetchError(error) && error.status === 404) setLoaded({ state: 'ready', terms: [] });
        else setLoaded({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [get]);
  return loaded;
};

const TermRow = ({ term }: { term: GlossaryTerm }) => (
  <Box tag="li" paddingBottom={2}>
    <Typography variant="omega" tag="p">
      <strong lang="en">{term.english}</strong> → <span lang="es">{term.spanish}</span>
    </Typography>
    {term.note && (
      <Typography variant="pi" textColor="neutral600" tag="p">
        {term.note}
      </Typography>
    )}
  </Box>
);

/**
 * The translators' glossary (issue 25), compactly: each English term → the Spanish the site
 * uses, its note in smaller text, a box to find a term (English or Spanish, accents optional)
 * and a link to edit the glossary. Read once with the staff member's admin session.
 */
export const GlossaryList = () => {
  const loaded = useGlossary();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (loaded.state === 'ready' ? matchingTerms(loaded.terms, query) : []), [loaded, query]);
  const edit = (
    <Link tag={RouterLink} to={GLOSSARY_PATH}>
      Edit the glossary
    </Link>
  );

  if (loaded.state === 'loading') return <Loader small>Loading the glossary…</Loader>;
  if (loaded.state === 'error')
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" textColor="danger600" tag="p" role="alert">
          The glossary could not be read: {loaded.message}
        </Typography>
        {edit}
      </Flex>
    );
  if (loaded.terms.length === 0)
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" tag="p">
          No terms yet.
        </Typography>
        {edit}
      </Flex>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="glossary-find">
        <Field.Label>Find a term</Field.Label>
        <Field.Input
          type="search"
          value={query}
          placeholder="English or Spanish"
          onChange={(event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
        />
      </Field.Root>
      {shown.length === 0 ? (
        <Typography variant="pi" tag="p" aria-live="polite">
          No term matches “{query.trim()}”.
        </Typography>
      ) : (
        <Box tag="ul" aria-label="Glossary terms">
          {shown.map((term, index) => (
            <TermRow key={`${term.english} ${index}`} term={term} />
          ))}
        </Box>
      )}
      <Typography variant="pi" textColor="neutral600" tag="p" aria-live="polite">
        {shown.length === loaded.terms.length
          ? `${loaded.terms.length} term${loaded.terms.length === 1 ? '' : 's'}`
          : `${shown.length} of ${loaded.terms.length} terms`}
      </Typography>
      {edit}
    </Flex>
  );
};
