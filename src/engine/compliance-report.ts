// An agreement's compliance report for one period (spec §5), aggregated from request summaries. The builder takes
// the requests one at a time and keeps only the counts and the counted cycles, so a caller can stream thousands of
// requests through it (the CLI from timelines, the Forge app from its stored records).
import { inPeriod, type ReportPeriod } from './report-period';
import { openAtEnd, resolvedIn, type RequestSummary } from './request-summary';
import type { Agreement, ConfigBundle, Goal, Obligation } from './types';

/** How a cycle ended up, from its evaluation; an open cycle that is not breached has none yet. */
export type CycleOutcome = 'met' | 'breached' | 'cancelled';

/** One counted cycle, in epoch ms like an Obligation (the CLI and the app format it). */
export interface ReportedCycle {
  issue: string;
  goal: string;
  cycle: number;
  internal: boolean;
  outcome: CycleOutcome;
  startedAt: number;
  endedAt: number | null;
  targetMs: number;
  elapsedMs: number;
  breachedAt: number | null;
  /** The issue's priority id at the evaluation instant. */
  priority: string | null;
}

export interface GoalCompliance {
  goal: string;
  internal: boolean;
  /** Cycles completed or cancelled with `endedAt` in the period, whatever their outcome. */
  closed: number;
  met: number;
  breached: number;
  cancelled: number;
  /** met / (met + breached), unrounded; null when both are 0 (nothing to judge, which is not 0 % compliance). */
  compliance: number | null;
}

export interface RequestCounts {
  created: number;
  resolved: number;
  open: { total: number; byStatus: Record<string, number>; byPriority: Record<string, number> };
}

export interface ComplianceReport {
  agreement: string;
  customer: string;
  environment: string;
  period: ReportPeriod;
  requests: RequestCounts;
  goals: GoalCompliance[];
  cycles: ReportedCycle[];
}

export interface ReportOptions {
  /** Include internal (OLA) goals: a customer's report never shows them. */
  internal: boolean;
}

/** The outcome of a cycle evaluated at the report's instant: breached beats how it closed. */
export function outcomeOf(obligation: Pick<Obligation, 'breached' | 'state'>): CycleOutcome | null {
  if (obligation.breached) return 'breached';
  if (obligation.state === 'completed') return 'met';
  if (obligation.state === 'cancelled') return 'cancelled';
  return null;
}

/** The instant that places a cycle with an outcome in exactly one period: its breach, else its end. */
export function countingInstant(obligation: Pick<Obligation, 'breachedAt' | 'endedAt'>, outcome: CycleOutcome): number | null {
  return outcome === 'breached' ? obligation.breachedAt : obligation.endedAt;
}

function countIn(counts: Map<string, number>, key: string | null): void {
  if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The goals an agreement's report lists, in bundle order: those it has a target row for (internal ones on request). */
export function reportedGoals(bundle: ConfigBundle, agreement: Agreement, options: ReportOptions): Goal[] {
  // A supplier's goal (§6) is never the agreement's, not even with `internal`: validation keeps it out of target rows.
  return bundle.goals.filter((goal) => goal.supplier === undefined && agreement.targets.some((row) => row.goal === goal.id) && (options.internal || !goal.internal));
}

/** Accumulates one agreement's report over a period; `add` each request, then read `result`. */
export class ComplianceReportBuilder {
  private readonly agreement: Agreement;
  /** The reported goals in bundle order, with their counts. */
  private readonly goals: GoalCompliance[];
  private readonly goalIndex = new Map<string, number>();
  private readonly goalOrder: Map<string, number>;
  private readonly cycles: ReportedCycle[] = [];
  private created = 0;
  private resolved = 0;
  private open = 0;
  private readonly byStatus = new Map<string, number>();
  private readonly byPriority = new Map<string, number>();

  /**
   * With `onCycle`, each counted cycle is handed over as it is counted and not kept (`result().cycles` is empty): a
   * month of tens of thousands of cycles then streams to wherever it goes instead of being held at once.
   */
  constructor(
    bundle: ConfigBundle,
    agreementId: string,
    private readonly period: ReportPeriod,
    options: ReportOptions,
    private readonly onCycle?: (cycle: ReportedCycle) => void,
  ) {
    const agreement = bundle.agreements.find((a) => a.id === agreementId);
    if (!agreement) throw new RangeError(`unknown agreement "${agreementId}"`);
    this.agreement = agreement;
    this.goalOrder = new Map(bundle.goals.map((g, i) => [g.id, i]));
    this.goals = reportedGoals(bundle, agreement, options).map((goal) => ({
      goal: goal.id,
      internal: goal.internal,
      closed: 0,
      met: 0,
      breached: 0,
      cancelled: 0,
      compliance: null,
    }));
    this.goals.forEach((g, i) => this.goalIndex.set(g.goal, i));
  }

  /** Counts one request; a request of another agreement (or of none) is ignored. */
  add(request: RequestSummary): void {
    if (request.agreement !== this.agreement.id) return;
    const { period } = this;
    if (inPeriod(period, request.created)) this.created++;
    if (resolvedIn(period, request)) this.resolved++;
    if (openAtEnd(period, request)) {
      this.open++;
      countIn(this.byStatus, request.end.status);
      countIn(this.byPriority, request.end.priority);
    }
    // Goal order, then cycle number: the evaluation lists them so, but a stored record need not.
    const obligations = [...request.obligations].sort(
      (a, b) => (this.goalOrder.get(a.goal) ?? Infinity) - (this.goalOrder.get(b.goal) ?? Infinity) || a.cycle - b.cycle,
    );
    for (const o of obligations) {
      const index = this.goalIndex.get(o.goal);
      if (index === undefined) continue;
      const goal = this.goals[index]!;
      if ((o.state === 'completed' || o.state === 'cancelled') && inPeriod(period, o.endedAt)) goal.closed++;
      const outcome = outcomeOf(o);
      if (outcome === null || !inPeriod(period, countingInstant(o, outcome))) continue;
      goal[outcome]++;
      const cycle: ReportedCycle = {
        issue: request.key,
        goal: o.goal,
        cycle: o.cycle,
        internal: o.internal,
        outcome,
        startedAt: o.startedAt,
        endedAt: o.endedAt,
        targetMs: o.targetMs,
        elapsedMs: o.elapsedMs,
        breachedAt: o.breachedAt,
        priority: request.priority,
      };
      if (this.onCycle) this.onCycle(cycle);
      else this.cycles.push(cycle);
    }
  }

  result(): ComplianceReport {
    const { agreement } = this;
    return {
      agreement: agreement.id,
      customer: agreement.customer,
      environment: agreement.environment,
      period: { ...this.period },
      requests: {
        created: this.created,
        resolved: this.resolved,
        open: { total: this.open, byStatus: Object.fromEntries(this.byStatus), byPriority: Object.fromEntries(this.byPriority) },
      },
      goals: this.goals.map((g) => ({ ...g, compliance: g.met + g.breached === 0 ? null : g.met / (g.met + g.breached) })),
      cycles: [...this.cycles],
    };
  }
}

/** The report of an agreement over a period from its requests, in input order (others are ignored). */
export function complianceReport(
  bundle: ConfigBundle,
  agreementId: string,
  period: ReportPeriod,
  requests: Iterable<RequestSummary>,
  options: ReportOptions = { internal: false },
): ComplianceReport {
  const builder = new ComplianceReportBuilder(bundle, agreementId, period, options);
  for (const request of requests) builder.add(request);
  return builder.result();
}
