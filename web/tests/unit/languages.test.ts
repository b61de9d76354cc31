import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import LinkButton from '../../src/components/LinkButton.astro';
import SiteHeader from '../../src/components/SiteHeader.astro';
import SiteLayout from '../../src/layouts/SiteLayout.astro';
import { fetchGlobal, fetchPageList } from '../../src/lib/cms/cmsContent';
import { loadPage } from '../../src/lib/cms/loadPage';
import { homeAddressTag, linksToTag, NOT_FOUND_TAG } from '../../src/lib/cache/cacheTags';
import { linkTarget, type Link } from '../../src/lib/render/link';
import { sitemapXml } from '../../src/lib/render/sitemap';
import { pageLanguages } from '../../src/i18n/pageLanguages';
import { stubCms, stubSiteEnv, type FakePage } from '../support/fakeCms';

// Home and "Clear your record" in both languages; "Get involved" in English only.
const PAGES: FakePage[] = [
  { documentId: 'home', path: '/', locale: 'en' },
  { documentId: 'home', path: '/es/', locale: 'es' },
  { documentId: 'clear', path: '/services/clear-your-record/', locale: 'en' },
  { documentId: 'clear', path: '/es/servicios/limpiar-su-historial/', locale: 'es' },
  { documentId: 'involved', path: '/get-involved/', locale: 'en' },
];
const SITE = 'https://site.example';

let asked: string[];
let container: AstroContainer;
beforeAll(async () => {
  stubSiteEnv();
  asked = stubCms(PAGES);
  container = await AstroContainer.create();
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const pathLink = (url: string): Link => ({ text: 'Más', type: 'External Link', url, page: null, file: null });

describe('the list of pages', () => {
  it('is asked one language at a time and says each page’s language', async () => {
    const { data } = await fetchPageList();
    // English first, then Spanish.
    expect(data.map((page) => `${page.locale} ${page.path}`)).toEqual([
      ...PAGES.filter((page) => page.locale === 'en').map((page) => `en ${page.path}`),
      ...PAGES.filter((page) => page.locale === 'es').map((page) => `es ${page.path}`),
    ]);
    expect(asked.some((url) => url.startsWith('/api/pages?locale=es&'))).toBe(true);
    expect(asked.some((url) => url.startsWith('/api/pages?locale=en&'))).toBe(true);
  });
});

describe('the site settings in Spanish', () => {
  it('are the English ones, saying so, while the CMS has no Spanish version (404)', async () => {
    const { data } = await fetchGlobal('es');
    expect(data.locale).toBe('en');
    expect(data.siteName).toBe('Cannabis Equity Illinois Coalition');
    expect(asked).toContain(asked.find((url) => url.startsWith('/api/global?locale=es')));
  });
});

describe('a page with both versions', () => {
  it('names both addresses and links to the other language’s version', async () => {
    const result = await loadPage('/es/servicios/limpiar-su-historial/');
    expect(result.status).toBe(200);
    const view = result.view.kind === 'page' ? result.view : null;
    expect(view?.languages).toMatchObject({
      locale: 'es',
      alternates: { en: '/services/clear-your-record/', es: '/es/servicios/limpiar-su-historial/' },
      switchTo: { locale: 'en', href: '/services/clear-your-record/' },
      home: '/es/',
    });
    // The settings' words are English on this Spanish page.
    expect(view?.global?.locale).toBe('en');
    // Its logo leads to the Spanish home: purged when that home changes (it leaves its address
    // too), not by every redirect edit (the page at /es/ outranks any redirect there).
    expect(result.cache && result.cache.tags).toContain(linksToTag('home'));
    expect(result.cache && result.cache.tags).not.toContain(homeAddressTag('/es/'));
  });

  it('writes reciprocal hreflang alternates with absolute addresses and English as x-default', async () => {
    const languages = pageLanguages('es', 'clear');
    const html = await container.renderToString(SiteLayout, {
      props: { title: 'Limpiar su historial', global: null, languages },
      locals: { locale: 'es' },
    });
    expect(html).toContain('<html lang="es"');
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/services/clear-your-record/">`);
    expect(html).toContain(`<link rel="alternate" hreflang="es" href="${SITE}/es/servicios/limpiar-su-historial/">`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/services/clear-your-record/">`);
    expect(html).toContain('Saltar al contenido');
    const english = await container.renderToString(SiteLayout, {
      props: { title: 'Clear your record', global: null, languages: pageLanguages('en', 'clear') },
    });
    expect(english).toContain('<html lang="en"');
    expect(english).toContain(`<link rel="alternate" hreflang="es" href="${SITE}/es/servicios/limpiar-su-historial/">`);
  });
});

describe('a page in one language only', () => {
  it('has no alternates, and its language link leads to the other language’s home', async () => {
    const result = await loadPage('/get-involved/');
    const view = result.view.kind === 'page' ? result.view : null;
    expect(view?.languages).toMatchObject({ locale: 'en', alternates: null, switchTo: { locale: 'es', href: '/es/' } });
    const html = await container.renderToString(SiteLayout, {
      props: { title: 'Get involved', global: null, languages: view!.languages },
    });
    expect(html).not.toContain('hreflang="x-default"');
    expect(html).toMatch(/<a href="\/es\/" lang="es" hreflang="es"[^>]*>\s*Español\s*<\/a>/);
  });

  it('links from Spanish to the English home as “English”, and hides the link when the other home is not published', async () => {
    const html = await container.renderToString(SiteHeader, {
      props: { global: null, siteName: 'CEIC', languages: pageLanguages('es'), settingsLang: undefined },
      locals: { locale: 'es' },
    });
    expect(html).toMatch(/<a href="\/" lang="en" hreflang="en"[^>]*>\s*English\s*<\/a>/);
    expect(html).toContain('aria-label="Menú"');
    const withoutHome = { ...pageLanguages('en'), switchTo: null };
    const none = await container.renderToString(SiteHeader, {
      props: { global: null, siteName: 'CEIC', languages: withoutHome, settingsLang: undefined },
    });
    expect(none).not.toContain('hreflang="es"');
  });
});

describe('links on a Spanish page', () => {
  it('lead to the Spanish version of an English page that has one', () => {
    expect(linkTarget(pathLink('/services/clear-your-record/'), 'es')).toEqual({
      href: '/es/servicios/limpiar-su-historial/',
      external: false,
      hreflang: undefined,
    });
    expect(linkTarget(pathLink('/services/clear-your-record/#steps'), 'es')?.href).toBe(
      '/es/servicios/limpiar-su-historial/#steps',
    );
    const relation: Link = {
      text: 'Limpiar',
      type: 'Site Page',
      url: null,
      page: { documentId: 'clear', path: '/services/clear-your-record/' },
      file: null,
    };
    expect(linkTarget(relation, 'es')?.href).toBe('/es/servicios/limpiar-su-historial/');
  });

  it('lead to the English page of one without, saying it is in English', async () => {
    expect(linkTarget(pathLink('/get-involved/'), 'es')).toEqual({
      href: '/get-involved/',
      external: false,
      hreflang: 'en',
    });
    const html = await container.renderToString(LinkButton, {
      props: { link: { ...pathLink('/get-involved/'), text: 'Participe' } },
      locals: { locale: 'es' },
    });
    expect(html).toMatch(
      /<a class="button" href="\/get-involved\/" hreflang="en"[^>]*>\s*Participe\s*<span lang="es"> \(en inglés\)<\/span>/,
    );
  });

  it('are left as text where there is no page, as on English pages', () => {
    expect(linkTarget(pathLink('/es/no-existe/'), 'es')).toBeNull();
    expect(linkTarget(pathLink('/nowhere/'), 'es')).toBeNull();
  });

  it('are not changed on English pages', () => {
    expect(linkTarget(pathLink('/services/clear-your-record/'), 'en')).toEqual({
      href: '/services/clear-your-record/',
      external: false,
      hreflang: undefined,
    });
    expect(linkTarget(pathLink('https://example.org/'), 'es')).toEqual({
      href: 'https://example.org/',
      external: true,
      hreflang: undefined,
    });
  });
});

describe('an unknown Spanish address', () => {
  it('gets the Spanish "Page not found", with the settings in Spanish if any (English until then)', async () => {
    const result = await loadPage('/es/no-existe/');
    expect(result.status).toBe(404);
    const view = result.view.kind === 'not-found' ? result.view : null;
    expect(view?.languages).toMatchObject({ locale: 'es', switchTo: { locale: 'en', href: '/' }, home: '/es/' });
    expect(view?.global?.locale).toBe('en');
    expect(result.cache && result.cache.tags).toContain(NOT_FOUND_TAG);
    const html = await container.renderToString(SiteLayout, {
      props: { title: 'Página no encontrada', global: view!.global, noindex: true, languages: view!.languages },
      locals: { locale: 'es' },
    });
    expect(html).toContain('<html lang="es"');
    // The English settings' menu and footer text are marked English.
    expect(html).toContain('<ul class="site-menu" lang="en"');
    expect(html).toContain('Manténgase en contacto');
  });

  it('and an English one the English page', async () => {
    const result = await loadPage('/no-such-page/');
    expect(result.view.kind === 'not-found' && result.view.languages.locale).toBe('en');
  });
});

describe('the sitemap', () => {
  it('lists every page of both languages, naming each version of a translated page on each', async () => {
    const { data } = await fetchPageList();
    const xml = sitemapXml(data);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    for (const page of PAGES) expect(xml).toContain(`<loc>${SITE}${page.path}</loc>`);
    const entry = (path: string) => xml.split('\n').find((line) => line.includes(`<loc>${SITE}${path}</loc>`))!;
    for (const path of ['/services/clear-your-record/', '/es/servicios/limpiar-su-historial/']) {
      expect(entry(path)).toContain(
        `<xhtml:link rel="alternate" hreflang="en" href="${SITE}/services/clear-your-record/"/>`,
      );
      expect(entry(path)).toContain(
        `<xhtml:link rel="alternate" hreflang="es" href="${SITE}/es/servicios/limpiar-su-historial/"/>`,
      );
      expect(entry(path)).toContain(
        `<xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/services/clear-your-record/"/>`,
      );
    }
    expect(entry('/get-involved/')).not.toContain('xhtml:link');
  });
});
