// An agreement's compliance report (spec §5) built from the stored month entries alone: no request is read from
// Jira and no history is replayed. The month's own entries, plus the latest entries of requests that ran on into the
// month untouched, each carried to the report's instant; the same builder the CLI streams timelines through.
import { ComplianceReportBuilder, type ComplianceReport, type ReportedCycle, type ReportOptions } from '../engine/compliance-report';
import { calendarsOf } from '../engine/obligations';
import { reportPeriod, type ReportPeriod } from '../engine/report-period';
import type { ConfigBundle } from '../engine/types';
import { byCreation, summaryAt, type RequestMonth } from '../adapters/storage/request-month';
import { agreementMonthPage, carriedIntoAnyPage, carriedIntoPage, monthPage, readAll, type MonthPage } from '../adapters/storage/request-month-store';
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

/**
 * The same, a page at a time: the month's own entries are read page by page in creation order (their index's range),
 * and the carried ones — requests that ran on from earlier months, as many as are open, read first — are merged in
 * at their place. Entries of one creation instant wait until the next instant shows up, so a request's own entry
 * always meets its carried one and the order is exactly `requestsOfMonth`'s.
 */
export async function* requestsOfMonthByPage(month: string, ownPage: (cursor?: string) => Promise<MonthPage>, carried: RequestMonth[]): AsyncGenerator<RequestMonth[]> {
  const waiting = requestsOfMonth(month, [], carried);
  let next = 0;
  let pending: RequestMonth[] = [];
  const before = (created: number): RequestMonth[] => {
    const ready = pending.filter((e) => e.created < created);
    pending = pending.filter((e) => e.created >= created);
    const start = next;
    while (next < waiting.length && waiting[next]!.created < created) next++;
    return ready.length === 0 && start === next ? [] : requestsOfMonth(month, ready, waiting.slice(start, next));
  };
  let cursor: string | undefined;
  do {
    const page = await ownPage(cursor);
    cursor = page.cursor;
    const last = page.entries.at(-1)?.created;
    pending.push(...page.entries);
    const ready = last === undefined ? [] : before(last);
    if (ready.length > 0) yield ready;
  } while (cursor !== undefined);
  const rest = before(Infinity);
  if (rest.length > 0) yield rest;
}

/** One agreement's month entries a page at a time, the carried ones included. */
export async function* agreementEntryPages(agreementId: string, month: string): AsyncGenerator<RequestMonth[]> {
  const carried = await readAll((c) => carriedIntoPage(agreementId, month, c));
  yield* requestsOfMonthByPage(month, (c) => agreementMonthPage(agreementId, month, c), carried);
}

/** Every agreement's month entries, the carried ones included (the management reports). */
export async function monthEntries(month: string): Promise<RequestMonth[]> {
  const [own, carried] = await Promise.all([readAll((c) => monthPage(month, c)), readAll((c) => carriedIntoAnyPage(month, c))]);
  return requestsOfMonth(month, own, carried);
}

/**
 * The report of an agreement for a month from storage, evaluated at `at` (the month's end once it is over; until
 * then the instant asked). Equal to `report` of the CLI on the same histories. Entries are read and counted a page
 * at a time; with `cycles`, the counted cycles are handed over after each page instead of kept (the report's
 * `cycles` is then empty), so nothing holds the whole month at once.
 */
export async function storedReport(
  bundle: ConfigBundle,
  agreementId: string,
  month: string,
  at: number,
  options: ReportOptions,
  cycles?: (counted: ReportedCycle[]) => Promise<void> | void,
): Promise<ComplianceReport> {
  const period = agreementPeriod(bundle, agreementId, month);
  let counted: ReportedCycle[] = [];
  const builder = new ComplianceReportBuilder(bundle, agreementId, period, options, cycles ? (c) => counted.push(c) : undefined);
  const calendars = calendarsOf(bundle);
  for await (const page of agreementEntryPages(agreementId, month)) {
    for (const entry of page) builder.add(summaryAt(entry, at, calendars));
    if (cycles && counted.length > 0) {
      const handed = counted;
      counted = [];
      await cycles(handed);
    }
  }
  return builder.result();
}
