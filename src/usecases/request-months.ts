// Which month entries a computation of a request writes (docs/architecture.md, "Reports from storage"). Months that
// had ended when the request was last computed are final and kept as they are; the others — the month under way,
// and any month that ended since — are summarized again from the replay. Everything is compared with what the
// record says was written, so a computation writes only the months that changed.
import { evaluateAtEach } from '../engine/obligations';
import type { ConfigBundle, Evaluation, Obligation, Timeline } from '../engine/types';
import { countingInstant, outcomeOf } from '../engine/compliance-report';
import { inPeriod, periodsBetween, type ReportPeriod } from '../engine/report-period';
import { summarizeTimelineByPeriod, type PeriodSummary } from '../engine/request-summary';
import { NO_RANK, decodeCycles, keepFrozenCycles, type IssueRecord } from '../adapters/storage/issue-record';
import { digestOf, toRequestMonth, type RequestFacts, type RequestMonth } from '../adapters/storage/request-month';
import type { MonthWrites } from '../adapters/storage/request-month-store';

export interface MonthComputation {
  /** What to write: changed entries, months that no longer count, and the guard. */
  writes: MonthWrites;
  /** The record's new `months`: every month that has an entry, with its digest. */
  months: Record<string, string>;
}

/** The calendar zone an agreement's months are read in (spec §5); undefined when the bundle lacks it. */
export function agreementZone(bundle: ConfigBundle, agreementId: string): string | undefined {
  const agreement = bundle.agreements.find((a) => a.id === agreementId);
  return agreement && bundle.calendars.find((c) => c.id === agreement.calendar)?.timezone;
}

function rankOf(bundle: ConfigBundle, agreementId: string, priority: string | null): number {
  const model = bundle.priorityModels.find((m) => m.id === bundle.agreements.find((a) => a.id === agreementId)?.priorityModel);
  return model?.priorities.find((p) => p.id === priority)?.rank ?? NO_RANK;
}

const closedIn = (period: ReportPeriod, o: Obligation): boolean => (o.state === 'completed' || o.state === 'cancelled') && inPeriod(period, o.endedAt);

function countedIn(period: ReportPeriod, o: Obligation): boolean {
  const outcome = outcomeOf(o);
  return outcome !== null && inPeriod(period, countingInstant(o, outcome));
}

/**
 * The cycles a month's entry keeps: those the month counts or closes, and — for the month under way — those still
 * running, which may yet breach before it ends.
 */
function cyclesFor(period: ReportPeriod, obligations: Obligation[], underWay: boolean): Obligation[] {
  return obligations.filter((o) => countedIn(period, o) || closedIn(period, o) || (underWay && o.state === 'running'));
}

/** Whether the request counts in the month's report at all (created, resolved, open at the end, or a cycle counted). */
function counts(period: ReportPeriod, summary: PeriodSummary, cycles: Obligation[]): boolean {
  return inPeriod(period, summary.created) || summary.resolvedAt.length > 0 || (summary.created < period.to && !summary.end.resolved) || cycles.some((o) => countedIn(period, o) || closedIn(period, o));
}

export interface MonthInputs {
  bundle: ConfigBundle;
  configVersion: number;
  timeline: Timeline;
  /** The request evaluated at `now` (the record's own evaluation: the month under way needs no second replay). */
  evaluation: Evaluation;
  /** The new record (its agreement, facts and revision) and the one stored before it. */
  record: IssueRecord;
  previous: IssueRecord | undefined;
  now: number;
}

/** The month entries of a computation, and the record's new `months`. */
export function computeMonths({ bundle, configVersion, timeline, evaluation: atNow, record, previous, now }: MonthInputs): MonthComputation {
  const known = new Set(Object.keys(previous?.months ?? {}));
  const guard = { issueId: record.issueId, revision: record.revision, configVersion, known };
  const agreement = record.agreement;
  const zone = agreement === undefined ? undefined : agreementZone(bundle, agreement);
  if (agreement === undefined || zone === undefined) return { writes: { ...guard, entries: [], removed: [...known] }, months: {} };
  // A new configuration or agreement may change any month; otherwise only those not yet over at the last computation.
  const redoAll = !previous?.months || previous.configVersion !== configVersion || previous.agreement !== agreement || previous.created !== record.created;
  const all = periodsBetween(record.created, now, zone);
  const redo = redoAll ? all : all.filter((p) => p.to > previous.computedAt);
  const kept: Record<string, string> = {};
  if (!redoAll) for (const [month, digest] of Object.entries(previous.months ?? {})) if (!redo.some((p) => p.month === month)) kept[month] = digest;
  if (redo.length === 0) return { writes: { ...guard, entries: [], removed: [] }, months: kept };

  const ended = redo.filter((p) => p.to <= now);
  const evaluations = [...(ended.length > 0 ? evaluateAtEach(bundle, timeline, ended.map((p) => p.to)) : []), ...(ended.length < redo.length ? [atNow] : [])];
  const summaries = summarizeTimelineByPeriod(bundle, timeline, redo, now, evaluations);
  // Closed cycles already stored are history (keepFrozenCycles): the months show them as they were reported.
  const frozen = previous ? decodeCycles(previous).filter((o) => o.state === 'completed' || o.state === 'cancelled') : [];
  const facts: RequestFacts = {
    issueId: record.issueId,
    issueKey: record.issueKey,
    projectKey: record.projectKey,
    ...pick(record, ['customer', 'environment', 'product', 'requestType', 'assignee', 'assigneeName', 'summary']),
    created: record.created,
    revision: record.revision,
    configVersion,
  };
  const months: Record<string, string> = { ...kept };
  const entries: RequestMonth[] = [];
  const removed: string[] = [];
  redo.forEach((period, i) => {
    const summary = summaries[i]!;
    const underWay = period.to > now;
    const evaluation = { issue: summary.key, agreement: summary.agreement, obligations: summary.obligations, next: null };
    const obligations = keepFrozenCycles(evaluation, frozen.filter((o) => o.endedAt !== null && o.endedAt <= summary.evaluatedAt)).obligations;
    const cycles = cyclesFor(period, obligations, underWay);
    // The latest entry stands for the months after it while the request is unresolved or a clock still runs.
    const carry = underWay && (!summary.end.resolved || obligations.some((o) => o.state === 'running'));
    if (!counts(period, summary, cycles) && !carry) {
      if (known.has(period.month)) removed.push(period.month);
      return;
    }
    const entry = toRequestMonth(facts, period.month, agreement, summary, cycles, rankOf(bundle, agreement, summary.priority), carry);
    const digest = digestOf(entry);
    months[period.month] = digest;
    if (previous?.months?.[period.month] !== digest) entries.push(entry);
  });
  return { writes: { ...guard, entries, removed }, months };
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}
