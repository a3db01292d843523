// Contract dates in the engine (formats.md §6): calendar periods, local midnights, and the reminder laws the
// Forge app's scheduled job relies on: windows that follow each other send every occurrence exactly once, and the
// next reminder a contract shows is the first one such a job will send.
import fc from 'fast-check';
import { addCalendarPeriod, formatCalendarPeriod, parseCalendarPeriod } from '../../src/engine/calendar-period';
import { contractStatus, midnightOf, reminderRecipients, remindersDue, remindersOwed } from '../../src/engine/contract';
import type { Contract } from '../../src/engine/types';
import { at, iso } from './helpers';

describe('calendar periods', () => {
  test.each<[string, ReturnType<typeof parseCalendarPeriod>]>([
    ['P3M', { years: 0, months: 3, weeks: 0, days: 0 }],
    ['P1Y6M', { years: 1, months: 6, weeks: 0, days: 0 }],
    ['P2W', { years: 0, months: 0, weeks: 2, days: 0 }],
    ['P1M15D', { years: 0, months: 1, weeks: 0, days: 15 }],
    ['P0D', { years: 0, months: 0, weeks: 0, days: 0 }],
    ['P', undefined],
    ['PT72H', undefined],
    ['P3M1Y', undefined],
    ['3M', undefined],
    ['P-1M', undefined],
  ])('%s', (text, parts) => {
    expect(parseCalendarPeriod(text)).toEqual(parts);
  });

  test.each<[string, string, number, string]>([
    ['2027-01-01', 'P3M', -1, '2026-10-01'],
    ['2027-05-31', 'P3M', -1, '2027-02-28'],
    ['2028-05-31', 'P3M', -1, '2028-02-29'],
    ['2026-01-31', 'P1M', 1, '2026-02-28'],
    // Multiplied, not repeated: 31 Jan + 2 × P1M is 31 Mar, not 28 Mar.
    ['2026-01-31', 'P1M', 2, '2026-03-31'],
    ['2026-10-01', 'P60D', -1, '2026-08-02'],
    ['2026-03-01', 'P1M2W', -1, '2026-01-18'],
    ['2024-02-29', 'P1Y', 1, '2025-02-28'],
  ])('%s %s × %i = %s', (date, period, times, expected) => {
    expect(addCalendarPeriod(date, parseCalendarPeriod(period)!, times)).toBe(expected);
  });
});

test.each([
  ['P3M', '3 months'],
  ['P1Y', '1 year'],
  ['P1D', '1 day'],
  ['P60D', '60 days'],
  ['P1Y2W', '1 year and 2 weeks'],
  ['P1Y6M2W3D', '1 year, 6 months, 2 weeks and 3 days'],
  ['P0D', '0 days'],
])('%s in words is %s', (period, words) => {
  expect(formatCalendarPeriod(period)).toBe(words);
});

test.each([
  ['2026-10-01', 'Europe/Copenhagen', '2026-09-30T22:00:00Z'],
  ['2026-01-01', 'Europe/Copenhagen', '2025-12-31T23:00:00Z'],
  // Chile springs forward at midnight: 00:00 on 6 September 2026 does not exist and moves forward to 01:00 (−03).
  ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00Z'],
])('local midnight of %s in %s is %s', (date, zone, expected) => {
  expect(iso(midnightOf(date, zone))).toBe(expected);
});

const OWNER = '557058:owner';
const contractArb: fc.Arbitrary<Contract> = fc
  .record({
    start: fc.constantFrom('2025-01-31', '2026-01-01', '2026-03-29'),
    termMonths: fc.integer({ min: 1, max: 24 }),
    noticePeriod: fc.option(fc.constantFrom('P1M', 'P3M', 'P90D', 'P2W'), { nil: undefined }),
    renewal: fc.constantFrom('automatic' as const, 'manual' as const),
    renewalTerm: fc.constantFrom('P1M', 'P6M', 'P1Y'),
    terminatedAfterMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    offsets: fc.array(fc.tuple(fc.constantFrom('notice' as const, 'end' as const), fc.constantFrom('P0D', 'P14D', 'P1M', 'P2M', 'P1Y')), { minLength: 1, maxLength: 3 }),
  })
  .map((c) => {
    const end = addCalendarPeriod(c.start, parseCalendarPeriod(`P${c.termMonths}M`)!);
    const terminatedOn = c.terminatedAfterMonths === undefined ? undefined : addCalendarPeriod(c.start, parseCalendarPeriod(`P${c.terminatedAfterMonths}M`)!);
    const valid = terminatedOn === undefined || c.renewal === 'automatic' || terminatedOn <= end;
    return {
      number: 'C-1', owner: OWNER, start: c.start, end, renewal: c.renewal,
      ...(c.noticePeriod ? { noticePeriod: c.noticePeriod } : {}),
      ...(c.renewal === 'automatic' ? { renewalTerm: c.renewalTerm } : {}),
      ...(terminatedOn !== undefined && valid ? { terminatedOn } : {}),
      // A reminder before the notice deadline needs a notice period (validation says so).
      reminders: c.offsets.filter(([before]) => before === 'end' || c.noticePeriod).map(([before, offset], i) => ({ id: `r${i}`, before, offset, notify: ['owner' as const] })),
    };
  });

const SPAN_FROM = at('2024-06-01T00:00:00Z');
const SPAN_TO = at('2031-01-01T00:00:00Z');
const ZONES = ['Europe/Copenhagen', 'America/New_York', 'UTC'];

describe('reminder laws', () => {
  test('windows that follow each other send every occurrence exactly once', () => {
    fc.assert(
      fc.property(contractArb, fc.constantFrom(...ZONES), fc.array(fc.integer({ min: SPAN_FROM, max: SPAN_TO }), { maxLength: 12 }), (contract, zone, cuts) => {
        const bounds = [SPAN_FROM, ...[...new Set(cuts)].sort((a, b) => a - b), SPAN_TO];
        const pieces: string[] = [];
        for (let i = 1; i < bounds.length; i++) pieces.push(...remindersDue(contract, zone, bounds[i - 1]!, bounds[i]!, 'a').map((o) => o.key));
        const whole = remindersDue(contract, zone, SPAN_FROM, SPAN_TO, 'a').map((o) => o.key);
        expect(pieces).toEqual(whole);
        expect(new Set(whole).size).toBe(whole.length);
      }),
      { numRuns: 300 },
    );
  });

  test("a reminder's next occurrence is the first the job sends after that instant", () => {
    fc.assert(
      fc.property(contractArb, fc.constantFrom(...ZONES), fc.integer({ min: SPAN_FROM, max: at('2029-01-01T00:00:00Z') }), (contract, zone, now) => {
        const status = contractStatus(contract, zone, now, 'a');
        const due = remindersDue(contract, zone, now, SPAN_TO, 'a');
        for (const { reminder, next } of status.reminders) {
          const first = due.find((o) => o.reminder === reminder) ?? null;
          expect(next && next.key).toBe(first && first.key);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a manual contract reminds at most once per reminder; a renewed one never', () => {
    fc.assert(
      fc.property(contractArb, fc.constantFrom(...ZONES), (contract, zone) => {
        const due = remindersDue(contract, zone, SPAN_FROM, SPAN_TO, 'a');
        if (contract.renewal === 'manual') expect(due.length).toBeLessThanOrEqual(contract.reminders.length);
        expect(remindersDue(contract, zone, SPAN_FROM, SPAN_TO, 'a', { renewed: true })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

test('a contract only moves forward: preliminary, active, expiring, then expired or terminated', () => {
  const RANK = { preliminary: 0, active: 1, expiring: 2, expired: 3, terminated: 3 };
  fc.assert(
    fc.property(contractArb, fc.constantFrom(...ZONES), fc.array(fc.integer({ min: SPAN_FROM, max: SPAN_TO }), { minLength: 2, maxLength: 20 }), (contract, zone, instants) => {
      const ranks = [...instants].sort((a, b) => a - b).map((instant) => RANK[contractStatus(contract, zone, instant, 'a').state]);
      for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!);
    }),
    { numRuns: 300 },
  );
});

test('the owner is told as an account, once even when named twice', () => {
  const contract: Contract = { number: 'C', owner: OWNER, start: '2026-01-01', end: '2027-01-01', renewal: 'manual', reminders: [] };
  expect(reminderRecipients(contract, { id: 'r', before: 'end', offset: 'P1M', notify: ['owner', 'group:legal', `user:${OWNER}`] })).toEqual([`user:${OWNER}`, 'group:legal']);
});

describe('reminders owed at an instant (what the app sends)', () => {
  // A manual contract ending 1 January 2027 with three months' notice: the notice deadline is 1 October 2026.
  const contract: Contract = {
    number: 'FJ-1', owner: OWNER, start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P3M', renewal: 'manual',
    reminders: [{ id: 'notice-60', before: 'notice', offset: 'P60D', notify: ['owner'] }, { id: 'end-30', before: 'end', offset: 'P30D', notify: ['owner'] }],
  };
  const ZONE = 'Europe/Copenhagen';
  test.each<[string, string, string[]]>([
    ['a second before notice-60 (2 August 2026, 00:00 in Copenhagen)', '2026-08-01T21:59:59Z', []],
    ['at its instant', '2026-08-01T22:00:00Z', ['notice-60 2026-10-01']],
    ['weeks later: still of use until the deadline is over', '2026-09-30T21:59:59Z', ['notice-60 2026-10-01']],
    ['on the deadline itself, late in the day', '2026-10-01T21:59:59Z', ['notice-60 2026-10-01']],
    ['the deadline is over: no use any more', '2026-10-01T22:00:00Z', []],
    ['end-30: from 2 December 2026, 00:00 in Copenhagen', '2026-12-01T23:00:00Z', ['end-30 2027-01-01']],
    ['on the day it ends, the last day of use', '2027-01-01T22:59:59Z', ['end-30 2027-01-01']],
    ['the day it ends is over', '2027-01-01T23:00:00Z', []],
  ])('%s', (_why, now, expected) => {
    expect(remindersOwed(contract, ZONE, at(now), 'agreement:fj').map((o) => `${o.reminder.id} ${o.anchor}`)).toEqual(expected);
  });

  test('a renewed agreement owes none', () => {
    expect(remindersOwed(contract, ZONE, at('2026-09-01T12:00:00Z'), 'agreement:fj', { renewed: true })).toEqual([]);
  });

  test('every occurrence is owed from its instant until its anchor day is over, and at no other instant', () => {
    fc.assert(
      fc.property(contractArb, fc.constantFrom(...ZONES), fc.integer({ min: SPAN_FROM, max: at('2029-01-01T00:00:00Z') }), (contract, zone, now) => {
        const owed = remindersOwed(contract, zone, now, 'a').map((o) => o.key);
        const expected = remindersDue(contract, zone, at('2000-01-01T00:00:00Z'), now, 'a')
          .filter((o) => now < midnightOf(addCalendarPeriod(o.anchor, parseCalendarPeriod('P1D')!), zone))
          .map((o) => o.key);
        expect(owed).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
