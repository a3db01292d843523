import { calendarDateIn, daysBetweenDates, formatBusinessDuration, formatCalendarDate, formatCalendarPeriod, formatDateTime, formatInZones } from '../../src/engine/wording';

describe('the one wording of times and durations', () => {
  it.each([
    [0, '0 s'],
    [59_999, '59 s'],
    [60_000, '1 m'],
    [80 * 60_000, '1 h 20 m'],
    [40 * 3_600_000, '40 h'],
    [-(90 * 60_000), '1 h 30 m'],
  ])('%i ms of business time is %s, never in days', (ms, expected) => expect(formatBusinessDuration(ms)).toBe(expected));

  it.each([
    ['2026-01-01', '1 Jan 2026'],
    ['2026-12-31', '31 Dec 2026'],
    ['not a date', 'not a date'],
  ])('the calendar date %s reads %s', (date, expected) => expect(formatCalendarDate(date)).toBe(expected));

  it.each([
    // Either side of both DST changes in Copenhagen, and New York.
    [Date.UTC(2026, 2, 29, 0, 30), 'Europe/Copenhagen', 'Sun 29 Mar 2026, 01:30'],
    [Date.UTC(2026, 2, 29, 1, 30), 'Europe/Copenhagen', 'Sun 29 Mar 2026, 03:30'],
    [Date.UTC(2026, 9, 25, 0, 30), 'Europe/Copenhagen', 'Sun 25 Oct 2026, 02:30'],
    [Date.UTC(2026, 9, 25, 1, 30), 'Europe/Copenhagen', 'Sun 25 Oct 2026, 02:30'],
    [Date.UTC(2026, 10, 26, 9, 0), 'America/New_York', 'Thu 26 Nov 2026, 04:00'],
  ])('%i in %s is %s', (instant, zone, expected) => expect(formatDateTime(instant, zone)).toBe(expected));

  it('names the other zone only when its clock differs from the viewer’s', () => {
    const now = Date.UTC(2026, 10, 26, 9, 0);
    expect(formatInZones(now, 'Europe/Berlin', 'Europe/Copenhagen', now)).toBe('10:00');
    expect(formatInZones(now, 'UTC', 'Europe/Copenhagen', now)).toBe('09:00 (10:00 Europe/Copenhagen)');
  });
});

test.each([
  ['P3M', '3 months'],
  ['P1Y', '1 year'],
  ['P1Y6M', '1 year 6 months'],
  ['P2W', '2 weeks'],
  ['P1D', '1 day'],
  ['P30D', '30 days'],
  ['P1M15D', '1 month 15 days'],
  ['P0D', '0 days'],
  ['PT2H', 'PT2H'],
  ['P', 'P'],
])('the calendar period %s reads "%s"', (period, words) => {
  expect(formatCalendarPeriod(period)).toBe(words);
});

test.each([
  ['2026-12-04', '2026-12-10', 6],
  ['2026-12-10', '2026-12-04', -6],
  ['2026-03-28', '2026-03-30', 2],
  ['2026-12-31', '2027-01-01', 1],
])('from %s to %s is %i days, whatever DST does between them', (from, to, days) => {
  expect(daysBetweenDates(from, to)).toBe(days);
});

test.each([
  ['2026-11-27T23:00:00Z', 'Europe/Copenhagen', '2026-11-28'],
  ['2026-11-27T23:00:00Z', 'America/New_York', '2026-11-27'],
  ['2026-11-27T23:00:00Z', 'Pacific/Kiritimati', '2026-11-28'],
])('%s is on %s in %s', (iso, zone, date) => {
  expect(calendarDateIn(Date.parse(iso), zone)).toBe(date);
});
