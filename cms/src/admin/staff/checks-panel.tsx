import { Box, Button, Field, Flex, Modal, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { unstable_useContentManagerContext, useForm } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { addressFromTitle, imageSlots, valueAt, type ImageSlot } from './image-slots';

type Attribute = { type: string; maxLength?: number };
type Check = {
  key: string;
  tone: 'warning' | 'neutral';
  title: string;
  text: string;
  action?: { label: string; run: () => void };
};

/** Fields whose length staff watch as they type: the document's own short texts with a limit. */
const counted = (attributes: Record<string, Attribute> | undefined) =>
  Object.entries(attributes ?? {}).filter(
    ([, a]) => (a.type === 'string' || a.type === 'text') && typeof a.maxLength === 'number',
  );

type EditLayout = { edit?: { layout?: { name: string; label?: string }[][][] } };

/**
 * The field's label as the edit view shows it (its configured label, "Site name"), so that the
 * panel and the form use the same words; the name spelt out when the layout has none.
 */
export const fieldLabel = (layout: EditLayout | undefined, name: string): string => {
  const label = layout?.edit?.layout
    ?.flat(2)
    .find((field) => field.name === name)
    ?.label?.trim();
  if (label) return label;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Asks for the alt text of an image just chosen, while the field is empty or still describes the
 * old image; the alt text written for it in the media library is offered, to check.
 */
const AltTextPrompt = ({ slot, onDone }: { slot: ImageSlot; onDone: (text: string | null) => void }) => {
  const fromLibrary = slot.image?.alternativeText?.trim() ?? '';
  const [text, setText] = useState(fromLibrary);
  const hint = fromLibrary
    ? 'From the media library: check it says what matters here, who or what is in it, in a sentence. At least 8 characters.'
    : 'What someone who cannot see it needs to know: who or what is in it, in a sentence. At least 8 characters.';
  return (
    <Modal.Root open onOpenChange={(open) => !open && onDone(null)}>
      {/* Only "Later", "Use this alt text" or Escape close it: it opens just after the media
          library's dialog closes, whose focus going back and clicks landing outside it would
          otherwise dismiss it unseen (and it asks once per choice). */}
      <Modal.Content onInteractOutside={(event) => event.preventDefault()}>
        <Modal.Header>
          <Modal.Title>Describe the new image</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Field.Root name="alt-text-prompt" hint={hint} required>
            <Field.Label>{`Alt text for ${[...slot.where, 'image'].join(' › ')}`}</Field.Label>
            <Field.Input
              value={text}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Later</Button>
          </Modal.Close>
          <Button disabled={text.trim().length < 8} onClick={() => onDone(text.trim())}>
            Use this alt text
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Photos smaller than their place on the site: a warning, the save still goes through. */
const imageSizeChecks = (slots: ImageSlot[]): Check[] =>
  slots.flatMap(({ image, options, where, path }) =>
    image?.width && options.idealWidth && image.width < options.idealWidth
      ? [
          {
            key: `size ${path}`,
            tone: 'warning' as const,
            title: [...where, 'image'].join(' › '),
            text: `This photo is ${image.width} × ${image.height ?? '?'} pixels; its place on the site is up to ${options.idealHeight ? `${options.idealWidth} × ${options.idealHeight}` : `${options.idealWidth} pixels wide`}, so it will look blurry on large screens. Use a larger photo if you have one (you can still save and publish this one).`,
          },
        ]
      : [],
  );

/** A page without a web address: one made from its title, a click away. */
const addressCheck = (values: Record<string, unknown>, onChange: (field: string, value: string) => void): Check[] => {
  const suggestion = addressFromTitle(typeof values.title === 'string' ? values.title : '');
  if (values.path || !suggestion) return [];
  return [
    {
      key: 'address',
      tone: 'neutral',
      title: 'Web address',
      text: `From the title: ${suggestion} (add a folder in front, such as /services${suggestion}, to put it in a menu group).`,
      action: { label: `Use ${suggestion}`, run: () => onChange('path', suggestion) },
    },
  ];
};

/** What the import of the old site left for staff to check, counted. */
const importNotesCheck = (values: Record<string, unknown>): Check[] => {
  const importNotes = typeof values.importNotes === 'string' ? values.importNotes.trim() : '';
  if (importNotes === '') return [];
  const lines = importNotes.split('\n');
  // The importer's first line, when a draft was imported over a live page: what visitors see now.
  const live = /^visitors still see/i.test(lines[0] ?? '') ? lines[0]! : null;
  const points = lines.filter((line) => line.startsWith('- ')).length;
  return [
    {
      key: 'import',
      tone: 'warning',
      title: 'From the import of the old site',
      text: `${live ? `${live.charAt(0).toUpperCase()}${live.slice(1)}. ` : ''}${points} point${points === 1 ? '' : 's'} to check in "Import notes" at the bottom of the page; empty that field once done.`,
    },
  ];
};

const CHICAGO = 'America/Chicago';
const chicagoTime = (iso: string, withDay: boolean): string =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: CHICAGO,
    ...(withDay ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));

/**
 * An event's times as the site shows them, in Chicago's time (the date picker shows the
 * computer's): what visitors will read, and a warning when this computer is set to another zone.
 */
export const chicagoTimesCheck = (values: Record<string, unknown>, computerZone: string): Check[] => {
  const { startsAt, endsAt } = values;
  if (typeof startsAt !== 'string' || typeof endsAt !== 'string' || Number.isNaN(Date.parse(startsAt))) return [];
  const sameDay =
    new Date(startsAt).toLocaleDateString('en-US', { timeZone: CHICAGO }) ===
    new Date(endsAt).toLocaleDateString('en-US', { timeZone: CHICAGO });
  const when = `${chicagoTime(startsAt, true)} – ${chicagoTime(endsAt, !sameDay)}`;
  const elsewhere = computerZone !== CHICAGO;
  return [
    {
      key: 'chicago-time',
      tone: elsewhere ? 'warning' : 'neutral',
      title: 'In Chicago time',
      text: elsewhere
        ? `${when}. This computer is set to ${computerZone}: the times you typed are in that zone; check that this is the Chicago time you mean.`
        : `${when}: as visitors will read it.`,
    },
  ];
};

/** Character counts of the document's short texts, against their limits. */
const lengthChecks = (
  attributes: Record<string, Attribute> | undefined,
  layout: EditLayout,
  values: Record<string, unknown>,
): Check[] =>
  counted(attributes).flatMap(([name, attribute]) => {
    const value = values[name];
    if (typeof value !== 'string' || value.length === 0) return [];
    return [
      {
        key: `count ${name}`,
        tone: value.length > attribute.maxLength! ? ('warning' as const) : ('neutral' as const),
        title: fieldLabel(layout, name),
        text: `${value.length} of at most ${attribute.maxLength} characters`,
      },
    ];
  });

const UNSAVED: Check = {
  key: 'unsaved',
  tone: 'neutral',
  title: 'Unsaved changes',
  text: 'Save to see them in the preview (Ctrl+S or ⌘S saves; Ctrl+Shift+Enter publishes).',
};

const CheckList = ({ checks }: { checks: Check[] }) => (
  <>
    {checks.map((check) => (
      <Box key={check.key}>
        <Typography variant="omega" fontWeight="bold" tag="p">
          {check.title}
        </Typography>
        <Typography variant="pi" textColor={check.tone === 'warning' ? 'warning700' : 'neutral700'} tag="p">
          {check.text}
        </Typography>
        {check.action && (
          <Box paddingTop={1}>
            <Button size="S" variant="secondary" onClick={check.action.run}>
              {check.action.label}
            </Button>
          </Box>
        )}
      </Box>
    ))}
    {checks.length === 0 && (
      <Typography variant="pi" textColor="neutral600">
        Nothing to check.
      </Typography>
    )}
  </>
);

/**
 * "Check before publishing": what Strapi's form cannot say. Character counts of the document's
 * short texts; a web address made from the title; photos smaller than their place on the site
 * (a warning: the save goes through); the alt text of a replaced image (asked for at once);
 * and, with unsaved changes, why the preview still shows the saved version.
 */
export const ChecksPanel: PanelComponent = ({ model }) => {
  const values = useForm('ChecksPanel', (state) => state.values) as Record<string, unknown>;
  const initialValues = useForm('ChecksPanel', (state) => state.initialValues);
  const modified = useForm('ChecksPanel', (state) => state.modified);
  const onChange = useForm('ChecksPanel', (state) => state.onChange);
  const { contentType, components, layout } = unstable_useContentManagerContext();
  const slots = useMemo(
    () => imageSlots(contentType as never, components as never, values),
    [contentType, components, values],
  );
  const [asking, setAsking] = useState<ImageSlot | null>(null);
  const [asked, setAsked] = useState<Set<string>>(new Set());

  // An image just chosen (a replacement, or the first of a new section) whose alt text is empty or
  // still the old one: ask once per choice.
  const replaced = slots.find((slot) => {
    if (!slot.image || !slot.altPath) return false;
    const before = valueAt(initialValues, slot.path) as { id?: number } | null | undefined;
    const alt = valueAt(values, slot.altPath);
    const untouched = alt === valueAt(initialValues, slot.altPath) || alt === undefined || alt === null || alt === '';
    return before?.id !== slot.image.id && untouched && !asked.has(`${slot.path} ${slot.image.id}`);
  });
  useEffect(() => {
    if (!replaced || asking) return;
    // Asked once the media library's dialog has gone, not stacked on it as it closes: two modal
    // dialogs at once fight over focus and over which of them the rest of the page is hidden
    // from. A dialog that stays (none does today) delays the question by a second, no more.
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      if (document.querySelector('[role="dialog"]') && tries++ < 20) timer = setTimeout(ask, 50);
      else setAsking(replaced);
    };
    ask();
    return () => clearTimeout(timer);
  }, [replaced, asking]);

  const page = model === 'api::page.page';
  const checks: Check[] = [
    ...imageSizeChecks(slots),
    ...(page ? addressCheck(values, onChange) : []),
    ...(page ? importNotesCheck(values) : []),
    ...(model === 'api::event.event'
      ? chicagoTimesCheck(values, Intl.DateTimeFormat().resolvedOptions().timeZone)
      : []),
    ...lengthChecks(
      (contentType as { attributes?: Record<string, Attribute> } | undefined)?.attributes,
      layout as EditLayout,
      values,
    ),
    ...(modified ? [UNSAVED] : []),
  ];

  const done = (text: string | null) => {
    if (asking?.altPath && text) onChange(asking.altPath, text);
    if (asking?.image) setAsked(new Set([...asked, `${asking.path} ${asking.image.id}`]));
    setAsking(null);
  };

  return {
    title: 'Check before publishing',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        <CheckList checks={checks} />
        {asking && <AltTextPrompt slot={asking} onDone={done} />}
      </Flex>
    ),
  };
};
