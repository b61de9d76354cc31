import { describe, expect, it } from 'vitest';
import { adminSession, contentApi, editorSession } from '../support/http';

type Json = Record<string, unknown>;
const PAGES = '/content-manager/collection-types/api::page.page';
const SETTINGS = '/content-manager/single-types/api::global.global';

const textArea = (text: string) => ({
  __component: 'sections.text-area',
  style: 'Plain',
  body: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
});

/** A new page in English and Spanish, both published: its documentId. */
const pageInBothLanguages = async (slug: string): Promise<string> => {
  const editor = await editorSession();
  const created = await editor.call('POST', PAGES, {
    title: `Both languages ${slug}`,
    path: `/both-${slug}/`,
    description: 'A page with a Spanish version.',
    sections: [textArea('English text one'), textArea('English text two')],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = (created.body.data as Json).documentId as string;
  const spanish = await editor.call('PUT', `${PAGES}/${documentId}?locale=es`, {
    title: `Ambos idiomas ${slug}`,
    path: `/es/ambos-${slug}/`,
    description: 'Una página con versión en español.',
    sections: [textArea('Texto en español uno')],
  });
  expect(spanish.status, JSON.stringify(spanish.body)).toBe(200);
  for (const locale of ['en', 'es']) {
    const published = await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=${locale}`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  }
  return documentId;
};

/** The published page at `path` in `locale`, as the site reads it: its sections' texts. */
const liveTexts = async (path: string, locale: string): Promise<string[]> => {
  const answer = await contentApi('/pages', {
    locale,
    filters: { path: { $eq: path } },
    populate: { sections: { on: { 'sections.text-area': true } } },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const [page] = answer.body.data as { sections: { body: { children: { text: string }[] }[] }[] }[];
  return page!.sections.map((section) => section.body[0]!.children[0]!.text);
};

/** The draft in `locale` as the edit view loads it (what a save sends back). */
const draftOf = async (documentId: string, locale: string): Promise<Json & { sections: Json[] }> => {
  const admin = await adminSession();
  const answer = await admin.call('GET', `${PAGES}/${documentId}?locale=${locale}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const data = structuredClone(answer.body.data) as Json & { sections: Json[] };
  delete data.status;
  return data;
};

describe('a page in two languages', () => {
  it('keeps the Spanish sections when the English is published, and the English when the Spanish is (strapi/strapi#25802)', async () => {
    const documentId = await pageInBothLanguages('sections');
    const editor = await editorSession();
    const english = await draftOf(documentId, 'en');
    english.sections = [...english.sections, textArea('English text three')];
    const savedEnglish = await editor.call('PUT', `${PAGES}/${documentId}?locale=en`, english);
    expect(savedEnglish.status, JSON.stringify(savedEnglish.body)).toBe(200);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=en`, {})).status).toBe(200);
    expect(await liveTexts('/both-sections/', 'en')).toEqual([
      'English text one',
      'English text two',
      'English text three',
    ]);
    expect(await liveTexts('/es/ambos-sections/', 'es')).toEqual(['Texto en español uno']);
    expect((await draftOf(documentId, 'es')).sections).toHaveLength(1);

    const spanish = await draftOf(documentId, 'es');
    spanish.sections = [textArea('Texto en español cambiado')];
    expect((await editor.call('PUT', `${PAGES}/${documentId}?locale=es`, spanish)).status).toBe(200);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=es`, {})).status).toBe(200);
    expect(await liveTexts('/es/ambos-sections/', 'es')).toEqual(['Texto en español cambiado']);
    expect(await liveTexts('/both-sections/', 'en')).toEqual([
      'English text one',
      'English text two',
      'English text three',
    ]);
    expect((await draftOf(documentId, 'en')).sections).toHaveLength(3);
  });

  it('unpublishes and deletes one language without touching the other', async () => {
    const documentId = await pageInBothLanguages('one-language');
    const editor = await editorSession();
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/unpublish?locale=es`, {})).status).toBe(200);
    expect(await liveTexts('/both-one-language/', 'en')).toEqual(['English text one', 'English text two']);
    const gone = await contentApi('/pages', { locale: 'es', filters: { path: { $eq: '/es/ambos-one-language/' } } });
    expect(gone.body.data).toEqual([]);
    expect((await editor.call('DELETE', `${PAGES}/${documentId}?locale=es`)).status).toBe(200);
    expect(await liveTexts('/both-one-language/', 'en')).toEqual(['English text one', 'English text two']);
  });
});

describe('several languages at once', () => {
  it('takes down the redirects to each language’s address when both are unpublished together', async () => {
    const documentId = await pageInBothLanguages('bulk');
    const editor = await editorSession();
    const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';
    const redirect = await editor.call('POST', REDIRECTS, {
      from: '/es/old-bulk/',
      to: '/es/ambos-bulk/',
      type: 'Permanent',
    });
    expect(redirect.status, JSON.stringify(redirect.body)).toBe(201);
    const redirectId = (redirect.body.data as Json).documentId as string;
    expect((await editor.call('POST', `${REDIRECTS}/${redirectId}/actions/publish`, {})).status).toBe(200);
    const live = () => contentApi('/redirects', { filters: { from: { $eq: '/es/old-bulk/' } } });
    expect((await live()).body.data).toHaveLength(1);
    // i18n's "Unpublish multiple locales": one call, both languages.
    const both = await editor.call('POST', `${PAGES}/actions/bulkUnpublish`, {
      documentIds: [documentId],
      locale: ['en', 'es'],
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(await contentApi('/pages', { locale: 'es', filters: { path: { $eq: '/es/ambos-bulk/' } } })).toMatchObject({
      body: { data: [] },
    });
    expect((await live()).body.data).toEqual([]);
  });
});

describe('a page’s address says its language', () => {
  it('refuses a Spanish page outside /es/, and an English page under it, saying what to do', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', PAGES, {
      title: 'Address rules',
      path: '/address-rules/',
      description: 'Checks the address rules.',
      sections: [],
    });
    const documentId = (created.body.data as Json).documentId as string;
    const spanish = await editor.call('PUT', `${PAGES}/${documentId}?locale=es`, {
      title: 'Reglas de direcciones',
      path: '/reglas-de-direcciones/',
      description: 'Revisa las reglas.',
      sections: [],
    });
    expect(spanish.status).toBe(400);
    expect(JSON.stringify(spanish.body)).toContain("A Spanish page's web address starts with /es/");
    const english = await editor.call('POST', PAGES, {
      title: 'English under es',
      path: '/es/english-page/',
      description: 'An English page under /es/.',
      sections: [],
    });
    expect(english.status).toBe(400);
    expect(JSON.stringify(english.body)).toContain('Web addresses starting with /es/ are for Spanish pages');
  });

  it('refuses a Spanish address another page already has, in either language', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', PAGES, {
      title: 'Taken address',
      path: '/taken-address/',
      description: 'Tries a taken address.',
      sections: [],
    });
    const documentId = (created.body.data as Json).documentId as string;
    const taken = await editor.call('PUT', `${PAGES}/${documentId}?locale=es`, {
      title: 'Dirección ocupada',
      path: '/es/servicios/limpiar-su-historial/',
      description: 'Usa una dirección ocupada.',
      sections: [],
    });
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.body)).toContain(
      'The page \\"Limpie sus antecedentes penales\\" already has the web address /es/servicios/limpiar-su-historial/',
    );
  });
});

describe('the first run in Spanish', () => {
  it('publishes Clear Your Record in Spanish at its own address, as the Spanish version of the English page, marked for review', async () => {
    const english = await contentApi('/pages', { filters: { path: { $eq: '/services/clear-your-record/' } } });
    const spanish = await contentApi('/pages', {
      locale: 'es',
      filters: { path: { $eq: '/es/servicios/limpiar-su-historial/' } },
      populate: { sections: { on: { 'sections.hero': { populate: { image: { fields: ['url'] } } } } } },
    });
    const [en] = english.body.data as Json[];
    const [es] = spanish.body.data as (Json & { sections: Json[] })[];
    expect(es).toMatchObject({ documentId: en!.documentId, locale: 'es', title: 'Limpie sus antecedentes penales' });
    expect(es!.sections[0]).toMatchObject({
      __component: 'sections.hero',
      image: { url: expect.stringMatching(/^\/uploads\//) },
    });
    const admin = await adminSession();
    const draft = await admin.call('GET', `${PAGES}/${String(en!.documentId)}?locale=es`);
    expect(String((draft.body.data as Json).importNotes)).toMatch(
      /^- Translated from the English page .* should review it/,
    );
  });

  it('publishes a Spanish home at /es/, whose links to pages lead to their English address until translated', async () => {
    const answer = await contentApi('/pages', {
      locale: 'es',
      filters: { path: { $eq: '/es/' } },
      populate: { sections: { on: { 'sections.cards-with-links': { populate: { cards: { populate: '*' } } } } } },
    });
    const [home] = answer.body.data as (Json & { sections: { cards?: { link: Json }[] }[] })[];
    expect(home).toMatchObject({ title: 'Inicio', locale: 'es' });
    const links = home!.sections.flatMap((section) => section.cards ?? []).map((card) => card.link);
    expect(links).toContainEqual(
      expect.objectContaining({ type: 'External Link', url: '/services/clear-your-record/' }),
    );
    expect(links).toContainEqual(
      expect.objectContaining({ type: 'External Link', url: '/our-work/policy-and-advocacy/' }),
    );
  });

  it('publishes Spanish site settings whose menus, footer, donate and newsletter texts are all Spanish', async () => {
    const answer = await contentApi('/global', {
      locale: 'es',
      populate: { menu: { populate: { links: true } }, footerLinks: true, donate: true, newsletter: true },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const settings = answer.body.data as {
      menu: { label: string; links: { text: string }[] }[];
      footerLinks: { text: string }[];
      donate: { text: string };
      footerNote: string;
      newsletter: { heading: string; text: string; privacyNote: string };
    };
    expect(settings.menu.map((group) => group.label)).toEqual([
      'Quiénes somos',
      'Nuestro trabajo',
      'Servicios',
      'Participe',
    ]);
    expect(settings.menu.flatMap((group) => group.links.map((link) => link.text))).toContain(
      'Limpie sus antecedentes penales',
    );
    expect(settings.footerLinks.map((link) => link.text)).toEqual(['Términos de uso', 'Contáctenos']);
    expect(settings.donate.text).toBe('Donar');
    expect(settings.footerNote).toMatch(/sin fines de lucro/);
    expect(settings.newsletter).toMatchObject({ text: 'Suscríbase a nuestro boletín' });
    expect(settings.newsletter.privacyNote).toMatch(/^Su dirección/);
    // No English words left in the Spanish settings (the organisation's name is its own).
    const english = await contentApi('/global', {
      populate: { menu: { populate: { links: true } }, footerLinks: true, donate: true, newsletter: true },
    });
    const texts = (value: unknown, key = ''): string[] =>
      Array.isArray(value)
        ? value.flatMap((item) => texts(item))
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([name, nested]) => texts(nested, name))
          : typeof value === 'string' && ['text', 'label', 'heading', 'privacyNote', 'footerNote'].includes(key)
            ? [value]
            : [];
    const spanishTexts = new Set(texts(settings));
    expect(texts(english.body.data).filter((text) => spanishTexts.has(text))).toEqual([]);
  });

  it('links the Spanish menu to the Spanish page where there is one, and to the English address where there is none', async () => {
    const answer = await contentApi('/global', {
      locale: 'es',
      populate: { menu: { populate: { links: { populate: { page: { fields: ['path', 'locale'] } } } } } },
    });
    const links = (answer.body.data as { menu: { links: Json[] }[] }).menu.flatMap((group) => group.links);
    expect(links.find((link) => link.text === 'Limpie sus antecedentes penales')).toMatchObject({
      type: 'Site Page',
      page: { path: '/es/servicios/limpiar-su-historial/', locale: 'es' },
    });
    expect(links.find((link) => link.text === 'Voluntariado')).toMatchObject({
      type: 'Site Page',
      page: { path: '/es/participe/voluntariado/', locale: 'es' },
    });
    expect(links.find((link) => link.text === 'Ayuda para limpiar sus antecedentes penales')).toMatchObject({
      type: 'Site Page',
      page: { path: '/es/servicios/pida-ayuda/', locale: 'es' },
    });
    expect(links.find((link) => link.text === 'Apoyo para la reintegración')).toMatchObject({
      type: 'External Link',
      url: '/our-work/reentry-support/',
    });
  });

  it.each([
    ['/contact-us/', '/es/contacto/', 'Contáctenos', 'Contact'],
    ['/get-involved/volunteer/', '/es/participe/voluntariado/', 'Voluntariado', 'Volunteer sign-up'],
    ['/get-involved/stay-informed/', '/es/participe/mantengase-informado/', 'Manténgase informado', 'Stay informed'],
    [
      '/services/ask-for-help/',
      '/es/servicios/pida-ayuda/',
      'Ayuda para limpiar sus antecedentes penales',
      'Help with a record',
    ],
  ])(
    'publishes %s in Spanish at %s, with the same form of the coalition as the English',
    async (en, es, title, form) => {
      const populate = { sections: { on: { 'sections.form': true } } };
      const english = await contentApi('/pages', { filters: { path: { $eq: en } }, populate });
      const spanish = await contentApi('/pages', { locale: 'es', filters: { path: { $eq: es } }, populate });
      const [enPage] = english.body.data as (Json & { sections: Json[] })[];
      const [esPage] = spanish.body.data as (Json & { sections: Json[] })[];
      expect(esPage).toMatchObject({ documentId: enPage!.documentId, locale: 'es', title });
      for (const page of [enPage!, esPage!])
        expect(page.sections).toEqual([expect.objectContaining({ __component: 'sections.form', form })]);
    },
  );

  it('keeps the Help with a record form off Clear Your Record (beside its Facebook video) in both languages, leading to its page instead', async () => {
    const populate = {
      sections: {
        on: {
          'sections.form': true,
          'sections.quick-links': { populate: { items: { populate: { link: { populate: { page: true } } } } } },
          'sections.banner': { populate: { button: { populate: { page: true } } } },
        },
      },
    };
    const english = await contentApi('/pages', {
      filters: { path: { $eq: '/services/clear-your-record/' } },
      populate,
    });
    const spanish = await contentApi('/pages', {
      locale: 'es',
      filters: { path: { $eq: '/es/servicios/limpiar-su-historial/' } },
      populate,
    });
    const [enPage] = english.body.data as (Json & { sections: Json[] })[];
    const [esPage] = spanish.body.data as (Json & { sections: Json[] })[];
    for (const page of [enPage!, esPage!]) {
      expect(page.sections.map((section) => section.__component)).toEqual(['sections.quick-links', 'sections.banner']);
    }
    const lastLink = (page: Json & { sections: Json[] }) => (page.sections[0]!.items as { link: Json }[]).at(-1)!.link;
    // Each language's page leads to the help page in its own language, by its address.
    expect(lastLink(enPage!)).toMatchObject({
      text: 'Ask us for help',
      type: 'External Link',
      url: '/services/ask-for-help/',
    });
    expect(enPage!.sections[1]!.button).toMatchObject({ text: 'Ask us for help', url: '/services/ask-for-help/' });
    expect(lastLink(esPage!)).toMatchObject({
      text: 'Pida ayuda',
      type: 'External Link',
      url: '/es/servicios/pida-ayuda/',
    });
    expect(esPage!.sections[1]!.button).toMatchObject({ text: 'Pida ayuda', url: '/es/servicios/pida-ayuda/' });
  });
});

describe('filling a translation from English', () => {
  it('keeps each link to a page with no Spanish version as that page’s address, and maps the others to their Spanish page', async () => {
    const admin = await adminSession();
    const settings = await admin.call('GET', `${SETTINGS}?locale=en`);
    const documentId = (settings.body.data as Json).documentId as string;
    const filled = await admin.call(
      'GET',
      `/i18n/content-manager/get-fill-from-locale/api::global.global?documentId=${documentId}&sourceLocale=en&targetLocale=es&collectionType=single-types`,
    );
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    const links = ((filled.body.data as Json).menu as { links: Json[] }[]).flatMap((group) => group.links);
    expect(links.find((link) => link.text === 'Reentry Support')).toMatchObject({
      type: 'External Link',
      url: '/our-work/reentry-support/',
    });
    const clear = links.find((link) => link.text === 'Clear Your Record') as { page: { connect: Json[] } };
    expect(clear).toMatchObject({ type: 'Site Page' });
    expect(clear.page.connect).toEqual([expect.objectContaining({ locale: 'es' })]);
  });
});

describe('where each page’s translation stands', () => {
  type Status = {
    documentId: string;
    translations: { locale: string; state: string; draft: unknown; compare: { older: number; newer: number } | null }[];
  };
  const statusOf = async (documentId: string): Promise<Status['translations'][number]> => {
    const editor = await editorSession();
    const answer = await editor.call('GET', `/site-tools/translations?documentId=${documentId}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body.pages as Status[])[0]!.translations[0]!;
  };

  it('is missing, then current once the Spanish is published, then out of date when the English is published again, with the English changes since', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', PAGES, {
      title: 'Status page',
      path: '/status-page/',
      description: 'The first English description.',
      sections: [],
    });
    const documentId = (created.body.data as Json).documentId as string;
    await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=en`, {});
    expect(await statusOf(documentId)).toMatchObject({ locale: 'es', state: 'missing', draft: null });
    await editor.call('PUT', `${PAGES}/${documentId}?locale=es`, {
      title: 'Página de estado',
      path: '/es/pagina-de-estado/',
      description: 'La primera descripción.',
      sections: [],
    });
    expect(await statusOf(documentId)).toMatchObject({ state: 'missing', draft: { path: '/es/pagina-de-estado/' } });
    await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=es`, {});
    expect(await statusOf(documentId)).toMatchObject({ state: 'current', compare: null });

    const english = await draftOf(documentId, 'en');
    await editor.call('PUT', `${PAGES}/${documentId}?locale=en`, {
      ...english,
      description: 'The second English description.',
    });
    await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=en`, {});
    const stale = await statusOf(documentId);
    expect(stale.state).toBe('out-of-date');
    const compared = await editor.call(
      'GET',
      `/site-tools/version/${stale.compare!.older}/compare/${stale.compare!.newer}`,
    );
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    expect(JSON.stringify(compared.body.comparison)).toContain('second');
    expect(JSON.stringify(compared.body.comparison)).toContain('first');

    await editor.call('POST', `${PAGES}/${documentId}/actions/publish?locale=es`, {});
    expect(await statusOf(documentId)).toMatchObject({ state: 'current' });
  });

  it('lists every page with its Spanish state for staff', async () => {
    const editor = await editorSession();
    const answer = await editor.call('GET', '/site-tools/translations');
    const pages = answer.body.pages as (Status & { path: string })[];
    // The page the test above left current, and one never translated.
    expect(pages.find((page) => page.path === '/status-page/')!.translations[0]!.state).toBe('current');
    expect(pages.find((page) => page.path === '/terms-of-use/')!.translations[0]!.state).toBe('missing');
  });
});
