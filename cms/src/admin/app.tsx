import type {
  BulkActionComponent,
  DocumentActionComponent,
  HeaderActionComponent,
  PanelComponent,
} from '@strapi/content-manager/strapi-admin';
import { Clock, Globe, Link as LinkIcon, House, Trash } from '@strapi/icons';
import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
import logo from './extensions/logo.svg';
import menuLogo from './extensions/menu-logo.svg';
import { FieldRulesPanel } from './field-rules-panel';
import { ChecksPanel } from './staff/checks-panel';
import { HistoryPanel } from './staff/history/history-panel';
import { GuideMapPanel } from './staff/record-guide/guide-map-panel';
import { SchedulePanel } from './staff/scheduling/schedule-panel';
import { TranslationPanel } from './staff/translation/translation-panel';
import { checkedSaveActions } from './staff/checked-save';
import { ExportSubmissionsButton } from './staff/export-submissions';
import { keepTypedValues } from './staff/keep-typed-values';
import { clarifyNestedLists } from './staff/nested-lists';
import { explainReplaceWithUsage } from './staff/replace-usage';
import { fixLinkAddressesAsTyped } from './staff/link-address-fix';
import { PreviewChangesButton, staffBulkActions, staffDocumentActions, ViewOnSiteButton } from './staff/page-actions';
import { STAFF_TEXTS } from './staff/texts';

type ContentManagerApis = {
  addEditViewSidePanel(panels: PanelComponent[]): void;
  addDocumentAction(reduce: (actions: DocumentActionComponent[]) => DocumentActionComponent[]): void;
  addDocumentHeaderAction(actions: HeaderActionComponent[]): void;
  addBulkAction(reduce: (actions: BulkActionComponent[]) => BulkActionComponent[]): void;
};
type PluginWithZones = {
  injectComponent(view: string, zone: string, component: { name: string; Component: () => unknown }): void;
};
type WidgetsApi = { register(widgets: WidgetArgs | WidgetArgs[] | ((widgets: WidgetArgs[]) => WidgetArgs[])): void };

/**
 * Strapi's guided tour (for developers building a schema, shown by `strapi develop`) and its
 * product banner ("Introducing the new Media Library… Read blog post") are not for staff: both
 * are marked done in the browser's storage, under the keys the installed admin reads (the
 * banner's is scoped by the project's uuid, which this app does not set: `false`).
 */
const quietStrapiAnnouncements = () => {
  try {
    const tour = JSON.parse(window.localStorage.getItem('STRAPI_GUIDED_TOUR') ?? '{}') as Record<string, unknown>;
    window.localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ ...tour, enabled: false }));
    for (const scope of ['false', 'undefined']) {
      for (const legacy of ['false', 'true'])
        window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
    }
  } catch {
    // No storage (private mode): nothing to mark; the banner can still be closed.
  }
};

/**
 * Strapi's sales links ("See all pricing plans" on Settings › Overview, reachable by every staff
 * member) lead staff out of the editor to a price list; `flags.promoteEE: false` does not cover
 * them, and the page has no extension point, so they are hidden by their address.
 */
const hideSalesLinks = () => {
  const style = document.createElement('style');
  style.dataset.siteTools = 'sales-links';
  style.textContent = 'a[href^="https://strapi.io/pricing"] { display: none !important; }';
  document.head.append(style);
};

/**
 * The rich-text link pop-up's Rel and Target fields: the site sets both itself (every link opens
 * in the same tab, external ones get rel="noopener"), so what staff type there is never used.
 * Strapi offers no option to leave them out, so each is hidden with its label, by the input's
 * name (the field is the input's wrapper's wrapper: Field.Root > Flex > Field.Input's box).
 * Their labels still say "not used" (texts.ts), should a Strapi update change that structure.
 */
const hideUnusedLinkFields = () => {
  const style = document.createElement('style');
  style.dataset.siteTools = 'link-fields';
  style.textContent =
    ['rel', 'target']
      .map((name) => `[data-radix-popper-content-wrapper] div:has(> div > div > input[name="${name}"])`)
      .join(', ') + ' { display: none !important; }';
  document.head.append(style);
};

/**
 * The rich-text editor's "Expand" button sits over its bottom right corner, on the last line of a
 * full editor (4.4rem from its bottom edge): room under the last block lets that line scroll clear of it.
 */
const roomUnderLastLine = () => {
  const style = document.createElement('style');
  style.dataset.siteTools = 'blocks-last-line';
  // A spacer after the last block (the editable is a flex column, as tall as its scroller, so its own
  // padding would not scroll); padding the last block would stretch a final quote's border or code block.
  style.textContent = '[data-slate-editor="true"]::after { content: ""; display: block; flex: 0 0 3.6rem; }';
  document.head.append(style);
};

const READ_PAGES = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::page.page' }];

/**
 * The admin as the coalition's staff see it: branded, in their words, with a home page that
 * shows the site, what waits to be published and the links to fix; "View on site" and
 * "Preview" on every page; Unpublish and Delete saying where a page is linked from; and two
 * side panels: "Before you save" (every field the form refuses, with what it takes, since
 * Strapi hides a field's help text behind its error) and "Check before publishing".
 */
export default {
  config: {
    locales: [],
    auth: { logo },
    menu: { logo: menuLogo },
    notifications: { releases: false },
    translations: { en: STAFF_TEXTS },
  },
  register(app: StrapiApp) {
    quietStrapiAnnouncements();
    hideSalesLinks();
    hideUnusedLinkFields();
    roomUnderLastLine();
    fixLinkAddressesAsTyped();
    clarifyNestedLists();
    explainReplaceWithUsage();
    (app as unknown as { addMiddlewares(middlewares: (typeof keepTypedValues)[]): void }).addMiddlewares([
      keepTypedValues,
    ]);
    const widgets = (app as unknown as { widgets: WidgetsApi }).widgets;
    // Project statistics count Strapi's internals (components, webhooks…): nothing for staff.
    widgets.register((all) => all.filter((widget) => widget.id !== 'key-statistics' && widget.id !== 'chart-entries'));
    widgets.register([
      {
        id: 'site',
        icon: House,
        title: { id: 'site-tools.widget.site.title', defaultMessage: 'The website' },
        component: async () => (await import('./staff/widgets')).SiteWidget,
        permissions: READ_PAGES,
      },
      {
        id: 'links',
        icon: LinkIcon,
        title: { id: 'site-tools.widget.links.title', defaultMessage: 'Links to fix' },
        component: async () => (await import('./staff/widgets')).LinksWidget,
        permissions: READ_PAGES,
      },
      {
        id: 'schedules',
        icon: Clock,
        title: { id: 'site-tools.widget.schedules.title', defaultMessage: 'Scheduled' },
        component: async () => (await import('./staff/scheduling/schedules-widget')).SchedulesWidget,
        permissions: READ_PAGES,
      },
    ]);
    // Deleted pages, with their history and Restore (issue 24).
    app.addMenuLink({
      to: 'deleted-pages',
      icon: Trash,
      intlLabel: { id: 'site-tools.menu.deleted-pages', defaultMessage: 'Deleted pages' },
      permissions: READ_PAGES,
      Component: () => import('./staff/history/deleted-pages-page'),
    });
    // Pages by translation status (issue 25).
    app.addMenuLink({
      to: 'translations',
      icon: Globe,
      intlLabel: { id: 'site-tools.menu.translations', defaultMessage: 'Translations' },
      permissions: READ_PAGES,
      Component: () => import('./staff/translation/translations-page'),
    });
    // Staff's own widgets first (a staff member who rearranges the home page keeps their order).
    const ours = (widget: WidgetArgs) => ['site', 'schedules', 'links'].includes(widget.id);
    widgets.register((all) => [...all.filter(ours), ...all.filter((widget) => !ours(widget))]);
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([
      FieldRulesPanel as PanelComponent,
      GuideMapPanel,
      ChecksPanel,
      TranslationPanel,
      SchedulePanel,
      HistoryPanel,
    ]);
    contentManager.apis.addDocumentAction(staffDocumentActions);
    contentManager.apis.addDocumentAction(checkedSaveActions);
    contentManager.apis.addBulkAction(staffBulkActions);
    contentManager.apis.addDocumentHeaderAction([ViewOnSiteButton, PreviewChangesButton]);
    (app.getPlugin('content-manager') as unknown as PluginWithZones).injectComponent('listView', 'actions', {
      name: 'export-submissions',
      Component: ExportSubmissionsButton,
    });
  },
};
