// An agreement's compliance report (spec §5) built from the stored month entries alone: no request is read from
// Jira and no history is replayed. The month's own entries, plus the latest entries of requests that ran on into the
// month untouched, each carried to the report's instant; the same builder the CLI streams timelines through.
import { ComplianceReportBuilder, type ComplianceReport, type ReportOptions } from '../engine/compliance-report';
import { calendarsOf } from '../engine/obligations';
import { reportPeriod, type ReportPeriod } from '../engine/report-period';
import type { ConfigBundle } from '../engine/types';
import { byCreation, summaryAt, type RequestMonth } from '../adapters/storage/request-month';
import { agreementMonthPage, carriedIntoAnyPage, carriedIntoPage, monthPage, readAll } from '../adapters/storage/request-month-store';
import { agreementZone } from './request-months';

/** A report's month for an agreement, in its calendar's zone; a RangeError for an unknown agreement or bad month. */
export function agreementPeriod(bundle: ConfigBundle, agreementId: string, month: string): ReportPeriod {
  const zone = agreementZone(bundle, agreementId);
  if (zone === undefined) throw new RangeError(`unknown agreement "${agreementId}"`);
  return reportPeriod(month, zone);
}

/**
 * Each request once: its entry for the month, else its latest entry from before it (which says it ran on). Entries
 * come from two reads that may overlap while a request is being recomputed; the month's own entry wins.
 */
export function requestsOfMonth(month: string, own: RequestMonth[], carried: RequestMonth[]): RequestMonth[] {
  const chosen = new Map<string, RequestMonth>();
  for (const entry of carried) {
    const held = chosen.get(entry.issueId);
    if (entry.month < month && (!held || held.month < entry.month)) chosen.set(entry.issueId, entry);
  }
  for (const entry of own) chosen.set(entry.issueId, entry);
  return [...chosen.values()].sort(byCreation);
}

/** One agreement's month entries, the carried ones included. */
export async function agreementEntries(agreementId: string, month: string): Promise<RequestMonth[]> {
  const [own, carried] = await Promise.all([readAll((c) => agreementMonthPage(agreementId, month, c)), readAll((c) => carriedIntoPage(agreementId, month, c))]);
  return requestsOfMonth(month, own, carried);
}

/** Every agreement's month entries, the carried ones included (the management reports). */
export async function monthEntries(month: string): Promise<RequestMonth[]> {
  const [own, carried] = await Promise.all([readAll((c) => monthPage(month, c)), readAll((c) => carriedIntoAnyPage(month, c))]);
  return requestsOfMonth(month, own, carried);
}

/**
 * The report of an agreement for a month from storage, evaluated at `at` (the month's end once it is over; until
 * then the instant asked). Equal to `report` of the CLI on the same histories.
 */
export async function storedReport(bundle: ConfigBundle, agreementId: string, month: string, at: number, options: ReportOptions): Promise<ComplianceReport> {
  const period = agreementPeriod(bundle, agreementId, month);
  const builder = new ComplianceReportBuilder(bundle, agreementId, period, options);
  const calendars = calendarsOf(bundle);
  for (const entry of await agreementEntries(agreementId, month)) builder.add(summaryAt(entry, at, calendars));
  return builder.result();
}
