import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
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
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ComparisonView } from './comparison-view';
import { localeQuery } from './edit-view-locale';
import { RestoreDialog } from './restore-dialog';
import {
  actionLabel,
  byWhom,
  wasLive,
  when,
  type Comparison,
  type VersionEntry,
  type VersionPage,
} from './history-types';

const PAGE_SIZE = 50;
const EVERYONE = '(everyone)';

type Compared = { older: VersionEntry; newer: VersionEntry; comparison: Comparison };

/**
 * A document's history in one language (none for a type without languages): every version,
 * newest first, filtered by who made it and by published ones; two picked are compared section by
 * section; any one restored into that language's draft.
 */
export const HistoryBrowser = ({
  uid,
  documentId,
  locale,
  onRestored,
}: {
  uid: string;
  documentId: string;
  locale: string | null;
  onRestored: (notice: string) => void;
}) => {
  const { get } = useFetchClient();
  const [who, setWho] = useState(EVERYONE);
  const [publishedOnly, setPublishedOnly] = useState(false);
  const [list, setList] = useState<VersionPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [comparing, setComparing] = useState(false);
  const [restoring, setRestoring] = useState<VersionEntry | null>(null);

  // Answers to a filter no longer chosen are dropped (a slower one could otherwise land last).
  const asked = useRef(0);
  const load = useCallback(
    async (offset: number) => {
      const ticket = ++asked.current;
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset), ...localeQuery(locale) });
      if (who !== EVERYONE) query.set('who', who);
      if (publishedOnly) query.set('published', 'true');
      try {
        const { data } = await get<VersionPage>(`/site-tools/versions/${uid}/${documentId}?${query}`);
        if (ticket !== asked.current) return;
        setList((before) =>
          offset === 0 || !before ? data : { ...data, versions: [...before.versions, ...data.versions] },
        );
        setError(null);
      } catch (e) {
        if (ticket === asked.current) setError(e instanceof Error ? e.message : String(e));
      }
    },
    [get, uid, documentId, locale, who, publishedOnly],
  );
  useEffect(() => {
    setList(null);
    void load(0);
  }, [load]);
  // The document's latest version, whatever the filter shows: what "Compare with the latest" compares with.
  const [newest, setNewest] = useState<VersionEntry | null>(null);
  useEffect(() => {
    const query = new URLSearchParams({ limit: '1', ...localeQuery(locale) });
    get<VersionPage>(`/site-tools/versions/${uid}/${documentId}?${query}`).then(
      ({ data }) => setNewest(data.versions[0] ?? null),
      () => setNewest(null),
    );
  }, [get, uid, documentId, locale]);

  const compare = async (first: number, second: number) => {
    setComparing(true);
    try {
      const { data } = await get<Compared>(`/site-tools/version/${first}/compare/${second}`);
      setCompared(data);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setComparing(false);
    }
  };
  // The site's preview of an earlier version, in a tab of its own (staff only, never cached).
  const preview = async (id: number) => {
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const { data } = await get<{ url: string }>(`/site-tools/version/${id}/preview`);
      if (tab) tab.location.href = data.url;
      else window.location.assign(data.url);
    } catch (e) {
      tab?.close();
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = (id: number) =>
    setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now.slice(-1), id]));

  if (compared)
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex gap={2} justifyContent="space-between" wrap="wrap">
          <Typography variant="omega">
            From <strong>{when(compared.older.at)}</strong> ({byWhom(compared.older)},{' '}
            {actionLabel(compared.older).toLowerCase()}) to <strong>{when(compared.newer.at)}</strong> (
            {byWhom(compared.newer)}, {actionLabel(compared.newer).toLowerCase()})
          </Typography>
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => setRestoring(compared.older)}>
              Restore the older one…
            </Button>
            <Button variant="tertiary" onClick={() => setCompared(null)}>
              Back to the list
            </Button>
          </Flex>
        </Flex>
        <ComparisonView comparison={compared.comparison} />
        {restoring && <RestoreDialog version={restoring} onClose={() => setRestoring(null)} onRestored={onRestored} />}
      </Flex>
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box minWidth="22rem">
          <SingleSelect aria-label="Made by" value={who} onChange={(value: string | number) => setWho(String(value))}>
            <SingleSelectOption value={EVERYONE}>Made by anyone</SingleSelectOption>
            {(list?.people ?? []).map((person) => (
              <SingleSelectOption key={person} value={person}>
                {person}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
        <Checkbox checked={publishedOnly} onCheckedChange={(checked) => setPublishedOnly(checked === true)}>
          Published versions only
        </Checkbox>
        <Button
          disabled={picked.length !== 2 || comparing}
          loading={comparing}
          onClick={() => compare(picked[0]!, picked[1]!)}
        >
          Compare the two picked
        </Button>
      </Flex>
      {error && (
        <Box background="danger100" padding={3} hasRadius role="alert">
          <Typography textColor="danger700">{error}</Typography>
        </Box>
      )}
      {!list ? (
        <Loader small>Loading the history…</Loader>
      ) : (
        <>
          <Typography variant="pi" textColor="neutral600">
            {list.total} version{list.total === 1 ? '' : 's'}
            {who !== EVERYONE || publishedOnly ? ' match' : ''}. Pick two to compare them.
          </Typography>
          <Table colCount={5} rowCount={list.versions.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Pick</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">When (Chicago)</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Who</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">What</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Actions</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {list.versions.map((version) => (
                <Tr key={version.id} data-version={version.id}>
                  <Td>
                    <Checkbox
                      aria-label={`Pick the version of ${when(version.at)}`}
                      checked={picked.includes(version.id)}
                      onCheckedChange={() => toggle(version.id)}
                    />
                  </Td>
                  <Td>
                    <Typography variant="omega">{when(version.at)}</Typography>
                  </Td>
                  <Td>
                    <Typography variant="omega">{byWhom(version)}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Flex gap={2}>
                        <Typography variant="omega" fontWeight="semiBold">
                          {actionLabel(version)}
                        </Typography>
                        {wasLive(version) && (
                          <Badge backgroundColor="success100" textColor="success700">
                            Live
                          </Badge>
                        )}
                        {version.raw && (
                          <Badge>{`Old file${version.file ? ` ${version.file}` : ''}, as written`}</Badge>
                        )}
                      </Flex>
                      {version.message && (
                        <Typography variant="pi" textColor="neutral600" ellipsis style={{ maxWidth: '36rem' }}>
                          {version.message.split('\n')[0]}
                        </Typography>
                      )}
                    </Flex>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      {newest && version.id !== newest.id && !version.raw && !newest.raw && (
                        <Button variant="tertiary" size="S" onClick={() => compare(version.id, newest.id)}>
                          Compare with the latest
                        </Button>
                      )}
                      {!version.raw && uid === 'api::page.page' && (
                        <Button variant="tertiary" size="S" onClick={() => preview(version.id)}>
                          Preview
                        </Button>
                      )}
                      {!version.raw && (
                        <Button variant="secondary" size="S" onClick={() => setRestoring(version)}>
                          Restore…
                        </Button>
                      )}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {list.versions.length < list.total && (
            <Button variant="tertiary" onClick={() => load(list.versions.length)}>
              Show older versions ({list.total - list.versions.length} more)
            </Button>
          )}
        </>
      )}
      {restoring && <RestoreDialog version={restoring} onClose={() => setRestoring(null)} onRestored={onRestored} />}
    </Flex>
  );
};
