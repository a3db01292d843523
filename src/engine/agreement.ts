// Which agreement applies to an issue, and which of its target rows measures a goal (spec §3, "Obligations").
import type { Agreement, ConfigBundle, TargetRow, TimelineIssue } from './types';
import { offsetAt } from './zone';

/** The `YYYY-MM-DD` date of an instant in a zone. */
export function localDate(instant: number, timezone: string): string {
  return new Date(instant + offsetAt(timezone, instant) * 60_000).toISOString().slice(0, 10);
}

function isValidOn(agreement: Agreement, date: string): boolean {
  return agreement.validFrom <= date && (agreement.validTo === null || date < agreement.validTo);
}

/**
 * The agreement whose customer and environment are the issue's, whose products include the issue's product
 * (or are empty), and whose validity contains the creation date in the agreement calendar's zone.
 * An agreement naming products beats a catch-all one; then the first listed wins.
 */
export function selectAgreement(bundle: ConfigBundle, issue: TimelineIssue): Agreement | null {
  let catchAll: Agreement | null = null;
  for (const agreement of bundle.agreements) {
    if (agreement.customer !== issue.customer || agreement.environment !== issue.environment) continue;
    const namesProducts = agreement.products.length > 0;
    if (namesProducts && (issue.product === undefined || !agreement.products.includes(issue.product))) continue;
    const calendar = bundle.calendars.find((c) => c.id === agreement.calendar);
    if (!calendar || !isValidOn(agreement, localDate(issue.created, calendar.timezone))) continue;
    if (namesProducts) return agreement;
    catchAll ??= agreement;
  }
  return catchAll;
}

/** The first row for the goal matching the request type and the priority in force; undefined when none. */
export function targetRowFor(
  agreement: Agreement,
  goalId: string,
  requestType: string | undefined,
  priority: string | undefined,
): TargetRow | undefined {
  return agreement.targets.find(
    (row) =>
      row.goal === goalId &&
      (row.requestTypes === undefined || (requestType !== undefined && row.requestTypes.includes(requestType))) &&
      (row.priorities === undefined || (priority !== undefined && row.priorities.includes(priority))),
  );
}
