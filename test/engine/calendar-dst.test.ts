// Business time across daylight-saving changes (spec §3): durations are real elapsed seconds inside open
// intervals; a wall-clock time inside a spring-forward gap moves forward by the gap; an ambiguous fall-back
// time means its first occurrence; an interval made empty or reversed by this is dropped.
//
// Transitions used (checked against luxon's zone data):
//   Europe/Copenhagen   2026-03-29 02:00 CET → 03:00 CEST (01:00Z)   2026-10-25 03:00 CEST → 02:00 CET (01:00Z)
//   America/New_York    2026-03-08 02:00 EST → 03:00 EDT (07:00Z)    2026-11-01 02:00 EDT → 01:00 EST (06:00Z)
//   Australia/Lord_Howe 2026-04-05 02:00 +11 → 01:30 +10:30 (15:00Z on 04-04)
//                       2026-10-04 02:00 +10:30 → 02:30 +11 (15:30Z on 10-03)
import { at, cal, calendar, dur, iso, openingsIso, type CalendarDescription, type CalendarName } from './helpers';

interface BetweenCase {
  calendar: CalendarName;
  a: string;
  b: string;
  seconds: number;
  why: string;
}

interface AddCase {
  calendar: CalendarName;
  from: string;
  duration: string;
  expected: string;
  why: string;
}

describe('a local day lasts 23 h or 25 h (24x7 calendars)', () => {
  const cases: BetweenCase[] = [
    { calendar: 'alwaysCph', a: '2026-03-29T00:00:00+01:00', b: '2026-03-30T00:00:00+02:00', seconds: 82_800, why: 'Copenhagen spring' },
    { calendar: 'alwaysCph', a: '2026-10-25T00:00:00+02:00', b: '2026-10-26T00:00:00+01:00', seconds: 90_000, why: 'Copenhagen autumn' },
    { calendar: 'alwaysCph', a: '2026-03-28T00:00:00+01:00', b: '2026-03-29T00:00:00+01:00', seconds: 86_400, why: 'Copenhagen, the day before' },
    { calendar: 'alwaysNy', a: '2026-03-08T00:00:00-05:00', b: '2026-03-09T00:00:00-04:00', seconds: 82_800, why: 'New York spring' },
    { calendar: 'alwaysNy', a: '2026-11-01T00:00:00-04:00', b: '2026-11-02T00:00:00-05:00', seconds: 90_000, why: 'New York autumn' },
    { calendar: 'alwaysLh', a: '2026-04-05T00:00:00+11:00', b: '2026-04-06T00:00:00+10:30', seconds: 88_200, why: 'Lord Howe autumn: 24.5 h' },
    { calendar: 'alwaysLh', a: '2026-10-04T00:00:00+10:30', b: '2026-10-05T00:00:00+11:00', seconds: 84_600, why: 'Lord Howe spring: 23.5 h' },
  ];
  test.each(cases)('$calendar [$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds }) => {
    expect(cal(name).between(at(a), at(b)) / 1000).toBe(seconds);
  });

  const adds: AddCase[] = [
    { calendar: 'alwaysCph', from: '2026-03-29T00:00:00+01:00', duration: 'PT24H', expected: '2026-03-29T23:00:00Z', why: '= 03-30 01:00 CEST' },
    { calendar: 'alwaysCph', from: '2026-10-25T00:00:00+02:00', duration: 'PT24H', expected: '2026-10-25T22:00:00Z', why: '= 10-25 23:00 CET' },
    { calendar: 'alwaysNy', from: '2026-11-01T00:00:00-04:00', duration: 'P1D', expected: '2026-11-02T04:00:00Z', why: '= 11-01 23:00 EST' },
    { calendar: 'alwaysLh', from: '2026-10-04T00:00:00+10:30', duration: 'PT24H', expected: '2026-10-04T13:30:00Z', why: '= 10-05 00:30 +11' },
  ];
  test.each(adds)('$calendar $from + $duration = $expected ($why)', ({ calendar: name, from, duration, expected }) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('night shift 00:00–06:00 across DST changes', () => {
  const cases: BetweenCase[] = [
    { calendar: 'nightCph', a: '2026-03-28T00:00:00+01:00', b: '2026-03-29T00:00:00+01:00', seconds: 21_600, why: 'an ordinary night: 6 h' },
    { calendar: 'nightCph', a: '2026-03-29T00:00:00+01:00', b: '2026-03-30T00:00:00+02:00', seconds: 18_000, why: 'spring: 5 h' },
    { calendar: 'nightCph', a: '2026-10-25T00:00:00+02:00', b: '2026-10-26T00:00:00+01:00', seconds: 25_200, why: 'autumn: 7 h' },
    { calendar: 'nightCph', a: '2026-03-29T01:00:00+01:00', b: '2026-03-29T04:00:00+02:00', seconds: 7_200, why: 'spring 01:00–04:00: 2 h' },
    { calendar: 'nightCph', a: '2026-10-25T01:00:00+02:00', b: '2026-10-25T04:00:00+01:00', seconds: 14_400, why: 'autumn 01:00–04:00: 4 h' },
    { calendar: 'nightNy', a: '2026-03-08T00:00:00-05:00', b: '2026-03-09T00:00:00-04:00', seconds: 18_000, why: 'spring: 5 h' },
    { calendar: 'nightNy', a: '2026-11-01T00:00:00-04:00', b: '2026-11-02T00:00:00-05:00', seconds: 25_200, why: 'autumn: 7 h' },
    { calendar: 'nightNy', a: '2026-03-08T01:00:00-05:00', b: '2026-03-08T04:00:00-04:00', seconds: 7_200, why: 'spring 01:00–04:00: 2 h' },
    { calendar: 'nightNy', a: '2026-11-01T01:00:00-04:00', b: '2026-11-01T04:00:00-05:00', seconds: 14_400, why: 'autumn 01:00–04:00: 4 h' },
    { calendar: 'nightLh', a: '2026-04-05T00:00:00+11:00', b: '2026-04-06T00:00:00+10:30', seconds: 23_400, why: 'Lord Howe autumn: 6.5 h' },
    { calendar: 'nightLh', a: '2026-10-04T00:00:00+10:30', b: '2026-10-05T00:00:00+11:00', seconds: 19_800, why: 'Lord Howe spring: 5.5 h' },
  ];
  test.each(cases)('$calendar [$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds }) => {
    expect(cal(name).between(at(a), at(b)) / 1000).toBe(seconds);
  });

  const adds: AddCase[] = [
    { calendar: 'nightCph', from: '2026-03-29T00:00:00+01:00', duration: 'PT5H', expected: '2026-03-29T04:00:00Z', why: 'closing 06:00 CEST' },
    { calendar: 'nightCph', from: '2026-03-29T00:00:00+01:00', duration: 'PT6H', expected: '2026-03-29T23:00:00Z', why: '1 h into the next night' },
    { calendar: 'nightCph', from: '2026-03-29T01:30:00+01:00', duration: 'PT1H', expected: '2026-03-29T01:30:00Z', why: 'across the gap: 03:30 CEST' },
    { calendar: 'nightCph', from: '2026-10-25T00:00:00+02:00', duration: 'PT6H', expected: '2026-10-25T04:00:00Z', why: '05:00 CET' },
    { calendar: 'nightCph', from: '2026-10-25T00:00:00+02:00', duration: 'PT7H', expected: '2026-10-25T05:00:00Z', why: 'closing 06:00 CET' },
    { calendar: 'nightCph', from: '2026-10-25T00:00:00+02:00', duration: 'PT7H1S', expected: '2026-10-25T23:00:01Z', why: 'next night' },
    { calendar: 'nightCph', from: '2026-10-25T02:30:00+02:00', duration: 'PT1H', expected: '2026-10-25T01:30:00Z', why: 'first 02:30 + 1 h = second 02:30' },
    { calendar: 'nightNy', from: '2026-03-08T00:00:00-05:00', duration: 'PT5H', expected: '2026-03-08T10:00:00Z', why: 'closing 06:00 EDT' },
    { calendar: 'nightNy', from: '2026-03-08T00:00:00-05:00', duration: 'PT5H30M', expected: '2026-03-09T04:30:00Z', why: '03-09 00:30 EDT' },
    { calendar: 'nightNy', from: '2026-11-01T00:00:00-04:00', duration: 'PT6H', expected: '2026-11-01T10:00:00Z', why: '05:00 EST' },
    { calendar: 'nightNy', from: '2026-11-01T00:00:00-04:00', duration: 'PT7H', expected: '2026-11-01T11:00:00Z', why: 'closing 06:00 EST' },
    { calendar: 'nightLh', from: '2026-10-04T00:00:00+10:30', duration: 'PT5H30M', expected: '2026-10-03T19:00:00Z', why: 'closing 06:00 +11' },
    { calendar: 'nightLh', from: '2026-10-04T00:00:00+10:30', duration: 'PT6H', expected: '2026-10-04T13:30:00Z', why: '10-05 00:30 +11' },
    { calendar: 'nightLh', from: '2026-04-05T00:00:00+11:00', duration: 'PT6H30M', expected: '2026-04-04T19:30:00Z', why: 'closing 06:00 +10:30' },
  ];
  test.each(adds)('$calendar $from + $duration = $expected ($why)', ({ calendar: name, from, duration, expected }) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('an interval 01:00–04:00 across DST changes', () => {
  test.each([
    ['earlyCph', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', [['2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z']], 'spring: 2 h'],
    ['earlyCph', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', [['2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z']], 'autumn: 4 h'],
    ['earlyNy', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', [['2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z']], 'spring: 2 h'],
    ['earlyNy', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', [['2026-11-01T05:00:00Z', '2026-11-01T09:00:00Z']], 'autumn: 4 h'],
    ['earlyLh', '2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00', [['2026-10-03T14:30:00Z', '2026-10-03T17:00:00Z']], 'spring: 2.5 h'],
    ['earlyLh', '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30', [['2026-04-04T14:00:00Z', '2026-04-04T17:30:00Z']], 'autumn: 3.5 h'],
  ] as Array<[CalendarName, string, string, Array<[string, string]>, string]>)('%s openings on [%s, %s) = %j (%s)', (name, a, b, expected) => {
    expect(openingsIso(cal(name), a, b)).toEqual(expected);
  });
});

const cph = (sunday: string): CalendarDescription => ({ zone: 'Europe/Copenhagen', week: { sun: sunday } });
const ny = (sunday: string): CalendarDescription => ({ zone: 'America/New_York', week: { sun: sunday } });
const lh = (sunday: string): CalendarDescription => ({ zone: 'Australia/Lord_Howe', week: { sun: sunday } });

// The local Sunday of each transition, as instants.
const CPH_SPRING: [string, string] = ['2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'];
const CPH_AUTUMN: [string, string] = ['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'];
const NY_SPRING: [string, string] = ['2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00'];
const NY_AUTUMN: [string, string] = ['2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00'];
const LH_SPRING: [string, string] = ['2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00'];
const LH_AUTUMN: [string, string] = ['2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30'];

interface SundayCase {
  description: CalendarDescription;
  day: [string, string];
  openings: Array<[string, string]>;
  why: string;
}

describe('wall-clock times that do not exist or exist twice', () => {
  const cases: SundayCase[] = [
    // Spring-forward gaps: a missing time moves forward by the gap.
    { description: cph('02:15-02:45'), day: CPH_SPRING, openings: [['2026-03-29T01:15:00Z', '2026-03-29T01:45:00Z']], why: 'inside the gap → 03:15–03:45 CEST' },
    { description: cph('02:15-02:45'), day: ['2026-04-05T00:00:00+02:00', '2026-04-06T00:00:00+02:00'], openings: [['2026-04-05T00:15:00Z', '2026-04-05T00:45:00Z']], why: 'the next Sunday, plain CEST' },
    { description: cph('02:00-02:30 03:00-04:00'), day: CPH_SPRING, openings: [['2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']], why: '03:00–03:30 overlaps 03:00–04:00: one hour' },
    {
      description: cph('02:00-02:30 03:00-04:00'), day: ['2026-03-22T00:00:00+01:00', '2026-03-23T00:00:00+01:00'],
      openings: [['2026-03-22T01:00:00Z', '2026-03-22T01:30:00Z'], ['2026-03-22T02:00:00Z', '2026-03-22T03:00:00Z']], why: 'the Sunday before, plain CET',
    },
    { description: cph('02:30-03:00'), day: CPH_SPRING, openings: [], why: 'becomes 03:30–03:00: reversed, dropped' },
    { description: cph('02:00-03:00'), day: CPH_SPRING, openings: [], why: 'becomes 03:00–03:00: empty, dropped' },
    { description: cph('01:30-02:30'), day: CPH_SPRING, openings: [['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z']], why: 'end moves: 01:30 CET–03:30 CEST' },
    { description: ny('02:15-04:00'), day: NY_SPRING, openings: [['2026-03-08T07:15:00Z', '2026-03-08T08:00:00Z']], why: 'New York: 03:15–04:00 EDT' },
    { description: ny('02:15-03:15'), day: NY_SPRING, openings: [], why: 'New York: 03:15–03:15, dropped' },
    { description: lh('02:00-02:20'), day: LH_SPRING, openings: [['2026-10-03T15:30:00Z', '2026-10-03T15:50:00Z']], why: 'a 30-minute gap: 02:30–02:50 +11' },
    { description: lh('02:10-02:40'), day: LH_SPRING, openings: [], why: 'becomes 02:40–02:40, dropped' },
    { description: lh('01:45-02:45'), day: LH_SPRING, openings: [['2026-10-03T15:15:00Z', '2026-10-03T15:45:00Z']], why: '01:45 +10:30 to 02:45 +11: 30 min' },
    // Fall-back overlaps: an ambiguous time is its first occurrence.
    { description: cph('02:30-05:00'), day: CPH_AUTUMN, openings: [['2026-10-25T00:30:00Z', '2026-10-25T04:00:00Z']], why: '3.5 h' },
    { description: cph('02:10-02:40'), day: CPH_AUTUMN, openings: [['2026-10-25T00:10:00Z', '2026-10-25T00:40:00Z']], why: 'both ends ambiguous: CEST' },
    { description: cph('01:00-02:00 02:00-03:00'), day: CPH_AUTUMN, openings: [['2026-10-24T23:00:00Z', '2026-10-25T02:00:00Z']], why: 'touching intervals, 01:00 CEST to 03:00 CET' },
    { description: ny('01:30-03:00'), day: NY_AUTUMN, openings: [['2026-11-01T05:30:00Z', '2026-11-01T08:00:00Z']], why: 'New York: 01:30 EDT–03:00 EST' },
    { description: lh('01:45-02:15'), day: LH_AUTUMN, openings: [['2026-04-04T14:45:00Z', '2026-04-04T15:45:00Z']], why: 'Lord Howe: 01:45 +11 to 02:15 +10:30' },
    { description: lh('01:35-01:50'), day: LH_AUTUMN, openings: [['2026-04-04T14:35:00Z', '2026-04-04T14:50:00Z']], why: 'Lord Howe: first 01:35–01:50 (+11)' },
  ];
  test.each(cases)('$description.zone Sunday $description.week.sun on $day.0 ($why)', ({ description, day, openings }) => {
    const c = calendar(description);
    expect(openingsIso(c, day[0], day[1])).toEqual(openings);
    const total = openings.reduce((sum, [s, e]) => sum + at(e) - at(s), 0);
    expect(c.between(at(day[0]), at(day[1]))).toBe(total);
  });

  test.each([
    [cph('02:15-02:45'), CPH_SPRING[0], 'PT0S', '2026-03-29T01:15:00Z'],
    [cph('02:15-02:45'), CPH_SPRING[0], 'PT30M', '2026-03-29T01:45:00Z'],
    [cph('02:00-02:30 03:00-04:00'), CPH_SPRING[0], 'PT1H', '2026-03-29T02:00:00Z'],
    [cph('02:30-03:00'), CPH_SPRING[0], 'PT0S', '2026-04-05T00:30:00Z'],
    [cph('02:30-05:00'), CPH_AUTUMN[0], 'PT3H30M', '2026-10-25T04:00:00Z'],
    [cph('02:30-05:00'), '2026-10-25T02:30:00+01:00', 'PT0S', '2026-10-25T01:30:00Z'],
    [lh('02:00-02:20'), LH_SPRING[0], 'PT20M', '2026-10-03T15:50:00Z'],
  ] as Array<[CalendarDescription, string, string, string]>)('%j: add(%s, %s) = %s', (description, from, duration, expected) => {
    expect(iso(calendar(description).add(at(from), dur(duration)))).toBe(expected);
  });
});
