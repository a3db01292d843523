// Escalations (spec §3, v1.1) as `simulate` prints them: small bundles and timelines written to files, each case worked
// out by hand in its comment. 2026-11-23 is a Monday; Copenhagen is UTC+1 in November.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-escalations-'));
let files = 0;

function file(content: unknown): string {
  const target = path.join(scratch, `${++files}.json`);
  writeFileSync(target, JSON.stringify(content));
  return target;
}

function simulate(bundle: unknown, timeline: unknown, at: string): SimulateJson {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['simulate', '--config', file(bundle), '--timeline', file(timeline), '--at', at], (t) => out.push(String(t)), (t) => err.push(t));
  if (code !== 0) throw new Error(`simulate exited ${code}:\n${err.join('\n')}`);
  return JSON.parse(out.join('\n')) as SimulateJson;
}

interface SimulateJson {
  obligations: Array<{
    goal: string;
    cycle: number;
    state: string;
    deadline: string | null;
    breachedAt: string | null;
    escalations: Array<{ id: string; reachedAt: string | null; dueAt: string | null }>;
  }>;
}

type Hours = Array<[string, string]>;
const daily = (hours: Hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
const weekdays = (hours: Hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });

type When = { elapsedPercent: number } | { remaining: string } | { overdue: string };
type Target = { priorities?: string[]; target: string; goal?: string };

function bundle(calendar: string, targets: Target[], escalations: Array<[string, When, string?]>): unknown {
  return {
    version: 1,
    calendars: [
      { id: 'always', timezone: 'UTC', week: daily([['00:00', '24:00']]) },
      { id: 'office', timezone: 'UTC', week: weekdays([['09:00', '17:00']]) },
      // An overnight window, written as two intervals on each day.
      { id: 'cph-night', timezone: 'Europe/Copenhagen', week: daily([['00:00', '06:00'], ['22:00', '24:00']]) },
      { id: 'ny-night', timezone: 'America/New_York', week: daily([['00:00', '06:00']]) },
    ],
    priorityModels: [{ id: 'numeric', priorities: [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }] }],
    actions: [
      { id: 'created', when: { event: 'created' } },
      { id: 'agent-reply', when: { event: 'comment', visibility: 'public', author: 'agent' } },
      { id: 'resolved', when: { event: 'resolution', set: true } },
      { id: 'reopened', when: { event: 'resolution', set: false } },
    ],
    actionModels: [{ id: 'standard', pauseInStatuses: ['Waiting for customer'] }],
    goals: [
      { id: 'response', actionModel: 'standard', start: ['created'], stop: ['agent-reply'], cancel: ['resolved'] },
      { id: 'resolution', actionModel: 'standard', start: ['created', 'reopened'], stop: ['resolved'] },
    ],
    customers: [{ id: 'acme', environments: [{ name: 'Production' }] }],
    agreements: [
      {
        id: 'acme-prod', customer: 'acme', environment: 'Production', validFrom: '2026-01-01', priorityModel: 'numeric', calendar,
        targets: targets.map(({ goal = 'resolution', ...row }) => ({ goal, ...row })),
        escalations: escalations.map(([id, when, goal = 'resolution']) => ({ id, goal, when, notify: ['assignee'] })),
      },
    ],
  };
}

const created = (at: string) => ({ at, type: 'created', status: 'Open' });
const status = (at: string, to: string) => ({ at, type: 'status', to });
const priority = (at: string, to: string) => ({ at, type: 'priority', to });
const resolved = (at: string) => ({ at, type: 'resolution', to: 'Done' });
const reopened = (at: string) => ({ at, type: 'resolution', to: null });
const reply = (at: string) => ({ at, type: 'comment', visibility: 'public', author: 'agent' });

function timeline(first: string, events: object[], initialPriority = 'p2'): unknown {
  return {
    issue: { key: 'ESC-1', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: initialPriority, created: first },
    events: [created(first), ...events],
  };
}

interface Case {
  calendar: string;
  targets: Target[];
  escalations: Array<[string, When, string?]>;
  priority?: string;
  created: string;
  events?: object[];
  at: string;
  goal?: string;
  cycle?: number;
  /** The cycle's state, then each escalation as [id, reachedAt, dueAt]; deadline/breachedAt when they matter. */
  state: string;
  expected: Array<[string, string | null, string | null]>;
  deadline?: string | null;
  breachedAt?: string | null;
}

const ONE_HOUR = [{ target: 'PT1H' }];
const P1_1H_P2_4H = [{ priorities: ['p1'], target: 'PT1H' }, { priorities: ['p2'], target: 'PT4H' }];
// Pause from 09:20 to 10:00 of a 1 h cycle started at 09:00: 20 min counted before, the rest after.
const PAUSED_AT_20_MIN = [status('2026-11-23T09:20:00Z', 'Waiting for customer'), status('2026-11-23T10:00:00Z', 'In Progress')];
const RAISED_AT_40_MIN = [priority('2026-11-23T09:40:00Z', 'p2')];

const CASES: Array<[string, Case]> = [
  // 33 % of 3600 s = 1188 s = 19:48; 33.3 % = 1198.8 s, rounded down to 1198 s = 19:58.
  ['a share of the target rounds down to a whole second; due while running',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['p33', { elapsedPercent: 33 }], ['p33.3', { elapsedPercent: 33.3 }]], created: '2026-11-23T09:00:00Z', at: '2026-11-23T09:10:00Z',
      state: 'running', expected: [['p33', null, '2026-11-23T09:19:48Z'], ['p33.3', null, '2026-11-23T09:19:58Z']] }],
  ['… and is reached at that second',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['p33', { elapsedPercent: 33 }], ['p33.3', { elapsedPercent: 33.3 }]], created: '2026-11-23T09:00:00Z', at: '2026-11-23T09:30:00Z',
      state: 'running', expected: [['p33', '2026-11-23T09:19:48Z', null], ['p33.3', '2026-11-23T09:19:58Z', null]] }],
  // 33.3 % of 1000 s is exactly 333 s (binary floating point makes it 332.99…).
  ['a share that is an exact whole second is not rounded down below it',
    { calendar: 'always', targets: [{ target: 'PT1000S' }], escalations: [['p33.3', { elapsedPercent: 33.3 }]], created: '2026-11-23T09:00:00Z', at: '2026-11-23T09:10:00Z',
      state: 'running', expected: [['p33.3', '2026-11-23T09:05:33Z', null]] }],

  // 50 % = 30 min: 20 min before the pause, the other 10 min after it ends at 10:00.
  ['paused: neither reached nor due',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['half', { elapsedPercent: 50 }]], created: '2026-11-23T09:00:00Z', events: PAUSED_AT_20_MIN, at: '2026-11-23T09:40:00Z',
      state: 'paused', expected: [['half', null, null]], deadline: null }],
  ['a pause straddling the threshold moves it by the paused time',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['half', { elapsedPercent: 50 }]], created: '2026-11-23T09:00:00Z', events: PAUSED_AT_20_MIN, at: '2026-11-23T10:05:00Z',
      state: 'running', expected: [['half', null, '2026-11-23T10:10:00Z']] }],
  // 40 min remaining of 1 h = 20 min: reached at 09:20, the instant the pause starts.
  ['reached after the pause; one reached exactly as the pause began keeps that instant',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['half', { elapsedPercent: 50 }], ['rem40', { remaining: 'PT40M' }]], created: '2026-11-23T09:00:00Z', events: PAUSED_AT_20_MIN, at: '2026-11-23T11:00:00Z',
      state: 'running', expected: [['half', '2026-11-23T10:10:00Z', null], ['rem40', '2026-11-23T09:20:00Z', null]] }],

  // p2 (4 h) → p1 (1 h) at 10:00 with 60 min elapsed: 75 % becomes 45 min and the deadline 60 min, both at or below
  // the elapsed time, so both are reached at 10:00 (not at 09:45); overdue 1 h becomes 2 h: due at 11:00.
  ['a lower target reaches the levels it puts at or below the elapsed time at the change',
    { calendar: 'always', targets: P1_1H_P2_4H, escalations: [['p75', { elapsedPercent: 75 }], ['due', { overdue: 'PT0S' }], ['late1h', { overdue: 'PT1H' }]],
      created: '2026-11-23T09:00:00Z', events: [priority('2026-11-23T10:00:00Z', 'p1')], at: '2026-11-23T10:30:00Z',
      state: 'running', expected: [['p75', '2026-11-23T10:00:00Z', null], ['due', '2026-11-23T10:00:00Z', null], ['late1h', null, '2026-11-23T11:00:00Z']],
      deadline: '2026-11-23T10:00:00Z', breachedAt: '2026-11-23T10:00:00Z' }],
  // Paused at 09:50 with 50 min elapsed; p1 at 10:00 makes 75 % 45 min: reached at the change, though nothing counts.
  ['a lower target reaches a level at the change even while paused',
    { calendar: 'always', targets: P1_1H_P2_4H, escalations: [['p75', { elapsedPercent: 75 }], ['due', { overdue: 'PT0S' }]],
      created: '2026-11-23T09:00:00Z', events: [status('2026-11-23T09:50:00Z', 'Waiting for customer'), priority('2026-11-23T10:00:00Z', 'p1')], at: '2026-11-23T10:30:00Z',
      state: 'paused', expected: [['p75', '2026-11-23T10:00:00Z', null], ['due', null, null]], deadline: null }],
  // p2 (4 h): 25 % = 1 h, reached at 10:00; p1 at 10:30 makes it 15 min, but it was reached at 10:00 and stays so.
  ['a lower target leaves a reached level at the instant it was reached',
    { calendar: 'always', targets: P1_1H_P2_4H, escalations: [['p25', { elapsedPercent: 25 }]],
      created: '2026-11-23T09:00:00Z', events: [priority('2026-11-23T10:30:00Z', 'p1')], at: '2026-11-23T10:45:00Z',
      state: 'running', expected: [['p25', '2026-11-23T10:00:00Z', null]] }],
  // p1 (1 h): 50 % = 30 min reached at 09:30; p2 (4 h) at 09:40: 50 % = 2 h is above the elapsed 40 min, but the level
  // stays reached; 75 % (45 min, not reached) becomes 3 h: due 2 h 20 min after 09:40.
  ['a higher target keeps a reached level and moves an unreached one later',
    { calendar: 'always', targets: P1_1H_P2_4H, priority: 'p1', escalations: [['half', { elapsedPercent: 50 }], ['p75', { elapsedPercent: 75 }]],
      created: '2026-11-23T09:00:00Z', events: RAISED_AT_40_MIN, at: '2026-11-23T10:00:00Z',
      state: 'running', expected: [['half', '2026-11-23T09:30:00Z', null], ['p75', null, '2026-11-23T12:00:00Z']] }],
  ['… which is then reached at its new threshold',
    { calendar: 'always', targets: P1_1H_P2_4H, priority: 'p1', escalations: [['half', { elapsedPercent: 50 }], ['p75', { elapsedPercent: 75 }]],
      created: '2026-11-23T09:00:00Z', events: RAISED_AT_40_MIN, at: '2026-11-23T12:30:00Z',
      state: 'running', expected: [['half', '2026-11-23T09:30:00Z', null], ['p75', '2026-11-23T12:00:00Z', null]] }],

  // Cycle 1: 09:00–09:40, 50 % reached at 09:30. Cycle 2 from the reopening at 10:00: its own 30 min, due 10:30.
  ['a completed first cycle keeps its reached level',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['half', { elapsedPercent: 50 }]], created: '2026-11-23T09:00:00Z',
      events: [resolved('2026-11-23T09:40:00Z'), reopened('2026-11-23T10:00:00Z')], at: '2026-11-23T10:10:00Z', cycle: 1,
      state: 'completed', expected: [['half', '2026-11-23T09:30:00Z', null]] }],
  ['a reopened cycle has escalations of its own',
    { calendar: 'always', targets: ONE_HOUR, escalations: [['half', { elapsedPercent: 50 }]], created: '2026-11-23T09:00:00Z',
      events: [resolved('2026-11-23T09:40:00Z'), reopened('2026-11-23T10:00:00Z')], at: '2026-11-23T10:10:00Z', cycle: 2,
      state: 'running', expected: [['half', null, '2026-11-23T10:30:00Z']] }],

  // Open 22:00–06:00 Copenhagen (21:00–05:00 UTC) as one window across midnight. Created 12:00 UTC, closed: 2 h
  // (50 % of 4 h) from 21:00 is 23:00 UTC, 3 h 30 (30 min remaining) is 00:30, 5 h (1 h overdue) is 02:00.
  ['an overnight window: due while closed, counted from its opening',
    { calendar: 'cph-night', targets: [{ target: 'PT4H' }], escalations: [['half', { elapsedPercent: 50 }], ['rem30', { remaining: 'PT30M' }], ['late1h', { overdue: 'PT1H' }]],
      created: '2026-11-23T12:00:00Z', at: '2026-11-23T15:00:00Z',
      state: 'running', expected: [['half', null, '2026-11-23T23:00:00Z'], ['rem30', null, '2026-11-24T00:30:00Z'], ['late1h', null, '2026-11-24T02:00:00Z']] }],
  ['an overnight window: reached across local midnight',
    { calendar: 'cph-night', targets: [{ target: 'PT4H' }], escalations: [['half', { elapsedPercent: 50 }], ['rem30', { remaining: 'PT30M' }], ['late1h', { overdue: 'PT1H' }]],
      created: '2026-11-23T12:00:00Z', at: '2026-11-24T01:00:00Z',
      state: 'running', expected: [['half', '2026-11-23T23:00:00Z', null], ['rem30', '2026-11-24T00:30:00Z', null], ['late1h', null, '2026-11-24T02:00:00Z']] }],

  // Copenhagen falls back on 25 October 2026 (03:00 CEST → 02:00 CET): 00:00–06:00 that night lasts 7 real hours,
  // 22:00 UTC on the 24th to 05:00 UTC. 75 % of 8 h = 6 h → 04:00 UTC (05:00 local, not 06:00); the deadline
  // (overdue PT0S) needs 1 h more, from 22:00 CET (21:00 UTC) on the 25th.
  ['a fall-back night counts its extra hour',
    { calendar: 'cph-night', targets: [{ target: 'PT8H' }], escalations: [['p75', { elapsedPercent: 75 }], ['due', { overdue: 'PT0S' }]],
      created: '2026-10-24T22:00:00Z', at: '2026-10-24T23:00:00Z',
      state: 'running', expected: [['p75', null, '2026-10-25T04:00:00Z'], ['due', null, '2026-10-25T22:00:00Z']], deadline: '2026-10-25T22:00:00Z' }],
  // New York springs forward on 8 March 2026 (02:00 EST → 03:00 EDT): 00:00–06:00 lasts 5 real hours, 05:00 to 10:00
  // UTC. 50 % of 8 h = 4 h → 09:00 UTC; the remaining 3 h of the deadline from 00:00 EDT (04:00 UTC) on the 9th.
  ['a spring-forward night lacks an hour',
    { calendar: 'ny-night', targets: [{ target: 'PT8H' }], escalations: [['half', { elapsedPercent: 50 }], ['due', { overdue: 'PT0S' }]],
      created: '2026-03-08T05:00:00Z', at: '2026-03-09T08:00:00Z',
      state: 'running', expected: [['half', '2026-03-08T09:00:00Z', null], ['due', '2026-03-09T07:00:00Z', null]], breachedAt: '2026-03-09T07:00:00Z' }],

  // Office Mon–Fri 09–17 UTC, 2 h from Friday 16:00: 1 h on Friday, 1 h on Monday → 10:00.
  ['overdue PT0S is due at the deadline',
    { calendar: 'office', targets: [{ target: 'PT2H' }], escalations: [['due', { overdue: 'PT0S' }]], created: '2026-11-27T16:00:00Z', at: '2026-11-27T16:30:00Z',
      state: 'running', expected: [['due', null, '2026-11-30T10:00:00Z']], deadline: '2026-11-30T10:00:00Z' }],
  ['overdue PT0S is reached when the cycle breaches',
    { calendar: 'office', targets: [{ target: 'PT2H' }], escalations: [['due', { overdue: 'PT0S' }]], created: '2026-11-27T16:00:00Z', at: '2026-11-30T11:00:00Z',
      state: 'running', expected: [['due', '2026-11-30T10:00:00Z', null]], breachedAt: '2026-11-30T10:00:00Z' }],
  // 1 h from Friday 16:00 is reached as the office closes at 17:00, not at Monday's opening.
  ['a threshold reached at closing time is reached at that closing instant',
    { calendar: 'office', targets: ONE_HOUR, escalations: [['all', { elapsedPercent: 100 }]], created: '2026-11-27T16:00:00Z', at: '2026-11-28T12:00:00Z',
      state: 'running', expected: [['all', '2026-11-27T17:00:00Z', null]] }],
  // 2 h remaining of a 1 h target: E = 0, reached as the cycle starts, on a closed Saturday.
  ['remaining more than the target is reached at the start',
    { calendar: 'office', targets: ONE_HOUR, escalations: [['rem2h', { remaining: 'PT2H' }], ['rem1h', { remaining: 'PT1H' }]], created: '2026-11-28T10:00:00Z', at: '2026-11-28T11:00:00Z',
      state: 'running', expected: [['rem2h', '2026-11-28T10:00:00Z', null], ['rem1h', '2026-11-28T10:00:00Z', null]] }],

  // Response, 1 h: the reply at 09:20 ends the cycle with 20 min counted; its 50 % is never reached.
  ['a closed cycle reaches nothing after its end',
    { calendar: 'always', targets: [{ goal: 'response', target: 'PT1H' }], escalations: [['half', { elapsedPercent: 50 }, 'response']], created: '2026-11-23T09:00:00Z',
      events: [reply('2026-11-23T09:20:00Z')], at: '2026-11-23T12:00:00Z', goal: 'response',
      state: 'completed', expected: [['half', null, null]] }],
  ['a threshold reached at the very end of a cycle counts',
    { calendar: 'always', targets: [{ goal: 'response', target: 'PT1H' }], escalations: [['half', { elapsedPercent: 50 }, 'response']], created: '2026-11-23T09:00:00Z',
      events: [reply('2026-11-23T09:30:00Z')], at: '2026-11-23T12:00:00Z', goal: 'response',
      state: 'completed', expected: [['half', '2026-11-23T09:30:00Z', null]] }],
];

describe('simulate prints each escalation of each cycle as the spec defines it', () => {
  test.each(CASES)('%s', (_name, c) => {
    const result = simulate(bundle(c.calendar, c.targets, c.escalations), timeline(c.created, c.events ?? [], c.priority), c.at);
    const obligation = result.obligations.find((o) => o.goal === (c.goal ?? 'resolution') && o.cycle === (c.cycle ?? 1));
    expect(obligation).toBeDefined();
    expect(obligation!.state).toBe(c.state);
    expect(obligation!.escalations).toStrictEqual(c.expected.map(([id, reachedAt, dueAt]) => ({ id, reachedAt, dueAt })));
    if (c.deadline !== undefined) expect(obligation!.deadline).toBe(c.deadline);
    if (c.breachedAt !== undefined) expect(obligation!.breachedAt).toBe(c.breachedAt);
  });

  test('goals without escalations print an empty list; escalations follow the agreement order, not the goals', () => {
    const config = bundle('always', [{ goal: 'response', target: 'PT1H' }, { target: 'PT4H' }], [['r2', { overdue: 'PT1H' }], ['r1', { elapsedPercent: 10 }]]);
    const result = simulate(config, timeline('2026-11-23T09:00:00Z', []), '2026-11-23T09:30:00Z');
    expect(result.obligations.map((o) => [o.goal, o.escalations.map((e) => e.id)])).toEqual([['response', []], ['resolution', ['r2', 'r1']]]);
    expect(result.obligations[1]!.escalations).toEqual([
      { id: 'r2', reachedAt: null, dueAt: '2026-11-23T14:00:00Z' },
      { id: 'r1', reachedAt: '2026-11-23T09:24:00Z', dueAt: null },
    ]);
  });
});

describe('the worked examples without escalations', () => {
  const examples = path.join(__dirname, '../../examples');
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(examples, name), 'utf8'));
  const withoutEscalations = read('config.json') as { agreements: Array<{ escalations?: unknown }> };
  delete withoutEscalations.agreements[0]!.escalations;

  test.each(['sup-17-at-2026-11-23T085000Z.json', 'sup-17-at-2026-11-23T140000Z.json', 'sup-17-at-2026-11-24T110000Z.json'])(
    '%s: every other field as before, escalations empty',
    (name) => {
      const example = read(name) as { at: string; expected: SimulateJson };
      const expected = { ...example.expected, obligations: example.expected.obligations.map((o) => ({ ...o, escalations: [] })) };
      expect(simulate(withoutEscalations, read('timeline-sup-17.json'), example.at)).toStrictEqual(expected);
    },
  );
});

test('validate names every broken escalation by its path', () => {
  const broken = bundle('always', ONE_HOUR, [['half', { elapsedPercent: 150 }], ['half', { overdue: 'P1W' }, 'update']]);
  const err: string[] = [];
  const config = file(broken);
  expect(main(['validate', '--config', config], () => undefined, (t) => err.push(t))).toBe(2);
  expect(err.join('\n').split('\n')).toEqual([
    `${config}: agreements[0].escalations[0].when.elapsedPercent: 150 is not a percentage above 0 and at most 100`,
    `${config}: agreements[0].escalations[1].when.overdue: duration "P1W" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H`,
    `${config}: agreements[0].escalations[1].id: duplicate id "half" (also agreements[0].escalations[0])`,
    `${config}: agreements[0].escalations[1].goal: unknown goal "update"; known: response, resolution`,
  ]);
});
