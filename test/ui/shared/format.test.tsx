import { formatDuration, formatInZones, formatLocalTime, formatRelative } from '../../../static/shared/format';

const MONDAY_2PM_UTC = Date.parse('2026-11-23T14:00:00Z');

describe('times as the surfaces show them', () => {
  test.each([
    ['the same local day: the time alone', '2026-11-23T15:05:00Z', 'Europe/London', '15:05'],
    ['another day: with the weekday and date', '2026-11-24T11:45:00Z', 'Europe/London', 'Tue 24 Nov 11:45'],
    ['another year: with the year', '2027-01-04T09:00:00Z', 'UTC', 'Mon 4 Jan 2027 09:00'],
    // 23:30 UTC is already Tuesday in Copenhagen, so it is not "today" there.
    ['past midnight in the zone', '2026-11-23T23:30:00Z', 'Europe/Copenhagen', 'Tue 24 Nov 00:30'],
  ])('%s', (_case, iso, zone, expected) => {
    expect(formatLocalTime(iso, zone, MONDAY_2PM_UTC)).toBe(expected);
  });

  test.each([
    ['different offsets: both clocks', '2026-11-23T15:05:00Z', 'Europe/London', 'Europe/Copenhagen', '15:05 (16:05 Europe/Copenhagen)'],
    ['different names, same offset: one clock', '2026-11-23T15:05:00Z', 'Europe/Berlin', 'Europe/Copenhagen', '16:05'],
    // London and UTC agree in winter and differ in summer (BST).
    ['same offset in winter', '2026-11-23T15:05:00Z', 'Europe/London', 'UTC', '15:05'],
    ['different offset in summer', '2026-07-01T15:05:00Z', 'Europe/London', 'UTC', 'Wed 1 Jul 16:05 (Wed 1 Jul 15:05 UTC)'],
  ])('%s', (_case, iso, viewer, calendar, expected) => {
    expect(formatInZones(iso, viewer, calendar, MONDAY_2PM_UTC)).toBe(expected);
  });

  test('offsets follow daylight saving time on both sides of the switch', () => {
    // New York moves from UTC−5 to UTC−4 at 07:00 UTC on 8 March 2026; Chicago an hour later.
    const sunday = Date.parse('2026-03-08T12:00:00Z');
    expect(formatInZones('2026-03-08T06:59:00Z', 'America/New_York', 'America/Chicago', sunday)).toBe('01:59 (00:59 America/Chicago)');
    expect(formatInZones('2026-03-08T07:00:00Z', 'America/New_York', 'America/Chicago', sunday)).toBe('03:00 (01:00 America/Chicago)');
    expect(formatInZones('2026-11-23T14:00:00Z', 'Asia/Kolkata', 'UTC', MONDAY_2PM_UTC)).toBe('19:30 (14:00 UTC)');
  });

  test.each([
    [30, '30 s'],
    [3900, '1 h 5 m'],
    [7200, '2 h'],
    [-7200, '2 h'],
    // Working time in hours, never days.
    [97200, '27 h'],
  ])('%i seconds read as %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  test.each([
    ['2026-11-23T15:05:00Z', 'in 1 h 5 m'],
    ['2026-11-23T12:00:00Z', '2 h ago'],
    ['2026-11-23T14:00:20Z', 'now'],
  ])('%s is %s', (iso, expected) => {
    expect(formatRelative(iso, MONDAY_2PM_UTC)).toBe(expected);
  });
});
