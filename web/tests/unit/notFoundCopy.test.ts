import { isLocale } from '../../src/i18n/locales';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { APIContext } from 'astro';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isPagePath } from '../../src/lib/http/pagePath';

// The site's address list, as the CMS last gave it: here, every address is no page and no redirect.
vi.mock('../../src/lib/cms/siteAddresses', () => ({
  addressOf: vi.fn(async (pathname: string) =>
    pathname === '/a-page/' ? { kind: 'page', stale: false } : { kind: 'none', stale: false },
  ),
  // A page in the last copy of the addresses, as a publish leaves it: reading them again never ends here.
  wasPageAddress: (pathname: string) => pathname === '/published-page/',
}));
const { addressOf } = await import('../../src/lib/cms/siteAddresses');
const { answerUnknownAddress, forgetNotFoundCopy, OTHER_ROUTES } = await import('../../src/lib/cache/notFoundCopy');

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');
const CACHE = { maxAge: 300, swr: 86_400, tags: ['not-found', 'global'] };
const LOCALS = { formAction: 'https://list.example' };

/** What the middleware hands over: the request, its URL, and the route's cache options as the render set them. */
const contextFor = (address: string, method = 'GET') => {
  const options: { maxAge?: number; swr?: number; tags?: string[] } = {};
  const set = vi.fn((input: typeof options) => Object.assign(options, input));
  const url = new URL(`http://site.test${address}`);
  return {
    context: {
      request: new Request(url, { method }),
      url,
      locals: {},
      cache: {
        set,
        get options() {
          return options;
        },
      },
    } as unknown as APIContext,
    set,
    options,
  };
};

/** The route's render of "Page not found": it sets its cache options, as [...path].astro does. */
const renders = () => {
  let count = 0;
  const render =
    (context: APIContext, body = '<h1>Page not found</h1>') =>
    async () => {
      count += 1;
      context.cache.set(CACHE);
      // What SiteLayout tells the middleware, for the page's policy.
      Object.assign(context.locals, LOCALS);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Response(body, { status: 404, headers: { 'Content-Type': 'text/html' } });
    };
  return { render, count: () => count };
};

beforeEach(() => forgetNotFoundCopy());

describe('the one "Page not found" for unknown addresses', () => {
  it('is rendered once for any number of made-up addresses, even asked all at once, with the render’s cache options and what it told the middleware', async () => {
    const { render, count } = renders();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const { context, options } = contextFor(`/made-up-${i}/`);
        const response = (await answerUnknownAddress(context, render(context)))!;
        return {
          status: response.status,
          body: await response.text(),
          options: { ...options },
          locals: { ...context.locals },
        };
      }),
    );
    expect(count()).toBe(1);
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
      expect(answer.options).toMatchObject(CACHE);
      // The page's policy: the site's, with the newsletter's form host (middleware.ts).
      expect(answer.locals).toEqual(LOCALS);
    }
  });

  it('is rendered again after any change the CMS tells of, and a render a change overtook is not kept', async () => {
    const { render, count } = renders();
    const first = contextFor('/made-up-1/');
    await answerUnknownAddress(first.context, render(first.context, 'old menu'));
    forgetNotFoundCopy();
    const overtaken = contextFor('/made-up-2/');
    await answerUnknownAddress(overtaken.context, async () => {
      const response = await render(overtaken.context, 'read before the change')();
      forgetNotFoundCopy();
      return response;
    });
    const next = contextFor('/made-up-3/');
    const answer = (await answerUnknownAddress(next.context, render(next.context, 'new menu')))!;
    expect(await answer.text()).toBe('new menu');
    expect(count()).toBe(3);
  });

  it('keeps the English and the Spanish page apart: each language’s unknown addresses get their own, whatever the browser asks for', async () => {
    const { render, count } = renders();
    const answers: Record<string, string> = {};
    for (const address of ['/made-up/', '/es/inventada/', '/other-made-up/', '/es/otra/']) {
      const { context } = contextFor(address);
      context.request.headers.set('accept-language', address.startsWith('/es/') ? 'en' : 'es');
      const body = address.startsWith('/es/') ? '<h1>Página no encontrada</h1>' : '<h1>Page not found</h1>';
      answers[address] = await (await answerUnknownAddress(context, render(context, body)))!.text();
    }
    expect(count()).toBe(2);
    expect(answers).toEqual({
      '/made-up/': '<h1>Page not found</h1>',
      '/es/inventada/': '<h1>Página no encontrada</h1>',
      '/other-made-up/': '<h1>Page not found</h1>',
      '/es/otra/': '<h1>Página no encontrada</h1>',
    });
  });

  it('answers HEAD with the copy (a 404 without a body Astro would render again; Node sends none for HEAD), and leaves pages, other methods and other routes alone', async () => {
    const { render } = renders();
    const get = contextFor('/made-up/');
    await answerUnknownAddress(get.context, render(get.context));
    const head = contextFor('/made-up-head/', 'HEAD');
    const answer = (await answerUnknownAddress(head.context, render(head.context)))!;
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toBe('');
    for (const [address, method] of [
      ['/a-page/', 'GET'],
      ['/made-up/', 'POST'],
      ['/search/', 'GET'],
      ['/preview/made-up/', 'GET'],
      ['/Not-A-Page-Shape', 'GET'],
    ] as const) {
      const other = contextFor(address, method);
      expect(await answerUnknownAddress(other.context, render(other.context)), `${method} ${address}`).toBeNull();
    }
  });

  it('lets a page the last copy of the addresses has be rendered at once, without waiting for the addresses to be read again', async () => {
    vi.mocked(addressOf).mockClear();
    const { context } = contextFor('/published-page/');
    expect(await answerUnknownAddress(context, renders().render(context))).toBeNull();
    expect(addressOf).not.toHaveBeenCalled();
  });

  it('keeps nothing that is not the cacheable "Page not found" (a 404 the route did not let be cached)', async () => {
    let rendered = 0;
    for (const i of [1, 2]) {
      const { context } = contextFor(`/made-up-${i}/`);
      await answerUnknownAddress(context, async () => {
        rendered += 1;
        return new Response('Temporarily unavailable', { status: 404 });
      });
    }
    expect(rendered).toBe(2);
  });

  it('is never given for a page-shaped address another route of src/pages answers', () => {
    // A language's folder (es/) is no route of its own: the routes are the entries in it.
    const routes = readdirSync(PAGES)
      .filter((entry) => !['[...path].astro', '404.astro'].includes(entry))
      .flatMap((entry) =>
        isLocale(entry) ? readdirSync(path.join(PAGES, entry)).map((inner) => `${entry}/${inner}`) : [entry],
      )
      .map((entry) => `/${entry.replace(/\.(astro|ts)$/, '')}/`);
    const pageShaped = routes.filter((route) => isPagePath(route));
    expect(pageShaped.length).toBeGreaterThan(0);
    for (const route of pageShaped)
      expect(
        OTHER_ROUTES.some((prefix) => route.startsWith(prefix)),
        `${route} is answered by src/pages; add it to OTHER_ROUTES in src/lib/cache/notFoundCopy.ts`,
      ).toBe(true);
  });
});
