import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, feedEvents, type CalendarEvent } from '../../src/lib/events/eventCalendar';

const words = { name: 'Coalition: events', online: 'Online', details: 'Details', join: 'Join' };
const event = (fields: Partial<CalendarEvent> = {}): CalendarEvent => ({
  documentId: 'doc1',
  title: 'Record-clearing day, Back of the Yards',
  summary: 'Bring a state ID; lawyers on site.\nFree.',
  startsAt: '2027-03-13T16:00:00.000Z',
  endsAt: '2027-03-13T20:00:00.000Z',
  yearOnly: false,
  format: 'In person',
  venue: 'Port Ministries',
  address: '5013 S Throop St, Chicago, IL 60609',
  updatedAt: '2027-02-01T12:00:00.000Z',
  ...fields,
});
const parse = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
const file = (events: CalendarEvent[]) =>
  calendarFile(events, { siteUrl: 'https://cannabisequityil.example', words, pathOf: () => '/events/x/' });

describe('an event’s calendar file', () => {
  it('is read by an iCalendar parser with the event’s instants, words (commas, semicolons, new lines) and page', () => {
    const text = file([event()]);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const [parsed] = parse(text);
    expect(parsed!.uid).toBe('doc1@cannabisequityil.example');
    expect(parsed!.summary).toBe('Record-clearing day, Back of the Yards');
    expect(parsed!.startDate.toJSDate().toISOString()).toBe('2027-03-13T16:00:00.000Z');
    expect(parsed!.endDate.toJSDate().toISOString()).toBe('2027-03-13T20:00:00.000Z');
    expect(parsed!.location).toBe('Port Ministries, 5013 S Throop St, Chicago, IL 60609');
    expect(parsed!.description).toBe(
      'Bring a state ID; lawyers on site.\nFree.\n\nDetails: https://cannabisequityil.example/events/x/',
    );
  });

  it('says "Online" for where, with the link to join, and leaves out an event known only by its year', () => {
    const [online, ...rest] = parse(
      file([
        event({ format: 'Online', venue: null, address: null, onlineLink: 'https://meet.example/kyr' }),
        event({ documentId: 'old', yearOnly: true }),
      ]),
    );
    expect(rest).toEqual([]);
    expect(online!.location).toBe('Online');
    expect(online!.description).toContain('Join: https://meet.example/kyr');
  });
});

describe('the subscribed feed', () => {
  it('holds upcoming events and those of the last 90 days, never a year-only one', () => {
    const now = Date.parse('2027-03-13T18:00:00Z');
    const recent = event({ documentId: 'recent', endsAt: '2027-01-01T00:00:00.000Z' });
    const old = event({ documentId: 'old', endsAt: '2026-11-01T00:00:00.000Z' });
    const yearOnly = event({ documentId: 'year', yearOnly: true, endsAt: '2027-12-31T00:00:00.000Z' });
    expect(feedEvents([event(), recent, old, yearOnly], now).map((e) => e.documentId)).toEqual(['doc1', 'recent']);
  });
});
