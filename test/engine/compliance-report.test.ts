// The rules of spec §5 on small hand-made timelines. The agreement's calendar is 24x7 in Copenhagen, so periods are
// Copenhagen months and every expected business time is wall time: November 2026 is
// [2026-10-31T23:00Z, 2026-11-30T23:00Z). Targets: response 1 h (30 min at p1), resolution 8 h, internal triage 30 min.
import { ComplianceReportBuilder, complianceReport, type ComplianceReport, type ReportedCycle } from '../../src/engine/compliance-report';
import { toComplianceReportJson } from '../../src/engine/compliance-report-json';
import { reportPeriod } from '../../src/engine/report-period';
import { summarizeTimeline } from '../../src/engine/request-summary';
import type { ConfigBundle, Goal, Timeline, TimelineEvent } from '../../src/engine/types';

const ms = (iso: string): number => Date.parse(iso);
const daily = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });

function goal(id: string, rules: Partial<Goal>): Goal {
  return { id, actionModel: 'standard', internal: false, start: [], stop: [], pause: [], resume: [], cancel: [], ...rules };
}

const bundle: ConfigBundle = {
  version: 1,
  holidayCollections: [],
  calendars: [
    { id: 'cph', timezone: 'Europe/Copenhagen', week: daily([['00:00', '24:00']]), holidays: [] },
    { id: 'santiago', timezone: 'America/Asuncion', week: daily([['00:00', '24:00']]), holidays: [] },
  ],
  priorityModels: [{ id: 'numeric', priorities: [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }] }],
  actions: [
    { id: 'created', when: { event: 'created' } },
    { id: 'agent-reply', when: { event: 'comment', visibility: 'public', author: 'agent' } },
    { id: 'work-started', when: { event: 'status', to: ['In Progress'] } },
    { id: 'resolved', when: { event: 'resolution', set: true } },
    { id: 'reopened', when: { event: 'resolution', set: false } },
  ],
  actionModels: [{ id: 'standard', pauseInStatuses: ['Waiting for customer'] }],
  goals: [
    goal('triage', { internal: true, start: ['created'], stop: ['work-started'], cancel: ['resolved'] }),
    goal('response', { start: ['created'], stop: ['agent-reply'], cancel: ['resolved'] }),
    goal('resolution', { start: ['created', 'reopened'], stop: ['resolved'] }),
    // No target row in the agreement: never reported.
    goal('survey', { start: ['resolved'] }),
  ],
  customers: [{ id: 'acme', environments: [{ name: 'Production', products: [] }, { name: 'UAT', products: [] }] }],
  agreements: [
    {
      id: 'acme-prod', customer: 'acme', environment: 'Production', products: [], validFrom: '2020-01-01', validTo: null,
      priorityModel: 'numeric', calendar: 'cph',
      targets: [
        { goal: 'response', priorities: ['p1'], target: 'PT30M' },
        { goal: 'response', target: 'PT1H' },
        { goal: 'resolution', target: 'PT8H' },
        { goal: 'triage', target: 'PT30M' },
      ],
      escalations: [],
    },
    {
      id: 'acme-uat', customer: 'acme', environment: 'UAT', products: [], validFrom: '2020-01-01', validTo: null,
      priorityModel: 'numeric', calendar: 'santiago',
      targets: [{ goal: 'response', target: 'PT1H' }],
      escalations: [],
    },
  ],
};

/** A timeline event with its instant as text (distributed over the event types, so each keeps its own fields). */
type EventText = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'at'> & { at: string } : never) : never;

/** A timeline of acme Production created at its first event's instant (events given in order, instants as text). */
function request(key: string, events: EventText[], issue: Partial<Timeline['issue']> = {}): Timeline {
  const parsed = events.map((e) => ({ ...e, at: ms(e.at) }) as TimelineEvent);
  return {
    issue: { key, customer: 'acme', environment: 'Production', priority: 'p2', created: parsed[0]?.at ?? 0, ...issue },
    events: parsed,
  };
}
const created = (at: string, status = 'Open'): EventText => ({ at, type: 'created', status });
const reply = (at: string): EventText => ({ at, type: 'comment', visibility: 'public', author: 'agent' });
const status = (at: string, to: string): EventText => ({ at, type: 'status', to });
const resolved = (at: string, to: string | null = 'Done'): EventText => ({ at, type: 'resolution', to });
const priority = (at: string, to: string): EventText => ({ at, type: 'priority', to });

function report(timelines: Timeline[], options: { month?: string; at?: string; internal?: boolean; agreement?: string } = {}): ComplianceReport {
  const agreementId = options.agreement ?? 'acme-prod';
  const zone = agreementId === 'acme-prod' ? 'Europe/Copenhagen' : 'America/Asuncion';
  const period = reportPeriod(options.month ?? '2026-11', zone);
  const at = options.at === undefined ? period.to : ms(options.at);
  const summaries = timelines.map((t) => summarizeTimeline(bundle, t, period, at));
  return complianceReport(bundle, agreementId, period, summaries, { internal: options.internal ?? false });
}
const json = (r: ComplianceReport) => toComplianceReportJson(r);
const goalOf = (r: ComplianceReport, id: string) => json(r).goals.find((g) => g.goal === id);
const cyclesOf = (r: ComplianceReport) => json(r).cycles.map((c) => `${c.issue} ${c.goal}#${c.cycle} ${c.outcome}`);

describe('requests', () => {
  test('created counts issue.created in [from, to): exactly at from counts, exactly at to does not', () => {
    const r = report([
      request('AT-FROM', [created('2026-10-31T23:00:00Z')]),
      request('BEFORE', [created('2026-10-31T22:59:59Z')]),
      request('LAST', [created('2026-11-30T22:59:59Z')]),
      request('AT-TO', [created('2026-11-30T23:00:00Z')]),
    ]);
    expect(r.requests.created).toBe(2);
    // Open: created before to with no resolution; AT-TO is not open in November.
    expect(r.requests.open).toEqual({ total: 3, byStatus: { Open: 3 }, byPriority: { p2: 3 } });
  });

  test('resolved counts a request once however often it was resolved in the period, and not for other months', () => {
    const r = report([
      request('TWICE', [created('2026-11-02T09:00:00Z'), resolved('2026-11-02T10:00:00Z'), resolved('2026-11-03T09:00:00Z', null), resolved('2026-11-03T10:00:00Z')]),
      request('OCTOBER', [created('2026-10-20T09:00:00Z'), resolved('2026-10-31T22:59:59Z')]),
      request('AT-FROM', [created('2026-10-20T09:00:00Z'), resolved('2026-10-31T23:00:00Z')]),
      request('AT-TO', [created('2026-11-20T09:00:00Z'), resolved('2026-11-30T23:00:00Z')]),
      // Clearing a resolution is not resolving.
      request('CLEARED', [created('2026-11-20T09:00:00Z'), resolved('2026-11-21T09:00:00Z', null)]),
    ]);
    expect(r.requests.resolved).toBe(2);
    // AT-TO was still unresolved just before to; CLEARED never had a resolution.
    expect(r.requests.open.total).toBe(2);
  });

  test('resolved then reopened in the period: it counts as resolved and as open, by its state just before to', () => {
    const r = report([
      request('REOPENED', [
        created('2026-11-02T09:00:00Z'),
        status('2026-11-02T09:10:00Z', 'In Progress'),
        resolved('2026-11-05T09:00:00Z'),
        status('2026-11-05T09:00:00Z', 'Resolved'),
        resolved('2026-11-06T09:00:00Z', null),
        status('2026-11-06T09:00:00Z', 'Reopened'),
        priority('2026-11-07T09:00:00Z', 'p1'),
      ]),
    ]);
    expect(r.requests).toEqual({ created: 1, resolved: 1, open: { total: 1, byStatus: { Reopened: 1 }, byPriority: { p1: 1 } } });
  });

  test('the state just before to ignores events at to and after; zero counts are left out', () => {
    const r = report([
      request('A', [created('2026-11-02T09:00:00Z'), status('2026-11-30T23:00:00Z', 'In Progress'), priority('2026-11-30T23:00:00Z', 'p1')]),
      request('B', [created('2026-11-02T09:00:00Z'), status('2026-11-30T22:59:59Z', 'Waiting for customer')]),
      request('C', [created('2026-11-02T09:00:00Z'), resolved('2026-11-30T22:00:00Z'), resolved('2026-11-30T23:00:00Z', null)]),
    ]);
    expect(r.requests.open).toEqual({ total: 2, byStatus: { Open: 1, 'Waiting for customer': 1 }, byPriority: { p2: 2 } });
  });

  test('a request without any status counts in the open total only; one without priority likewise', () => {
    const r = report([
      request('NO-STATUS', [{ at: '2026-11-02T09:00:00Z', type: 'created' }]),
      request('NO-PRIORITY', [created('2026-11-02T09:00:00Z')], { priority: undefined }),
    ]);
    expect(r.requests.open).toEqual({ total: 2, byStatus: { Open: 1 }, byPriority: { p2: 1 } });
  });

  test('timelines of other agreements, or of none, are ignored entirely', () => {
    const r = report([
      request('UAT', [created('2026-11-02T09:00:00Z'), reply('2026-11-02T09:10:00Z'), resolved('2026-11-02T10:00:00Z')], { environment: 'UAT' }),
      request('NOBODY', [created('2026-11-02T09:00:00Z'), resolved('2026-11-02T10:00:00Z')], { customer: 'globex' }),
      request('OURS', [created('2026-11-02T09:00:00Z')]),
    ]);
    expect(r.requests).toEqual({ created: 1, resolved: 0, open: { total: 1, byStatus: { Open: 1 }, byPriority: { p2: 1 } } });
    // OURS's cycles breached in November; UAT's and NOBODY's cycles are nowhere.
    expect(cyclesOf(r)).toEqual(['OURS response#1 breached', 'OURS resolution#1 breached']);
  });
});

describe('goals and cycles', () => {
  test('the example of a month: outcomes, counts, compliance and the cycle rows', () => {
    const r = report([
      // Replied in 10 min, resolved in 7 h: both met.
      request('MET', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T08:10:00Z'), resolved('2026-11-02T15:00:00Z')]),
      // Replied after 2 h (breached at 1 h), resolved after 10 h (breached at 8 h).
      request('LATE', [created('2026-11-03T08:00:00Z'), reply('2026-11-03T10:00:00Z'), resolved('2026-11-03T18:00:00Z')]),
    ]);
    const out = json(r);
    expect(out.agreement).toBe('acme-prod');
    expect(out.customer).toBe('acme');
    expect(out.environment).toBe('Production');
    expect(out.period).toEqual({ month: '2026-11', from: '2026-10-31T23:00:00Z', to: '2026-11-30T23:00:00Z', timezone: 'Europe/Copenhagen' });
    expect(out.goals).toEqual([
      { goal: 'response', internal: false, closed: 2, met: 1, breached: 1, cancelled: 0, compliance: 0.5 },
      { goal: 'resolution', internal: false, closed: 2, met: 1, breached: 1, cancelled: 0, compliance: 0.5 },
    ]);
    expect(out.cycles).toEqual([
      { issue: 'MET', goal: 'response', cycle: 1, internal: false, outcome: 'met', startedAt: '2026-11-02T08:00:00Z', endedAt: '2026-11-02T08:10:00Z', targetSeconds: 3600, elapsedSeconds: 600, breachedAt: null, priority: 'p2' },
      { issue: 'MET', goal: 'resolution', cycle: 1, internal: false, outcome: 'met', startedAt: '2026-11-02T08:00:00Z', endedAt: '2026-11-02T15:00:00Z', targetSeconds: 28800, elapsedSeconds: 25200, breachedAt: null, priority: 'p2' },
      { issue: 'LATE', goal: 'response', cycle: 1, internal: false, outcome: 'breached', startedAt: '2026-11-03T08:00:00Z', endedAt: '2026-11-03T10:00:00Z', targetSeconds: 3600, elapsedSeconds: 7200, breachedAt: '2026-11-03T09:00:00Z', priority: 'p2' },
      { issue: 'LATE', goal: 'resolution', cycle: 1, internal: false, outcome: 'breached', startedAt: '2026-11-03T08:00:00Z', endedAt: '2026-11-03T18:00:00Z', targetSeconds: 28800, elapsedSeconds: 36000, breachedAt: '2026-11-03T16:00:00Z', priority: 'p2' },
    ]);
  });

  test('with a cycle handler, each counted cycle is handed over in order and none is kept; the counts are the same', () => {
    const timelines = [
      request('MET', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T08:10:00Z'), resolved('2026-11-02T15:00:00Z')]),
      request('LATE', [created('2026-11-03T08:00:00Z'), reply('2026-11-03T10:00:00Z'), resolved('2026-11-03T18:00:00Z')]),
    ];
    const period = reportPeriod('2026-11', 'Europe/Copenhagen');
    const handed: ReportedCycle[] = [];
    const builder = new ComplianceReportBuilder(bundle, 'acme-prod', period, { internal: true }, (cycle) => handed.push(cycle));
    for (const t of timelines) builder.add(summarizeTimeline(bundle, t, period, period.to));
    const streamed = builder.result();
    const kept = report(timelines, { internal: true });
    expect(handed).toEqual(kept.cycles);
    expect(handed.map((c) => `${c.issue} ${c.goal}`)).toEqual(['MET triage', 'MET response', 'MET resolution', 'LATE triage', 'LATE response', 'LATE resolution']);
    expect(streamed).toEqual({ ...kept, cycles: [] });
  });

  test('compliance is unrounded: 2 met of 3', () => {
    const r = report([
      request('A', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T08:10:00Z')]),
      request('B', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T08:20:00Z')]),
      request('C', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T09:20:00Z')]),
    ]);
    expect(goalOf(r, 'response')?.compliance).toBe(2 / 3);
  });

  test('a breach counts in the month it happened, for a cycle started the month before', () => {
    // Started 31 Oct 20:00Z (Copenhagen 21:00, October); 8 h of resolution time run out on 1 Nov 04:00Z.
    const t = request('SPAN', [created('2026-10-31T20:00:00Z'), reply('2026-10-31T20:30:00Z')]);
    const november = report([t]);
    expect(cyclesOf(november)).toEqual(['SPAN resolution#1 breached']);
    expect(json(november).cycles[0]).toMatchObject({ startedAt: '2026-10-31T20:00:00Z', endedAt: null, breachedAt: '2026-11-01T04:00:00Z' });
    // In October (evaluated at its end, 3 h in) it was open and not breached; the reply was met in October.
    const october = report([t], { month: '2026-10' });
    expect(cyclesOf(october)).toEqual(['SPAN response#1 met']);
    expect(goalOf(october, 'resolution')).toMatchObject({ met: 0, breached: 0, closed: 0, compliance: null });
  });

  test('a cycle breached in one month and closed in the next counts as breached there, and as closed in the next', () => {
    // The response cycle breaches at 21:00Z on 31 Oct (22:00 in Copenhagen) and is cancelled by the resolution on
    // 1 Nov; the resolution cycle breaches at 04:00Z on 1 Nov and completes at 06:00Z.
    const t = request('SLOW', [created('2026-10-31T20:00:00Z'), resolved('2026-11-01T06:00:00Z')]);
    const october = report([t], { month: '2026-10' });
    expect(cyclesOf(october)).toEqual(['SLOW response#1 breached']);
    expect(goalOf(october, 'response')).toMatchObject({ closed: 0, breached: 1, compliance: 0 });
    const november = report([t]);
    expect(cyclesOf(november)).toEqual(['SLOW resolution#1 breached']);
    expect(goalOf(november, 'response')).toEqual({ goal: 'response', internal: false, closed: 1, met: 0, breached: 0, cancelled: 0, compliance: null });
    expect(goalOf(november, 'resolution')).toMatchObject({ closed: 1, met: 0, breached: 1 });
  });

  test('met on the last second of the month counts in it; on the first second of the next, in the next', () => {
    const lastSecond = request('LAST', [created('2026-11-30T22:30:00Z'), reply('2026-11-30T22:59:59Z')]);
    const firstSecond = request('FIRST', [created('2026-11-30T22:30:00Z'), reply('2026-11-30T23:00:00Z')]);
    const november = report([lastSecond, firstSecond]);
    expect(cyclesOf(november).filter((c) => c.includes('response'))).toEqual(['LAST response#1 met']);
    // Evaluated at November's end, FIRST's reply (at to itself) already happened: met, but not in November.
    expect(goalOf(november, 'response')).toMatchObject({ closed: 1, met: 1 });
    const december = report([lastSecond, firstSecond], { month: '2026-12' });
    expect(cyclesOf(december).filter((c) => c.includes('response'))).toEqual(['FIRST response#1 met']);
    expect(goalOf(december, 'response')).toMatchObject({ closed: 1, met: 1, breached: 0, compliance: 1 });
  });

  test('cancelled cycles count as cancelled and closed, never in compliance; compliance is null without met or breached', () => {
    const r = report([
      request('CANCELLED', [created('2026-11-02T08:00:00Z'), resolved('2026-11-02T08:30:00Z')]),
      request('ALSO', [created('2026-11-03T08:00:00Z'), resolved('2026-11-03T08:45:00Z')]),
    ]);
    expect(goalOf(r, 'response')).toEqual({ goal: 'response', internal: false, closed: 2, met: 0, breached: 0, cancelled: 2, compliance: null });
    expect(goalOf(r, 'resolution')).toEqual({ goal: 'resolution', internal: false, closed: 2, met: 2, breached: 0, cancelled: 0, compliance: 1 });
    expect(cyclesOf(r)).toEqual(['CANCELLED response#1 cancelled', 'CANCELLED resolution#1 met', 'ALSO response#1 cancelled', 'ALSO resolution#1 met']);
  });

  test('a cancelled cycle that had breached counts as breached', () => {
    const r = report([request('X', [created('2026-11-02T08:00:00Z'), resolved('2026-11-02T09:30:00Z')])]);
    expect(goalOf(r, 'response')).toMatchObject({ closed: 1, met: 0, breached: 1, cancelled: 0, compliance: 0 });
  });

  test('every goal with a target row is listed in bundle order, even with nothing to count', () => {
    const r = report([]);
    expect(json(r).goals).toEqual([
      { goal: 'response', internal: false, closed: 0, met: 0, breached: 0, cancelled: 0, compliance: null },
      { goal: 'resolution', internal: false, closed: 0, met: 0, breached: 0, cancelled: 0, compliance: null },
    ]);
    expect(r.requests).toEqual({ created: 0, resolved: 0, open: { total: 0, byStatus: {}, byPriority: {} } });
  });

  test('internal goals appear only when asked for, in bundle order', () => {
    const t = request('T', [created('2026-11-02T08:00:00Z'), status('2026-11-02T08:20:00Z', 'In Progress'), reply('2026-11-02T08:30:00Z'), resolved('2026-11-02T09:00:00Z')]);
    expect(json(report([t])).goals.map((g) => g.goal)).toEqual(['response', 'resolution']);
    expect(cyclesOf(report([t]))).toEqual(['T response#1 met', 'T resolution#1 met']);
    const internal = json(report([t], { internal: true }));
    expect(internal.goals.map((g) => [g.goal, g.internal, g.met])).toEqual([['triage', true, 1], ['response', false, 1], ['resolution', false, 1]]);
    expect(internal.cycles.map((c) => [c.goal, c.internal, c.outcome, c.elapsedSeconds])).toEqual([
      ['triage', true, 'met', 1200],
      ['response', false, 'met', 1800],
      ['resolution', false, 'met', 3600],
    ]);
  });

  test('cycles follow input order, then bundle goal order, then cycle number; priority is the one at the instant', () => {
    const first = request('B-FIRST', [
      created('2026-11-02T08:00:00Z'),
      reply('2026-11-02T08:10:00Z'),
      resolved('2026-11-02T09:00:00Z'),
      resolved('2026-11-03T08:00:00Z', null),
      resolved('2026-11-03T09:00:00Z'),
      priority('2026-11-04T08:00:00Z', 'p1'),
    ]);
    const second = request('A-SECOND', [created('2026-11-01T08:00:00Z'), reply('2026-11-01T08:10:00Z')]);
    const r = json(report([first, second]));
    expect(r.cycles.map((c) => [c.issue, c.goal, c.cycle, c.priority])).toEqual([
      ['B-FIRST', 'response', 1, 'p1'],
      ['B-FIRST', 'resolution', 1, 'p1'],
      ['B-FIRST', 'resolution', 2, 'p1'],
      ['A-SECOND', 'response', 1, 'p2'],
      // Never resolved: 8 h ran out on 1 Nov at 16:00Z.
      ['A-SECOND', 'resolution', 1, 'p2'],
    ]);
  });

  test('a summary whose obligations come in another order (a stored record) is reported in the same order', () => {
    const period = reportPeriod('2026-11', 'Europe/Copenhagen');
    const t = request('S', [created('2026-11-02T08:00:00Z'), reply('2026-11-02T08:10:00Z'), resolved('2026-11-02T09:00:00Z'), resolved('2026-11-03T08:00:00Z', null), resolved('2026-11-03T09:00:00Z')]);
    const summary = summarizeTimeline(bundle, t, period, period.to);
    const shuffled = { ...summary, obligations: [...summary.obligations].reverse() };
    expect(complianceReport(bundle, 'acme-prod', period, [shuffled]).cycles).toEqual(complianceReport(bundle, 'acme-prod', period, [summary]).cycles);
    expect(summary.obligations.map((o) => o.goal)).not.toEqual(shuffled.obligations.map((o) => o.goal));
  });

  test('--at before the end: open cycles have no outcome, later events are not applied, priority is the one at --at', () => {
    const t = request('MID', [
      created('2026-11-10T08:00:00Z'),
      reply('2026-11-10T08:10:00Z'),
      priority('2026-11-20T08:00:00Z', 'p1'),
      resolved('2026-11-20T09:00:00Z'),
    ]);
    // At 10 Nov 12:00Z the resolution cycle has run 4 h of 8: open, not breached, no outcome.
    const early = report([t], { at: '2026-11-10T12:00:00Z' });
    expect(cyclesOf(early)).toEqual(['MID response#1 met']);
    expect(json(early).cycles[0]?.priority).toBe('p2');
    expect(goalOf(early, 'resolution')).toMatchObject({ closed: 0, met: 0, breached: 0, compliance: null });
    // At 10 Nov 17:00Z it has run 9 h: breached at 16:00Z, counted although still open.
    const breached = report([t], { at: '2026-11-10T17:00:00Z' });
    expect(json(breached).cycles.find((c) => c.goal === 'resolution')).toMatchObject({ outcome: 'breached', endedAt: null, breachedAt: '2026-11-10T16:00:00Z', elapsedSeconds: 32400 });
    // Requests are counted from the timeline as it is, whatever the instant (the spec ties them to the period only).
    expect(early.requests).toEqual({ created: 1, resolved: 1, open: { total: 0, byStatus: {}, byPriority: {} } });
    expect(json(report([t])).cycles.map((c) => c.priority)).toEqual(['p1', 'p1']);
  });

  test('each month at its own end: a breach that a later priority change undoes counts in both months', () => {
    // Raised to p1 (30 min) 10 min in: breached at 22:50Z on 30 Nov, and still so at November's end (23:00Z). Lowered
    // to p2 (1 h) at 23:05Z with 45 min elapsed, which clears the breach; replied at 23:10Z, 50 min in: met in December.
    const t = request('SWING', [
      created('2026-11-30T22:20:00Z'),
      priority('2026-11-30T22:30:00Z', 'p1'),
      priority('2026-11-30T23:05:00Z', 'p2'),
      reply('2026-11-30T23:10:00Z'),
      resolved('2026-11-30T23:15:00Z'),
    ]);
    expect(json(report([t])).cycles).toEqual([
      expect.objectContaining({ goal: 'response', outcome: 'breached', breachedAt: '2026-11-30T22:50:00Z', endedAt: null, priority: 'p1' }),
    ]);
    expect(cyclesOf(report([t], { month: '2026-12' }))).toEqual(['SWING response#1 met', 'SWING resolution#1 met']);
    // Evaluated at one common instant, the cycle has one outcome and counts once: "exactly one month" holds there.
    expect(cyclesOf(report([t], { at: '2027-01-01T00:00:00Z' }))).toEqual([]);
  });

  test('DST months in Copenhagen: March starts at 23:00Z (winter time) and ends at 22:00Z (summer time)', () => {
    const first = request('FIRST', [created('2026-02-28T23:00:00Z'), reply('2026-02-28T23:30:00Z'), resolved('2026-02-28T23:45:00Z')]);
    // Breaches at 21:30Z on 31 March (23:30 local, March); replied at 22:30Z, which is 00:30 on 1 April.
    const late = request('LATE', [created('2026-03-31T20:30:00Z'), reply('2026-03-31T22:30:00Z'), resolved('2026-03-31T22:45:00Z')]);
    const march = report([first, late], { month: '2026-03' });
    expect(march.requests).toMatchObject({ created: 2, resolved: 1 });
    expect(cyclesOf(march)).toEqual(['FIRST response#1 met', 'FIRST resolution#1 met', 'LATE response#1 breached']);
    expect(report([first, late], { month: '2026-02' }).requests.created).toBe(0);
    const april = report([first, late], { month: '2026-04' });
    expect(april.requests).toMatchObject({ created: 0, resolved: 1 });
    expect(cyclesOf(april)).toEqual(['LATE resolution#1 met']);
    // LATE's response closed in April, but it breached in March and counts there only.
    expect(goalOf(april, 'response')).toMatchObject({ closed: 1, met: 0, breached: 0 });
  });

  test('a month starting in a DST gap (Asunción, October 2023) starts at the end of the gap', () => {
    const uat = { environment: 'UAT' };
    const atStart = request('START', [created('2023-10-01T04:00:00Z'), reply('2023-10-01T04:10:00Z')], uat);
    const before = request('BEFORE', [created('2023-10-01T03:59:59Z'), reply('2023-10-01T04:10:00Z')], uat);
    const october = report([atStart, before], { month: '2023-10', agreement: 'acme-uat' });
    expect(october.requests.created).toBe(1);
    expect(cyclesOf(october)).toEqual(['START response#1 met', 'BEFORE response#1 met']);
    const september = report([atStart, before], { month: '2023-09', agreement: 'acme-uat' });
    expect(september.requests.created).toBe(1);
    expect(cyclesOf(september)).toEqual([]);
  });
});
