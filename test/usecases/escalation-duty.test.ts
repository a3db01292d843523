// Which reached escalations a new computation of a request owes someone, from its obligations and the record it
// replaces: the rule that keeps the watch from notifying about old history, and from forgetting what it owes.
import type { PendingEscalation } from '../../src/adapters/storage/issue-record';
import type { Obligation } from '../../src/engine/types';
import { escalationDuty } from '../../src/usecases/escalation-duty';

const T = Date.parse('2026-11-26T09:00:00Z');
const MIN = 60_000;

function cycle(state: Obligation['state'], cycleNo: number, reached: Record<string, number | null>): Obligation {
  return {
    goal: 'response', cycle: cycleNo, internal: false, state, startedAt: T, endedAt: state === 'running' || state === 'paused' ? null : T + 40 * MIN,
    targetMs: 60 * MIN, elapsedMs: 40 * MIN, breached: false, breachedAt: null, reachedAt: null, deadline: null, calendar: 'always', pausedBy: null,
    escalations: Object.entries(reached).map(([id, reachedAt]) => ({ id, reachedAt, dueAt: null })),
  };
}
const owed = (id: string, reachedAt: number, cycleNo = 1, notBefore?: number): PendingEscalation => ({ goal: 'response', cycle: cycleNo, id, reachedAt, ...(notBefore !== undefined ? { notBefore } : {}) });

test.each([
  ['a first computation owes what open cycles reached, earliest first', [cycle('running', 1, { late: T + 30 * MIN, early: T + 10 * MIN, none: null })], undefined,
    { pending: [owed('early', T + 10 * MIN), owed('late', T + 30 * MIN)], sent: [] }],
  ['… but nothing of cycles that had already ended', [cycle('completed', 1, { half: T + 30 * MIN })], undefined, { pending: [], sent: [] }],
  ['what was sent stays sent while the cycle is open, and is forgotten once it closes',
    [cycle('running', 2, { half: T + 30 * MIN }), cycle('completed', 1, { half: T + 10 * MIN })],
    { computedAt: T + 35 * MIN, sentEscalations: ['response#2#half', 'response#1#half'] }, { pending: [], sent: ['response#2#half'] }],
  ['a cycle that reached a level and closed between two computations still owes it',
    [cycle('completed', 1, { half: T + 30 * MIN })], { computedAt: T + 20 * MIN }, { pending: [owed('half', T + 30 * MIN)], sent: [] }],
  ['… and keeps owing it, with its back-off, in later computations',
    [cycle('completed', 1, { half: T + 30 * MIN })], { computedAt: T + 50 * MIN, pendingEscalations: [owed('half', T + 30 * MIN, 1, T + 55 * MIN)] },
    { pending: [owed('half', T + 30 * MIN, 1, T + 55 * MIN)], sent: [] }],
  ['a level reached before the previous computation on a cycle now closed was not owed then and is not now',
    [cycle('completed', 1, { half: T + 10 * MIN })], { computedAt: T + 20 * MIN }, { pending: [], sent: [] }],
  ['a level no longer reached (the configuration raised it) is owed no more', [cycle('running', 1, { half: null })],
    { computedAt: T + 20 * MIN, pendingEscalations: [owed('half', T + 10 * MIN)] }, { pending: [], sent: [] }],
])('%s', (_name, obligations, previous, expected) => {
  expect(escalationDuty(obligations, previous)).toEqual(expected);
});
