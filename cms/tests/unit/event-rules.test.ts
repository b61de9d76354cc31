import { describe, expect, it } from 'vitest';
import { eventPublishViolations, eventRule } from '../../src/events/event-rules';

const paths = (violations: { path: string[] }[]) => violations.map((v) => v.path.join('.'));

describe('an event’s times', () => {
  it('must end after they start, on every save', () => {
    expect(paths(eventRule({ startsAt: '2027-04-10T15:00:00Z', endsAt: '2027-04-10T15:00:00Z' }))).toEqual(['endsAt']);
    expect(eventRule({ startsAt: '2027-04-10T15:00:00Z', endsAt: '2027-04-10T17:00:00Z' })).toEqual([]);
  });

  it('span at most a month, unless only the year of a past event is known', () => {
    const year = { startsAt: '2019-01-01T06:00:00Z', endsAt: '2019-12-31T23:59:00Z' };
    expect(paths(eventRule(year))).toEqual(['endsAt']);
    expect(eventRule({ ...year, yearOnly: true })).toEqual([]);
  });

  it('give a year alone only for a past event that starts and ends in that year (Chicago’s)', () => {
    expect(
      paths(eventRule({ startsAt: '2099-01-01T06:00:00Z', endsAt: '2099-12-31T23:59:00Z', yearOnly: true })),
    ).toEqual(['yearOnly']);
    // Midnight UTC on January 1 is still December 31 in Chicago.
    expect(eventRule({ startsAt: '2019-01-01T06:00:00Z', endsAt: '2020-01-01T05:59:00Z', yearOnly: true })).toEqual([]);
    expect(
      paths(eventRule({ startsAt: '2019-01-01T06:00:00Z', endsAt: '2020-01-01T06:00:00Z', yearOnly: true })),
    ).toEqual(['endsAt']);
  });

  it('are not checked while one of them is still empty (a draft can wait)', () => {
    expect(eventRule({ startsAt: '2027-04-10T15:00:00Z', endsAt: null })).toEqual([]);
  });
});

describe('a published event', () => {
  const ready = { format: 'In person', venue: 'Port Ministries', free: true, signUp: 'None' };

  it('needs a place when people come, an online link when they join online, or both', () => {
    expect(eventPublishViolations(ready)).toEqual([]);
    expect(paths(eventPublishViolations({ ...ready, venue: ' ' }))).toEqual(['venue']);
    expect(paths(eventPublishViolations({ ...ready, venue: '', address: '2111 W 47th St' }))).toEqual([]);
    expect(paths(eventPublishViolations({ ...ready, format: 'Online', venue: '' }))).toEqual(['onlineLink']);
    expect(paths(eventPublishViolations({ ...ready, format: 'In person and online', venue: '' }))).toEqual([
      'venue',
      'onlineLink',
    ]);
  });

  it('says what it costs when it is not free, links to the outside sign-up, and describes its image', () => {
    expect(paths(eventPublishViolations({ ...ready, free: false }))).toEqual(['cost']);
    expect(paths(eventPublishViolations({ ...ready, signUp: 'Outside link' }))).toEqual(['signUpLink']);
    expect(paths(eventPublishViolations({ ...ready, image: { id: 1 }, altText: '' }))).toEqual(['altText']);
    expect(eventPublishViolations({ ...ready, free: false, cost: '$5, or free if you cannot pay' })).toEqual([]);
  });
});
