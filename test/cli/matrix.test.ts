// The priority matrix (formats.md §6) through `simulate`: impact and urgency answers become priority changes that
// re-target open cycles exactly as a priority event would. A 24x7 UTC calendar keeps the arithmetic plain: every
// request is created Monday 2026-11-23 09:00Z; resolution targets are p1 1 h, p2 4 h, p3 8 h, p4 16 h.
import { created, cycleOf, daily, impact, priority, simulate, urgency } from './contract-cli';

const PRIORITIES = [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }, { id: 'p3', rank: 3 }, { id: 'p4', rank: 4 }];

const bundle = {
  version: 1,
  calendars: [{ id: 'always', timezone: 'UTC', week: daily([['00:00', '24:00']]) }],
  priorityModels: [
    {
      id: 'itil',
      priorities: PRIORITIES,
      matrix: {
        impact: [{ id: 'company', label: 'The whole company' }, { id: 'department', label: 'My department' }, { id: 'person', label: 'Just me' }],
        urgency: [{ id: 'now', label: 'Work has stopped' }, { id: 'today', label: 'Today' }, { id: 'later', label: 'It can wait' }],
        cells: {
          company: { now: 'p1', today: 'p2', later: 'p3' },
          department: { now: 'p2', today: 'p3', later: 'p3' },
          person: { now: 'p3', today: 'p3', later: 'p4' },
        },
      },
    },
    { id: 'plain', priorities: PRIORITIES },
  ],
  actions: [
    { id: 'created', when: { event: 'created' } },
    { id: 'critical', when: { event: 'priority', to: ['p1'] } },
    { id: 'resolved', when: { event: 'resolution', set: true } },
  ],
  actionModels: [{ id: 'standard' }],
  goals: [
    { id: 'resolution', actionModel: 'standard', start: ['created'], stop: ['resolved'] },
    // Started by a `priority` action: a change the matrix makes is a priority change like any other.
    { id: 'major-incident', actionModel: 'standard', start: ['critical'], stop: ['resolved'] },
  ],
  customers: [{ id: 'acme' }, { id: 'beta' }],
  agreements: [
    ['acme', 'itil'],
    ['beta', 'plain'],
  ].map(([customer, model]) => ({
    id: `${customer}-prod`, customer, environment: 'Production', validFrom: '2026-01-01', priorityModel: model, calendar: 'always',
    targets: [
      { goal: 'resolution', priorities: ['p1'], target: 'PT1H' },
      { goal: 'resolution', priorities: ['p2'], target: 'PT4H' },
      { goal: 'resolution', priorities: ['p3'], target: 'PT8H' },
      { goal: 'resolution', priorities: ['p4'], target: 'PT16H' },
      { goal: 'major-incident', target: 'PT30M' },
    ],
  })),
};

const CREATED = '2026-11-23T09:00:00Z';

interface Case {
  customer?: string;
  /** issue.priority, issue.impact, issue.urgency at creation. */
  start: { priority?: string; impact?: string; urgency?: string };
  events?: object[];
  at: string;
  /** What simulate prints as `priority`; undefined: no such field (the model has no matrix). */
  priority: { id: string | null; impact: string | null; urgency: string | null } | undefined;
  resolution: { targetSeconds: number; deadline: string | null; breachedAt: string | null };
  major?: { state: string; deadline: string | null };
}

const CASES: Array<[string, Case]> = [
  ['Just me × It can wait is p4: 16 h from 09:00',
    { start: { impact: 'person', urgency: 'later' }, at: '2026-11-23T09:30:00Z',
      priority: { id: 'p4', impact: 'person', urgency: 'later' }, resolution: { targetSeconds: 57600, deadline: '2026-11-24T01:00:00Z', breachedAt: null } }],
  ['the answers, not issue.priority, give the priority at creation',
    { start: { priority: 'p1', impact: 'person', urgency: 'later' }, at: '2026-11-23T09:30:00Z',
      priority: { id: 'p4', impact: 'person', urgency: 'later' }, resolution: { targetSeconds: 57600, deadline: '2026-11-24T01:00:00Z', breachedAt: null } }],
  // 1 h elapsed at 10:00 carries over into the new 8 h target: 7 h left from 10:00.
  ['an impact change re-targets: Just me → whole company at 10:00 makes p4 p3',
    { start: { impact: 'person', urgency: 'later' }, events: [impact('2026-11-23T10:00:00Z', 'company')], at: '2026-11-23T10:30:00Z',
      priority: { id: 'p3', impact: 'company', urgency: 'later' }, resolution: { targetSeconds: 28800, deadline: '2026-11-23T17:00:00Z', breachedAt: null } }],
  // p3 → p1 at 10:00 lowers the target to the hour already elapsed: breached from the change on, at the change.
  ['an urgency change to p1 lowers the target to the time elapsed: breached at the change; the p1 action starts a goal',
    { start: { impact: 'company', urgency: 'later' }, events: [urgency('2026-11-23T10:00:00Z', 'now')], at: '2026-11-23T10:20:00Z',
      priority: { id: 'p1', impact: 'company', urgency: 'now' }, resolution: { targetSeconds: 3600, deadline: '2026-11-23T10:00:00Z', breachedAt: '2026-11-23T10:00:00Z' },
      major: { state: 'running', deadline: '2026-11-23T10:30:00Z' } }],
  ['a cell change that keeps the priority changes nothing: Just me × now → × today are both p3',
    { start: { impact: 'person', urgency: 'now' }, events: [urgency('2026-11-23T10:00:00Z', 'today')], at: '2026-11-23T10:30:00Z',
      priority: { id: 'p3', impact: 'person', urgency: 'today' }, resolution: { targetSeconds: 28800, deadline: '2026-11-23T17:00:00Z', breachedAt: null } }],
  ['an answer that is no level of the axis leaves the priority as it is',
    { start: { impact: 'person', urgency: 'now' }, events: [impact('2026-11-23T10:00:00Z', 'everyone')], at: '2026-11-23T10:30:00Z',
      priority: { id: 'p3', impact: 'everyone', urgency: 'now' }, resolution: { targetSeconds: 28800, deadline: '2026-11-23T17:00:00Z', breachedAt: null } }],
  // p1 at 10:00 (1 h elapsed reaches the 1 h target), then department × later = p3 at 10:10: the raise undoes it.
  ['the last change wins: an agent sets p1, then a new urgency answer gives the matrix priority back',
    { start: { impact: 'department', urgency: 'today' }, events: [priority('2026-11-23T10:00:00Z', 'p1'), urgency('2026-11-23T10:10:00Z', 'later')], at: '2026-11-23T10:30:00Z',
      priority: { id: 'p3', impact: 'department', urgency: 'later' }, resolution: { targetSeconds: 28800, deadline: '2026-11-23T17:00:00Z', breachedAt: null },
      major: { state: 'running', deadline: '2026-11-23T10:30:00Z' } }],
  ['one answer alone keeps issue.priority; the second answer picks the cell',
    { start: { priority: 'p2', impact: 'company' }, events: [urgency('2026-11-23T10:00:00Z', 'later')], at: '2026-11-23T10:30:00Z',
      priority: { id: 'p3', impact: 'company', urgency: 'later' }, resolution: { targetSeconds: 28800, deadline: '2026-11-23T17:00:00Z', breachedAt: null } }],
  ['… and before the second answer the priority is issue.priority',
    { start: { priority: 'p2', impact: 'company' }, events: [urgency('2026-11-23T10:00:00Z', 'later')], at: '2026-11-23T09:30:00Z',
      priority: { id: 'p2', impact: 'company', urgency: null }, resolution: { targetSeconds: 14400, deadline: '2026-11-23T13:00:00Z', breachedAt: null } }],
  ['a model without a matrix ignores the answers, and simulate prints no priority',
    { customer: 'beta', start: { priority: 'p2', impact: 'company', urgency: 'now' }, events: [urgency('2026-11-23T10:00:00Z', 'later')], at: '2026-11-23T09:30:00Z',
      priority: undefined, resolution: { targetSeconds: 14400, deadline: '2026-11-23T13:00:00Z', breachedAt: null } }],
];

describe('impact and urgency answers through simulate', () => {
  test.each(CASES)('%s', (_why, c) => {
    const timeline = {
      issue: { key: 'MX-1', customer: c.customer ?? 'acme', environment: 'Production', created: CREATED, ...c.start },
      events: [created(CREATED), ...(c.events ?? [])],
    };
    const result = simulate(bundle, timeline, c.at);
    expect(result.priority).toEqual(c.priority);
    expect('priority' in result).toBe(c.priority !== undefined);
    expect(cycleOf(result, 'resolution')).toMatchObject(c.resolution);
    const major = result.obligations.find((o) => o.goal === 'major-incident');
    expect(major && { state: major.state, deadline: major.deadline }).toEqual(c.major);
  });

  test('a matrix answer that changes nothing leaves the evaluation exactly as without the event', () => {
    const base = { issue: { key: 'MX-2', customer: 'acme', environment: 'Production', created: CREATED, impact: 'person', urgency: 'now' }, events: [created(CREATED)] };
    const withEvent = { ...base, events: [...base.events, urgency('2026-11-23T10:00:00Z', 'today')] };
    const { priority: before, ...plain } = simulate(bundle, base, '2026-11-23T12:00:00Z');
    const { priority: after, ...changed } = simulate(bundle, withEvent, '2026-11-23T12:00:00Z');
    expect(changed).toEqual(plain);
    expect([before?.urgency, after?.urgency]).toEqual(['now', 'today']);
  });
});
