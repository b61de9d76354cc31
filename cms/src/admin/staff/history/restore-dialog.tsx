import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { languageName } from './edit-view-locale';
import { when, type RestorePlan, type VersionEntry } from './history-types';

/**
 * "Restore this version?": first what cannot come back (a deleted image, a link to a page that
 * is gone) and what stays (the page's address), then the restore into the draft. What is
 * published stays until staff publish.
 */
export const RestoreDialog = ({
  version,
  onClose,
  onRestored,
}: {
  version: VersionEntry;
  onClose: () => void;
  /** With what to tell staff once the restored draft shows. */
  onRestored: (notice: string) => void;
}) => {
  const { get, post } = useFetchClient();
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const language = version.locale ? ` (${languageName(version.locale)})` : '';
  useEffect(() => {
    get<RestorePlan>(`/site-tools/version/${version.id}/restore`).then(
      ({ data }) => setPlan(data),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [get, version.id]);
  const restore = async () => {
    setBusy(true);
    try {
      await post(`/site-tools/version/${version.id}/restore`);
      onRestored(`The version of ${when(version.at)} is in the draft now. Check it, then publish it when it is right.`);
    } catch (e) {
      const answer = (e as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error;
      setError(answer?.message ?? (e instanceof Error ? e.message : String(e)));
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>
          Restore the version of {when(version.at)}
          {language}?
        </Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="omega" tag="p">
              {plan && !plan.exists
                ? 'The page comes back as a draft with this content; publish it to put it on the site.'
                : 'Its content goes into the draft, through the usual checks; the live page stays as it is until you publish. Changes in the form that are not saved are replaced.'}
            </Typography>
            {error && (
              <Box background="danger100" padding={3} hasRadius role="alert">
                <Typography textColor="danger700">{error}</Typography>
              </Box>
            )}
            {plan && !plan.restorable && <Typography textColor="danger700">{plan.reason}</Typography>}
            {plan && plan.lost.length > 0 && (
              <Box background="warning100" padding={3} hasRadius>
                <Typography variant="omega" fontWeight="bold" tag="p">
                  What cannot come back
                </Typography>
                <ul>
                  {plan.lost.map((line) => (
                    <li key={line}>
                      <Typography variant="pi">{line}</Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            )}
            {plan?.kept.map((line) => (
              <Typography key={line} variant="pi" textColor="neutral600" tag="p">
                {line}
              </Typography>
            ))}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">Cancel</Button>
          </Dialog.Cancel>
          <Button disabled={!plan?.restorable || busy} loading={busy} onClick={restore}>
            Restore into the draft
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
