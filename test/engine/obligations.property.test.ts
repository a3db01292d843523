// Laws of the replay over random histories of the example contract (examples/config.json).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { evaluate } from '../../src/engine/obligations';
import type { ConfigBundle, Escalation, EscalationWhen, Obligation, Timeline, TimelineEvent } from '../../src/engine/types';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
const bundle: ConfigBundle = loaded.value;

const START = Date.parse('2026-11-23T08:00:00Z');
const STATUSES = ['Open', 'In Progress', 'Waiting for customer', 'Waiting for release', 'Resolved'];

const eventArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
  fc.record({ type: fc.constant('comment' as const), visibility: fc.constantFrom('public' as const, 'internal' as const), author: fc.constantFrom('agent' as const, 'customer' as const) }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
  fc.record({ type: fc.constant('priority' as const), to: fc.constantFrom('p1', 'p2') }),
);

/** A history: created, then events at increasing whole-second offsets within ~3 weeks. */
const timelineArb: fc.Arbitrary<Timeline> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 * 3600 }), eventArb), { maxLength: 40 })
  .map((steps) => {
    let at = START;
    const events: TimelineEvent[] = [{ at, type: 'created', status: 'Open' }];
    for (const [gap, event] of steps) {
      at += gap * 1000;
      events.push({ ...event, at } as TimelineEvent);
    }
    return {
      issue: { key: 'SUP-1', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: START },
      events,
    };
  });

const evaluationInstant = fc.integer({ min: 0, max: 21 * 86400 }).map((s) => START + s * 1000);

describe('replay laws', () => {
  test('replaying the same history twice gives the same result, also on a fresh copy of the bundle', () => {
    fc.assert(
      fc.property(timelineArb, evaluationInstant, (timeline, at) => {
        const once = evaluate(bundle, timeline, at);
        expect(evaluate(bundle, timeline, at)).toEqual(once);
        expect(evaluate(structuredClone(bundle), structuredClone(timeline), at)).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });

  test('every cycle is consistent: elapsed within wall time, at most one open cycle per goal, deadlines ahead', () => {
    fc.assert(
      fc.property(timelineArb, evaluationInstant, (timeline, at) => {
        const result = evaluate(bundle, timeline, at);
        const open = new Set<string>();
        for (const o of result.obligations) {
          const end = o.endedAt ?? at;
          expect(o.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(o.elapsedMs).toBeLessThanOrEqual(Math.max(0, end - o.startedAt));
          expect(o.breached).toBe(o.elapsedMs > o.targetMs);
          expect(o.breachedAt === null).toBe(!o.breached);
          if (o.breachedAt !== null) expect(o.breachedAt).toBeLessThanOrEqual(end);
          if (o.state === 'running' || o.state === 'paused') {
            expect(open.has(o.goal)).toBe(false);
            open.add(o.goal);
            expect(o.endedAt).toBeNull();
          } else {
            expect(o.deadline).toBeNull();
          }
          if (o.state === 'paused') expect(o.deadline).toBeNull();
          if (o.state === 'running' && !o.breached) expect(o.deadline!).toBeGreaterThanOrEqual(at);
        }
        if (result.next) expect(open.has(result.next.goal)).toBe(true);
        else expect(result.obligations.some((o) => o.state === 'running' || o.state === 'paused')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  test('evaluating later never un-counts time: elapsed of each cycle grows with the evaluation instant', () => {
    fc.assert(
      fc.property(timelineArb, evaluationInstant, fc.integer({ min: 1, max: 86400 }), (timeline, at, more) => {
        const earlier = evaluate(bundle, timeline, at);
        const later = evaluate(bundle, timeline, at + more * 1000);
        for (const o of earlier.obligations) {
          const same = later.obligations.find((l) => l.goal === o.goal && l.cycle === o.cycle)!;
          expect(same.startedAt).toBe(o.startedAt);
          expect(same.elapsedMs).toBeGreaterThanOrEqual(o.elapsedMs);
          if (o.state === 'completed' || o.state === 'cancelled') expect(same).toEqual(o);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---- Escalations (spec §3, v1.1) ----

const thresholdSeconds = fc.integer({ min: 0, max: 20 * 3600 });
const whenArb: fc.Arbitrary<EscalationWhen> = fc.oneof(
  fc.integer({ min: 1, max: 1000 }).map((tenths) => ({ elapsedPercent: tenths / 10 })),
  thresholdSeconds.map((s) => ({ remaining: `PT${s}S` })),
  thresholdSeconds.map((s) => ({ overdue: `PT${s}S` })),
);

/** Random escalations on the example's goals, plus one at each goal's deadline to compare with the target's own clock. */
const escalationsArb: fc.Arbitrary<Escalation[]> = fc
  .array(fc.tuple(fc.constantFrom(...bundle.goals.map((g) => g.id)), whenArb), { minLength: 1, maxLength: 6 })
  .map((list) => [
    ...bundle.goals.map(({ id: goal }): Escalation => ({ id: `${goal}-deadline`, goal, when: { overdue: 'PT0S' }, notify: ['assignee'] })),
    ...list.map(([goal, when], i): Escalation => ({ id: `e${i}`, goal, when, notify: ['assignee'] })),
  ]);

/** A history and an instant within it (or up to a day after it), so that later events matter more often than not. */
const historyAndInstant: fc.Arbitrary<[Timeline, number]> = timelineArb.chain((timeline) =>
  fc.tuple(fc.constant(timeline), fc.integer({ min: 0, max: (timeline.events.at(-1)!.at - START) / 1000 + 86400 }).map((s) => START + s * 1000)),
);

const withEscalations = (escalations: Escalation[]): ConfigBundle => ({ ...bundle, agreements: [{ ...bundle.agreements[0]!, escalations }] });

const seconds = (text: string): number => Number(/^PT(\d+)S$/.exec(text)![1]);

/** True when `a`'s threshold is at most `b`'s whatever the target (percentages are at most 100). */
function alwaysAtMost(a: EscalationWhen, b: EscalationWhen): boolean {
  if ('overdue' in b) return !('overdue' in a) || seconds(a.overdue) <= seconds(b.overdue);
  if ('elapsedPercent' in a && 'elapsedPercent' in b) return a.elapsedPercent <= b.elapsedPercent;
  if ('remaining' in a && 'remaining' in b) return seconds(a.remaining) >= seconds(b.remaining);
  return false;
}

const levelsOf = (o: Obligation, escalations: Escalation[]) =>
  o.escalations.map((state) => ({ ...state, when: escalations.find((e) => e.id === state.id)!.when }));

describe('escalation laws', () => {
  test("each goal's escalations, in the agreement's order, on every cycle; reached within the cycle; due ahead only while running", () => {
    fc.assert(
      fc.property(historyAndInstant, escalationsArb, ([timeline, at], escalations) => {
        for (const o of evaluate(withEscalations(escalations), timeline, at).obligations) {
          expect(o.escalations.map((e) => e.id)).toEqual(escalations.filter((e) => e.goal === o.goal).map((e) => e.id));
          for (const e of o.escalations) {
            if (e.reachedAt !== null) {
              expect(e.reachedAt).toBeGreaterThanOrEqual(o.startedAt);
              expect(e.reachedAt).toBeLessThanOrEqual(o.endedAt ?? at);
            }
            expect(e.dueAt !== null).toBe(o.state === 'running' && e.reachedAt === null);
            if (e.dueAt !== null) expect(e.dueAt).toBeGreaterThan(at);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a larger threshold is never reached, nor due, before a smaller one on the same cycle', () => {
    fc.assert(
      fc.property(historyAndInstant, escalationsArb, ([timeline, at], escalations) => {
        for (const o of evaluate(withEscalations(escalations), timeline, at).obligations) {
          const levels = levelsOf(o, escalations);
          for (const small of levels) {
            for (const large of levels) {
              if (!alwaysAtMost(small.when, large.when)) continue;
              if (large.reachedAt !== null) expect(small.reachedAt ?? Infinity).toBeLessThanOrEqual(large.reachedAt);
              if (large.dueAt !== null && small.dueAt !== null) expect(small.dueAt).toBeLessThanOrEqual(large.dueAt);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('overdue PT0S follows the target: due at the deadline, reached by the breach (at it without priority changes)', () => {
    fc.assert(
      fc.property(historyAndInstant, escalationsArb, ([timeline, at], escalations) => {
        const retargeted = timeline.events.some((e) => e.type === 'priority' && e.at <= at);
        for (const o of evaluate(withEscalations(escalations), timeline, at).obligations) {
          const atDeadline = o.escalations.find((e) => e.id === `${o.goal}-deadline`)!;
          if (atDeadline.dueAt !== null) expect(atDeadline.dueAt).toBe(o.deadline);
          if (o.breached) {
            expect(atDeadline.reachedAt ?? Infinity).toBeLessThanOrEqual(o.breachedAt!);
            if (!retargeted) expect(atDeadline.reachedAt).toBe(o.breachedAt);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a later evaluation keeps what was reached, reaches nothing back in time, and reaches a due level at its dueAt', () => {
    fc.assert(
      fc.property(historyAndInstant, escalationsArb, fc.integer({ min: 1, max: 86400 }), ([timeline, at], escalations, more) => {
        const config = withEscalations(escalations);
        const earlier = evaluate(config, timeline, at);
        const later = evaluate(config, timeline, at + more * 1000);
        const nextEvent = timeline.events.find((e) => e.at > at)?.at ?? Infinity;
        for (const o of earlier.obligations) {
          const same = later.obligations.find((l) => l.goal === o.goal && l.cycle === o.cycle)!;
          o.escalations.forEach((e, i) => {
            const after = same.escalations[i]!;
            if (e.reachedAt !== null) expect(after.reachedAt).toBe(e.reachedAt);
            else if (after.reachedAt !== null) expect(after.reachedAt).toBeGreaterThan(at);
            // With nothing happening up to it, dueAt is exactly when the level is reached.
            if (e.dueAt !== null && e.dueAt < nextEvent) {
              const atDue = evaluate(config, timeline, e.dueAt).obligations.find((l) => l.goal === o.goal && l.cycle === o.cycle)!;
              expect(atDue.escalations[i]).toEqual({ id: e.id, reachedAt: e.dueAt, dueAt: null });
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
