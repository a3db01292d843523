// What a compliance report needs to know about one request (spec §5), and how to learn it from a timeline.
// The report is aggregated from these summaries alone, so the Forge app can build the same report from what it
// stores per request (its record of the evaluation plus a few facts) without replaying timelines.
import { selectAgreement } from './agreement';
import { applyMatrix, hasAnswers, matrixOf } from './matrix';
import { evaluate, evaluateAtEach } from './obligations';
import { inPeriod, type ReportPeriod } from './report-period';
import type { ConfigBundle, Evaluation, Obligation, Timeline } from './types';

/** The request as it stood just before the period's end: after the events at instants before `to`. */
export interface StateAtPeriodEnd {
  /** A resolution (not null) was in force: the request does not count as open. */
  resolved: boolean;
  /** Null when no event set a status: such a request counts in `open.total` only. */
  status: string | null;
  /** Null when the issue has no priority: such a request counts in `open.total` only. */
  priority: string | null;
}

/** One request of a report. Instants are epoch ms; the agreement decides whether a report takes it at all. */
export interface RequestSummary {
  key: string;
  /** The agreement chosen for the request as in §3 (null: none), so reports of other agreements ignore it. */
  agreement: string | null;
  created: number;
  /** Every instant a resolution was set (`to` not null), in event order: "resolved in the period" needs no more. */
  resolvedAt: number[];
  end: StateAtPeriodEnd;
  /** The priority id at the evaluation instant: every cycle of the request is reported with it. */
  priority: string | null;
  /** The request's cycles evaluated at the report's instant, as `simulate` would evaluate them. */
  obligations: Obligation[];
}

/**
 * The summary of a timeline for a report over `period`, evaluated at `at`. One pass over the events gives the
 * resolution instants, the state just before `to` and the priority at `at`; the obligations come from `evaluate`.
 */
export function summarizeTimeline(bundle: ConfigBundle, timeline: Timeline, period: Pick<ReportPeriod, 'to'>, at: number): RequestSummary {
  const { issue, events } = withMatrixPriorities(bundle, timeline);
  const resolvedAt: number[] = [];
  const end: StateAtPeriodEnd = { resolved: false, status: null, priority: issue.priority ?? null };
  let priority = issue.priority ?? null;
  for (const event of events) {
    if (event.type === 'resolution' && event.to !== null) resolvedAt.push(event.at);
    if (event.type === 'priority' && event.at <= at) priority = event.to;
    if (event.at >= period.to) continue;
    if (event.type === 'created' && event.status !== undefined) end.status = event.status;
    else if (event.type === 'status') end.status = event.to;
    else if (event.type === 'priority') end.priority = event.to;
    else if (event.type === 'resolution') end.resolved = event.to !== null;
  }
  const evaluation = evaluate(bundle, timeline, at);
  return { key: issue.key, agreement: evaluation.agreement, created: issue.created, resolvedAt, end, priority, obligations: evaluation.obligations };
}

/** A request's summary for one period, and the instant its obligations were evaluated at. */
export interface PeriodSummary extends RequestSummary {
  evaluatedAt: number;
}

/**
 * The summaries of one request for several periods (ascending), from one replay. A period that has ended by `now` is
 * summarized as summarizeTimeline does at its end (`at` = `to`); the period under way as it stands at `now`, which
 * is what its end will show if nothing else happens (advance() carries its running clocks on). Resolution instants
 * are those inside each period, which is all "resolved in the period" looks at.
 */
export function summarizeTimelineByPeriod(
  bundle: ConfigBundle,
  timeline: Timeline,
  periods: ReadonlyArray<Pick<ReportPeriod, 'from' | 'to'>>,
  now: number,
  /** The evaluations at each period's instant, when the caller has them already (the app has the one at `now`). */
  evaluations: readonly Evaluation[] = evaluateAtEach(bundle, timeline, periods.map((p) => Math.min(p.to, now))),
): PeriodSummary[] {
  const { issue, events } = withMatrixPriorities(bundle, timeline);
  const instants = periods.map((p) => Math.min(p.to, now));
  const summaries: PeriodSummary[] = [];
  const end: StateAtPeriodEnd = { resolved: false, status: null, priority: issue.priority ?? null };
  let priority = issue.priority ?? null;
  let next = 0;
  periods.forEach((period, i) => {
    const at = instants[i]!;
    // The state "just before the end": events before `to`, and none after `now` (there are none in the app).
    for (; next < events.length; next++) {
      const event = events[next]!;
      if (event.at >= period.to || event.at > now) break;
      if (event.type === 'created' && event.status !== undefined) end.status = event.status;
      else if (event.type === 'status') end.status = event.to;
      else if (event.type === 'priority') end.priority = event.to;
      else if (event.type === 'resolution') end.resolved = event.to !== null;
    }
    // The priority at the evaluation instant, an event at that very instant included.
    priority = end.priority;
    for (let j = next; j < events.length && events[j]!.at <= at; j++) if (events[j]!.type === 'priority') priority = (events[j] as { to: string }).to;
    const resolvedAt = events.filter((e) => e.type === 'resolution' && e.to !== null && inPeriod(period, e.at)).map((e) => e.at);
    summaries.push({
      key: issue.key,
      agreement: evaluations[i]!.agreement,
      created: issue.created,
      resolvedAt,
      end: { ...end },
      priority,
      obligations: evaluations[i]!.obligations,
      evaluatedAt: at,
    });
  });
  return summaries;
}

/** Whether the request was resolved (a resolution set) at least once in the period: it then counts once. */
export function resolvedIn(period: Pick<ReportPeriod, 'from' | 'to'>, request: Pick<RequestSummary, 'resolvedAt'>): boolean {
  return request.resolvedAt.some((instant) => inPeriod(period, instant));
}

/** Whether the request counts as open at the period's end: created before `to`, no resolution in force then. */
export function openAtEnd(period: Pick<ReportPeriod, 'to'>, request: Pick<RequestSummary, 'created' | 'end'>): boolean {
  return request.created < period.to && !request.end.resolved;
}

/** The timeline with the priority changes its impact and urgency answers cause (§6), as the replay sees it. */
function withMatrixPriorities(bundle: ConfigBundle, timeline: Timeline): Timeline {
  if (!hasAnswers(timeline)) return timeline;
  const agreement = selectAgreement(bundle, timeline.issue);
  return agreement ? applyMatrix(timeline, matrixOf(bundle, agreement)) : timeline;
}
