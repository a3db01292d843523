// Holidays (spec §1 holiday collections, §3 "a holiday date replaces that day's hours with its own hours").
// The DK preset comes from date-holidays: with types ['public'], Easter-based holidays close the office, while
// observances (Grundlovsdag, Fastelavn, 1. maj, Juleaftensdag) do not.
// Easter Sunday 2026 is 5 April: Skærtorsdag 2 Apr, Langfredag 3 Apr, 2. påskedag 6 Apr,
// Kristi himmelfart 14 May (+39), Pinsedag 24 May (+49), 2. pinsedag 25 May.
import { at, cal, calendar, CALENDARS, dur, iso, type CalendarDescription, type CalendarName } from './helpers';

describe('which days the Copenhagen office is open (10:00 local unless noted)', () => {
  test.each([
    ['2026-01-01T10:00:00+01:00', false, 'Nytårsdag'],
    ['2026-01-02T10:00:00+01:00', true, 'ordinary Friday'],
    ['2026-02-16T10:00:00+01:00', true, 'Fastelavn is an observance'],
    ['2026-04-01T10:00:00+02:00', true, 'Wednesday before Easter'],
    ['2026-04-02T10:00:00+02:00', false, 'Skærtorsdag'],
    ['2026-04-03T10:00:00+02:00', false, 'Langfredag'],
    ['2026-04-06T10:00:00+02:00', false, '2. påskedag'],
    ['2026-04-07T10:00:00+02:00', true, 'Tuesday after Easter'],
    ['2026-05-01T10:00:00+02:00', true, '1. maj is an observance; Store Bededag abolished from 2024'],
    ['2026-05-14T10:00:00+02:00', false, 'Kristi himmelfartsdag'],
    ['2026-05-15T10:00:00+02:00', true, 'the Friday after'],
    ['2026-05-25T10:00:00+02:00', false, '2. pinsedag'],
    ['2026-05-26T10:00:00+02:00', true, 'Tuesday after Whitsun'],
    ['2026-06-05T10:00:00+02:00', true, 'Grundlovsdag is an observance, not public'],
    ['2026-12-24T10:00:00+01:00', false, 'Christmas Eve, explicit day'],
    ['2026-12-25T10:00:00+01:00', false, 'Juledag'],
    ['2026-12-28T10:00:00+01:00', true, 'Monday after Christmas'],
    ['2026-12-31T08:00:00+01:00', true, "New Year's Eve opens 08:00"],
    ['2026-12-31T11:59:59+01:00', true, "New Year's Eve, last second"],
    ['2026-12-31T12:00:00+01:00', false, "New Year's Eve closes 12:00"],
    ['2027-01-01T10:00:00+01:00', false, 'Nytårsdag 2027'],
    ['2027-03-25T10:00:00+01:00', false, 'Skærtorsdag 2027 (before DST)'],
    ['2028-04-13T10:00:00+02:00', false, 'Skærtorsdag 2028'],
    ['2021-04-30T10:00:00+02:00', false, 'Store Bededag 2021'],
  ] as Array<[string, boolean, string]>)('isOpen(%s) = %s (%s)', (instant, open) => {
    expect(cal('cph').isOpen(at(instant))).toBe(open);
  });
});

interface BetweenCase {
  calendar: CalendarName;
  a: string;
  b: string;
  seconds: number;
  why: string;
}

describe('between with holidays', () => {
  const cases: BetweenCase[] = [
    { calendar: 'cph', a: '2026-03-30T00:00:00+02:00', b: '2026-04-06T00:00:00+02:00', seconds: 86_400, why: 'Easter week: Mon–Wed only' },
    { calendar: 'cph', a: '2026-06-05T00:00:00+02:00', b: '2026-06-06T00:00:00+02:00', seconds: 27_000, why: 'Grundlovsdag is a normal Friday' },
    { calendar: 'cph', a: '2026-12-28T00:00:00+01:00', b: '2027-01-04T00:00:00+01:00', seconds: 100_800, why: '3 × 8 h + NYE 4 h, 1 Jan closed' },
    { calendar: 'cph', a: '2026-12-31T00:00:00+01:00', b: '2027-01-01T00:00:00+01:00', seconds: 14_400, why: "New Year's Eve 08–12" },
    { calendar: 'cph', a: '2026-12-21T00:00:00+01:00', b: '2026-12-28T00:00:00+01:00', seconds: 86_400, why: 'Mon–Wed; 24th explicit, 25th public' },
    // 2027: Mon–Thu 52 each, 53 Fridays = 2061.5 h; minus 1 Jan (7.5), 25 Mar (8), 26 Mar (7.5), 29 Mar (8), 6 May (8), 17 May (8).
    { calendar: 'cph', a: '2027-01-01T00:00:00+01:00', b: '2028-01-01T00:00:00+01:00', seconds: 7_252_200, why: 'all of 2027: 2014.5 h' },
    // Sundays and Saturdays count on a 24x7 calendar closed on Danish public holidays.
    { calendar: 'alwaysDk', a: '2026-04-05T00:00:00+02:00', b: '2026-04-06T00:00:00+02:00', seconds: 0, why: 'Påskedag' },
    { calendar: 'alwaysDk', a: '2026-05-24T00:00:00+02:00', b: '2026-05-25T00:00:00+02:00', seconds: 0, why: 'Pinsedag' },
    { calendar: 'alwaysDk', a: '2026-04-04T00:00:00+02:00', b: '2026-04-05T00:00:00+02:00', seconds: 86_400, why: 'Easter Saturday is not a holiday' },
    { calendar: 'alwaysDk', a: '2026-04-01T00:00:00+02:00', b: '2026-04-08T00:00:00+02:00', seconds: 259_200, why: 'Wed 1, Sat 4, Tue 7 April' },
    { calendar: 'alwaysDk', a: '2026-12-24T00:00:00+01:00', b: '2026-12-25T00:00:00+01:00', seconds: 86_400, why: 'Juleaftensdag is an observance' },
    // Leap day 2028-02-29 is a Tuesday; Fastelavn (28 Feb) is an observance.
    { calendar: 'cph', a: '2028-02-28T00:00:00+01:00', b: '2028-03-01T00:00:00+01:00', seconds: 57_600, why: 'Mon + leap Tue' },
    { calendar: 'cph', a: '2028-02-29T00:00:00+01:00', b: '2028-03-01T00:00:00+01:00', seconds: 28_800, why: 'the leap day itself' },
    { calendar: 'alwaysUtc', a: '2028-02-28T00:00:00Z', b: '2028-03-01T00:00:00Z', seconds: 172_800, why: 'two days in UTC' },
  ];
  test.each(cases)('$calendar [$a, $b) = $seconds s ($why)', ({ calendar: name, a, b, seconds }) => {
    expect(cal(name).between(at(a), at(b)) / 1000).toBe(seconds);
  });
});

describe('add with holidays', () => {
  test.each([
    ['cph', '2026-04-01T15:00:00+02:00', 'PT2H', '2026-04-07T07:00:00Z', 'Wed 1 h, Easter, Tue 08–09'],
    ['cph', '2026-05-13T15:00:00+02:00', 'PT2H', '2026-05-15T07:00:00Z', 'Wed 1 h, Ascension, Fri 08–09'],
    ['cph', '2026-05-22T15:00:00+02:00', 'PT1H', '2026-05-26T06:30:00Z', 'Fri 30 min, Whitsun, Tue 08–08:30'],
    ['cph', '2026-12-23T15:00:00+01:00', 'PT2H', '2026-12-28T08:00:00Z', 'Wed 1 h, Christmas, Mon 08–09'],
    ['cph', '2026-12-30T15:00:00+01:00', 'PT3H', '2026-12-31T09:00:00Z', 'Wed 1 h, NYE 08–10'],
    ['cph', '2026-12-30T15:00:00+01:00', 'PT5H', '2026-12-31T11:00:00Z', 'ends at NYE closing 12:00'],
    ['cph', '2026-12-30T15:00:00+01:00', 'PT5H1S', '2027-01-04T07:00:01Z', '1 Jan and the weekend closed'],
    ['cph', '2026-12-31T11:00:00+01:00', 'PT1H', '2026-12-31T11:00:00Z', 'NYE closing instant'],
    ['cph', '2026-12-31T13:00:00+01:00', 'PT0S', '2027-01-04T07:00:00Z', 'after NYE closing'],
    ['cph', '2028-02-28T15:00:00+01:00', 'PT2H', '2028-02-29T08:00:00Z', 'into the leap day'],
    ['cph', '2028-02-28T15:00:00+01:00', 'PT9H', '2028-02-29T15:00:00Z', 'the whole leap day'],
    ['cph', '2028-02-28T15:00:00+01:00', 'PT9H1S', '2028-03-01T07:00:01Z', 'past the leap day'],
  ] as Array<[CalendarName, string, string, string, string]>)('%s: %s + %s = %s (%s)', (name, from, duration, expected) => {
    expect(iso(cal(name).add(at(from), dur(duration)))).toBe(expected);
  });
});

describe('holiday collections of other shapes', () => {
  const office = (extra: Partial<CalendarDescription>): CalendarDescription => ({ ...CALENDARS.cphWeekly, ...extra });
  const berlin = (week: string): CalendarDescription => ({
    zone: 'Europe/Berlin',
    week: { 'mon-fri': week },
    preset: { country: 'DE', types: ['public', 'bank'] },
  });
  const cases: Array<{ description: CalendarDescription; a: string; b: string; seconds: number; why: string }> = [
    {
      description: office({ preset: { country: 'DK', types: ['public', 'observance'] } }),
      a: '2026-06-05T00:00:00+02:00', b: '2026-06-06T00:00:00+02:00', seconds: 0, why: 'Grundlovsdag closes when observances are included',
    },
    {
      description: office({ preset: { country: 'DK', types: ['public'] }, days: { '2026-04-03': '10:00-12:00' } }),
      a: '2026-04-02T00:00:00+02:00', b: '2026-04-04T00:00:00+02:00', seconds: 7_200, why: 'explicit hours beat the preset on Langfredag',
    },
    {
      description: office({ days: { '2026-11-24': '' } }),
      a: '2026-11-23T00:00:00+01:00', b: '2026-11-30T00:00:00+01:00', seconds: 113_400, why: 'an explicit closed Tuesday',
    },
    {
      description: office({ days: { '2026-11-28': '10:00-14:00' } }),
      a: '2026-11-23T00:00:00+01:00', b: '2026-11-30T00:00:00+01:00', seconds: 156_600, why: 'explicit hours open a Saturday',
    },
    {
      description: office({ days: { '2028-02-29': '' } }),
      a: '2028-02-28T00:00:00+01:00', b: '2028-03-01T00:00:00+01:00', seconds: 28_800, why: 'the leap day as a holiday',
    },
    {
      description: { zone: 'Australia/Lord_Howe', week: { 'mon-fri': '09:00-17:00' }, days: { '2026-11-24': '' } },
      a: '2026-11-23T00:00:00+11:00', b: '2026-11-28T00:00:00+11:00', seconds: 115_200, why: 'dates are local: Lord Howe Tuesday closed',
    },
    {
      description: { zone: 'Australia/Lord_Howe', week: { 'mon-fri': '09:00-17:00' }, days: { '2026-11-24': '' } },
      a: '2026-11-24T00:00:00+11:00', b: '2026-11-25T00:00:00+11:00', seconds: 0, why: 'the closed Lord Howe Tuesday itself',
    },
    {
      description: { zone: 'America/New_York', week: { 'mon-fri': '09:00-17:00' }, preset: { country: 'US', types: ['public'] } },
      a: '2026-11-23T00:00:00-05:00', b: '2026-11-30T00:00:00-05:00', seconds: 115_200, why: 'Thanksgiving closed, the day after open',
    },
    // A preset holiday that starts mid-day (German Christmas Eve and New Year's Eve from 14:00) shortens the day.
    { description: berlin('08:00-12:00 13:00-17:00'), a: '2026-12-24T00:00:00+01:00', b: '2026-12-25T00:00:00+01:00', seconds: 18_000, why: '08–12 + 13–14' },
    { description: berlin('08:00-12:00 13:00-17:00'), a: '2026-12-31T00:00:00+01:00', b: '2027-01-01T00:00:00+01:00', seconds: 18_000, why: 'Silvester 08–12 + 13–14' },
    { description: berlin('08:00-12:00 13:00-17:00'), a: '2026-12-23T00:00:00+01:00', b: '2026-12-24T00:00:00+01:00', seconds: 28_800, why: 'the day before is whole' },
    { description: berlin('15:00-18:00'), a: '2026-12-24T00:00:00+01:00', b: '2026-12-25T00:00:00+01:00', seconds: 0, why: 'hours after 14:00 vanish' },
  ];
  test.each(cases)('[$a, $b) = $seconds s ($why)', ({ description, a, b, seconds }) => {
    expect(calendar(description).between(at(a), at(b)) / 1000).toBe(seconds);
  });

  test('add stops at a mid-day holiday start', () => {
    // 13:30–14:00 on Christmas Eve, 25–27 Dec closed, Mon 28 Dec 08:00–08:30.
    expect(iso(calendar(berlin('08:00-12:00 13:00-17:00')).add(at('2026-12-24T13:30:00+01:00'), dur('PT1H')))).toBe('2026-12-28T07:30:00Z');
  });
});
