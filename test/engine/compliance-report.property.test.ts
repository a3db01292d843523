// Laws of the compliance report over random histories of the example contract (examples/config.json, Copenhagen
// office hours with Danish holidays): evaluated at one common instant, every cycle with an outcome counts in exactly
// one month, and a month's counts are the sums of its cycles.
import fc from 'fast-check';
import { complianceReport, countingInstant, outcomeOf } from '../../src/engine/compliance-report';
import { evaluate } from '../../src/engine/obligations';
import { summarizeTimeline } from '../../src/engine/request-summary';
import { bundle, FIRST, LAST, periods, requestsArb } from './report-arbitraries';

describe('compliance report laws', () => {
  test('at one common instant, each cycle with an outcome counts in exactly one month, the month of its instant', () => {
    // Across all runs, so a generator that stopped producing counted cycles would fail the test rather than pass it.
    let cyclesSeen = 0;
    fc.assert(
      fc.property(requestsArb, fc.integer({ min: 0, max: 40 * 86_400 }), fc.boolean(), (timelines, afterEnd, internal) => {
        const at = LAST + afterEnd * 1000;
        // Independently: the cycles of acme-prod with an outcome whose instant falls in the four months.
        const expected = new Set<string>();
        for (const timeline of timelines) {
          const evaluation = evaluate(bundle, timeline, at);
          if (evaluation.agreement !== 'acme-prod') continue;
          for (const o of evaluation.obligations) {
            const outcome = outcomeOf(o);
            if (outcome === null || (o.internal && !internal)) continue;
            const instant = countingInstant(o, outcome)!;
            if (instant >= FIRST && instant < LAST) expected.add(`${timeline.issue.key} ${o.goal}#${o.cycle}`);
          }
        }
        const counted: string[] = [];
        let summed = 0;
        for (const period of periods) {
          const report = complianceReport(bundle, 'acme-prod', period, timelines.map((t) => summarizeTimeline(bundle, t, period, at)), { internal });
          const perGoal = report.goals.reduce((sum, g) => sum + g.met + g.breached + g.cancelled, 0);
          expect(perGoal).toBe(report.cycles.length);
          for (const g of report.goals) {
            const mine = report.cycles.filter((c) => c.goal === g.goal);
            expect([g.met, g.breached, g.cancelled]).toEqual(['met', 'breached', 'cancelled'].map((o) => mine.filter((c) => c.outcome === o).length));
            expect(g.compliance).toBe(g.met + g.breached === 0 ? null : g.met / (g.met + g.breached));
          }
          summed += perGoal;
          counted.push(...report.cycles.map((c) => `${c.issue} ${c.goal}#${c.cycle}`));
        }
        cyclesSeen += expected.size;
        expect(summed).toBe(expected.size);
        expect(counted.length).toBe(new Set(counted).size);
        expect(new Set(counted)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
    expect(cyclesSeen).toBeGreaterThan(500);
  });

  test('requests: a creation counts in its month only; a resolved request once in each month it was resolved in', () => {
    fc.assert(
      fc.property(requestsArb, (timelines) => {
        const ours = timelines.filter((t) => evaluate(bundle, t, t.issue.created).agreement === 'acme-prod');
        let created = 0;
        let resolvedSomewhere = 0;
        for (const period of periods) {
          const report = complianceReport(bundle, 'acme-prod', period, timelines.map((t) => summarizeTimeline(bundle, t, period, period.to)));
          created += report.requests.created;
          resolvedSomewhere += report.requests.resolved;
          const byStatus = Object.values(report.requests.open.byStatus).reduce((a, b) => a + b, 0);
          // Every generated request has a status and a priority, so the breakdowns add up to the total.
          expect(byStatus).toBe(report.requests.open.total);
          expect(Object.values(report.requests.open.byPriority).reduce((a, b) => a + b, 0)).toBe(report.requests.open.total);
        }
        expect(created).toBe(ours.filter((t) => t.issue.created >= FIRST && t.issue.created < LAST).length);
        // A request resolved in two months counts in both; never twice in one.
        const months = ours.map((t) => new Set(t.events.filter((e) => e.type === 'resolution' && e.to !== null && e.at >= FIRST && e.at < LAST).map((e) => periods.findIndex((p) => e.at >= p.from && e.at < p.to))).size);
        expect(resolvedSomewhere).toBe(months.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 120 },
    );
  });
});
