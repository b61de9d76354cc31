import { Box, Typography } from '@strapi/design-system';
import type {
  BulkActionComponent,
  BulkActionDescription,
  DocumentActionComponent,
  DocumentActionDescription,
  DocumentActionProps,
  HeaderActionComponent,
} from '@strapi/content-manager/strapi-admin';
import { Eye, ExternalLink } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo, type ReactNode } from 'react';
import { useEditViewLocale } from './history/edit-view-locale';
import { useSiteTools, type Usage } from './site-tools-api';

const PAGE = 'api::page.page';

/**
 * Opens a tab at once (in the click, so no pop-up blocker stops it), then sends it where the
 * server says: the live page, or the draft's preview.
 */
const openWhenKnown = async (find: () => Promise<string | null>) => {
  const tab = window.open('about:blank', '_blank');
  const url = await find().catch(() => null);
  if (!tab) return;
  tab.opener = null;
  if (url) tab.location.href = url;
  else tab.close();
};

/** "View on site": the published page; "Preview changes": the saved draft, when it differs or was never published. */
const useSiteActions = ({ model, documentId, document }: DocumentActionProps) => {
  const { get } = useFetchClient();
  const locale = useEditViewLocale(model, document as Record<string, unknown> | undefined);
  if (model !== PAGE || !documentId) return null;
  const { status } = (document ?? {}) as { status?: string };
  // The language shown in the edit view: its page has its own address and draft.
  const params = locale ? { locale } : {};
  const live = () =>
    get<{ url: string | null }>(`/site-tools/pages/${documentId}/live`, { params }).then(({ data }) => data.url);
  const preview = () =>
    get<{ data: { url?: string } }>(`/content-manager/preview/url/${PAGE}`, {
      params: { documentId, status: 'draft', ...params },
    }).then(({ data }) => data.data.url ?? null);
  return { status, live, preview };
};

/** What "View on site" and "Preview" do for a page in this state; nothing for other documents. */
const siteLinks = (actions: ReturnType<typeof useSiteActions>) => {
  if (!actions) return { view: null, preview: null };
  const live = actions.status === 'published' || actions.status === 'modified';
  return {
    view: live ? { label: 'View on site', onClick: () => openWhenKnown(actions.live) } : null,
    preview:
      actions.status && actions.status !== 'published'
        ? {
            label: actions.status === 'draft' ? 'Preview the draft' : 'Preview the changes',
            onClick: () => openWhenKnown(actions.preview),
          }
        : null,
  };
};

/** In the edit view's header: one click to the live page. */
export const ViewOnSiteButton: HeaderActionComponent = (props) => {
  const { view } = siteLinks(useSiteActions(props));
  return view && { ...view, icon: <ExternalLink />, type: 'default' };
};

/** In the edit view's header, when there are unpublished changes: one click to the draft's preview. */
export const PreviewChangesButton: HeaderActionComponent = (props) => {
  const { preview } = siteLinks(useSiteActions(props));
  return preview && { ...preview, icon: <Eye />, type: 'default' };
};

/** In each row of the page list: the same two, in the row's menu (the list keeps descriptions that say their position). */
export const ViewOnSiteRow: DocumentActionComponent = (props) => {
  const { view } = siteLinks(useSiteActions(props));
  return view && { ...view, icon: <ExternalLink />, position: 'table-row' };
};
ViewOnSiteRow.position = 'table-row';
export const PreviewChangesRow: DocumentActionComponent = (props) => {
  const { preview } = siteLinks(useSiteActions(props));
  return preview && { ...preview, icon: <Eye />, position: 'table-row' };
};
PreviewChangesRow.position = 'table-row';

/** The places that link to a page, loaded when the question is asked. */
const UsageNotice = ({
  documentId,
  locale,
  action,
  then,
}: {
  documentId: string;
  locale?: string | undefined;
  action: string;
  then?: ReactNode;
}) => {
  const { data, error, loading } = useSiteTools<{ usage: Usage[] }>(
    `/pages/${documentId}/usage${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`,
  );
  if (loading) return <Typography>Checking where this page is used…</Typography>;
  if (error || !data)
    return (
      <Typography textColor="danger600">Could not check where this page is used ({error ?? 'no answer'}).</Typography>
    );
  if (data.usage.length === 0)
    return <Typography>No menu, footer, page, event, record guide or redirect links to this page. {then}</Typography>;
  return (
    <Box>
      <Typography tag="p">
        These link to this page; after you {action} it, visitors see their text without a link until you change them:
      </Typography>
      <Box tag="ul" paddingTop={2} paddingBottom={2}>
        {data.usage.map((place) => (
          <Box tag="li" key={place.where}>
            <Typography variant="pi">
              {place.where}
              {place.live ? '' : ' (draft)'}
            </Typography>
          </Box>
        ))}
      </Box>
      {then && <Typography tag="p">{then}</Typography>}
    </Box>
  );
};

/**
 * Strapi's own Unpublish and Delete, asking first, with the places that link to the page: a
 * menu, footer, quick link, button or redirect would otherwise lose its target silently.
 */
const sayingWhereUsed = (original: DocumentActionComponent, verb: 'unpublish' | 'delete'): DocumentActionComponent => {
  const Wrapped: DocumentActionComponent = (props) => {
    const description = original(props) as DocumentActionDescription | null;
    if (
      !description ||
      props.model !== PAGE ||
      !props.documentId ||
      description.dialog?.type === 'modal' ||
      description.dialog?.type === 'notification'
    )
      return description;
    const documentId = props.documentId;
    const native = description.dialog;
    const run = description.onClick;
    const then = verb === 'delete' ? 'Deleting cannot be undone.' : 'You can publish it again at any time.';
    return {
      ...description,
      // The question comes first now; the action runs when it is confirmed.
      onClick: undefined,
      dialog: {
        type: 'dialog',
        title: verb === 'delete' ? 'Delete this page?' : 'Unpublish this page?',
        // Strapi's own question (such as keeping or discarding a modified draft) stays below ours.
        content: (
          <>
            <UsageNotice
              documentId={documentId}
              locale={(props.document as { locale?: string } | undefined)?.locale}
              action={verb}
              then={native?.content ? undefined : then}
            />
            {native?.content}
          </>
        ),
        confirmLabel: verb === 'delete' ? 'Delete' : 'Unpublish',
        variant: 'danger',
        onConfirm: async () => {
          if (native?.onConfirm) await native.onConfirm();
          else if (run) await run({} as Parameters<NonNullable<typeof run>>[0]);
        },
      },
    };
  };
  Wrapped.type = original.type;
  Wrapped.position = original.position;
  return Wrapped;
};

/**
 * Actions that lead staff to a screen they may not open: the content model and its views are
 * code (src/components, src/admin-face/configure-edit-views.ts), changed by developers in git.
 */
const DEVELOPER_ACTIONS = new Set(['edit-the-model', 'configure-the-view']);

/** The content manager's document actions, with ours added, Unpublish and Delete asking first, and no developer screens. */
export const staffDocumentActions = (actions: DocumentActionComponent[]): DocumentActionComponent[] => {
  const wrapped = actions
    .filter((action) => !action.type || !DEVELOPER_ACTIONS.has(action.type))
    .map((action) =>
      action.type === 'unpublish'
        ? sayingWhereUsed(action, 'unpublish')
        : action.type === 'delete'
          ? sayingWhereUsed(action, 'delete')
          : action,
    );
  return [...wrapped, ViewOnSiteRow, PreviewChangesRow];
};

/** Where each selected page is used, page by page, before a bulk action. */
const BulkUsageNotice = ({
  documents,
  action,
}: {
  documents: { documentId: string; title?: unknown; locale?: string }[];
  action: 'unpublish' | 'delete';
}) => (
  <Box>
    {documents.map((document) => (
      <Box key={document.documentId} paddingBottom={3}>
        <Typography tag="p" fontWeight="bold">
          {typeof document.title === 'string' ? document.title : document.documentId}
        </Typography>
        <UsageNotice documentId={document.documentId} locale={document.locale} action={action} />
      </Box>
    ))}
    <Typography tag="p">
      {action === 'delete' ? 'Deleting cannot be undone.' : 'You can publish them again at any time.'}
    </Typography>
  </Box>
);

/** The list's bulk Unpublish and Delete, saying first where each selected page is used (as the single actions do). */
const bulkSayingWhereUsed = (original: BulkActionComponent, verb: 'unpublish' | 'delete'): BulkActionComponent => {
  const Wrapped: BulkActionComponent = (props) => {
    const description = original(props) as BulkActionDescription | null;
    // The selection as plain text: Strapi deep-compares each description on every render of the
    // list (lodash isEqual), so the notice is made once per selection, not from the table's rows.
    const selection = JSON.stringify(
      (props.documents as { documentId: string; title?: unknown; locale?: unknown }[]).map((document) => ({
        documentId: document.documentId,
        title: typeof document.title === 'string' ? document.title : undefined,
        locale: typeof document.locale === 'string' ? document.locale : undefined,
      })),
    );
    const content = useMemo(
      () => (
        <BulkUsageNotice
          documents={JSON.parse(selection) as { documentId: string; title?: string; locale?: string }[]}
          action={verb}
        />
      ),
      [selection],
    );
    if (!description || props.model !== PAGE || description.dialog?.type !== 'dialog') return description;
    return {
      ...description,
      dialog: {
        ...description.dialog,
        title:
          verb === 'delete'
            ? `Delete ${props.documents.length} page(s)?`
            : `Unpublish ${props.documents.length} page(s)?`,
        content,
      },
    };
  };
  Wrapped.type = original.type;
  return Wrapped;
};

export const staffBulkActions = (actions: BulkActionComponent[]): BulkActionComponent[] =>
  actions.map((action) =>
    action.type === 'unpublish'
      ? bulkSayingWhereUsed(action, 'unpublish')
      : action.type === 'delete'
        ? bulkSayingWhereUsed(action, 'delete')
        : action,
  );
