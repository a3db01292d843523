// Laws of the replay over random histories of the example contract (examples/config.json).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { evaluate } from '../../src/engine/obligations';
import type { ConfigBundle, Timeline, TimelineEvent } from '../../src/engine/types';

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
