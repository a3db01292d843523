// Sites (§6): a customer's places of work, each in its own zone. An agreement that measures in the site's hours
// (`measureIn: "site"`) counts business time in the request's site's zone: the same weekly hours and holidays, read
// as local times there, or the site's own calendar instead of the agreement's when it has one. A Danish provider's
// customer with a site in New York is measured in New York's office hours.
import { calendarKey, splitCalendarKey } from './calendar';
import { customerById, lineageOf } from './customer-group';
import type { Agreement, ConfigBundle, Site, TimelineIssue } from './types';

export { calendarKey, splitCalendarKey };

/** The zone a calendar key is read in: its own zone, or the calendar's; undefined for an unknown calendar. */
export function zoneOfCalendar(bundle: ConfigBundle, key: string): string | undefined {
  const exact = bundle.calendars.find((c) => c.id === key);
  if (exact) return exact.timezone;
  const { id, zone } = splitCalendarKey(key);
  return zone !== undefined && bundle.calendars.some((c) => c.id === id) ? zone : undefined;
}

/**
 * The request's site: `issue.site` when it names a site of the issue's customer or of one of its groups (a group's
 * shared site serves its members); null otherwise, also for a site of an unrelated customer.
 */
export function siteOf(bundle: ConfigBundle, issue: TimelineIssue): Site | null {
  if (issue.site === undefined || issue.customer === undefined) return null;
  for (const customerId of lineageOf(bundle, issue.customer)) {
    const site = customerById(bundle, customerId)?.sites?.find((s) => s.id === issue.site);
    if (site) return site;
  }
  return null;
}

/**
 * The calendar measuring a target row of the agreement, as a key. Without `measureIn: "site"` or a known site it is
 * the row's calendar, else the agreement's (spec §3). Measured in the site: the site's own calendar replaces the
 * agreement's; every other calendar (the agreement's when the site has none, a row's own) is read in the site's zone.
 */
export function measuringCalendar(bundle: ConfigBundle, agreement: Agreement, rowCalendar: string | undefined, site: Site | null): string {
  const base = rowCalendar ?? agreement.calendar;
  if (agreement.measureIn !== 'site' || site === null) return base;
  if (rowCalendar === undefined && site.calendar !== undefined) return site.calendar;
  const own = bundle.calendars.find((c) => c.id === base)?.timezone;
  return own === site.timezone ? base : calendarKey(base, site.timezone);
}

/** The customer and site a JSM organization is (for the timeline mapping): a site's organization names both. */
export function organizationOwner(bundle: ConfigBundle, organizationId: string): { customer: string; site?: string } | undefined {
  for (const customer of bundle.customers) {
    const site = customer.sites?.find((s) => s.organizationId === organizationId);
    if (site) return { customer: customer.id, site: site.id };
  }
  const customer = bundle.customers.find((c) => c.organizationId === organizationId);
  return customer ? { customer: customer.id } : undefined;
}

/**
 * The site a request field names for a customer: a site of the customer or of one of its groups whose id, or name
 * (any case), is the text. Undefined for no text or a site of no one in the lineage.
 */
export function siteNamed(bundle: ConfigBundle, customerId: string, text: string | undefined): string | undefined {
  const wanted = text?.trim().toLowerCase();
  if (!wanted) return undefined;
  for (const id of lineageOf(bundle, customerId)) {
    const site = customerById(bundle, id)?.sites?.find((s) => s.id.toLowerCase() === wanted || s.name?.trim().toLowerCase() === wanted);
    if (site) return site.id;
  }
  return undefined;
}
