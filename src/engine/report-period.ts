// The period a compliance report covers (spec §5): one calendar month, [from, to) between two local midnights in
// the zone of the agreement's calendar, with the spec's gap and overlap rules for those midnights.
import { offsetAt, wallClockToInstant } from './zone';

/** A report's month as written on the command line and in the report (`2026-11`). */
export type ReportMonth = string;

export interface ReportPeriod {
  month: ReportMonth;
  /** Epoch ms of the first local midnight of the month (inclusive). */
  from: number;
  /** Epoch ms of the first local midnight of the next month (exclusive). */
  to: number;
  timezone: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Year and month (1–12) of `YYYY-MM`; undefined for anything else, so callers can say what was wrong. */
export function parseReportMonth(text: string): { year: number; month: number } | undefined {
  const m = MONTH.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

/**
 * The period of a month in a zone. A midnight that falls in a spring-forward gap moves forward by the gap; one that
 * occurs twice means its first occurrence (wallClockToInstant is the calendar's own conversion, so a report's edges
 * agree with the opening hours). Throws a RangeError for a malformed month or an unknown zone.
 */
export function reportPeriod(month: ReportMonth, timezone: string): ReportPeriod {
  const parsed = parseReportMonth(month);
  if (!parsed) throw new RangeError(`"${month}" is not a month written YYYY-MM (01–12)`);
  const from = wallClockToInstant(timezone, firstOfMonth(parsed.year, parsed.month - 1));
  const to = wallClockToInstant(timezone, firstOfMonth(parsed.year, parsed.month));
  return { month, from, to, timezone };
}

/** Midnight of the 1st written as if UTC; month 12 rolls over into January. Not Date.UTC: it reads years 0–99 as 19xx. */
function firstOfMonth(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, 1);
  return date.getTime();
}

/** Whether an instant lies in the period's half-open span. */
export function inPeriod(period: Pick<ReportPeriod, 'from' | 'to'>, instant: number | null): boolean {
  return instant !== null && instant >= period.from && instant < period.to;
}

/** The month (`YYYY-MM`) an instant falls in, read on the wall clock of a zone. */
export function monthOf(instant: number, timezone: string): ReportMonth {
  const local = new Date(instant + offsetAt(timezone, instant));
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month after `month` (December rolls over into January). */
export function nextMonth(month: ReportMonth): ReportMonth {
  const parsed = parseReportMonth(month);
  if (!parsed) throw new RangeError(`"${month}" is not a month written YYYY-MM (01–12)`);
  const [year, index] = parsed.month === 12 ? [parsed.year + 1, 1] : [parsed.year, parsed.month + 1];
  return `${String(year).padStart(4, '0')}-${String(index).padStart(2, '0')}`;
}

/** The month before `month` (January rolls back into December). */
export function previousMonth(month: ReportMonth): ReportMonth {
  const parsed = parseReportMonth(month);
  if (!parsed) throw new RangeError(`"${month}" is not a month written YYYY-MM (01–12)`);
  const [year, index] = parsed.month === 1 ? [parsed.year - 1, 12] : [parsed.year, parsed.month - 1];
  return `${String(year).padStart(4, '0')}-${String(index).padStart(2, '0')}`;
}

/** The periods of the months from the one `from` falls in to the one `to` falls in, both included. */
export function periodsBetween(from: number, to: number, timezone: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (let month = monthOf(from, timezone); ; month = nextMonth(month)) {
    const period = reportPeriod(month, timezone);
    if (period.from > to) break;
    periods.push(period);
  }
  return periods;
}
