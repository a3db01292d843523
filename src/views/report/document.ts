// What a customer's report says, section by section, in the customer's language: the facts of the agreement and the
// period, the counts of the spec, compliance per goal against its target, the trend, every breach and every goal
// counted in the month. The PDF lays this out (pdf.ts); keeping the words apart from the drawing lets both be tested.
import { DateTime } from 'luxon';
import { parseInstant } from '../../engine/instant';
import { formatBusinessDuration } from '../../engine/wording';
import type { ReportSnapshot } from '../../adapters/storage/issued-report';
import type { ReportedCycleJson } from '../../engine/compliance-report-json';
import { labelsFor, type ReportLabels } from './labels';

export type GoalResult = 'met' | 'not-met' | 'none';

export interface ComplianceRow {
  goal: string;
  met: number;
  breached: number;
  cancelled: number;
  closed: number;
  /** `92.3 %`, or a dash when nothing was met or breached. */
  compliance: string;
  target: string;
  result: GoalResult;
  resultText: string;
}

export interface TrendSeries {
  goal: string;
  /** Per month, oldest first, this month last: the ratio (0–1) or null when nothing was judged. */
  values: Array<number | null>;
  target: number;
}

export interface ReportDocument {
  labels: ReportLabels;
  title: string;
  subtitle: string;
  facts: Array<[string, string]>;
  note: string | null;
  requests: { created: number; resolved: number; open: number; byStatus: string; byPriority: string };
  compliance: ComplianceRow[];
  trend: { months: string[]; series: TrendSeries[] };
  /** A breached cycle's row in the breaches' table: request, goal, priority, target, elapsed, over by, breached at. */
  breachRow: (cycle: ReportedCycleJson) => string[];
  /** A counted cycle's row in the detail list: request, goal, cycle, priority, outcome, started, ended, target, elapsed. */
  detailRow: (cycle: ReportedCycleJson) => string[];
  footer: string;
  timesNote: string;
}

const MONTH_TEXT = /^(\d{4})-(\d{2})$/;

export function monthName(month: string, labels: ReportLabels): string {
  const m = MONTH_TEXT.exec(month);
  if (!m) return month;
  return DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: 'UTC' }).setLocale(labels.locale).toFormat('LLLL yyyy');
}

const shortMonth = (month: string, labels: ReportLabels): string => {
  const m = MONTH_TEXT.exec(month);
  return m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: 'UTC' }).setLocale(labels.locale).toFormat('LLL yy') : month;
};

function dateTime(iso: string | null, zone: string, labels: ReportLabels, format = 'd LLL yyyy HH:mm'): string {
  if (iso === null) return '–';
  const ms = parseInstant(iso);
  return ms === undefined ? iso : DateTime.fromMillis(ms, { zone }).setLocale(labels.locale).toFormat(format);
}

/** A ratio as a percentage with one decimal in the language's way (`92.3` / `92,3`), without the sign. */
export function percentNumber(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(ratio * 100);
}

function percent(ratio: number | null, labels: ReportLabels): string {
  if (ratio === null) return '–';
  return new Intl.NumberFormat(labels.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** A goal is met when its compliance reaches the target; with nothing met or breached there is nothing to judge. */
export function goalResult(compliance: number | null, targetPercent: number): GoalResult {
  if (compliance === null) return 'none';
  // Compared in whole thousandths of a percent, so 95 % of 20 cycles (19 met) reaches a 95 % target exactly.
  return Math.round(compliance * 100_000) >= Math.round(targetPercent * 1000) ? 'met' : 'not-met';
}

export function reportDocument(snapshot: ReportSnapshot): ReportDocument {
  const labels = labelsFor(snapshot.language);
  const { report } = snapshot;
  const zone = report.period.timezone;
  const goalName = (id: string): string => snapshot.goalNames[id] ?? id;
  const priorityName = (id: string | null): string => (id === null ? '–' : (snapshot.priorities[id]?.name ?? id));
  const duration = (seconds: number): string => formatBusinessDuration(seconds * 1000, labels.units);
  const counts = (byKey: Record<string, number>, name: (key: string) => string, order: (a: string, b: string) => number): string => {
    const keys = Object.keys(byKey).sort(order);
    return keys.length === 0 ? labels.none : keys.map((k) => `${name(k)} ${byKey[k]}`).join(', ');
  };
  const rank = (id: string): number => snapshot.priorities[id]?.rank ?? Number.MAX_SAFE_INTEGER;
  const compliance = report.goals.map((g): ComplianceRow => {
    const target = snapshot.complianceTargets[g.goal] ?? 100;
    const result = goalResult(g.compliance, target);
    return {
      goal: goalName(g.goal),
      met: g.met,
      breached: g.breached,
      cancelled: g.cancelled,
      closed: g.closed,
      compliance: percent(g.compliance, labels),
      target: percent(target / 100, labels),
      result,
      resultText: result === 'met' ? labels.goalMet : result === 'not-met' ? labels.goalNotMet : labels.nothingToJudge,
    };
  });
  const months = [...snapshot.trend.map((t) => t.month), snapshot.month];
  const series = report.goals.map((g): TrendSeries => ({
    goal: goalName(g.goal),
    values: [...snapshot.trend.map((t) => t.goals.find((x) => x.goal === g.goal)?.compliance ?? null), g.compliance],
    target: (snapshot.complianceTargets[g.goal] ?? 100) / 100,
  }));
  return {
    labels,
    title: labels.title,
    subtitle: `${snapshot.agreement.name} · ${monthName(snapshot.month, labels)}`,
    facts: [
      [labels.agreement, `${snapshot.agreement.name} (${snapshot.agreement.id})`],
      [labels.customer, snapshot.customer.name],
      [labels.environment, report.environment],
      [labels.period, `${monthName(snapshot.month, labels)}: ${dateTime(report.period.from, zone, labels)} – ${dateTime(report.period.to, zone, labels)} (${zone})`],
      [labels.issued, dateTime(snapshot.issuedAt, zone, labels)],
      [labels.version, String(snapshot.version)],
    ],
    note: snapshot.version > 1 ? labels.reissued(snapshot.version) : null,
    requests: {
      created: report.requests.created,
      resolved: report.requests.resolved,
      open: report.requests.open.total,
      byStatus: counts(report.requests.open.byStatus, (k) => k, (a, b) => a.localeCompare(b, labels.locale)),
      byPriority: counts(report.requests.open.byPriority, (k) => priorityName(k), (a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    },
    compliance,
    trend: { months: months.map((m) => shortMonth(m, labels)), series },
    breachRow: (c) => [
      c.issue,
      goalName(c.goal),
      priorityName(c.priority),
      duration(c.targetSeconds),
      duration(c.elapsedSeconds),
      duration(Math.max(0, c.elapsedSeconds - c.targetSeconds)),
      dateTime(c.breachedAt, zone, labels, labels.shortDateTime),
    ],
    detailRow: (c) => [
      c.issue,
      goalName(c.goal),
      String(c.cycle),
      priorityName(c.priority),
      labels.outcomes[c.outcome],
      dateTime(c.startedAt, zone, labels, labels.shortDateTime),
      dateTime(c.endedAt, zone, labels, labels.shortDateTime),
      duration(c.targetSeconds),
      duration(c.elapsedSeconds),
    ],
    footer: `${snapshot.customer.name} · ${snapshot.agreement.name} · ${monthName(snapshot.month, labels)} · ${labels.version} ${snapshot.version}`,
    timesNote: labels.timesIn(zone),
  };
}
