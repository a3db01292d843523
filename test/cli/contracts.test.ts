// Contracts (formats.md §6) through the `contracts` command: each contract's state, term and next notice deadline
// at an instant, its reminders' next occurrences, and the reminders due in a window. Dates are read in the
// agreement calendar's zone, Copenhagen: UTC+1, UTC+2 from 29 March to 25 October 2026 (and likewise in 2027).
import { cli, contracts, contractsConfig, file, weekdays } from './contract-cli';

const OWNER = '557058:owner';

const CONTRACTS: Record<string, object> = {
  manual: { start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P3M', renewal: 'manual',
    reminders: [{ id: 'notice-30', before: 'notice', offset: 'P30D' }, { id: 'end-14', before: 'end', offset: 'P14D', notify: ['owner', 'group:contract-managers'] }] },
  automatic: { start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P3M', renewal: 'automatic', renewalTerm: 'P1Y',
    reminders: [{ id: 'notice-30', before: 'notice', offset: 'P30D' }, { id: 'end-1m', before: 'end', offset: 'P1M' }] },
  'auto-terminated': { start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P3M', renewal: 'automatic', renewalTerm: 'P1Y', terminatedOn: '2028-01-01' },
  'terminated-early': { start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P3M', renewal: 'manual', terminatedOn: '2026-06-15' },
  'open-ended': { start: '2026-01-01', renewal: 'manual' },
  'month-end': { start: '2026-06-01', end: '2027-05-31', noticePeriod: 'P3M' },
  monthly: { start: '2026-01-01', end: '2026-01-31', noticePeriod: 'P2M', renewal: 'automatic', renewalTerm: 'P1M' },
  'long-notice': { start: '2026-01-01', end: '2027-01-01', noticePeriod: 'P18M', renewal: 'automatic', terminatedOn: '2028-01-01' },
};

const bundle = {
  version: 1,
  calendars: [{ id: 'cph', timezone: 'Europe/Copenhagen', week: weekdays([['08:00', '16:00']]) }],
  priorityModels: [{ id: 'numeric', priorities: [{ id: 'p1', rank: 1 }] }],
  customers: [{ id: 'acme' }],
  agreements: Object.entries(CONTRACTS).map(([id, contract], i) => ({
    id, customer: 'acme', environment: `E${i}`, validFrom: '2026-01-01', priorityModel: 'numeric', calendar: 'cph',
    contract: { number: `C-${i}`, owner: OWNER, issue: `CON-${i + 1}`, ...contract },
  })),
};

function entry(agreement: string, at: string, since?: string) {
  const found = contracts(bundle, at, since).contracts.find((c) => c.agreement === agreement);
  if (!found) throw new Error(`no contract ${agreement}`);
  return found;
}

type Row = [why: string, agreement: string, at: string, state: string, term: [string, string | null], noticeDeadline: string | null];

const STATES: Row[] = [
  ['before the start', 'manual', '2025-12-31T12:00:00Z', 'preliminary', ['2026-01-01', '2027-01-01'], '2026-10-01'],
  ['00:30 on 1 January in Copenhagen: started', 'manual', '2025-12-31T23:30:00Z', 'active', ['2026-01-01', '2027-01-01'], '2026-10-01'],
  ['the last second before the notice deadline', 'manual', '2026-09-30T21:59:59Z', 'active', ['2026-01-01', '2027-01-01'], '2026-10-01'],
  ['the notice deadline (end − P3M): the last day notice can be given, and within the notice period', 'manual', '2026-09-30T22:00:00Z', 'expiring', ['2026-01-01', '2027-01-01'], '2026-10-01'],
  ['past the deadline: expiring, no deadline left', 'manual', '2026-10-02T12:00:00Z', 'expiring', ['2026-01-01', '2027-01-01'], null],
  ['the last second of 31 December', 'manual', '2026-12-31T22:59:59Z', 'expiring', ['2026-01-01', '2027-01-01'], null],
  ['the end date (exclusive): expired', 'manual', '2026-12-31T23:00:00Z', 'expired', ['2026-01-01', '2027-01-01'], null],
  ['automatic renewal: past the deadline it renews, so it stays active; the next deadline is next year’s', 'automatic', '2026-10-15T12:00:00Z', 'active', ['2026-01-01', '2027-01-01'], '2027-10-01'],
  ['automatic renewal: the second term', 'automatic', '2027-01-01T12:00:00Z', 'active', ['2027-01-01', '2028-01-01'], '2027-10-01'],
  ['automatic renewal: years later', 'automatic', '2030-06-01T12:00:00Z', 'active', ['2030-01-01', '2031-01-01'], '2030-10-01'],
  ['notice given for the end of the second term: no deadline left', 'auto-terminated', '2027-09-30T12:00:00Z', 'active', ['2027-01-01', '2028-01-01'], null],
  ['… expiring within the notice period before the termination', 'auto-terminated', '2027-10-01T12:00:00Z', 'expiring', ['2027-01-01', '2028-01-01'], null],
  ['… terminated from terminatedOn', 'auto-terminated', '2028-01-01T12:00:00Z', 'terminated', ['2027-01-01', '2028-01-01'], null],
  ['… and its last term stays the one in force', 'auto-terminated', '2029-05-01T12:00:00Z', 'terminated', ['2027-01-01', '2028-01-01'], null],
  ['terminated early: the term ends at terminatedOn', 'terminated-early', '2026-03-14T12:00:00Z', 'active', ['2026-01-01', '2026-06-15'], null],
  ['terminated early: expiring three months before', 'terminated-early', '2026-03-15T12:00:00Z', 'expiring', ['2026-01-01', '2026-06-15'], null],
  ['terminated early: terminated', 'terminated-early', '2026-06-15T12:00:00Z', 'terminated', ['2026-01-01', '2026-06-15'], null],
  ['open-ended: active for good, no deadline', 'open-ended', '2040-01-01T12:00:00Z', 'active', ['2026-01-01', null], null],
  ['31 May − P3M is 28 February (the month has no 31st)', 'month-end', '2026-12-01T12:00:00Z', 'active', ['2026-06-01', '2027-05-31'], '2027-02-28'],
  ['renewal omitted is manual: past that deadline, expiring', 'month-end', '2027-03-01T12:00:00Z', 'expiring', ['2026-06-01', '2027-05-31'], null],
  // Terms from 31 January: 28 Feb, 31 Mar, 30 Apr, 31 May (each from 31 January, so no day is lost). Two months'
  // notice: the terms ending 31 Mar and 30 Apr had theirs on 31 Jan and 28 Feb; the one ending 31 May on 31 Mar.
  ['notice longer than a monthly term: the next deadline is two terms ahead', 'monthly', '2026-03-10T12:00:00Z', 'active', ['2026-02-28', '2026-03-31'], '2026-03-31'],
  // Terminated for 1 January 2028 with 18 months' notice: expiring from 1 July 2026, still in the first term.
  ['a notice period reaching back into an earlier term: expiring there', 'long-notice', '2026-06-30T12:00:00Z', 'active', ['2026-01-01', '2027-01-01'], null],
  ['… and from its first day', 'long-notice', '2026-07-01T12:00:00Z', 'expiring', ['2026-01-01', '2027-01-01'], null],
];

describe('contract state across dates', () => {
  test.each(STATES)('%s', (_why, agreement, at, state, [start, end], noticeDeadline) => {
    expect(entry(agreement, at)).toMatchObject({ state, term: { start, end }, noticeDeadline });
  });
});

describe('reminders', () => {
  test.each<[string, string, string, Array<[string, string, string] | null>]>([
    // notice-30: 1 Oct − 30 days = 1 Sep, 00:00 CEST; end-14: 1 Jan − 14 days = 18 Dec, 00:00 CET.
    ['each reminder’s next occurrence, at local midnight', 'manual', '2026-08-01T12:00:00Z',
      [['notice-30', '2026-10-01', '2026-08-31T22:00:00Z'], ['end-14', '2027-01-01', '2026-12-17T23:00:00Z']]],
    ['at its very instant a reminder is due, not next: a manual contract has no later one', 'manual', '2026-08-31T22:00:00Z',
      [null, ['end-14', '2027-01-01', '2026-12-17T23:00:00Z']]],
    ['after the end none is left', 'manual', '2027-01-05T12:00:00Z', [null, null]],
    ['automatic renewal: once this term’s has passed, the next term’s', 'automatic', '2026-09-15T12:00:00Z',
      [['notice-30', '2027-10-01', '2027-08-31T22:00:00Z'], ['end-1m', '2027-01-01', '2026-11-30T23:00:00Z']]],
  ])('%s', (_why, agreement, at, expected) => {
    const found = entry(agreement, at);
    expect(found.reminders.map((r) => r.next && [r.id, r.next.anchor, r.next.at])).toEqual(expected);
    const first = expected.filter((r): r is [string, string, string] => r !== null).sort((a, b) => a[2].localeCompare(b[2]))[0];
    expect(found.nextReminder).toEqual(first ? { id: first[0], anchor: first[1], at: first[2] } : null);
  });

  test('due in a window: each occurrence with its key and recipients, the owner resolved', () => {
    expect(entry('manual', '2026-12-31T12:00:00Z', '2026-08-01T00:00:00Z').due).toEqual([
      { id: 'notice-30', anchor: '2026-10-01', at: '2026-08-31T22:00:00Z', key: 'agreement:manual/notice-30/2026-10-01', recipients: [`user:${OWNER}`] },
      { id: 'end-14', anchor: '2027-01-01', at: '2026-12-17T23:00:00Z', key: 'agreement:manual/end-14/2027-01-01', recipients: [`user:${OWNER}`, 'group:contract-managers'] },
    ]);
  });

  test('consecutive windows send each occurrence exactly once: the same as one window over the whole span', () => {
    const bounds = ['2025-12-31T00:00:00Z', '2026-03-29T01:00:00Z', '2026-08-31T22:00:00Z', '2026-11-30T23:00:00Z', '2027-06-30T12:00:00Z', '2027-08-31T22:00:00Z', '2028-12-31T00:00:00Z'];
    const keys: string[] = [];
    for (let i = 1; i < bounds.length; i++) keys.push(...(entry('automatic', bounds[i]!, bounds[i - 1]!).due ?? []).map((d) => d.key));
    const whole = (entry('automatic', bounds.at(-1)!, bounds[0]!).due ?? []).map((d) => d.key);
    expect(keys).toEqual(whole);
    expect(new Set(keys).size).toBe(keys.length);
    expect(whole).toEqual([
      'agreement:automatic/notice-30/2026-10-01',
      'agreement:automatic/end-1m/2027-01-01',
      'agreement:automatic/notice-30/2027-10-01',
      'agreement:automatic/end-1m/2028-01-01',
      'agreement:automatic/notice-30/2028-10-01',
      'agreement:automatic/end-1m/2029-01-01',
    ]);
  });
});

describe('the example bundle', () => {
  test('renewals, suppliers and a termination, at 15 September 2026', () => {
    const result = contracts(contractsConfig, '2026-09-15T12:00:00Z');
    const summary = [...result.contracts, ...result.suppliers].map((c) => [c.agreement ?? c.supplier, c.state, c.term.start, c.term.end, c.noticeDeadline, c.renewedBy ?? null, c.nextReminder?.at ?? null]);
    expect(summary).toEqual([
      // Renewed by fjord-group-2027: the decision is made, no more reminders.
      ['fjord-group-2026', 'active', '2026-01-01', '2027-01-01', '2026-10-01', 'fjord-group-2027', null],
      ['fjord-group-2027', 'preliminary', '2027-01-01', '2028-01-01', '2027-10-01', null, '2027-08-01T22:00:00Z'],
      ['fjord-americas', 'active', '2026-03-01', '2027-07-01', '2027-01-01', null, '2026-12-01T23:00:00Z'],
      ['fjord-dk-payroll', 'active', '2026-01-01', '2027-01-01', '2026-10-01', null, '2026-09-16T22:00:00Z'],
      // Renewed automatically every 1 July since 2025.
      ['nordhost', 'active', '2026-07-01', '2027-07-01', '2027-04-01', null, '2027-02-28T23:00:00Z'],
    ]);
  });
});

describe('bad input', () => {
  test.each([
    ['no --at', ['contracts', '--config', contractsConfig], '--at is required'],
    ['--since after --at', ['contracts', '--config', contractsConfig, '--at', '2026-01-01T00:00:00Z', '--since', '2026-02-01T00:00:00Z'], '--since: 2026-02-01T00:00:00Z is after --at 2026-01-01T00:00:00Z'],
    ['a bad --since', ['contracts', '--config', contractsConfig, '--at', '2026-01-01T00:00:00Z', '--since', 'yesterday'], '--since: "yesterday" is not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00'],
  ])('%s', (_why, argv, message) => {
    const result = cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  test('an invalid contract exits 2 with the path', () => {
    const broken = structuredClone(bundle);
    (broken.agreements[0]!.contract as Record<string, unknown>).end = '2025-06-01';
    const result = cli('contracts', '--config', file(broken), '--at', '2026-01-01T00:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/: agreements\[0\]\.contract\.end: 2025-06-01 is not after start 2026-01-01$/);
  });
});
