// A calendar read in a site's zone (formats.md §6): the same weekly hours and holidays as local times there.
// Laws: read in its own zone it is the calendar itself; read in a fixed-offset zone it is the UTC calendar shifted
// by that offset; compiled once per calendar and zone. And the engine measures a site's request on the re-zoned
// calendar, which the guidance then names in the site's zone.
import fc from 'fast-check';
import { CalendarSet } from '../../src/engine/calendar';
import { guidanceFor } from '../../src/engine/guidance';
import { evaluate } from '../../src/engine/obligations';
import { calendarKey, measuringCalendar, splitCalendarKey, zoneOfCalendar } from '../../src/engine/site';
import type { Agreement, ConfigBundle } from '../../src/engine/types';
import { at, definitionOf, iso } from './helpers';

const office = definitionOf({ zone: 'Europe/Copenhagen', week: { 'mon-thu': '08:00-16:00', fri: '08:00-15:30' }, days: { '2026-12-24': '', '2026-12-31': '08:00-12:00' } }, 'cph');
const utcOffice = definitionOf({ zone: 'UTC', week: { 'mon-fri': '09:00-17:00', sat: '10:00-12:00' }, days: { '2026-11-26': '', '2026-12-31': '09:00-12:00' } }, 'utc-office');
const set = new CalendarSet([office.calendar, utcOffice.calendar], [...office.collections, ...utcOffice.collections]);

const HOUR = 3_600_000;
const instant = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') });
const duration = fc.integer({ min: 0, max: 300 * HOUR });

describe('re-zoning laws', () => {
  test('read in its own zone a calendar changes nothing', () => {
    const own = set.get(calendarKey('cph', 'Europe/Copenhagen'));
    const plain = set.get('cph');
    fc.assert(
      fc.property(instant, duration, instant, (from, d, to) => {
        expect(own.add(from, d)).toBe(plain.add(from, d));
        expect(own.between(Math.min(from, to), Math.max(from, to))).toBe(plain.between(Math.min(from, to), Math.max(from, to)));
      }),
      { numRuns: 500 },
    );
  });

  // Etc/GMT-2 is UTC+2 all year: every local time there is the same UTC time 2 hours earlier.
  test('read in a fixed-offset zone a UTC calendar is shifted by the offset, holidays included', () => {
    const shifted = set.get(calendarKey('utc-office', 'Etc/GMT-2'));
    const plain = set.get('utc-office');
    fc.assert(
      fc.property(instant, duration, fc.integer({ min: 0, max: 30 * 24 * HOUR }), (from, d, span) => {
        expect(shifted.add(from - 2 * HOUR, d)).toBe(plain.add(from, d) - 2 * HOUR);
        expect(shifted.between(from - 2 * HOUR, from + span - 2 * HOUR)).toBe(plain.between(from, from + span));
      }),
      { numRuns: 500 },
    );
  });

  test('compiled once per calendar and zone; an unknown zone or calendar is no calendar', () => {
    expect(set.get('cph@America/New_York')).toBe(set.get('cph@America/New_York'));
    expect(set.get('cph@America/New_York')).not.toBe(set.get('cph@America/Chicago'));
    expect(set.get('cph@America/New_York').timezone).toBe('America/New_York');
    expect(set.has('cph@America/Gotham')).toBe(false);
    expect(set.has('nope@America/New_York')).toBe(false);
    expect(() => set.get('cph@America/Gotham')).toThrow('unknown calendar "cph@America/Gotham"');
  });

  test.each([
    ['cph', { id: 'cph' }],
    ['cph@America/New_York', { id: 'cph', zone: 'America/New_York' }],
    ['a@b@Europe/Oslo', { id: 'a@b', zone: 'Europe/Oslo' }],
    ['@UTC', { id: '@UTC' }],
    ['cph@', { id: 'cph@' }],
  ])('the key %s', (key, parts) => {
    expect(splitCalendarKey(key)).toEqual(parts);
  });
});

const bundle: ConfigBundle = {
  version: 1,
  holidayCollections: office.collections,
  calendars: [office.calendar, { ...utcOffice.calendar, id: 'always', week: Object.fromEntries(Object.keys(utcOffice.calendar.week).map((d) => [d, [['00:00', '24:00']]])) as ConfigBundle['calendars'][0]['week'] }],
  priorityModels: [{ id: 'm', priorities: [{ id: 'p1', rank: 1 }] }],
  actions: [{ id: 'created', when: { event: 'created' } }],
  actionModels: [{ id: 'standard', pauseInStatuses: [] }],
  goals: [{ id: 'response', actionModel: 'standard', internal: false, start: ['created'], stop: [], pause: [], resume: [], cancel: [], guidance: 'Reply to the customer' }],
  customers: [{ id: 'acme', environments: [], sites: [{ id: 'nyc', timezone: 'America/New_York' }, { id: 'cph-hq', timezone: 'Europe/Copenhagen' }, { id: 'oslo', timezone: 'Europe/Oslo', calendar: 'always' }] }],
  agreements: [{ id: 'a', customer: 'acme', environment: 'Production', products: [], validFrom: '2026-01-01', validTo: null, priorityModel: 'm', calendar: 'cph', measureIn: 'site', targets: [{ goal: 'response', target: 'PT2H' }], escalations: [] }],
};
const agreement = bundle.agreements[0] as Agreement;
const site = (id: string) => bundle.customers[0]!.sites!.find((s) => s.id === id)!;

describe('the calendar measuring a site', () => {
  test.each<[string, string | undefined, string | null, string]>([
    ["the agreement's calendar in the site's zone", undefined, 'nyc', 'cph@America/New_York'],
    ["a site in the calendar's own zone: the calendar itself", undefined, 'cph-hq', 'cph'],
    ["the site's own calendar", undefined, 'oslo', 'always'],
    ["a row's own calendar in the site's zone, even where the site has its own", 'always', 'oslo', 'always@Europe/Oslo'],
    ['no site: as written', undefined, null, 'cph'],
  ])('%s', (_why, rowCalendar, siteId, expected) => {
    expect(measuringCalendar(bundle, agreement, rowCalendar, siteId === null ? null : site(siteId))).toBe(expected);
    expect(measuringCalendar(bundle, { ...agreement, measureIn: 'calendar' }, rowCalendar, siteId === null ? null : site(siteId))).toBe(rowCalendar ?? 'cph');
  });

  test('an obligation names the re-zoned calendar, and the guidance gives its deadline in the site’s zone', () => {
    const created = at('2026-11-23T16:00:00-05:00');
    const evaluation = evaluate(bundle, { issue: { key: 'S-1', customer: 'acme', environment: 'Production', site: 'nyc', created }, events: [{ at: created, type: 'created' }] }, created);
    expect(evaluation.obligations[0]).toMatchObject({ calendar: 'cph@America/New_York' });
    expect(iso(evaluation.obligations[0]!.deadline!)).toBe('2026-11-24T15:00:00Z');
    expect(zoneOfCalendar(bundle, 'cph@America/New_York')).toBe('America/New_York');
    expect(guidanceFor(bundle, evaluation, created, 'Europe/Copenhagen').text).toBe('Reply to the customer by Tue 24 Nov 16:00 (Tue 24 Nov 10:00 America/New_York) — 2 h of business time left');
  });
});
