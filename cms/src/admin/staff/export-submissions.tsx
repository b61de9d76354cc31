import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useParams } from 'react-router-dom';

/** The lists that can be exported, by content type: the name of their export (cms/src/forms/export-csv.ts). */
const EXPORTS: Record<string, string> = {
  'api::form-submission.form-submission': 'form-submissions',
  'api::help-request.help-request': 'help-requests',
};

/**
 * "Download CSV" at the top of the form submissions' and help requests' lists: every row as a
 * spreadsheet, for whoever may read that list (the CMS checks again). The file is made in the
 * browser from the answer and never stored by the CMS.
 */
export const ExportSubmissionsButton = () => {
  const { slug } = useParams<{ slug: string }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const name = slug ? EXPORTS[slug] : undefined;
  if (!name) return null;
  const download = async () => {
    setBusy(true);
    try {
      const { data } = await get<Blob>(`/site-tools/forms/export/${name}`, { responseType: 'blob' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      link.download = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      // Later, not at once: some browsers start reading the file only after the click returns.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: `The list could not be exported: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="tertiary" startIcon={<Download />} loading={busy} onClick={() => void download()}>
      Download CSV
    </Button>
  );
};
