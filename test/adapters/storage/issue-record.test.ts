// The compact cycles of the stored issue record: what they hold, how small they stay, and that older records still read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../../src/config/validate-bundle';
import { validateTimeline } from '../../../src/config/validate-timeline';
import { evaluate } from '../../../src/engine/obligations';
import { toEvaluationJson } from '../../../src/engine/simulate-json';
import type { Obligation } from '../../../src/engine/types';
import { decodeCycles, encodeCycles, keepFrozenCycles, type IssueRecord } from '../../../src/adapters/storage/issue-record';

const examples = path.join(__dirname, '../../../examples');
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(examples, name), 'utf8'));
const ms = (iso: string): number => Date.parse(iso);
const CREATED = ms('2026-11-23T08:00:00Z');

function obligation(over: Partial<Obligation>): Obligation {
  return {
    goal: 'resolution', cycle: 1, internal: false, state: 'running', startedAt: CREATED, endedAt: null, targetMs: 14_400_000, elapsedMs: 3_600_000,
    breached: false, breachedAt: null, reachedAt: null, deadline: null, calendar: 'always', pausedBy: null, escalations: [], ...over,
  };
}

const stored = (obligations: Obligation[]) => ({ created: CREATED, ...encodeCycles(obligations, CREATED) });

describe('each cycle keeps its escalations as two numbers each', () => {
  test.each<[string, Partial<Obligation>, string[], unknown[]]>([
    ['none: the cycle is stored as before v1.1', { deadline: ms('2026-11-23T11:00:00Z') }, [], [0, 1, 0, 0, -1, 14400, 3600, -1, 10800]],
    [
      'reached 45 min after the start, and due 5 h after it',
      { escalations: [{ id: 'resolution-75', reachedAt: ms('2026-11-23T08:45:00Z'), dueAt: null }, { id: 'resolution-overdue-2h', reachedAt: null, dueAt: ms('2026-11-23T13:00:00Z') }] },
      ['resolution-75', 'resolution-overdue-2h'],
      [0, 1, 0, 0, -1, 14400, 3600, -1, -1, 0, '', [0, 2700, 1, -2 - 18000]],
    ],
    [
      'reached at the start, and neither reached nor due (paused)',
      { state: 'paused', pausedBy: { kind: 'status', status: 'Waiting for customer' }, escalations: [{ id: 'at-once', reachedAt: CREATED, dueAt: null }, { id: 'later', reachedAt: null, dueAt: null }] },
      ['at-once', 'later'],
      [0, 1, 1, 0, -1, 14400, 3600, -1, -1, 0, 's:Waiting for customer', [0, 0, 1, -1]],
    ],
  ])('%s', (_what, over, ids, compact) => {
    const record = stored([obligation(over)]);
    expect(record.cycles).toEqual([compact]);
    expect(record.escalations).toEqual(ids.length > 0 ? ids : undefined);
    expect('escalations' in record).toBe(ids.length > 0);
    expect(decodeCycles(record)).toEqual([obligation(over)]);
  });

  test('ids are listed once for all cycles', () => {
    const reached = (at: string) => [{ id: 'resolution-75', reachedAt: ms(at), dueAt: null }];
    const record = stored([
      obligation({ state: 'completed', endedAt: ms('2026-11-23T12:00:00Z'), escalations: reached('2026-11-23T11:00:00Z') }),
      obligation({ cycle: 2, startedAt: ms('2026-11-24T08:00:00Z'), escalations: reached('2026-11-24T08:30:00Z') }),
    ]);
    expect(record.escalations).toEqual(['resolution-75']);
    expect(record.cycles.map((c) => c[11])).toEqual([[0, 10800], [0, 1800]]);
  });
});

describe('every worked example survives storage', () => {
  const bundle = validateBundle(read('config.json'));
  const timeline = validateTimeline(read('timeline-sup-17.json'));
  if (!bundle.ok || !timeline.ok) throw new Error('the examples must be valid');

  test.each(['sup-17-at-2026-11-23T085000Z.json', 'sup-17-at-2026-11-23T140000Z.json', 'sup-17-at-2026-11-24T110000Z.json'])('%s', (name) => {
    const example = read(name) as { at: string; expected: { obligations: unknown[] } };
    const evaluation = evaluate(bundle.value, timeline.value, ms(example.at));
    const record = { created: timeline.value.issue.created, ...encodeCycles(evaluation.obligations, timeline.value.issue.created) };
    expect(toEvaluationJson({ ...evaluation, obligations: decodeCycles(record) }).obligations).toEqual(example.expected.obligations);
  });
});

test('a record written before v1.1 reads with no escalations', () => {
  const old: Pick<IssueRecord, 'goals' | 'internalGoals' | 'calendars' | 'cycles' | 'created'> = {
    created: CREATED, goals: ['response', 'resolution'], internalGoals: [], calendars: ['always', 'cph-office'],
    cycles: [[0, 1, 2, 0, 2400, 7200, 2400], [1, 1, 0, 0, -1, 57600, 6900, -1, 36300, 1]],
  };
  expect(decodeCycles(old).map((o) => [o.goal, o.state, o.deadline, o.escalations])).toEqual([
    ['response', 'completed', null, []],
    ['resolution', 'running', ms('2026-11-23T18:05:00Z'), []],
  ]);
});

test('a closed cycle keeps the escalations it was stored with; open ones take the fresh evaluation', () => {
  const frozen = obligation({ state: 'completed', endedAt: ms('2026-11-23T12:00:00Z'), escalations: [{ id: 'resolution-75', reachedAt: ms('2026-11-23T11:00:00Z'), dueAt: null }] });
  const open = obligation({ cycle: 2, startedAt: ms('2026-11-24T08:00:00Z'), escalations: [{ id: 'resolution-75', reachedAt: null, dueAt: ms('2026-11-24T11:00:00Z') }] });
  // The configuration changed since: the same cycles now carry another escalation.
  const other = [{ id: 'resolution-half', reachedAt: null, dueAt: null }];
  const fresh = { issue: 'SUP-1', agreement: 'acme-prod', obligations: [{ ...frozen, escalations: other }, { ...open, escalations: other }], next: null };
  const kept = keepFrozenCycles(fresh, decodeCycles(stored([frozen, open])));
  expect(kept.obligations.map((o) => o.escalations)).toEqual([frozen.escalations, other]);
});

describe('a very long history still fits in one stored value', () => {
  // Years of daily public replies: each reply completes a "keep the customer informed" cycle and starts the next.
  const loadedBundle = validateBundle(read('config.json'));
  if (!loadedBundle.ok) throw new Error('examples/config.json must be valid');
  const REPLIES = 8000;
  const created = ms('2026-11-23T08:00:00Z');
  const events: unknown[] = [{ at: '2026-11-23T08:00:00Z', type: 'created', status: 'Open' }];
  for (let n = 1; n <= REPLIES; n++) events.push({ at: new Date(created + n * 3_600_000).toISOString(), type: 'comment', visibility: 'public', author: 'agent' });
  const timeline = validateTimeline({ issue: { key: 'SUP-99', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: '2026-11-23T08:00:00Z' }, events });
  if (!timeline.ok) throw new Error('the long timeline must be valid');
  const at = created + (REPLIES + 1) * 3_600_000;
  const obligations = evaluate(loadedBundle.value, timeline.value, at).obligations;

  test('the oldest closed cycles are folded into counts, and the whole record stays far below 240 KiB', () => {
    const cycles = encodeCycles(obligations, created);
    expect(JSON.stringify(cycles).length).toBeLessThan(200 * 1024);
    const update = cycles.folded!.find((f) => f.goal === 'update')!;
    const detailed = decodeCycles({ created, ...cycles }).filter((o) => o.goal === 'update');
    // Every update cycle is either folded or kept in full, and the folded ones are the oldest.
    expect(update.through + detailed.length).toBe(obligations.filter((o) => o.goal === 'update').length);
    expect(Math.min(...detailed.map((o) => o.cycle))).toBe(update.through + 1);
    expect(update.met + update.breached + update.cancelled).toBe(update.through);
    const all = obligations.filter((o) => o.goal === 'update' && o.cycle <= update.through);
    expect(update.breached).toBe(all.filter((o) => o.breached).length);
    // The open cycle is never folded.
    expect(detailed.some((o) => o.state === 'running' || o.state === 'paused')).toBe(true);
  });

  test('folded cycles stay folded: encoding again with the stored counts changes nothing', () => {
    const first = encodeCycles(obligations, created);
    expect(encodeCycles(obligations, created, first.folded)).toEqual(first);
  });

  test('an ordinary history folds nothing', () => {
    expect(encodeCycles(obligations.slice(-40), created)).not.toHaveProperty('folded');
  });
});
