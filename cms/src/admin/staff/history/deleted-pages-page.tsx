import { Box, Button, Flex, Loader, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { languageName } from './edit-view-locale';
import { HistoryBrowser } from './history-browser';
import { RestoreDialog } from './restore-dialog';
import { RESTORED_NOTICE, when, type DeletedPage, type VersionEntry, type VersionPage } from './history-types';

/**
 * Pages that were deleted, here or in the old site before the move, with their history, one row
 * per language deleted: each can be looked through and brought back as a draft in its language,
 * under the same history.
 */
const DeletedPagesPage = () => {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [pages, setPages] = useState<DeletedPage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState<DeletedPage | null>(null);
  const [restoring, setRestoring] = useState<{ version: VersionEntry; page: DeletedPage } | null>(null);
  const load = useCallback(() => {
    get<{ pages: DeletedPage[] }>('/site-tools/deleted-pages').then(
      ({ data }) => setPages(data.pages),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [get]);
  useEffect(load, [load]);
  // The content a deleted page had last in its language: the version its deletion kept (the newest).
  const restoreLast = async (page: DeletedPage) => {
    try {
      const query = new URLSearchParams({ limit: '1', locale: page.locale });
      const { data } = await get<VersionPage>(`/site-tools/versions/api::page.page/${page.documentId}?${query}`);
      if (data.versions[0]) setRestoring({ version: data.versions[0], page });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // To the restored page's edit view, in the language brought back.
  const restored = (page: DeletedPage) => (notice: string) => {
    window.sessionStorage.setItem(RESTORED_NOTICE, notice);
    const query = new URLSearchParams({ 'plugins[i18n][locale]': page.locale });
    navigate(`/content-manager/collection-types/api::page.page/${page.documentId}?${query}`);
  };
  return (
    <Layouts.Root>
      <Layouts.Header
        title="Deleted pages"
        subtitle="Pages deleted here, and the old site's deleted pages. Each keeps its history; Restore brings it back as a draft."
      />
      <Layouts.Content>
        {error && (
          <Box background="danger100" padding={3} hasRadius role="alert">
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        )}
        {!pages ? (
          <Loader small>Loading…</Loader>
        ) : pages.length === 0 ? (
          <Typography>No page has been deleted.</Typography>
        ) : (
          <Table colCount={6} rowCount={pages.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Page</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Language</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Address</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Deleted (Chicago)</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Versions</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Actions</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {pages.map((page) => (
                <Tr key={`${page.documentId}:${page.locale}`} data-locale={page.locale}>
                  <Td>
                    <Typography fontWeight="semiBold">{page.title ?? '(no title)'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{languageName(page.locale)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{page.path ?? (page.file ? `old site file ${page.file}` : '—')}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {page.deleted ? when(page.at) : `never in the CMS (last changed ${when(page.at)})`}
                      {page.who ? ` · ${page.who}` : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{page.versions}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      <Button variant="tertiary" size="S" onClick={() => setLooking(page)}>
                        History
                      </Button>
                      {page.addressTakenBy ? (
                        <Typography variant="pi" textColor="neutral600">
                          Its address is the page «{page.addressTakenBy}» now
                        </Typography>
                      ) : (
                        <Button variant="secondary" size="S" onClick={() => restoreLast(page)}>
                          Restore…
                        </Button>
                      )}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {looking && (
          <Modal.Root open onOpenChange={(open: boolean) => !open && setLooking(null)}>
            <Modal.Content style={{ width: 'min(110rem, 96vw)', maxWidth: 'none' }}>
              <Modal.Header>
                <Modal.Title>
                  History of «{looking.title ?? looking.path}» — {languageName(looking.locale)}
                </Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <HistoryBrowser
                  uid="api::page.page"
                  documentId={looking.documentId}
                  locale={looking.locale}
                  onRestored={restored(looking)}
                />
              </Modal.Body>
            </Modal.Content>
          </Modal.Root>
        )}
        {restoring && (
          <RestoreDialog
            version={restoring.version}
            onClose={() => setRestoring(null)}
            onRestored={restored(restoring.page)}
          />
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default DeletedPagesPage;
