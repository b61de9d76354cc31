import {
  Box,
  Flex,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { TranslationSummary } from './translation-summary';
import { editViewPath, STATE_TEXT, type PageTranslations, type TranslationState } from './translation-types';

const ALL = 'all';
/** What a translator does first: missing and out-of-date pages before current ones. */
const ORDER: Record<TranslationState, number> = { missing: 0, 'out-of-date': 1, current: 2 };

/**
 * Translations (main menu, issue 25): every page with where its Spanish version stands, the pages
 * to translate or bring up to date first, each with the way to its Spanish form and, when out of
 * date, the English changes since the translation.
 */
const TranslationsPage = () => {
  const { get } = useFetchClient();
  const [pages, setPages] = useState<PageTranslations[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string>(ALL);
  useEffect(() => {
    get<{ pages: PageTranslations[] }>('/site-tools/translations').then(
      ({ data }) => setPages(data.pages),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [get]);
  const rows = (pages ?? [])
    .flatMap((page) => page.translations.map((translation) => ({ page, translation })))
    .filter(({ translation }) => shown === ALL || translation.state === shown)
    .sort((a, b) => ORDER[a.translation.state] - ORDER[b.translation.state]);
  const count = (state: TranslationState) =>
    (pages ?? []).filter((page) => page.translations.some((t) => t.state === state)).length;
  return (
    <Layouts.Root>
      <Layouts.Header
        title="Translations"
        subtitle="Each page's Spanish version: missing, out of date (the English was published after it) or current."
      />
      <Layouts.Content>
        {error && (
          <Box background="danger100" padding={3} hasRadius role="alert">
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        )}
        {!pages ? (
          <Loader small>Loading…</Loader>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box maxWidth="24rem">
              <SingleSelect
                aria-label="Show pages whose translation is"
                value={shown}
                onChange={(value: string | number) => setShown(String(value))}
              >
                <SingleSelectOption value={ALL}>All pages ({pages.length})</SingleSelectOption>
                {(Object.keys(STATE_TEXT) as TranslationState[]).map((state) => (
                  <SingleSelectOption key={state} value={state}>
                    {STATE_TEXT[state].label} ({count(state)})
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Table colCount={3} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Page (English)</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Translation</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Edit</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map(({ page, translation }) => (
                  <Tr key={`${page.documentId} ${translation.locale}`}>
                    <Td>
                      <Typography fontWeight="bold" tag="p">
                        {page.title}
                      </Typography>
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {page.path}
                      </Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: '36rem' }}>
                      <TranslationSummary page={page} translation={translation} />
                    </Td>
                    <Td>
                      <Link tag={NavLink} to={editViewPath(page.documentId, translation.locale)}>
                        {translation.state === 'missing' && !translation.draft ? 'Translate' : 'Edit the translation'}
                      </Link>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default TranslationsPage;
