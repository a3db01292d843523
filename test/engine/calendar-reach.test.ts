// Long spans: beyond what the window of compiled years may hold, whole years are counted from their open time, and
// the answers are exactly those of a calendar that holds every interval. Time and memory stay bounded on a calendar
// of one-minute windows (a valid calendar that used to need 2.7 GB for `between` over 150 years), and a computation
// still stops at the 200-year reach.
import fc from 'fast-check';
import { BusinessCalendar, CalendarRangeError, MAX_WINDOW_INTERVALS } from '../../src/engine/calendar';
import { at, definitionOf, iso, type CalendarDescription } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function build(description: CalendarDescription, windowIntervals?: number): BusinessCalendar {
  const { calendar, collections } = definitionOf(description);
  return new BusinessCalendar(calendar, collections, windowIntervals === undefined ? {} : { windowIntervals });
}

/** A calendar that holds every interval of a span, and one that holds almost none and counts whole years instead. */
function pair(description: CalendarDescription): { holding: BusinessCalendar; counting: BusinessCalendar } {
  return { holding: build(description), counting: build(description, 0) };
}

/** `00:00-00:01 00:02-00:03 …`: 720 one-minute windows a day, 12 open hours. */
const EVERY_OTHER_MINUTE = Array.from({ length: 720 }, (_, i) => {
  const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(2 * i)}-${hhmm(2 * i + 1)}`;
}).join(' ');

/** A guard against a hang on a busy machine, not a speed requirement: `npm run bench` has the figures. */
const GENEROUS = 60_000;

describe('a calendar of one-minute windows (720 a day) over 150 years', () => {
  test('between in UTC: 54,787 days of 12 open hours, holding at most the window bound', () => {
    const c = build({ zone: 'UTC', week: { daily: EVERY_OTHER_MINUTE } });
    // 2000–2149: 150 × 365 days and 37 leap days (2100 is none).
    expect(c.between(at('2000-01-01T00:00:00Z'), at('2150-01-01T00:00:00Z')) / 1000).toBe(54_787 * 12 * 3600);
    expect(c.heldIntervals).toBeLessThanOrEqual(MAX_WINDOW_INTERVALS);
  }, GENEROUS);

  test('between in Copenhagen: as when every interval was held (DST days have 11 or 13 such hours)', () => {
    const c = build({ zone: 'Europe/Copenhagen', week: { daily: EVERY_OTHER_MINUTE } });
    // The figure the earlier engine printed after compiling all 39 million intervals.
    expect(c.between(at('2000-01-01T00:00:00Z'), at('2150-01-01T00:00:00Z')) / 1000).toBe(2_366_528_400);
    expect(c.heldIntervals).toBeLessThanOrEqual(MAX_WINDOW_INTERVALS);
  }, GENEROUS);

  test('add: the 12 hours of 36,525 days end at the close of the last window of 31 December 2099', () => {
    const c = build({ zone: 'UTC', week: { daily: EVERY_OTHER_MINUTE } });
    // 2000–2099: 100 × 365 days and 25 leap days.
    expect(iso(c.add(at('2000-01-01T00:00:00Z'), 36_525 * 12 * HOUR))).toBe('2099-12-31T23:59:00Z');
    expect(iso(c.add(at('2000-01-01T00:00:00Z'), 36_525 * 12 * HOUR + 1000))).toBe('2100-01-01T00:00:01Z');
    expect(c.heldIntervals).toBeLessThanOrEqual(MAX_WINDOW_INTERVALS);
  }, GENEROUS);

  test('openings of two days are listed; of ten years, refused rather than materialised', () => {
    const c = build({ zone: 'UTC', week: { daily: EVERY_OTHER_MINUTE } });
    expect(c.openings(at('2026-12-31T00:00:00Z'), at('2027-01-02T00:00:00Z'))).toHaveLength(1440);
    expect(() => c.openings(at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'))).toThrow(CalendarRangeError);
    expect(c.heldIntervals).toBeLessThanOrEqual(MAX_WINDOW_INTERVALS);
  }, GENEROUS);

  test('an add beyond 200 years still fails with the reach in words', () => {
    const c = build({ zone: 'UTC', week: { daily: EVERY_OTHER_MINUTE } });
    const add = (): number => c.add(at('2000-01-01T00:00:00Z'), 250 * 366 * 12 * HOUR);
    expect(add).toThrow(CalendarRangeError);
    expect(add).toThrow('calendar cal: the computation reaches beyond 200 years of opening hours (1999–2199)');
  }, GENEROUS);
});

describe('counting whole years gives what holding every interval gives', () => {
  /** Years where the zone does something unusual at or near a year's end, or mid-year. */
  const CASES: Array<[string, CalendarDescription, string, string]> = [
    ['Samoa skips 30 December 2011', { zone: 'Pacific/Apia', week: { daily: '00:00-24:00' } }, '2009-06-01T00:00:00Z', '2014-06-01T00:00:00Z'],
    ['Samoa, office hours', { zone: 'Pacific/Apia', week: { 'mon-fri': '08:00-16:00', sat: '22:00-24:00', sun: '00:00-02:00' } }, '2008-01-01T00:00:00Z', '2015-01-01T00:00:00Z'],
    ['Kiritimati skips 31 December 1994', { zone: 'Pacific/Kiritimati', week: { daily: '20:00-24:00' } }, '1992-03-01T00:00:00Z', '1998-01-01T00:00:00Z'],
    ['Havana changes at midnight', { zone: 'America/Havana', week: { daily: '00:00-01:00 23:00-24:00' } }, '2015-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
    ['Moscow in 2011 and 2014', { zone: 'Europe/Moscow', week: { 'mon-fri': '09:00-18:00' }, preset: { country: 'RU', types: ['public'] } }, '2009-01-01T00:00:00Z', '2016-01-01T00:00:00Z'],
    ['Copenhagen with Danish holidays', { zone: 'Europe/Copenhagen', week: { 'mon-thu': '08:00-16:00', fri: '08:00-15:30' }, preset: { country: 'DK', types: ['public'] } }, '2020-03-29T00:30:00+01:00', '2031-10-26T02:30:00+02:00'],
  ];

  test.each(CASES)('%s', (_what, description, from, to) => {
    const { holding, counting } = pair(description);
    const a = at(from);
    const b = at(to);
    const open = holding.between(a, b);
    expect(counting.between(a, b)).toBe(open);
    expect(iso(counting.add(a, open))).toBe(iso(holding.add(a, open)));
    expect(iso(counting.add(a, open - 1))).toBe(iso(holding.add(a, open - 1)));
  });

  const ZONES = ['UTC', 'Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Asia/Tehran', 'Pacific/Apia', 'Pacific/Kiritimati', 'Antarctica/Troll', 'Europe/Dublin', 'Asia/Kolkata'];
  const slot = fc.integer({ min: 0, max: 96 });
  const hhmm = (s: number): string => `${String(Math.floor(s / 4)).padStart(2, '0')}:${String((s % 4) * 15).padStart(2, '0')}`;
  const dayArb = fc.uniqueArray(slot, { maxLength: 6 }).map((slots) => {
    const sorted = [...slots].sort((x, y) => x - y);
    const pairs: string[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push(`${hhmm(sorted[i]!)}-${hhmm(sorted[i + 1]!)}`);
    return pairs.join(' ');
  });
  const caseArb = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      week: fc.tuple(dayArb, dayArb, dayArb, dayArb, dayArb, dayArb, dayArb),
      start: fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2040, 0, 1) }),
      span: fc.integer({ min: 0, max: 12 * 366 * DAY }),
      holidays: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 * 366 }), fc.option(dayArb, { nil: undefined })), { maxLength: 6 }),
      preset: fc.boolean(),
    })
    .filter(({ week }) => week.some((day) => day !== ''));

  test('random calendars, zones and spans of up to twelve years', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, week, start, span, holidays, preset }) => {
        const days = Object.fromEntries(holidays.map(([d, hours]) => [new Date(start + d * DAY).toISOString().slice(0, 10), hours ?? '']));
        const description: CalendarDescription = {
          zone,
          week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, week[i]!])),
          ...(holidays.length > 0 ? { days } : {}),
          ...(preset ? { preset: { country: 'DK', types: ['public' as const] } } : {}),
        };
        const { holding, counting } = pair(description);
        const open = holding.between(start, start + span);
        expect(counting.between(start, start + span)).toBe(open);
        expect(iso(counting.add(start, open))).toBe(iso(holding.add(start, open)));
        expect(iso(counting.add(start, 0))).toBe(iso(holding.add(start, 0)));
      }),
      { numRuns: 25 },
    );
  }, GENEROUS);
});

describe('a skipped day at a year boundary (Kiritimati skipped 31 December 1994)', () => {
  // Sat 00:15–00:30 and Sun 00:00–00:15: the skipped Saturday's hours move past the gap, to 1 January 00:15–00:30,
  // right after Sunday 1 January's own 00:00–00:15. Both are open, whether held or counted by whole years.
  const description: CalendarDescription = { zone: 'Pacific/Kiritimati', week: { sat: '00:15-00:30', sun: '00:00-00:15' } };
  test.each([
    ['1994-12-31T10:00:00Z', '1994-12-31T10:15:00Z', 15],
    ['1994-12-31T10:15:00Z', '1994-12-31T10:30:00Z', 15],
    ['1994-12-31T09:00:00Z', '1995-12-31T10:00:00Z', 1590],
    ['1985-01-01T00:00:00Z', '1995-12-31T10:00:00Z', 17220],
  ])('from %s to %s: %i minutes open', (from, to, minutes) => {
    const { holding, counting } = pair(description);
    expect(holding.between(Date.parse(from), Date.parse(to)) / MINUTE).toBe(minutes);
    expect(counting.between(Date.parse(from), Date.parse(to)) / MINUTE).toBe(minutes);
  });

  test('adding from before the gap reaches Sunday 1 January 00:00 first', () => {
    const { holding } = pair(description);
    expect(new Date(holding.add(Date.parse('1994-12-28T00:00:00Z'), 0)).toISOString()).toBe('1994-12-31T10:00:00.000Z');
  });
});
