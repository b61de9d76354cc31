import { Box, Button, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { ComparisonView } from '../history/comparison-view';
import type { Comparison } from '../history/history-types';

/**
 * "Compare the English changes": the English version that was live when the translation was
 * published beside the one live now, section by section, from the history (issue 24): what the
 * translator has to carry over.
 */
export const EnglishChanges = ({ older, newer, title }: { older: number; newer: number; title: string }) => {
  const { get } = useFetchClient();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (open: boolean) => {
    if (!open || comparison) return;
    get<{ comparison: Comparison }>(`/site-tools/version/${older}/compare/${newer}`).then(
      ({ data }) => setComparison(data.comparison),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Modal.Root onOpenChange={load}>
      <Modal.Trigger>
        <Button variant="secondary" size="S">
          Compare the English changes
        </Button>
      </Modal.Trigger>
      <Modal.Content style={{ width: 'min(110rem, 96vw)', maxWidth: 'none' }}>
        <Modal.Header>
          <Modal.Title>English changes since the translation: {title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error ? (
            <Typography textColor="danger600">Could not compare ({error}).</Typography>
          ) : comparison ? (
            <ComparisonView comparison={comparison} />
          ) : (
            <Box padding={4}>
              <Loader small>Comparing…</Loader>
            </Box>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
};
