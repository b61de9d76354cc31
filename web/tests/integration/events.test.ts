import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, startSystem, type System } from '../support/system';

/**
 * The events on the site, against the real CMS and the built site: the listings, an event's page
 * (Chicago time, schema.org data, sign-up), its calendar file and the feed read by an iCalendar
 * parser, and an event leaving the listing at its end by itself, with the route cache on.
 */
let system: System;
let admin: Awaited<ReturnType<typeof adminApi>>;
beforeAll(async () => {
  system = await startSystem();
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

  it('answer the address of an event no one published (a draft, or none at all) with the site’s 404', async () => {
    expect((await get('/events/record-clearing-day-example/')).status).toBe(404);
    expect((await get('/events/no-such-event/')).status).toBe(404);
  });
});
