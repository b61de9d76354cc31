import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { DEFAULT_LOCALE } from '../../../translation/languages';
import { useEditViewLocale } from '../history/edit-view-locale';
import { GlossaryList } from './glossary-list';
import { TranslationSummary } from './translation-summary';
import type { PageTranslations } from './translation-types';

const PAGE = 'api::page.page';

const TranslationContent = ({
  documentId,
  locale,
  savedAt,
}: {
  documentId: string;
  locale: string | null;
  savedAt: string | undefined;
}) => {
  const { get } = useFetchClient();
  const [page, setPage] = useState<PageTranslations | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<{ pages: PageTranslations[] }>(`/site-tools/translations?${new URLSearchParams({ documentId })}`).then(
      ({ data }) => setPage(data.pages[0] ?? null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // Asked again after each save or publish (the document's updatedAt changes).
  }, [get, documentId, savedAt]);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {error ? (
        <Typography textColor="danger600">Could not read the translations ({error}).</Typography>
      ) : page ? (
        page.translations.map((translation) => (
          <TranslationSummary key={translation.locale} page={page} translation={translation} />
        ))
      ) : null}
      <Link tag={NavLink} to="/translations">
        All pages by translation status
      </Link>
      {/* The translator's words, beside the Spanish form. */}
      {locale && locale !== DEFAULT_LOCALE && (
        <Box paddingTop={2}>
          <GlossaryList />
        </Box>
      )}
    </Flex>
  );
};

/**
 * "Translation" beside a page's edit form (issue 25): whether its Spanish version is missing, out
 * of date (the English was published after it, with the English changes since) or current, and,
 * while the Spanish form is shown, the glossary.
 */
export const TranslationPanel: PanelComponent = (props: PanelComponentProps) => {
  const locale = useEditViewLocale(props.model, props.document as Record<string, unknown> | undefined);
  const documentId = props.documentId ?? (props.document as { documentId?: string } | undefined)?.documentId;
  if (props.model !== PAGE || !documentId) return null;
  return {
    title: 'Translation',
    content: (
      <TranslationContent
        documentId={documentId}
        locale={locale}
        savedAt={(props.document as { updatedAt?: string } | undefined)?.updatedAt}
      />
    ),
  };
};
