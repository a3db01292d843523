// BusinessCalendar.add (spec §3 "Business time"): the instant at which business time counted from `from`
// reaches `duration`. Every expectation is a literal worked out by hand from the calendar's hours.
import { at, cal, calendar, CALENDARS, dur, freshCal, iso, type CalendarName } from './helpers';

interface AddCase {
  calendar: CalendarName;
  from: string;
  duration: string;
  expected: string;
  why: string;
}

describe('test helpers', () => {
  test.each([
    ['2026-11-23T09:00:00+01:00', Date.UTC(2026, 10, 23, 8)],
    ['2026-11-23T17:00:00+05:30', Date.UTC(2026, 10, 23, 11, 30)],
    ['2026-11-01T01:30:00-04:00', Date.UTC(2026, 10, 1, 5, 30)],
    ['2026-11-23T15:59:59.999+01:00', Date.UTC(2026, 10, 23, 14, 59, 59, 999)],
  ])('at(%s)', (text, ms) => expect(at(text)).toBe(ms));

  test('iso and dur', () => {
    expect(iso(Date.UTC(2026, 10, 30, 7, 30))).toBe('2026-11-30T07:30:00Z');
    expect(iso(Date.UTC(2026, 10, 30, 7, 30, 0, 1))).toBe('2026-11-30T07:30:00.001Z');
    expect([dur('PT0S'), dur('PT1S'), dur('PT59M59S'), dur('PT39H30M'), dur('P1D'), dur('P1DT2H')]).toEqual([
      0, 1000, 3_599_000, 142_200_000, 86_400_000, 93_600_000,
    ]);
    expect(() => at('2026-11-23T09:00:00')).toThrow();
  });
});

describe('add on the Copenhagen office (Mon–Thu 08–16, Fri 08–15:30, DK public holidays)', () => {
  const cases: AddCase[] = [
    // The spec's facts.
    { calendar: 'cph', from: '2026-11-27T15:00:00+01:00', duration: 'PT1H', expected: '2026-11-30T07:30:00Z', why: 'Fri 30 min, Mon 30 min' },
    { calendar: 'cph', from: '2026-12-30T15:00:00+01:00', duration: 'PT3H', expected: '2026-12-31T09:00:00Z', why: 'Wed 1 h, NYE 08–10' },
    { calendar: 'cph', from: '2026-11-28T10:00:00+01:00', duration: 'PT0S', expected: '2026-11-30T07:00:00Z', why: 'Saturday → Monday opening' },
    // Within one interval, across nights and weekends.
    { calendar: 'cph', from: '2026-11-23T09:00:00+01:00', duration: 'PT30M', expected: '2026-11-23T08:30:00Z', why: 'inside Monday' },
    { calendar: 'cph', from: '2026-11-23T15:00:00+01:00', duration: 'PT2H', expected: '2026-11-24T08:00:00Z', why: 'Mon 1 h, Tue 08–09' },
    { calendar: 'cph', from: '2026-11-23T06:00:00+01:00', duration: 'PT1H', expected: '2026-11-23T08:00:00Z', why: 'before opening' },
    { calendar: 'cph', from: '2026-11-23T17:00:00+01:00', duration: 'PT1H', expected: '2026-11-24T08:00:00Z', why: 'after closing' },
    { calendar: 'cph', from: '2026-11-22T12:00:00+01:00', duration: 'PT8H', expected: '2026-11-23T15:00:00Z', why: 'Sunday → all of Monday' },
    { calendar: 'cph', from: '2026-11-27T15:00:00+01:00', duration: 'PT30M', expected: '2026-11-27T14:30:00Z', why: 'Friday closes 15:30' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT39H30M', expected: '2026-11-27T14:30:00Z', why: 'a whole week ends Fri 15:30' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT39H30M1S', expected: '2026-11-30T07:00:01Z', why: 'one second more → next Monday' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'P1D', expected: '2026-11-25T15:00:00Z', why: 'P1D is 24 business hours, not one working day' },
    // Ending exactly at closing time returns the closing instant.
    { calendar: 'cph', from: '2026-11-23T15:00:00+01:00', duration: 'PT1H', expected: '2026-11-23T15:00:00Z', why: 'Mon 16:00, not Tue 08:00' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT8H', expected: '2026-11-23T15:00:00Z', why: 'whole day ends at closing' },
    // Seconds.
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT1S', expected: '2026-11-23T07:00:01Z', why: 'one second' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT59M59S', expected: '2026-11-23T07:59:59Z', why: '59:59' },
    { calendar: 'cph', from: '2026-11-23T15:59:59+01:00', duration: 'PT1S', expected: '2026-11-23T15:00:00Z', why: 'last second ends at closing' },
    { calendar: 'cph', from: '2026-11-23T15:59:59+01:00', duration: 'PT2S', expected: '2026-11-24T07:00:01Z', why: '1 s Monday, 1 s Tuesday' },
    { calendar: 'cph', from: '2026-11-23T10:00:00.250+01:00', duration: 'PT1H', expected: '2026-11-23T10:00:00.250Z', why: 'milliseconds carried through' },
    { calendar: 'cph', from: '2026-11-23T15:30:00.250+01:00', duration: 'PT1H', expected: '2026-11-24T07:30:00.250Z', why: 'milliseconds across the night' },
    { calendar: 'cph', from: '2026-11-23T15:59:59.999+01:00', duration: 'PT0S', expected: '2026-11-23T14:59:59.999Z', why: 'milliseconds kept' },
    // add(t, 0): t when open, else the next opening.
    { calendar: 'cph', from: '2026-11-23T10:00:00+01:00', duration: 'PT0S', expected: '2026-11-23T09:00:00Z', why: 'open → t' },
    { calendar: 'cph', from: '2026-11-23T08:00:00+01:00', duration: 'PT0S', expected: '2026-11-23T07:00:00Z', why: 'opening instant is open' },
    { calendar: 'cph', from: '2026-11-23T07:59:59+01:00', duration: 'PT0S', expected: '2026-11-23T07:00:00Z', why: 'one second before opening' },
    { calendar: 'cph', from: '2026-11-23T16:00:00+01:00', duration: 'PT0S', expected: '2026-11-24T07:00:00Z', why: 'closing instant is closed' },
    { calendar: 'cph', from: '2026-11-27T15:30:00+01:00', duration: 'PT0S', expected: '2026-11-30T07:00:00Z', why: 'Friday closing → Monday' },
  ];
  test.each(cases)('$from + $duration = $expected ($why)', ({ calendar: name, from, duration, expected }) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('add in a +05:30 zone (Asia/Kolkata, Mon–Fri 09:30–18:00)', () => {
  const cases: AddCase[] = [
    { calendar: 'kolkata', from: '2026-11-23T17:00:00+05:30', duration: 'PT2H', expected: '2026-11-24T05:00:00Z', why: 'Mon 1 h, Tue 09:30–10:30' },
    { calendar: 'kolkata', from: '2026-11-23T09:30:00+05:30', duration: 'PT8H30M', expected: '2026-11-23T12:30:00Z', why: 'whole day ends 18:00' },
    { calendar: 'kolkata', from: '2026-11-27T17:30:00+05:30', duration: 'PT1H', expected: '2026-11-30T04:30:00Z', why: 'Fri 30 min, Mon 09:30–10:00' },
    { calendar: 'kolkata', from: '2026-11-28T12:00:00+05:30', duration: 'PT0S', expected: '2026-11-30T04:00:00Z', why: 'Saturday → Mon 09:30' },
    { calendar: 'kolkata', from: '2026-11-23T03:59:00Z', duration: 'PT0S', expected: '2026-11-23T04:00:00Z', why: '09:29 IST → 09:30' },
  ];
  test.each(cases)('$from + $duration = $expected ($why)', ({ calendar: name, from, duration, expected }) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('add over an overnight window (Mon 22:00–24:00 + Tue 00:00–06:00, Copenhagen)', () => {
  const cases: AddCase[] = [
    { calendar: 'overnight', from: '2026-11-23T23:00:00+01:00', duration: 'PT2H', expected: '2026-11-24T00:00:00Z', why: 'Mon 23:00 + 2 h = Tue 01:00' },
    { calendar: 'overnight', from: '2026-11-23T22:00:00+01:00', duration: 'PT8H', expected: '2026-11-24T05:00:00Z', why: 'the whole 8 h window' },
    { calendar: 'overnight', from: '2026-11-23T22:00:00+01:00', duration: 'PT8H1S', expected: '2026-11-30T21:00:01Z', why: 'next Monday 22:00:01' },
    { calendar: 'overnight', from: '2026-11-23T23:59:59+01:00', duration: 'PT2S', expected: '2026-11-23T23:00:01Z', why: 'across midnight without a pause' },
    { calendar: 'overnight', from: '2026-11-24T00:00:00+01:00', duration: 'PT0S', expected: '2026-11-23T23:00:00Z', why: 'midnight is open' },
    { calendar: 'overnight', from: '2026-11-23T12:00:00+01:00', duration: 'PT0S', expected: '2026-11-23T21:00:00Z', why: 'closed → Mon 22:00' },
  ];
  test.each(cases)('$from + $duration = $expected ($why)', ({ calendar: name, from, duration, expected }) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('add far from the first query (the calendar extends itself both ways)', () => {
  // Each case primes a fresh calendar at `prime`, so the second query lies outside what was compiled.
  const cases: Array<AddCase & { prime: string }> = [
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', from: '2027-11-26T15:00:00+01:00', duration: 'PT1H', expected: '2027-11-29T07:30:00Z', why: 'a year ahead' },
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', from: '2021-11-26T15:00:00+01:00', duration: 'PT1H', expected: '2021-11-29T07:30:00Z', why: 'five years back' },
    { calendar: 'cph', prime: '2026-11-23T10:00:00+01:00', from: '2021-04-29T15:00:00+02:00', duration: 'PT2H', expected: '2021-05-03T07:00:00Z', why: 'Store Bededag 2021-04-30 was still a holiday' },
    { calendar: 'cphWeekly', prime: '2026-11-23T10:00:00+01:00', from: '2026-11-23T08:00:00+01:00', duration: 'PT4108H', expected: '2028-11-17T14:30:00Z', why: '104 weeks of 39.5 h end on a Friday 15:30' },
    { calendar: 'alwaysUtc', prime: '2026-06-01T00:00:00Z', from: '2026-01-01T00:00:00Z', duration: 'P365D', expected: '2027-01-01T00:00:00Z', why: '24x7 over a year' },
    { calendar: 'alwaysUtc', prime: '2026-06-01T00:00:00Z', from: '2021-01-01T00:00:00Z', duration: 'P1826D', expected: '2026-01-01T00:00:00Z', why: '24x7 over five years incl. 2024-02-29' },
  ];
  test.each(cases)('$from + $duration = $expected ($why)', ({ calendar: name, prime, from, duration, expected }) => {
    const c = freshCal(name);
    c.isOpen(at(prime));
    expect(iso(c.add(at(from), dur(duration)))).toBe(expected);
  });

  test('the answer does not depend on what was queried before', () => {
    const fresh = freshCal('cph');
    const primedEarly = freshCal('cph');
    primedEarly.isOpen(at('2021-01-01T00:00:00Z'));
    const primedLate = freshCal('cph');
    primedLate.isOpen(at('2029-06-01T00:00:00Z'));
    const from = at('2026-12-23T15:00:00+01:00');
    const expected = '2026-12-28T08:00:00Z'; // Wed 1 h, 24–27 Dec closed, Mon 08–09
    expect([fresh, primedEarly, primedLate].map((c) => iso(c.add(from, dur('PT2H'))))).toEqual([expected, expected, expected]);
  });
});

describe('calendars that are never open', () => {
  test('add fails instead of looping', () => {
    const never = calendar({ ...CALENDARS.cphWeekly, week: { mon: '' } });
    expect(() => never.add(at('2026-11-23T10:00:00Z'), dur('PT1H'))).toThrow(RangeError);
  });
});
