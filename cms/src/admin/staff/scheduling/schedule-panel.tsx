import { Box, Button, Field, Flex, Radio, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { languageName, localeQuery, useEditViewLocale } from '../history/edit-view-locale';
import { actionLabel, when, type VersionPage } from '../history/history-types';
import {
  refusal,
  SCHEDULABLE_TYPES,
  scheduleLabel,
  type ClockReading,
  type ScheduleEntry,
  type ScheduleLists,
} from './schedule-types';

type Shown = { uid: string; documentId: string; locale: string | null; savedAt: string | undefined };

/** One schedule: what, when, and what staff can do about it now. */
const Line = ({ entry, onChange }: { entry: ScheduleEntry; onChange: () => void }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const act = async (what: 'cancel' | 'seen') => {
    try {
      await post(`/site-tools/schedules/${entry.id}/${what}`, {});
      onChange();
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusal(error) });
    }
  };
  return (
    <Box tag="li" paddingBottom={2}>
      <Typography variant="pi" tag="p" textColor={entry.status === 'failed' ? 'danger700' : undefined}>
        <strong>{scheduleLabel(entry)}</strong> {entry.when}
        {entry.source === 'version' ? ' · a pinned version' : ''}
        {entry.setBy ? ` · ${entry.setBy}` : ''}
      </Typography>
      {entry.outcome && (
        <Typography variant="pi" tag="p" textColor={entry.status === 'failed' ? 'danger700' : 'neutral600'}>
          {entry.outcome}
        </Typography>
      )}
      {entry.status === 'scheduled' && (
        <Button size="S" variant="tertiary" onClick={() => void act('cancel')}>
          Cancel this schedule
        </Button>
      )}
      {entry.status === 'failed' && !entry.seen && (
        <Button size="S" variant="tertiary" onClick={() => void act('seen')}>
          Mark as seen
        </Button>
      )}
    </Box>
  );
};

const ScheduleForm = ({ uid, documentId, locale, onScheduled }: Shown & { onScheduled: () => void }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [action, setAction] = useState<'publish' | 'unpublish'>('publish');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [repeated, setRepeated] = useState<'first' | 'second'>('first');
  const [source, setSource] = useState<'draft' | 'version'>('draft');
  const [versionId, setVersionId] = useState('');
  const [versions, setVersions] = useState<VersionPage['versions']>([]);
  const [clock, setClock] = useState<ClockReading | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // What the picked time is on Chicago's clocks, before it is sent: the day's zone, a skipped hour, a repeated one.
  useEffect(() => {
    if (!date || !time) return setClock(null);
    let current = true;
    get<ClockReading>(`/site-tools/schedules/clock?${new URLSearchParams({ date, time, repeated })}`).then(
      ({ data }) => current && setClock(data),
      () => current && setClock(null),
    );
    return () => {
      current = false;
    };
  }, [get, date, time, repeated]);
  useEffect(() => {
    if (source !== 'version') return;
    get<VersionPage>(
      `/site-tools/versions/${uid}/${documentId}?${new URLSearchParams({ limit: '50', ...localeQuery(locale) })}`,
    ).then(
      ({ data }) => setVersions(data.versions.filter((v) => v.action !== 'schedule' && !v.raw)),
      () => setVersions([]),
    );
  }, [get, source, uid, documentId, locale]);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { data } = await post<ScheduleEntry>('/site-tools/schedules', {
        uid,
        documentId,
        locale,
        action,
        date,
        time,
        repeated,
        source: action === 'publish' ? source : 'draft',
        versionId: action === 'publish' && source === 'version' ? Number(versionId) : null,
      });
      toggleNotification({
        type: 'success',
        message: `Scheduled: ${scheduleLabel(data).toLowerCase()} on ${data.when}.`,
      });
      setDate('');
      onScheduled();
    } catch (error) {
      setProblem(refusal(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="schedule-action">
        <Field.Label>Schedule</Field.Label>
        <SingleSelect
          value={action}
          onChange={(value: string | number) => setAction(value === 'unpublish' ? 'unpublish' : 'publish')}
        >
          <SingleSelectOption value="publish">Publish</SingleSelectOption>
          <SingleSelectOption value="unpublish">Unpublish (take it off the site)</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Field.Root name="schedule-date" hint="Chicago time, daylight saving included, whatever your computer's zone.">
        <Field.Label>Day and time</Field.Label>
        <Flex gap={2}>
          <Field.Input
            type="date"
            value={date}
            onChange={(e: { target: { value: string } }) => setDate(e.target.value)}
          />
          <Field.Input
            type="time"
            value={time}
            onChange={(e: { target: { value: string } }) => setTime(e.target.value)}
          />
        </Flex>
        <Field.Hint />
      </Field.Root>
      {clock && (
        <Typography variant="pi" tag="p" textColor={clock.ok ? 'neutral700' : 'danger700'} role="status">
          {clock.ok ? clock.words : clock.problem}
        </Typography>
      )}
      {clock?.ok && clock.twice && (
        <Radio.Group
          aria-label="Which of the two"
          value={repeated}
          onValueChange={(value: string) => setRepeated(value === 'second' ? 'second' : 'first')}
        >
          <Radio.Item value="first">The first (daylight time)</Radio.Item>
          <Radio.Item value="second">The second, an hour later (standard time)</Radio.Item>
        </Radio.Group>
      )}
      {action === 'publish' && (
        <Radio.Group
          aria-label="What to publish"
          value={source}
          onValueChange={(value: string) => setSource(value === 'version' ? 'version' : 'draft')}
        >
          <Radio.Item value="draft">The draft as it is then</Radio.Item>
          <Radio.Item value="version">This version, from the history:</Radio.Item>
        </Radio.Group>
      )}
      {action === 'publish' && source === 'version' && (
        <SingleSelect
          aria-label="Version to publish"
          placeholder="Pick a version"
          value={versionId}
          onChange={(value: string | number) => setVersionId(String(value))}
        >
          {versions.map((v) => (
            <SingleSelectOption key={v.id} value={String(v.id)}>
              {`${actionLabel(v)} ${when(v.at)}${v.who ? ` · ${v.who}` : ''}${v.title ? ` · ${v.title}` : ''}`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      {problem && (
        <Typography variant="pi" tag="p" textColor="danger700" role="alert">
          {problem}
        </Typography>
      )}
      <Button
        variant="secondary"
        fullWidth
        loading={busy}
        disabled={!clock?.ok || (action === 'publish' && source === 'version' && !versionId)}
        onClick={() => void submit()}
      >
        {action === 'publish' ? 'Schedule the publish' : 'Schedule the unpublish'}
      </Button>
    </Flex>
  );
};

const ScheduleContent = (shown: Shown) => {
  const { get } = useFetchClient();
  const [lists, setLists] = useState<ScheduleLists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const { uid, documentId, locale, savedAt } = shown;
  useEffect(() => {
    get<ScheduleLists>(
      `/site-tools/schedules?${new URLSearchParams({ uid, documentId, ...localeQuery(locale) })}`,
    ).then(
      ({ data }) => {
        setLists(data);
        setError(null);
      },
      (failure: unknown) => {
        setLists(null);
        setError(refusal(failure));
      },
    );
    // Asked again after each save, schedule, cancel, and for another language.
  }, [get, uid, documentId, locale, savedAt, asked]);
  const again = () => setAsked((n) => n + 1);
  const shownNow = lists ? [...lists.failed, ...lists.upcoming] : [];
  // What ran, failed (marked seen) or was cancelled: the latest few; the history has them all.
  const earlier = (lists?.recent ?? []).filter((entry) => !shownNow.some((now) => now.id === entry.id)).slice(0, 5);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {error ? (
        <Typography variant="pi" textColor="danger700" tag="p" role="alert">
          The schedules could not be loaded: {error}
        </Typography>
      ) : shownNow.length > 0 ? (
        <Box tag="ul">
          {shownNow.map((entry) => (
            <Line key={entry.id} entry={entry} onChange={again} />
          ))}
        </Box>
      ) : (
        <Typography variant="pi" textColor="neutral600" tag="p">
          Nothing scheduled.
        </Typography>
      )}
      {earlier.length > 0 && (
        <Box>
          <Typography variant="sigma" tag="h3" textColor="neutral600">
            Earlier
          </Typography>
          <Box tag="ul">
            {earlier.map((entry) => (
              <Line key={entry.id} entry={entry} onChange={again} />
            ))}
          </Box>
        </Box>
      )}
      <ScheduleForm {...shown} onScheduled={again} />
    </Flex>
  );
};

/**
 * "Schedule" beside the edit form of a page or an event (issue 27): what is scheduled, failed
 * runs until marked seen, and a publish or unpublish to schedule in Chicago time, of the draft as
 * it is then or of a version pinned from the history. The CMS checks it when it is set.
 */
export const SchedulePanel: PanelComponent = (props: PanelComponentProps) => {
  // Strapi renders a panel as a component: its hooks run on every render, before any early return.
  const locale = useEditViewLocale(props.model, props.document as Record<string, unknown> | undefined);
  const documentId = props.documentId ?? (props.document as { documentId?: string } | undefined)?.documentId;
  if (!SCHEDULABLE_TYPES.has(props.model) || !documentId) return null;
  return {
    title: locale ? `Schedule — ${languageName(locale)}` : 'Schedule',
    content: (
      <ScheduleContent
        uid={props.model}
        documentId={documentId}
        locale={locale}
        savedAt={(props.document as { updatedAt?: string } | undefined)?.updatedAt}
      />
    ),
  };
};
