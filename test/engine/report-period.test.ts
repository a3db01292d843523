// The period of a compliance report (spec §5): local midnights of the agreement calendar's zone, with the gap and
// overlap rules of §3. Expected instants are written out by hand from the zones' published rules.
import { inPeriod, parseReportMonth, reportPeriod } from '../../src/engine/report-period';

const HOUR = 3_600_000;
const utc = (iso: string): number => Date.parse(iso);
const hours = (month: string, zone: string): number => {
  const { from, to } = reportPeriod(month, zone);
  return (to - from) / HOUR;
};

describe('months as written on the command line', () => {
  test.each([
    ['2026-11', { year: 2026, month: 11 }],
    ['2026-01', { year: 2026, month: 1 }],
    ['2026-12', { year: 2026, month: 12 }],
    ['0050-06', { year: 50, month: 6 }],
  ])('%s is a month', (text, expected) => expect(parseReportMonth(text)).toEqual(expected));

  test.each(['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '2026/11', ' 2026-11', '2026-11 ', 'November', ''])(
    '%j is not a month',
    (text) => expect(parseReportMonth(text)).toBeUndefined(),
  );

  test('reportPeriod refuses a malformed month with a RangeError naming it', () => {
    expect(() => reportPeriod('2026-13', 'UTC')).toThrow(new RangeError('"2026-13" is not a month written YYYY-MM (01–12)'));
  });
});

describe('a period runs from the first local midnight of the month to the first of the next', () => {
  test.each([
    // month, zone, from, to
    ['2026-11', 'Europe/Copenhagen', '2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z'],
    ['2026-11', 'UTC', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['2026-12', 'Europe/Copenhagen', '2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z'],
    ['2026-11', 'Asia/Kolkata', '2026-10-31T18:30:00Z', '2026-11-30T18:30:00Z'],
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00Z', '2026-12-01T05:00:00Z'],
    // Year digits below 100 are years 0–99, not 19xx.
    ['0050-01', 'UTC', '0050-01-01T00:00:00Z', '0050-02-01T00:00:00Z'],
  ])('%s in %s: [%s, %s)', (month, zone, from, to) => {
    expect(reportPeriod(month, zone)).toEqual({ month, from: utc(from), to: utc(to), timezone: zone });
  });

  test('DST months in Copenhagen: March has 743 hours, October 745, November 720', () => {
    expect(reportPeriod('2026-03', 'Europe/Copenhagen')).toMatchObject({ from: utc('2026-02-28T23:00:00Z'), to: utc('2026-03-31T22:00:00Z') });
    expect(hours('2026-03', 'Europe/Copenhagen')).toBe(743);
    expect(reportPeriod('2026-10', 'Europe/Copenhagen')).toMatchObject({ from: utc('2026-09-30T22:00:00Z'), to: utc('2026-10-31T23:00:00Z') });
    expect(hours('2026-10', 'Europe/Copenhagen')).toBe(745);
    expect(hours('2026-11', 'Europe/Copenhagen')).toBe(720);
  });

  test('a month starting in a gap starts when the gap ends (Asunción, 1 Oct 2023: 00:00 → 01:00)', () => {
    // Paraguay moved from −04 to −03 at local midnight; 00:00 did not exist, 01:00 −03 is 04:00Z.
    expect(reportPeriod('2023-10', 'America/Asuncion')).toMatchObject({ from: utc('2023-10-01T04:00:00Z'), to: utc('2023-11-01T03:00:00Z') });
    expect(hours('2023-10', 'America/Asuncion')).toBe(743);
    // September ends where October starts: the gap belongs to neither, the months still meet.
    expect(reportPeriod('2023-09', 'America/Asuncion').to).toBe(utc('2023-10-01T04:00:00Z'));
    expect(hours('2023-09', 'America/Asuncion')).toBe(720);
  });

  test('a month starting in an overlap starts at the first occurrence of midnight (Havana, 1 Nov 2026: 01:00 → 00:00)', () => {
    // Cuba falls back from −04 to −05 at 01:00, so 00:00–01:00 happens twice; the first 00:00 is 04:00Z.
    expect(reportPeriod('2026-11', 'America/Havana')).toMatchObject({ from: utc('2026-11-01T04:00:00Z'), to: utc('2026-12-01T05:00:00Z') });
    expect(hours('2026-11', 'America/Havana')).toBe(721);
    expect(reportPeriod('2026-10', 'America/Havana').to).toBe(utc('2026-11-01T04:00:00Z'));
  });

  test('consecutive months meet exactly, over two years in zones with DST', () => {
    for (const zone of ['Europe/Copenhagen', 'America/Asuncion', 'America/Havana', 'Australia/Lord_Howe']) {
      for (let i = 0; i < 24; i++) {
        const month = (n: number): string => `${2023 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
        expect([zone, reportPeriod(month(i), zone).to]).toEqual([zone, reportPeriod(month(i + 1), zone).from]);
      }
    }
  });
});

test('inPeriod is half-open and refuses null', () => {
  const period = reportPeriod('2026-11', 'UTC');
  expect(inPeriod(period, period.from)).toBe(true);
  expect(inPeriod(period, period.to - 1)).toBe(true);
  expect(inPeriod(period, period.to)).toBe(false);
  expect(inPeriod(period, period.from - 1)).toBe(false);
  expect(inPeriod(period, null)).toBe(false);
});
