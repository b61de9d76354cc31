import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { languageName, localeQuery, useEditViewLocale } from './edit-view-locale';
import { HistoryBrowser } from './history-browser';
import { actionLabel, RESTORED_NOTICE, when, type VersionPage } from './history-types';

/** The content types src/versions/record-versions.ts keeps versions of (VERSIONED), kept in step with it. */
const WITH_HISTORY = new Set(['api::page.page', 'api::event.event', 'api::global.global', 'api::redirect.redirect']);

type Shown = { uid: string; documentId: string; locale: string | null };

const Latest = ({ uid, documentId, locale, savedAt }: Shown & { savedAt: string | undefined }) => {
  const { get } = useFetchClient();
  const [page, setPage] = useState<VersionPage | null>(null);
  useEffect(() => {
    const query = new URLSearchParams({ limit: '3', ...localeQuery(locale) });
    get<VersionPage>(`/site-tools/versions/${uid}/${documentId}?${query}`).then(
      ({ data }) => setPage(data),
      () => setPage(null),
    );
    // Asked again after each save (the document's updatedAt changes) and for another language.
  }, [get, uid, documentId, locale, savedAt]);
  if (!page) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      {page.versions.map((v) => (
        <Typography key={v.id} variant="pi" tag="p">
          <strong>{actionLabel(v)}</strong> {when(v.at)}
          {v.who ? ` · ${v.who}` : ''}
        </Typography>
      ))}
      <Typography variant="pi" textColor="neutral600" tag="p">
        {page.total} version{page.total === 1 ? '' : 's'} in all
      </Typography>
    </Flex>
  );
};

const HistoryContent = ({
  model,
  documentId,
  locale,
  savedAt,
}: {
  model: string;
  documentId: string;
  locale: string | null;
  savedAt: string | undefined;
}) => {
  const [open, setOpen] = useState(false);
  const { toggleNotification } = useNotification();
  // After a restore the edit view loads again (its form keeps what it loaded): the notice waits for it.
  useEffect(() => {
    const notice = window.sessionStorage.getItem(RESTORED_NOTICE);
    if (!notice) return;
    window.sessionStorage.removeItem(RESTORED_NOTICE);
    toggleNotification({ type: 'success', message: notice, timeout: 10_000 });
  }, [toggleNotification]);
  return (
    <Box width="100%">
      <Latest uid={model} documentId={documentId} locale={locale} savedAt={savedAt} />
      <Box paddingTop={2}>
        <Modal.Root open={open} onOpenChange={setOpen}>
          <Modal.Trigger>
            <Button variant="secondary" fullWidth>
              Open the history
            </Button>
          </Modal.Trigger>
          <Modal.Content style={{ width: 'min(110rem, 96vw)', maxWidth: 'none' }}>
            <Modal.Header>
              <Modal.Title>History{locale ? ` — ${languageName(locale)}` : ''}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <HistoryBrowser
                uid={model}
                documentId={documentId}
                locale={locale}
                onRestored={(notice) => {
                  window.sessionStorage.setItem(RESTORED_NOTICE, notice);
                  window.location.reload();
                }}
              />
            </Modal.Body>
          </Modal.Content>
        </Modal.Root>
      </Box>
    </Box>
  );
};

/**
 * "History" beside the edit form of a page, the site settings or a redirect: its latest
 * versions, and the whole history to compare and restore from (issue 24), in the language the
 * edit view shows (issue 25).
 */
export const HistoryPanel: PanelComponent = (props: PanelComponentProps) => {
  // Strapi renders a panel as a component: its hooks run on every render, before any early return.
  const locale = useEditViewLocale(props.model, props.document as Record<string, unknown> | undefined);
  const documentId = props.documentId ?? (props.document as { documentId?: string } | undefined)?.documentId;
  if (!WITH_HISTORY.has(props.model) || !documentId) return null;
  return {
    title: locale ? `History — ${languageName(locale)}` : 'History',
    content: (
      <HistoryContent
        model={props.model}
        documentId={documentId}
        locale={locale}
        savedAt={(props.document as { updatedAt?: string } | undefined)?.updatedAt}
      />
    ),
  };
};
