// Obligation scenarios: one block per rule of spec §3 ("Obligations"), on calendars simple enough to check by hand.
// 2026-11-23 is a Monday. "office" is Mon–Fri 09:00–17:00 UTC, "always" is 24x7 UTC.
import { evaluate } from '../../src/engine/obligations';
import { toEvaluationJson } from '../../src/engine/simulate-json';
import type { ConfigBundle, Goal, Timeline, TimelineEvent } from '../../src/engine/types';

const ms = (iso: string): number => Date.parse(iso);
const weekdays = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] });
const allWeek = (hours: [string, string][]) => ({ ...weekdays(hours), sat: hours, sun: hours });

function goal(id: string, rules: Partial<Goal>): Goal {
  return { id, actionModel: 'standard', internal: false, start: [], stop: [], pause: [], resume: [], cancel: [], ...rules };
}

function bundle(overrides: Partial<ConfigBundle> = {}): ConfigBundle {
  return {
    version: 1,
    holidayCollections: [],
    calendars: [
      { id: 'office', timezone: 'UTC', week: weekdays([['09:00', '17:00']]), holidays: [] },
      { id: 'always', timezone: 'UTC', week: allWeek([['00:00', '24:00']]), holidays: [] },
      { id: 'cph', timezone: 'Europe/Copenhagen', week: allWeek([['00:00', '24:00']]), holidays: [] },
    ],
    priorityModels: [
      { id: 'numeric', priorities: [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }, { id: 'p3', rank: 3 }] },
    ],
    actions: [
      { id: 'created', when: { event: 'created' } },
      { id: 'agent-reply', when: { event: 'comment', visibility: 'public', author: 'agent' } },
      { id: 'customer-reply', when: { event: 'comment', author: 'customer' } },
      { id: 'work-started', when: { event: 'status', to: ['In Progress'] } },
      { id: 'resolved', when: { event: 'resolution', set: true } },
      { id: 'reopened', when: { event: 'resolution', set: false } },
      { id: 'on-hold', when: { event: 'field', field: 'Hold', to: ['yes'] } },
      { id: 'off-hold', when: { event: 'field', field: 'Hold', to: ['no'] } },
    ],
    actionModels: [{ id: 'standard', pauseInStatuses: ['Waiting for customer'] }],
    goals: [
      goal('response', { start: ['created'], stop: ['agent-reply'], cancel: ['resolved'] }),
      goal('resolution', { start: ['created', 'reopened'], stop: ['resolved'], pause: ['on-hold'], resume: ['off-hold'] }),
    ],
    customers: [{ id: 'acme', environments: [{ name: 'Production', products: [] }, { name: 'UAT', products: [] }] }],
    agreements: [
      {
        id: 'acme-prod', customer: 'acme', environment: 'Production', products: [], validFrom: '2026-01-01', validTo: null,
        priorityModel: 'numeric', calendar: 'office',
        targets: [
          { goal: 'response', priorities: ['p1'], target: 'PT1H', calendar: 'always' },
          { goal: 'response', priorities: ['p2'], target: 'PT4H' },
          { goal: 'resolution', priorities: ['p1'], target: 'PT2H' },
          { goal: 'resolution', priorities: ['p2'], target: 'PT8H' },
        ],
        escalations: [],
      },
    ],
    ...overrides,
  };
}

function timeline(events: TimelineEvent[], issue: Partial<Timeline['issue']> = {}): Timeline {
  return {
    issue: { key: 'SUP-1', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: events[0]?.at ?? 0, ...issue },
    events,
  };
}

const created = (iso: string, status = 'Open'): TimelineEvent => ({ at: ms(iso), type: 'created', status });
const comment = (iso: string, author: 'agent' | 'customer', visibility: 'public' | 'internal' = 'public'): TimelineEvent => ({ at: ms(iso), type: 'comment', author, visibility });
const status = (iso: string, to: string): TimelineEvent => ({ at: ms(iso), type: 'status', to });
const priority = (iso: string, to: string): TimelineEvent => ({ at: ms(iso), type: 'priority', to });
const resolution = (iso: string, to: string | null): TimelineEvent => ({ at: ms(iso), type: 'resolution', to });
const field = (iso: string, name: string, to: string): TimelineEvent => ({ at: ms(iso), type: 'field', field: name, to });

function run(config: ConfigBundle, t: Timeline, at: string) {
  return toEvaluationJson(evaluate(config, t, ms(at)));
}
const cycle = (result: ReturnType<typeof run>, goalId: string, n = 1) => {
  const found = result.obligations.find((o) => o.goal === goalId && o.cycle === n);
  if (!found) throw new Error(`no cycle ${n} of ${goalId} in ${JSON.stringify(result.obligations)}`);
  return found;
};

describe('agreement selection', () => {
  const second = (over: Partial<ConfigBundle['agreements'][number]>) => ({ ...bundle().agreements[0]!, ...over });

  test('customer and environment must both match; no agreement means no obligations', () => {
    const result = run(bundle(), timeline([created('2026-11-23T10:00:00Z')], { environment: 'UAT' }), '2026-11-23T11:00:00Z');
    expect(result).toEqual({ issue: 'SUP-1', agreement: null, obligations: [], next: null });
  });

  test('an agreement naming the product beats a catch-all listed before it', () => {
    const config = bundle({ agreements: [second({ id: 'any-product' }), second({ id: 'payroll', products: ['Payroll'] })] });
    expect(run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z').agreement).toBe('payroll');
  });

  test('an agreement for other products does not apply', () => {
    const config = bundle({ agreements: [second({ id: 'hr', products: ['HR'] }), second({ id: 'fallback' })] });
    expect(run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z').agreement).toBe('fallback');
  });

  test('among equals, the first listed wins', () => {
    const config = bundle({ agreements: [second({ id: 'first' }), second({ id: 'second' })] });
    expect(run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z').agreement).toBe('first');
  });

  test.each([
    // Creation instant, agreement validity, expected agreement. Validity dates are in the agreement calendar's zone.
    ['2026-06-30T23:59:59Z', '2026-07-01', null, null],
    ['2026-07-01T00:00:00Z', '2026-07-01', null, 'a'],
    ['2026-12-31T23:59:59Z', '2026-01-01', '2027-01-01', 'a'],
    ['2027-01-01T00:00:00Z', '2026-01-01', '2027-01-01', null],
  ])('created %s, valid %s to %s → %s', (createdAt, validFrom, validTo, expected) => {
    const config = bundle({ agreements: [second({ id: 'a', validFrom, validTo })] });
    expect(run(config, timeline([created(createdAt)]), createdAt).agreement).toBe(expected);
  });

  test('the creation date is read in the agreement calendar zone (23:30Z on 31 Dec is 1 Jan in Copenhagen)', () => {
    const config = bundle({ agreements: [second({ id: 'from-2027', calendar: 'cph', validFrom: '2027-01-01' })] });
    expect(run(config, timeline([created('2026-12-31T23:30:00Z')]), '2027-01-01T00:00:00Z').agreement).toBe('from-2027');
  });
});

describe('target rows', () => {
  test('the first row matching goal, request type and priority is used, with its own calendar', () => {
    const result = run(bundle(), timeline([created('2026-11-23T08:00:00Z')], { priority: 'p1' }), '2026-11-23T08:30:00Z');
    // p1 response is PT1H on "always": 30 minutes counted before the office opens.
    expect(cycle(result, 'response')).toMatchObject({ targetSeconds: 3600, elapsedSeconds: 1800, deadline: '2026-11-23T09:00:00Z' });
    // p1 resolution is PT2H on the agreement's "office" calendar: nothing counted before 09:00.
    expect(cycle(result, 'resolution')).toMatchObject({ targetSeconds: 7200, elapsedSeconds: 0, deadline: '2026-11-23T11:00:00Z' });
  });

  test('request types restrict a row', () => {
    const config = bundle();
    config.agreements[0]!.targets = [
      { goal: 'response', requestTypes: ['Service request'], target: 'PT8H' },
      { goal: 'response', target: 'PT2H' },
    ];
    const result = run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z');
    expect(cycle(result, 'response').targetSeconds).toBe(7200);
  });

  test('a goal without a matching row is not tracked', () => {
    const result = run(bundle(), timeline([created('2026-11-23T10:00:00Z')], { priority: 'p3' }), '2026-11-23T12:00:00Z');
    expect(result.obligations).toEqual([]);
    expect(result.next).toBeNull();
  });

  test('a priority change re-targets the running cycle; elapsed time carries over in the calendar it was counted in', () => {
    const t = timeline([created('2026-11-23T16:00:00Z'), priority('2026-11-23T18:00:00Z', 'p1')]);
    const result = run(bundle(), t, '2026-11-23T18:30:00Z');
    // p2 on office: 16:00–17:00 = 1 h; then p1 on always: 18:00–18:30 = 30 min (17:00–18:00 still office, closed).
    expect(cycle(result, 'response')).toMatchObject({ targetSeconds: 3600, elapsedSeconds: 5400, breached: true, breachedAt: '2026-11-23T18:00:00Z' });
  });

  test('when no row matches the new priority, the cycle keeps its last target and calendar', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), priority('2026-11-23T11:00:00Z', 'p3')]);
    const result = run(bundle(), t, '2026-11-23T12:00:00Z');
    expect(cycle(result, 'response')).toMatchObject({ state: 'running', targetSeconds: 14400, elapsedSeconds: 7200, deadline: '2026-11-23T14:00:00Z' });
  });

  test('a priority change never opens a cycle that found no row at its start', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), priority('2026-11-23T11:00:00Z', 'p1')], { priority: 'p3' });
    expect(run(bundle(), t, '2026-11-23T12:00:00Z').obligations).toEqual([]);
  });

  test('raising the target again clears a breach that the lower target caused', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), priority('2026-11-23T12:00:00Z', 'p1'), priority('2026-11-23T12:30:00Z', 'p2')]);
    const result = run(bundle(), t, '2026-11-23T13:00:00Z');
    expect(cycle(result, 'response')).toMatchObject({ targetSeconds: 14400, elapsedSeconds: 10800, breached: false, breachedAt: null, deadline: '2026-11-23T14:00:00Z' });
  });
});

describe('actions', () => {
  test('stop completes a cycle; the deadline and next goal then move on', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T10:20:00Z', 'agent')]);
    const result = run(bundle(), t, '2026-11-23T11:00:00Z');
    expect(cycle(result, 'response')).toMatchObject({ state: 'completed', endedAt: '2026-11-23T10:20:00Z', elapsedSeconds: 1200, remainingSeconds: 13200, deadline: null });
    expect(result.next).toEqual({ goal: 'resolution', cycle: 1, deadline: '2026-11-24T10:00:00Z' });
  });

  test('an internal comment or a customer comment does not stop "agent replied publicly"', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T10:20:00Z', 'agent', 'internal'), comment('2026-11-23T10:30:00Z', 'customer')]);
    expect(cycle(run(bundle(), t, '2026-11-23T11:00:00Z'), 'response').state).toBe('running');
  });

  test('cancel wins over stop on the same event', () => {
    const config = bundle();
    config.goals[0] = goal('response', { start: ['created'], stop: ['resolved'], cancel: ['resolved'] });
    const t = timeline([created('2026-11-23T10:00:00Z'), resolution('2026-11-23T10:30:00Z', 'Done')]);
    expect(cycle(run(config, t, '2026-11-23T11:00:00Z'), 'response')).toMatchObject({ state: 'cancelled', endedAt: '2026-11-23T10:30:00Z' });
  });

  test('one event closes a cycle and opens the next (recurring "keep informed")', () => {
    const config = bundle();
    config.goals.push(goal('update', { start: ['created', 'agent-reply'], stop: ['agent-reply'], cancel: ['resolved'] }));
    config.agreements[0]!.targets.push({ goal: 'update', target: 'PT2H' });
    const t = timeline([
      created('2026-11-23T10:00:00Z'),
      comment('2026-11-23T11:00:00Z', 'agent'),
      comment('2026-11-23T12:30:00Z', 'agent'),
      resolution('2026-11-23T13:00:00Z', 'Done'),
    ]);
    const updates = run(config, t, '2026-11-23T14:00:00Z').obligations.filter((o) => o.goal === 'update');
    expect(updates.map((o) => [o.cycle, o.state, o.startedAt, o.endedAt, o.elapsedSeconds])).toEqual([
      [1, 'completed', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z', 3600],
      [2, 'completed', '2026-11-23T11:00:00Z', '2026-11-23T12:30:00Z', 5400],
      [3, 'cancelled', '2026-11-23T12:30:00Z', '2026-11-23T13:00:00Z', 1800],
    ]);
  });

  test('a start while a cycle is open does not open another', () => {
    const config = bundle();
    config.goals[0] = goal('response', { start: ['created', 'customer-reply'], stop: ['agent-reply'] });
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T10:30:00Z', 'customer')]);
    const result = run(config, t, '2026-11-23T11:00:00Z');
    expect(result.obligations.filter((o) => o.goal === 'response')).toHaveLength(1);
    expect(cycle(result, 'response')).toMatchObject({ startedAt: '2026-11-23T10:00:00Z', elapsedSeconds: 3600 });
  });

  test('resolve then reopen starts a second resolution cycle', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), resolution('2026-11-23T11:00:00Z', 'Done'), resolution('2026-11-23T15:00:00Z', null)]);
    const result = run(bundle(), t, '2026-11-23T16:00:00Z');
    expect(cycle(result, 'resolution', 1)).toMatchObject({ state: 'completed', elapsedSeconds: 3600 });
    expect(cycle(result, 'resolution', 2)).toMatchObject({ state: 'running', startedAt: '2026-11-23T15:00:00Z', elapsedSeconds: 3600, deadline: '2026-11-24T15:00:00Z' });
    // The response cycle was cancelled by the resolution and reopening does not restart it.
    expect(result.obligations.filter((o) => o.goal === 'response').map((o) => o.state)).toEqual(['cancelled']);
  });

  test('pause and resume actions park and release the clock', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), field('2026-11-23T11:00:00Z', 'Hold', 'yes'), field('2026-11-23T14:00:00Z', 'Hold', 'no')]);
    const paused = run(bundle(), t, '2026-11-23T12:00:00Z');
    expect(cycle(paused, 'resolution')).toMatchObject({ state: 'paused', elapsedSeconds: 3600, deadline: null });
    const resumed = run(bundle(), t, '2026-11-23T15:00:00Z');
    expect(cycle(resumed, 'resolution')).toMatchObject({ state: 'running', elapsedSeconds: 7200, deadline: '2026-11-24T13:00:00Z' });
  });

  test('a parking status of the action model pauses every goal of the model until the status changes', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), status('2026-11-23T10:30:00Z', 'Waiting for customer'), status('2026-11-23T13:30:00Z', 'In Progress')]);
    const during = run(bundle(), t, '2026-11-23T12:00:00Z');
    expect(cycle(during, 'response')).toMatchObject({ state: 'paused', elapsedSeconds: 1800, deadline: null });
    const after = run(bundle(), t, '2026-11-23T14:00:00Z');
    expect(cycle(after, 'response')).toMatchObject({ state: 'running', elapsedSeconds: 3600, deadline: '2026-11-23T17:00:00Z' });
  });

  test('an issue created straight into a parking status starts paused', () => {
    const t = timeline([created('2026-11-23T10:00:00Z', 'Waiting for customer')]);
    expect(cycle(run(bundle(), t, '2026-11-23T12:00:00Z'), 'response')).toMatchObject({ state: 'paused', elapsedSeconds: 0 });
  });

  test('events after the evaluation instant are ignored', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T12:00:00Z', 'agent')]);
    expect(cycle(run(bundle(), t, '2026-11-23T11:00:00Z'), 'response')).toMatchObject({ state: 'running', elapsedSeconds: 3600 });
    expect(cycle(run(bundle(), t, '2026-11-23T12:00:00Z'), 'response')).toMatchObject({ state: 'completed', elapsedSeconds: 7200 });
  });
});

describe('breaches, deadlines and the next goal', () => {
  test('elapsed equal to the target is not a breach; one second more is, since the instant it was reached', () => {
    const t = timeline([created('2026-11-23T10:00:00Z')], { priority: 'p1' });
    expect(cycle(run(bundle(), t, '2026-11-23T11:00:00Z'), 'response')).toMatchObject({ breached: false, breachedAt: null, remainingSeconds: 0 });
    expect(cycle(run(bundle(), t, '2026-11-23T11:00:01Z'), 'response')).toMatchObject({
      breached: true, breachedAt: '2026-11-23T11:00:00Z', deadline: '2026-11-23T11:00:00Z', remainingSeconds: -1,
    });
  });

  test('a target reached exactly at closing time breaches at that closing instant', () => {
    const t = timeline([created('2026-11-23T13:00:00Z')]);
    // p2 response is PT4H on office: reached at 17:00 Monday, exceeded from 09:00 Tuesday.
    const result = run(bundle(), t, '2026-11-24T10:00:00Z');
    expect(cycle(result, 'response')).toMatchObject({ breached: true, breachedAt: '2026-11-23T17:00:00Z', elapsedSeconds: 18000 });
  });

  test('a completed cycle keeps its breach; a completed cycle within target has none', () => {
    const late = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T15:00:00Z', 'agent')]);
    expect(cycle(run(bundle(), late, '2026-11-25T00:00:00Z'), 'response')).toMatchObject({
      state: 'completed', breached: true, breachedAt: '2026-11-23T14:00:00Z', elapsedSeconds: 18000, remainingSeconds: -3600, deadline: null,
    });
  });

  test('a priority change that lowers the target below elapsed time breaches at the change', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), priority('2026-11-23T13:00:00Z', 'p1')]);
    const result = run(bundle(), t, '2026-11-23T13:10:00Z');
    expect(cycle(result, 'resolution')).toMatchObject({ targetSeconds: 7200, elapsedSeconds: 11400, breached: true, breachedAt: '2026-11-23T13:00:00Z', deadline: '2026-11-23T13:00:00Z' });
  });

  test('the next goal is the running cycle with the earliest deadline', () => {
    const result = run(bundle(), timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z');
    expect(result.next).toEqual({ goal: 'response', cycle: 1, deadline: '2026-11-23T14:00:00Z' });
  });

  test('equal deadlines go to the goal listed first in the bundle', () => {
    const config = bundle();
    config.agreements[0]!.targets = [{ goal: 'response', target: 'PT2H' }, { goal: 'resolution', target: 'PT2H' }];
    config.goals.reverse();
    const result = run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z');
    expect(result.next).toEqual({ goal: 'resolution', cycle: 1, deadline: '2026-11-23T12:00:00Z' });
    expect(result.obligations.map((o) => o.goal)).toEqual(['resolution', 'response']);
  });

  test('when nothing runs, the next goal is the first paused cycle, without a deadline', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), status('2026-11-23T10:30:00Z', 'Waiting for customer')]);
    expect(run(bundle(), t, '2026-11-23T12:00:00Z').next).toEqual({ goal: 'response', cycle: 1, deadline: null });
  });

  test('when nothing is open, there is no next goal', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T10:10:00Z', 'agent'), resolution('2026-11-23T10:20:00Z', 'Done')]);
    expect(run(bundle(), t, '2026-11-23T12:00:00Z').next).toBeNull();
  });

  test('equal instants keep their order: a reply and a resolution at the same second', () => {
    const t = timeline([created('2026-11-23T10:00:00Z'), comment('2026-11-23T10:10:00Z', 'agent'), resolution('2026-11-23T10:10:00Z', 'Done')]);
    expect(cycle(run(bundle(), t, '2026-11-23T11:00:00Z'), 'response').state).toBe('completed');
    const swapped = timeline([created('2026-11-23T10:00:00Z'), resolution('2026-11-23T10:10:00Z', 'Done'), comment('2026-11-23T10:10:00Z', 'agent')]);
    expect(cycle(run(bundle(), swapped, '2026-11-23T11:00:00Z'), 'response').state).toBe('cancelled');
  });

  test('a deadline that falls outside opening hours is carried to the next opening', () => {
    const t = timeline([created('2026-11-27T15:00:00Z')]);
    // Friday 15:00 + PT4H on office: 2 h on Friday, 2 h on Monday.
    expect(cycle(run(bundle(), t, '2026-11-27T15:00:00Z'), 'response').deadline).toBe('2026-11-30T11:00:00Z');
  });
});

test('internal goals are marked internal', () => {
  const config = bundle();
  config.goals.push(goal('triage', { internal: true, start: ['created'], stop: ['work-started'] }));
  config.agreements[0]!.targets.push({ goal: 'triage', target: 'PT30M' });
  const result = run(config, timeline([created('2026-11-23T10:00:00Z')]), '2026-11-23T10:00:00Z');
  expect(cycle(result, 'triage')).toMatchObject({ internal: true, deadline: '2026-11-23T10:30:00Z' });
  expect(cycle(result, 'response').internal).toBe(false);
});

test('paused cycles say why', () => {
  const t = timeline([created('2026-11-23T10:00:00Z'), field('2026-11-23T11:00:00Z', 'Hold', 'yes'), status('2026-11-23T11:30:00Z', 'Waiting for customer')]);
  const result = evaluate(bundle(), t, ms('2026-11-23T12:00:00Z'));
  expect(result.obligations.map((o) => [o.goal, o.pausedBy])).toEqual([
    ['response', { kind: 'status', status: 'Waiting for customer' }],
    ['resolution', { kind: 'action', action: 'on-hold' }],
  ]);
});
