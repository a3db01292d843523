// The compliance report in the spec's public shapes (spec §5): JSON with instants as UTC text and times in whole
// seconds, and its cycles as CSV (RFC 4180, `\n` line ends).
import type { ComplianceReport, CycleOutcome, GoalCompliance, ReportedCycle, RequestCounts } from './compliance-report';
import { formatInstant } from './instant';

export interface ReportedCycleJson {
  issue: string;
  goal: string;
  cycle: number;
  internal: boolean;
  outcome: CycleOutcome;
  startedAt: string;
  endedAt: string | null;
  targetSeconds: number;
  elapsedSeconds: number;
  breachedAt: string | null;
  priority: string | null;
}

export interface ComplianceReportJson {
  agreement: string;
  customer: string;
  environment: string;
  period: { month: string; from: string; to: string; timezone: string };
  requests: RequestCounts;
  goals: GoalCompliance[];
  cycles: ReportedCycleJson[];
}

const seconds = (ms: number): number => Math.floor(ms / 1000);
const instantOrNull = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

/** One counted cycle in the spec's shape. */
export function toCycleJson(c: ReportedCycle): ReportedCycleJson {
  return {
    issue: c.issue,
    goal: c.goal,
    cycle: c.cycle,
    internal: c.internal,
    outcome: c.outcome,
    startedAt: formatInstant(c.startedAt),
    endedAt: instantOrNull(c.endedAt),
    targetSeconds: seconds(c.targetMs),
    elapsedSeconds: seconds(c.elapsedMs),
    breachedAt: instantOrNull(c.breachedAt),
    priority: c.priority,
  };
}

export function toComplianceReportJson(report: ComplianceReport): ComplianceReportJson {
  const { period } = report;
  return {
    agreement: report.agreement,
    customer: report.customer,
    environment: report.environment,
    period: { month: period.month, from: formatInstant(period.from), to: formatInstant(period.to), timezone: period.timezone },
    requests: report.requests,
    goals: report.goals,
    cycles: report.cycles.map(toCycleJson),
  };
}

/** The CSV columns, in the spec's order; each is a field of ReportedCycleJson. */
export const CYCLE_COLUMNS = [
  'issue',
  'goal',
  'cycle',
  'internal',
  'outcome',
  'startedAt',
  'endedAt',
  'targetSeconds',
  'elapsedSeconds',
  'breachedAt',
  'priority',
] as const satisfies ReadonlyArray<keyof ReportedCycleJson>;

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: null is an empty cell; text with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's header line, with its `\n`. */
export const CYCLES_CSV_HEADER = `${CYCLE_COLUMNS.join(',')}\n`;

/** One cycle's CSV line, with its `\n`. */
export function cycleCsvLine(cycle: ReportedCycleJson): string {
  return `${CYCLE_COLUMNS.map((column) => csvField(cycle[column])).join(',')}\n`;
}

/** The header line, then one line per cycle; every line, the last included, ends with `\n`. */
export function cyclesCsv(cycles: readonly ReportedCycleJson[]): string {
  let out = CYCLES_CSV_HEADER;
  for (const cycle of cycles) out += cycleCsvLine(cycle);
  return out;
}
