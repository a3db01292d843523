// BusinessCalendar.between (spec §3 "Business time"): the business seconds inside [a, b).
// Expected seconds are literals worked out by hand from the calendar's hours.
import { at, cal, calendar, dur, freshCal, iso, openingsIso, type CalendarName } from './helpers';

interface BetweenCase {
  calendar: CalendarName;
  a: string;
  b: string;
  seconds: number;
  why: string;
}

function seconds(name: CalendarName, a: string, b: string): number {
  return cal(name).between(at(a), at(b)) / 1000;
}

describe('between on the Copenhagen office (Mon–Thu 08–16, Fri 08–15:30, DK public holidays)', () => {
  const cases: BetweenCase[] = [
    // The spec's fact: 4 × 8 h + 7.5 h.
    { calendar: 'cph', a: '2026-11-23T00:00:00+01:00', b: '2026-11-30T00:00:00+01:00', seconds: 142_200, why: 'one week' },
    { calendar: 'cph', a: '2026-11-23T09:00:00+01:00', b: '2026-11-23T10:30:00+01:00', seconds: 5_400, why: 'within one interval' },
    { calendar: 'cph', a: '2026-11-27T15:00:00+01:00', b: '2026-11-30T09:00:00+01:00', seconds: 5_400, why: 'across a weekend: Fri 30 min + Mon 1 h' },
    { calendar: 'cph', a: '2026-11-23T10:00:00+01:00', b: '2026-11-23T10:00:00+01:00', seconds: 0, why: 'a = b while open' },
    { calendar: 'cph', a: '2026-11-28T10:00:00+01:00', b: '2026-11-28T10:00:00+01:00', seconds: 0, why: 'a = b while closed' },
    { calendar: 'cph', a: '2026-11-23T17:00:00+01:00', b: '2026-11-24T07:00:00+01:00', seconds: 0, why: 'one closed night' },
    { calendar: 'cph', a: '2026-11-23T07:00:00+01:00', b: '2026-11-23T09:00:00+01:00', seconds: 3_600, why: 'starts before opening' },
    { calendar: 'cph', a: '2026-11-23T15:00:00+01:00', b: '2026-11-24T09:00:00+01:00', seconds: 7_200, why: 'Mon 1 h + Tue 1 h' },
    { calendar: 'cph', a: '2026-11-23T08:00:00+01:00', b: '2026-11-23T16:00:00+01:00', seconds: 28_800, why: 'exactly one day' },
    { calendar: 'cph', a: '2026-11-23T16:00:00+01:00', b: '2026-11-24T08:00:00+01:00', seconds: 0, why: 'closing to opening' },
    { calendar: 'cph', a: '2026-11-23T15:59:59+01:00', b: '2026-11-24T08:00:01+01:00', seconds: 2, why: 'seconds on both sides of the night' },
    { calendar: 'cph', a: '2026-11-23T07:00:00Z', b: '2026-11-23T07:00:01Z', seconds: 1, why: 'first second of the day' },
    // Nov 2026: 5 Mondays, 4 each of Tue–Fri, no Danish holidays: 5×8 + 12×8 + 4×7.5 = 166 h.
    { calendar: 'cph', a: '2026-11-01T00:00:00+01:00', b: '2026-12-01T00:00:00+01:00', seconds: 597_600, why: 'a whole month' },
  ];
  test.each(cases)('[$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds: expected }) => {
    expect(seconds(name, a, b)).toBe(expected);
  });

  test('between(b, a) is the negative of between(a, b)', () => {
    expect(seconds('cph', '2026-11-30T00:00:00+01:00', '2026-11-23T00:00:00+01:00')).toBe(-142_200);
  });
});

describe('between in a +05:30 zone (Asia/Kolkata, Mon–Fri 09:30–18:00)', () => {
  const cases: BetweenCase[] = [
    { calendar: 'kolkata', a: '2026-11-23T00:00:00+05:30', b: '2026-11-30T00:00:00+05:30', seconds: 153_000, why: '5 × 8.5 h' },
    { calendar: 'kolkata', a: '2026-11-23T17:00:00+05:30', b: '2026-11-24T10:00:00+05:30', seconds: 5_400, why: 'Mon 1 h + Tue 30 min' },
    { calendar: 'kolkata', a: '2026-11-23T04:00:00Z', b: '2026-11-23T12:30:00Z', seconds: 30_600, why: 'the day in UTC: 04:00Z–12:30Z' },
    { calendar: 'kolkata', a: '2026-11-23T00:00:00Z', b: '2026-11-23T04:00:00Z', seconds: 0, why: 'UTC morning is before 09:30 IST' },
  ];
  test.each(cases)('[$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds: expected }) => {
    expect(seconds(name, a, b)).toBe(expected);
  });
});

describe('overnight window (Mon 22:00–24:00 + Tue 00:00–06:00, Copenhagen)', () => {
  const cases: BetweenCase[] = [
    { calendar: 'overnight', a: '2026-11-23T22:00:00+01:00', b: '2026-11-24T06:00:00+01:00', seconds: 28_800, why: 'the 8 h window' },
    { calendar: 'overnight', a: '2026-11-23T00:00:00+01:00', b: '2026-11-25T00:00:00+01:00', seconds: 28_800, why: 'Mon and Tue' },
    { calendar: 'overnight', a: '2026-11-23T23:00:00+01:00', b: '2026-11-24T01:00:00+01:00', seconds: 7_200, why: 'across midnight' },
  ];
  test.each(cases)('[$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds: expected }) => {
    expect(seconds(name, a, b)).toBe(expected);
  });

  test('the two intervals are one opening', () => {
    expect(openingsIso(cal('overnight'), '2026-11-23T00:00:00+01:00', '2026-11-25T00:00:00+01:00')).toEqual([
      ['2026-11-23T21:00:00Z', '2026-11-24T05:00:00Z'],
    ]);
  });
});

describe('openings and isOpen', () => {
  test('openings are clipped to the range', () => {
    expect(openingsIso(cal('cph'), '2026-11-27T15:00:00+01:00', '2026-11-30T09:00:00+01:00')).toEqual([
      ['2026-11-27T14:00:00Z', '2026-11-27T14:30:00Z'],
      ['2026-11-30T07:00:00Z', '2026-11-30T08:00:00Z'],
    ]);
  });

  test.each([
    ['2026-11-23T08:00:00+01:00', 'at an opening'],
    ['2026-11-23T10:00:00+01:00', 'inside an opening'],
    ['2026-11-23T17:00:00+01:00', 'while closed'],
  ])('an empty range [t, t) has no openings: t %s (%s)', (instant) => {
    expect(openingsIso(cal('cph'), instant, instant)).toEqual([]);
  });

  test.each([
    ['2026-11-23T08:00:00+01:00', true],
    ['2026-11-23T07:59:59+01:00', false],
    ['2026-11-23T15:59:59+01:00', true],
    ['2026-11-23T16:00:00+01:00', false],
    ['2026-11-27T15:29:59+01:00', true],
    ['2026-11-27T15:30:00+01:00', false],
    ['2026-11-28T12:00:00+01:00', false],
  ])('cph isOpen(%s) = %s', (instant, open) => {
    expect(cal('cph').isOpen(at(instant))).toBe(open);
  });
});

describe('local New Year, where the compiled years meet (first query on a fresh calendar)', () => {
  test.each([
    ['alwaysCph', '2026-12-31T23:00:00+01:00', '2027-01-01T01:00:00+01:00', 7_200],
    ['alwaysLh', '2026-12-31T23:00:00+11:00', '2027-01-01T01:00:00+11:00', 7_200],
    ['alwaysNy', '2026-12-31T23:00:00-05:00', '2027-01-01T01:00:00-05:00', 7_200],
    ['kolkata', '2026-12-31T17:00:00+05:30', '2027-01-01T10:00:00+05:30', 5_400],
  ] as Array<[CalendarName, string, string, number]>)('%s [%s, %s) = %d s', (name, a, b, expected) => {
    expect(freshCal(name).between(at(a), at(b)) / 1000).toBe(expected);
  });

  test.each([
    ['alwaysCph', '2027-01-01T00:30:00+01:00', true],
    ['alwaysLh', '2027-01-01T00:30:00+11:00', true],
    ['cph', '2027-01-01T00:30:00+01:00', false],
  ] as Array<[CalendarName, string, boolean]>)('%s isOpen(%s) = %s', (name, instant, open) => {
    expect(freshCal(name).isOpen(at(instant))).toBe(open);
  });

  test('add from just after local midnight on 1 January (Nytårsdag, then a weekend)', () => {
    expect(iso(freshCal('cph').add(at('2027-01-01T00:30:00+01:00'), 0))).toBe('2027-01-04T07:00:00Z');
  });

  test('a window across New Year is one opening', () => {
    const c = calendar({ zone: 'Australia/Lord_Howe', week: { daily: '00:00-02:00 22:00-24:00' } });
    expect(openingsIso(c, '2026-12-31T12:00:00+11:00', '2027-01-01T12:00:00+11:00')).toEqual([['2026-12-31T11:00:00Z', '2026-12-31T15:00:00Z']]);
    expect(iso(c.add(at('2026-12-31T23:00:00+11:00'), dur('PT2H')))).toBe('2026-12-31T14:00:00Z');
  });
});

describe('between far from the first query (the calendar extends itself both ways)', () => {
  const cases: Array<BetweenCase & { prime: string }> = [
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', a: '2027-11-22T00:00:00+01:00', b: '2027-11-29T00:00:00+01:00', seconds: 142_200, why: 'a week, a year ahead' },
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', a: '2021-11-22T00:00:00+01:00', b: '2021-11-29T00:00:00+01:00', seconds: 142_200, why: 'a week, five years back' },
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', a: '2021-04-26T00:00:00+02:00', b: '2021-05-03T00:00:00+02:00', seconds: 115_200, why: 'Store Bededag 2021-04-30 closed' },
    {
      calendar: 'alwaysUtc', prime: '2026-06-01T00:00:00Z', a: '2021-01-01T00:00:00Z', b: '2026-01-01T00:00:00Z',
      seconds: 1826 * 86_400, why: '24x7 over five years, one leap day',
    },
    {
      calendar: 'cph', prime: '2024-01-10T10:00:00+01:00', a: '2026-11-23T00:00:00+01:00', b: '2026-11-30T00:00:00+01:00',
      seconds: 142_200, why: 'first query years earlier',
    },
  ];
  test.each(cases)('[$a, $b) = $seconds s ($why)', ({ calendar: name, prime, a, b, seconds: expected }) => {
    const c = freshCal(name);
    c.isOpen(at(prime));
    expect(c.between(at(a), at(b)) / 1000).toBe(expected);
  });

  // Instants whose local year differs from their UTC year, years away from what was compiled.
  test.each([
    ['alwaysCph', '2030-01-01T00:30:00+01:00', '2029-12-31T23:30:00Z'],
    ['alwaysLh', '2030-01-01T00:30:00+11:00', '2029-12-31T13:30:00Z'],
    ['alwaysNy', '2022-12-31T22:00:00-05:00', '2023-01-01T03:00:00Z'],
  ] as Array<[CalendarName, string, string]>)('%s primed in 2026 is open at %s (%s)', (name, instant, utc) => {
    const c = freshCal(name);
    c.isOpen(at('2026-06-01T00:00:00Z'));
    expect(iso(at(instant))).toBe(utc);
    expect(c.isOpen(at(instant))).toBe(true);
    expect(c.between(at(instant), at(instant) + 1000)).toBe(1000);
  });

  test('a query spanning from five years back to a year ahead', () => {
    const c = freshCal('alwaysUtc');
    c.isOpen(at('2026-06-01T00:00:00Z'));
    // 2021-01-01 → 2028-01-01: 7 years with one leap day (2024).
    expect(c.between(at('2021-01-01T00:00:00Z'), at('2028-01-01T00:00:00Z')) / 1000).toBe((7 * 365 + 1) * 86_400);
    expect(iso(c.add(at('2021-01-01T00:00:00Z'), 0))).toBe('2021-01-01T00:00:00Z');
  });
});
