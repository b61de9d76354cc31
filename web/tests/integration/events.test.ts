import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, startSystem, type System } from '../support/system';

/**
 * The events on the site, against the real CMS and the built site: the listings, an event's page
 * (Chicago time, schema.org data, sign-up), its calendar file and the feed read by an iCalendar
 * parser, and an event leaving the listing at its end by itself, with the route cache on. Last,
 * scheduled publishes and unpublishes as the site follows them, on a clock the test moves (the
 * CMS's and the site's: web/tests/support/system.ts, movedClock).
 */
let system: System;
let admin: Awaited<ReturnType<typeof adminApi>>;
beforeAll(async () => {
  system = await startSystem({ movedClock: true });
  admin = await adminApi(system);
});
afterAll(async () => {
  await system?.stop();
});

const EVENTS = '/content-manager/collection-types/api::event.event';
const get = (path: string) => fetch(`${system.siteUrl}${path}`, { redirect: 'manual' });
const html = async (path: string) => (await get(path)).text();
const made: string[] = [];
afterAll(async () => {
  for (const documentId of made) await admin?.call('DELETE', `${EVENTS}/${documentId}?locale=*`).catch(() => undefined);
});

/** An event published in English (and in Spanish with `es`), as staff would fill it in. */
const publish = async (fields: Record<string, unknown>, es?: Record<string, unknown>) => {
  const data = {
    title: 'Know Your Rights session',
    summary: 'What to say and not say when police stop you.',
    format: 'In person',
    venue: 'Port Ministries',
    address: '5013 S Throop St, Chicago, IL 60609',
    languages: 'English and Spanish',
    free: true,
    yearOnly: false,
    signUp: 'None',
    ...fields,
  };
  const created = await admin.call<{ data: { documentId: string } }>('POST', `${EVENTS}?locale=en`, data);
  const { documentId } = created.data;
  made.push(documentId);
  if (es) await admin.call('PUT', `${EVENTS}/${documentId}?locale=es`, { ...data, ...es });
  if (es)
    // Both languages at once, as the admin's "Publish multiple locales" does.
    await admin.call('POST', `${EVENTS}/actions/bulkPublish`, { documentIds: [documentId], locale: ['en', 'es'] });
  else await admin.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, {});
  return documentId;
};

describe('the events listings', () => {
  it('list the old site’s past events by their year, in each language, and no upcoming one from the seed (its example is a draft)', async () => {
    const upcoming = await html('/events/');
    expect(upcoming).toContain('No event is planned right now.');
    expect(upcoming).not.toContain('Record-clearing day (example)');
    const past = await html('/events/past/');
    expect(past).toContain('National Expungement Week 2019');
    expect(past).toMatch(/<time datetime="2019">2019<\/time>/);
    expect(past.indexOf('National Expungement Week 2020')).toBeLessThan(past.indexOf('National Expungement Week 2019'));
    const spanish = await html('/es/eventos/pasados/');
    expect(spanish).toContain('Semana Nacional de Eliminación de Antecedentes 2019');
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('href="/events/past/"');
  });

  it('show an event published, with its time in Chicago’s, on its own page with its schema.org data (no script), within a second', async () => {
    const slug = `kyr-${Date.now()}`;
    // 10 a.m.–noon on Saturday, April 10, 2027, in Chicago (CDT, five hours behind UTC).
    await publish(
      { slug, startsAt: '2027-04-10T15:00:00.000Z', endsAt: '2027-04-10T17:00:00.000Z', signUp: 'Contact' },
      { slug: `${slug}-es`, title: 'Taller Conozca sus Derechos', summary: 'Qué decir si la policía lo detiene.' },
    );
    await expect.poll(async () => html('/events/'), { timeout: 1000, interval: 50 }).toContain(`/events/${slug}/`);
    const page = await html(`/events/${slug}/`);
    expect(page).toContain('Saturday, April 10, 2027, 10:00 AM – 12:00 PM CDT');
    expect(page).toContain('href="/es/eventos/' + slug + '-es/"');
    // schema.org's Event as microdata: no <script> element on any page of the site.
    expect(page).toContain('itemscope itemtype="https://schema.org/Event"');
    expect(page).toContain('itemprop="startDate" datetime="2027-04-10T15:00:00.000Z"');
    expect(page).toContain('<meta itemprop="endDate" content="2027-04-10T17:00:00.000Z">');
    expect(page).toContain(
      '<link itemprop="eventAttendanceMode" href="https://schema.org/OfflineEventAttendanceMode">',
    );
    expect(page).toContain('<meta itemprop="inLanguage" content="es">');
    expect(page).toContain('<meta itemprop="isAccessibleForFree" content="true">');
    expect(page).not.toMatch(/<script/i);
    // The sign-up form is the coalition's Contact form, sent to the event's own address.
    expect(page).toContain(`action="/events/${slug}/#contact-form"`);
    const spanish = await html(`/es/eventos/${slug}-es/`);
    expect(spanish).toMatch(/sábado, 10 de abril de 2027, 10:00\sa\.m\. – 12:00\sp\.m\. CDT/);
  });

  it('give each event a calendar file and a feed that an iCalendar parser reads with the right times', async () => {
    const slug = `fair-${Date.now()}`;
    await publish({
      slug,
      title: 'Resource fair; food, IDs, jobs',
      startsAt: '2027-11-06T14:00:00.000Z', // 9 a.m. CDT, the day before clocks go back
      endsAt: '2027-11-07T20:00:00.000Z', // 2 p.m. CST
    });
    const file = await get(`/events/${slug}.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await file.text()));
    const [vevent] = calendar.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent!);
    expect(event.summary).toBe('Resource fair; food, IDs, jobs');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-11-06T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-11-07T20:00:00.000Z');
    expect(event.location).toBe('Port Ministries, 5013 S Throop St, Chicago, IL 60609');
    const feed = new ICAL.Component(ICAL.parse(await html('/events.ics')));
    const summaries = feed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(summaries).toContain('Resource fair; food, IDs, jobs');
    // An old event known by its year alone has no day to put in a calendar.
    expect(summaries).not.toContain('National Expungement Week 2019');
    expect((await get('/events/national-expungement-week-2019.ics')).status).toBe(404);
  });

  it('drop an event from the upcoming list at its end, by itself, though the listing is kept in the route cache', async () => {
    const slug = `ending-${Date.now()}`;
    const endsAt = Date.now() + 6000;
    await publish({
      slug,
      startsAt: new Date(endsAt - 3_600_000).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
    });
    await expect.poll(async () => html('/events/'), { timeout: 1000, interval: 50 }).toContain(`/events/${slug}/`);
    // Kept: a second visit is a hit.
    expect((await get('/events/')).headers.get('x-astro-cache')).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now()) + 1000));
    expect(await html('/events/')).not.toContain(`/events/${slug}/`);
    expect(await html('/events/past/')).toContain(`/events/${slug}/`);
    expect(await html(`/events/${slug}/`)).toContain('This event has passed.');
  });

  it('keep a page’s “coming up” to the next events: a new one within a second, gone at its end, though the page is kept', async () => {
    const pages = '/content-manager/collection-types/api::page.page';
    const pagePath = `/coming-up-${Date.now()}/`;
    const { data } = await admin.call<{ data: { documentId: string } }>('POST', `${pages}?locale=en`, {
      title: 'What is coming up',
      path: pagePath,
      description: 'A page with the next event on it.',
      sections: [{ __component: 'sections.coming-up', heading: 'Next at the coalition', count: 1 }],
    });
    await admin.call('POST', `${pages}/${data.documentId}/actions/publish?locale=en`, {});
    await expect.poll(async () => (await get(pagePath)).status, { timeout: 1000, interval: 50 }).toBe(200);
    expect((await get(pagePath)).headers.get('x-astro-cache')).toBe('HIT');

    // Sooner than any other: it is the one shown.
    const slug = `soonest-${Date.now()}`;
    const endsAt = Date.now() + 8000;
    await publish({
      slug,
      title: 'The soonest session',
      startsAt: new Date(endsAt - 3_600_000).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
    });
    await expect.poll(async () => html(pagePath), { timeout: 1000, interval: 50 }).toContain(`/events/${slug}/`);
    const page = await html(pagePath);
    expect(page).toContain('<h2 class="coming-up__heading">Next at the coalition</h2>');
    expect(page.match(/class="event-card"/g)).toHaveLength(1);
    expect((await get(pagePath)).headers.get('x-astro-cache')).toBe('HIT');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now()) + 1000));
    const later = await html(pagePath);
    expect(later).not.toContain(`/events/${slug}/`);
    expect(later).toContain('<h2 class="coming-up__heading">Next at the coalition</h2>');
  });

  it('answer the address of an event no one published (a draft, or none at all) with the site’s 404', async () => {
    expect((await get('/events/record-clearing-day-example/')).status).toBe(404);
    expect((await get('/events/no-such-event/')).status).toBe(404);
  });
});

describe('scheduled publishes and unpublishes, on the site', () => {
  const PAGES = '/content-manager/collection-types/api::page.page';
  /** Monday, June 3, 2030 at 10:00 AM in Chicago (CDT), and a minute later: the schedules' times. */
  const AT = Date.parse('2030-06-03T15:00:00Z');
  const NEXT = AT + 60_000;
  const SLACK_MS = 100;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const newPage = async (name: string, published: boolean) => {
    const pagePath = `/${name}/`;
    const created = await admin.call<{ data: { documentId: string } }>('POST', `${PAGES}?locale=en`, {
      title: `Scheduled ${name}`,
      path: pagePath,
      description: `${name}, made by the events test.`,
      sections: [
        {
          __component: 'sections.text-area',
          style: 'Plain',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: name }] }],
          showButton: false,
        },
      ],
    });
    const { documentId } = created.data;
    if (published) await admin.call('POST', `${PAGES}/${documentId}/actions/publish?locale=en`, {});
    return { documentId, path: pagePath };
  };
  const schedule = (uid: string, documentId: string, action: 'publish' | 'unpublish', time: string) =>
    admin.call<{ id: number; at: string }>('POST', '/site-tools/schedules', {
      uid,
      documentId,
      locale: 'en',
      action,
      date: '2030-06-03',
      time,
    });
  type Run = { documentId: string; status: string; finishedAt: string | null };
  const runOf = async (uid: string, documentId: string): Promise<Run | undefined> =>
    (
      await admin.call<{ recent: Run[] }>('GET', `/site-tools/schedules?uid=${uid}&documentId=${documentId}&locale=en`)
    ).recent.find((entry) => entry.status === 'done');

  it('take a page and an event down at their time by the site’s own clock, with the CMS unable to answer or run it', async () => {
    const stamp = Date.now();
    const leaving = await newPage(`leaving-${stamp}`, true);
    const slug = `taken-down-${stamp}`;
    const event = await publish({ slug, startsAt: '2030-07-01T15:00:00Z', endsAt: '2030-07-01T17:00:00Z' });
    expect((await schedule('api::page.page', leaving.documentId, 'unpublish', '10:00')).at).toBe(
      new Date(AT).toISOString(),
    );
    await schedule('api::event.event', event, 'unpublish', '10:00');

    // Kept by the site's route cache as any page (its end is years away, on this clock).
    await expect.poll(async () => (await get(leaving.path)).status, { timeout: 1000, interval: 50 }).toBe(200);
    expect((await get(leaving.path)).headers.get('x-astro-cache')).toBe('HIT');
    expect(await html('/events/')).toContain(`/events/${slug}/`);
    expect((await get(`/events/${slug}/`)).status).toBe(200);

    await system.moveClocksTo(AT - 4000);
    // The CMS frozen across the time: it neither runs the unpublish nor answers the site, which
    // serves what it kept. Asked every 100 ms: served before the time, never after it.
    process.kill(system.cmsPid(), 'SIGSTOP');
    const samples: { address: string; from: number; to: number; status: number }[] = [];
    try {
      while (system.clockNow() < AT + 4000) {
        for (const address of [leaving.path, `/events/${slug}/`]) {
          const from = system.clockNow();
          const { status } = await get(address);
          samples.push({ address, from, to: system.clockNow(), status });
        }
        await pause(100);
      }
      expect(await html('/events/')).not.toContain(`/events/${slug}/`);
      expect(await html('/events.ics')).not.toContain(slug);
    } finally {
      process.kill(system.cmsPid(), 'SIGCONT');
    }
    for (const { address, from, to, status } of samples) {
      if (from >= AT + SLACK_MS) expect(status, `${address} asked ${from - AT} ms after its time`).toBe(404);
      if (to <= AT - SLACK_MS) expect(status, `${address} asked ${AT - to} ms before its time`).toBe(200);
    }
    expect(samples.filter((sample) => sample.from >= AT + SLACK_MS).length).toBeGreaterThan(5);

    // Back, the CMS runs what was due (within 60 s of its time); nothing comes back.
    admin = await adminApi(system);
    await expect
      .poll(() => runOf('api::page.page', leaving.documentId), { timeout: 30_000, interval: 500 })
      .toBeTruthy();
    expect((await get(leaving.path)).status).toBe(404);
  });

  it('show a page published on schedule within a second of the run', async () => {
    const arriving = await newPage(`arriving-${Date.now()}`, false);
    await schedule('api::page.page', arriving.documentId, 'publish', '10:01');
    expect((await get(arriving.path)).status).toBe(404);
    // The site asks the CMS again once its pause after the frozen CMS is over (at most 8 s).
    await pause(8000);
    await system.moveClocksTo(NEXT - 3000);
    let firstArrival: number | null = null;
    while (firstArrival === null) {
      if (system.clockNow() > NEXT + 60_000)
        throw new Error('The scheduled publish did not reach the site within 60 s');
      if ((await get(arriving.path)).status === 200) firstArrival = system.clockNow();
      else await pause(50);
    }
    admin = await adminApi(system);
    const run = await runOf('api::page.page', arriving.documentId);
    // `finishedAt` is when the run claimed its row, before it published.
    expect(Date.parse(run!.finishedAt!) - NEXT).toBeLessThan(60_000);
    expect(firstArrival - Date.parse(run!.finishedAt!)).toBeLessThan(1000);
  });
});
