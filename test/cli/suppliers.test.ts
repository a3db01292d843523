// Supplier goals (formats.md §6) through `simulate` and `report`: a "Waiting for supplier" status starts the
// supplier's goal and leaving it stops it; the supplier's rows (p1 2 h, else 8 h) are measured on its hours
// (Mon–Fri 08–18 UTC). Their cycles are printed apart, never among the customer's obligations nor as `next`.
// Every request is created Monday 2026-11-23 09:00Z at p2; the customer's targets run 24x7.
import { writeFileSync } from 'node:fs';
import { cli, created, cycleOf, daily, file, priority, reply, resolved, simulate, status, weekdays } from './contract-cli';

const bundle = {
  version: 1,
  calendars: [
    { id: 'always', timezone: 'UTC', week: daily([['00:00', '24:00']]) },
    { id: 'supplier-hours', timezone: 'UTC', week: weekdays([['08:00', '18:00']]) },
  ],
  priorityModels: [{ id: 'numeric', priorities: [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }] }],
  actions: [
    { id: 'created', when: { event: 'created' } },
    { id: 'agent-reply', when: { event: 'comment', visibility: 'public', author: 'agent' } },
    { id: 'to-supplier', when: { event: 'status', to: ['Waiting for supplier'] } },
    { id: 'from-supplier', when: { event: 'status', from: ['Waiting for supplier'] } },
    { id: 'resolved', when: { event: 'resolution', set: true } },
  ],
  actionModels: [{ id: 'standard', pauseInStatuses: ['Waiting for customer'] }],
  goals: [
    { id: 'response', actionModel: 'standard', start: ['created'], stop: ['agent-reply'] },
    { id: 'resolution', actionModel: 'standard', start: ['created'], stop: ['resolved'] },
    { id: 'supplier-fix', actionModel: 'standard', supplier: 'hoster', start: ['to-supplier'], stop: ['from-supplier'], cancel: ['resolved'] },
  ],
  customers: [{ id: 'acme' }],
  agreements: [
    {
      id: 'acme-prod', customer: 'acme', environment: 'Production', validFrom: '2026-01-01', priorityModel: 'numeric', calendar: 'always',
      targets: [{ goal: 'response', target: 'PT1H' }, { goal: 'resolution', target: 'P2D' }],
    },
  ],
  suppliers: [
    {
      id: 'hoster', name: 'Hoster GmbH', calendar: 'supplier-hours',
      targets: [{ goal: 'supplier-fix', priorities: ['p1'], target: 'PT2H' }, { goal: 'supplier-fix', target: 'PT8H' }],
    },
  ],
};

const CREATED = '2026-11-23T09:00:00Z';
const toSupplier = (at: string) => status(at, 'In Progress', 'Waiting for supplier');
const fromSupplier = (at: string) => status(at, 'Waiting for supplier', 'In Progress');

function timeline(events: object[], customer = 'acme') {
  return { issue: { key: 'SUP-9', customer, environment: 'Production', priority: 'p2', created: CREATED }, events: [created(CREATED), reply('2026-11-23T09:10:00Z'), ...events] };
}

type Expected = { cycle?: number; state: string; targetSeconds: number; elapsedSeconds: number; breachedAt: string | null; deadline: string | null };

const CASES: Array<[string, object[], string, Expected[]]> = [
  ['waiting 10:00–12:00: the supplier met its 8 h',
    [toSupplier('2026-11-23T10:00:00Z'), fromSupplier('2026-11-23T12:00:00Z')], '2026-11-23T13:00:00Z',
    [{ state: 'completed', targetSeconds: 28800, elapsedSeconds: 7200, breachedAt: null, deadline: null }]],
  ['still waiting at 12:00: 6 h left, due at 18:00 when its hours end',
    [toSupplier('2026-11-23T10:00:00Z')], '2026-11-23T12:00:00Z',
    [{ state: 'running', targetSeconds: 28800, elapsedSeconds: 7200, breachedAt: null, deadline: '2026-11-23T18:00:00Z' }]],
  // 8 h from 10:00 end exactly at 18:00, the supplier's closing time: breached from there, as Tuesday's hours run.
  ['8 h reached at its closing time: breached at that closing instant',
    [toSupplier('2026-11-23T10:00:00Z')], '2026-11-24T09:00:00Z',
    [{ state: 'running', targetSeconds: 28800, elapsedSeconds: 32400, breachedAt: '2026-11-23T18:00:00Z', deadline: '2026-11-23T18:00:00Z' }]],
  // Fri 17–18 (1 h), Mon 08–09 (1 h): 6 h left from Monday 09:00.
  ["handed over late on Friday: the supplier's weekend does not count",
    [toSupplier('2026-11-27T17:00:00Z')], '2026-11-30T09:00:00Z',
    [{ state: 'running', targetSeconds: 28800, elapsedSeconds: 7200, breachedAt: null, deadline: '2026-11-30T15:00:00Z' }]],
  ['a priority change re-targets the supplier goal too: p1 is 2 h, 1 h of it left at 11:00',
    [toSupplier('2026-11-23T10:00:00Z'), priority('2026-11-23T11:00:00Z', 'p1')], '2026-11-23T11:30:00Z',
    [{ state: 'running', targetSeconds: 7200, elapsedSeconds: 5400, breachedAt: null, deadline: '2026-11-23T12:00:00Z' }]],
  ['resolved while waiting: the supplier goal is cancelled',
    [toSupplier('2026-11-23T10:00:00Z'), resolved('2026-11-23T11:00:00Z')], '2026-11-23T12:00:00Z',
    [{ state: 'cancelled', targetSeconds: 28800, elapsedSeconds: 3600, breachedAt: null, deadline: null }]],
  // The second cycle: 13:00–14:00 counted, 7 h left: 14–18, then Tuesday 08–11.
  ['waiting twice: two cycles',
    [toSupplier('2026-11-23T10:00:00Z'), fromSupplier('2026-11-23T11:00:00Z'), toSupplier('2026-11-23T13:00:00Z')], '2026-11-23T14:00:00Z',
    [
      { cycle: 1, state: 'completed', targetSeconds: 28800, elapsedSeconds: 3600, breachedAt: null, deadline: null },
      { cycle: 2, state: 'running', targetSeconds: 28800, elapsedSeconds: 3600, breachedAt: null, deadline: '2026-11-24T11:00:00Z' },
    ]],
];

describe('a supplier goal', () => {
  test.each(CASES)('%s', (_why, events, at, expected) => {
    const result = simulate(bundle, timeline(events), at);
    expect(result.supplierObligations).toHaveLength(expected.length);
    for (const { cycle = 1, ...fields } of expected) {
      expect(cycleOf(result, 'supplier-fix', cycle)).toMatchObject({ supplier: 'hoster', internal: true, ...fields });
    }
    // Apart: never among the customer's obligations, never the customer's next goal.
    expect(result.obligations.map((o) => o.goal)).toEqual(['response', 'resolution']);
    expect(result.next?.goal).not.toBe('supplier-fix');
  });

  test("the customer's obligations and next are exactly those of the same bundle without suppliers", () => {
    const events = [toSupplier('2026-11-23T10:00:00Z'), fromSupplier('2026-11-23T12:00:00Z')];
    const withoutSuppliers = { ...bundle, goals: bundle.goals.filter((g) => g.supplier === undefined), suppliers: undefined };
    const { supplierObligations, ...customerSide } = simulate(bundle, timeline(events), '2026-11-23T13:00:00Z');
    expect(supplierObligations).toHaveLength(1);
    expect(simulate(withoutSuppliers, timeline(events), '2026-11-23T13:00:00Z')).toEqual(customerSide);
  });

  test('no agreement: no obligations of either kind, and the list is still printed', () => {
    expect(simulate(bundle, timeline([toSupplier('2026-11-23T10:00:00Z')], 'nobody'), '2026-11-23T12:00:00Z')).toEqual({
      issue: 'SUP-9', agreement: null, obligations: [], supplierObligations: [], next: null,
    });
  });

  test("a customer's report never shows a supplier goal, not even with --internal", () => {
    const timelines = `${file({})}.jsonl`;
    writeFileSync(timelines, `${JSON.stringify(timeline([toSupplier('2026-11-23T10:00:00Z'), fromSupplier('2026-11-23T12:00:00Z'), resolved('2026-11-23T13:00:00Z')]))}\n`);
    const result = cli('report', '--config', file(bundle), '--timelines', timelines, '--agreement', 'acme-prod', '--month', '2026-11', '--internal');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { goals: Array<{ goal: string }>; cycles: Array<{ goal: string }> };
    expect(report.goals.map((g) => g.goal)).toEqual(['response', 'resolution']);
    expect(report.cycles.map((c) => c.goal)).toEqual(['response', 'resolution']);
  });
});
