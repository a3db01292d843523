// Which agreement applies to an issue, and which of its target rows measures a goal (spec §3, "Obligations";
// customer groups: §6).
import type { Agreement, ConfigBundle, TargetRow, TimelineIssue } from './types';
import { lineageOf } from './customer-group';
import { offsetAt } from './zone';

/** The `YYYY-MM-DD` date of an instant in a zone. */
export function localDate(instant: number, timezone: string): string {
  return new Date(instant + offsetAt(timezone, instant) * 60_000).toISOString().slice(0, 10);
}

/** Further from UTC than any zone's offset (tzdb spans −12 h to +14 h). */
const MAX_OFFSET = 26 * 3_600_000;
const midnights = new Map<string, number>();

/**
 * Whether an instant's date in a zone is on or after `date`. Only an instant within 26 hours of that date's midnight
 * needs the zone's offset (a luxon look-up costing microseconds); a report checks the agreement of every request.
 */
function onOrAfter(instant: number, timezone: string, date: string): boolean {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    midnight = Date.parse(`${date}T00:00:00Z`);
    if (midnights.size < 10_000) midnights.set(date, midnight);
  }
  if (instant - MAX_OFFSET >= midnight) return true;
  if (instant + MAX_OFFSET < midnight) return false;
  return localDate(instant, timezone) >= date;
}

/** Whether the creation instant's date, in the agreement calendar's zone, lies in [validFrom, validTo). */
export function isValidAt(agreement: Agreement, instant: number, timezone: string): boolean {
  return onOrAfter(instant, timezone, agreement.validFrom) && (agreement.validTo === null || !onOrAfter(instant, timezone, agreement.validTo));
}

/**
 * One customer's own agreement for the issue: its environment is the issue's, its products include the issue's
 * product (or are empty), and its validity contains the creation date in the agreement calendar's zone.
 * An agreement naming products beats a catch-all one; then the first listed wins.
 */
function ownAgreement(bundle: ConfigBundle, issue: TimelineIssue, customer: string): Agreement | null {
  let catchAll: Agreement | null = null;
  for (const agreement of bundle.agreements) {
    if (agreement.customer !== customer || agreement.environment !== issue.environment) continue;
    const namesProducts = agreement.products.length > 0;
    if (namesProducts && (issue.product === undefined || !agreement.products.includes(issue.product))) continue;
    const calendar = bundle.calendars.find((c) => c.id === agreement.calendar);
    if (!calendar || !isValidAt(agreement, issue.created, calendar.timezone)) continue;
    if (namesProducts) return agreement;
    catchAll ??= agreement;
  }
  return catchAll;
}

/**
 * The agreement that applies to an issue (spec §3, with the groups of §6): the issue's customer's own matching
 * agreement; failing that, its group's, then that group's group's, nearest first. Without groups this is exactly
 * §3's rule. `agreement-choice.ts` explains the same choice in words.
 */
export function selectAgreement(bundle: ConfigBundle, issue: TimelineIssue): Agreement | null {
  if (issue.customer === undefined) return null;
  for (const customer of lineageOf(bundle, issue.customer)) {
    const agreement = ownAgreement(bundle, issue, customer);
    if (agreement) return agreement;
  }
  return null;
}

/** The first of the rows for the goal matching the request type and the priority in force; undefined when none. */
export function matchingRow(
  rows: readonly TargetRow[],
  goalId: string,
  requestType: string | undefined,
  priority: string | undefined,
): TargetRow | undefined {
  return rows.find(
    (row) =>
      row.goal === goalId &&
      (row.requestTypes === undefined || (requestType !== undefined && row.requestTypes.includes(requestType))) &&
      (row.priorities === undefined || (priority !== undefined && row.priorities.includes(priority))),
  );
}

/** The first row for the goal matching the request type and the priority in force; undefined when none. */
export function targetRowFor(
  agreement: Agreement,
  goalId: string,
  requestType: string | undefined,
  priority: string | undefined,
): TargetRow | undefined {
  return matchingRow(agreement.targets, goalId, requestType, priority);
}
