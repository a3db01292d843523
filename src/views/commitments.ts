// An agreement's commitments to a customer, in words: "Time to first response within 30 minutes, around the clock".
// (The product says "commitments" for what a contract promises the customer, on the portal and everywhere else.)
import { localDate, targetRowFor } from '../engine/agreement';
import { parseDuration } from '../engine/duration';
import { lineageOf } from '../engine/customer-group';
import { measuringCalendar, splitCalendarKey } from '../engine/site';
import type { Agreement, Calendar, ConfigBundle, Obligation, PriorityMatrix, Site, Weekday } from '../engine/types';
import { businessDurationInWords } from '../engine/wording';
import { WEEKDAYS } from '../engine/types';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** `around the clock`, or the week grouped by equal days: `Mon–Thu 08:00–16:00, Fri 08:00–15:30 (Europe/Copenhagen)`. */
export function calendarInWords(calendar: Calendar): string {
  const text = (day: Weekday): string => calendar.week[day].map(([s, e]) => `${s}–${e}`).join(', ');
  if (WEEKDAYS.every((d) => text(d) === '00:00–24:00')) return 'around the clock';
  const groups: Array<{ from: Weekday; to: Weekday; hours: string }> = [];
  for (const day of WEEKDAYS) {
    const hours = text(day);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours) last.to = day;
    else groups.push({ from: day, to: day, hours });
  }
  const open = groups.filter((g) => g.hours !== '');
  const days = open.map((g) => `${DAY_NAMES[g.from]}${g.from === g.to ? '' : `–${DAY_NAMES[g.to]}`} ${g.hours}`);
  const holidays = calendar.holidays.length > 0 ? ', closed on holidays' : '';
  return `${days.join(', ')} (${calendar.timezone})${holidays}`;
}

export interface Commitment {
  goal: string;
  goalName: string;
  targetSeconds: number;
  calendar: string;
  words: string;
}

export interface PriorityCommitments {
  id: string;
  name: string;
  rank: number;
  description?: string;
  colour?: string;
  commitments: Commitment[];
}

export interface AgreementCommitments {
  agreement: { id: string; name: string; environment: string; products: string[] };
  /** The agreement's business hours in words, said once: a commitment names its own only when it counts in others. */
  hours: string;
  priorityModel: { id: string; name: string };
  priorities: PriorityCommitments[];
  /** The model's impact × urgency matrix (§6): the customer answers two questions and the cell names the priority. */
  matrix: PriorityMatrix | null;
  /** The customer's site whose hours measure the request (`measureIn: "site"`), or null. */
  site: { id: string; name: string; timezone: string } | null;
}

/**
 * The agreements a customer may raise requests under on a date: its own in force and, for each environment it has
 * none of, its group's (then that group's group's, nearest first) — §6's inheritance, so a member without its own
 * agreement is offered the group's. Each with the customer it is offered to.
 */
export function agreementsOffered(bundle: ConfigBundle, customerIds: string[], at: number): Array<{ agreement: Agreement; customer: string }> {
  const out: Array<{ agreement: Agreement; customer: string }> = [];
  for (const customer of customerIds) {
    const covered = new Set<string>();
    for (const level of lineageOf(bundle, customer)) {
      const own = agreementsInForce(bundle, [level], at).filter((a) => !covered.has(a.environment));
      for (const agreement of own) if (!out.some((o) => o.agreement.id === agreement.id)) out.push({ agreement, customer });
      for (const agreement of own) covered.add(agreement.environment);
    }
  }
  return out;
}

/** The calendar an agreement's own hours are counted on for a site: the site's own, or the agreement's in its zone. */
function hoursCalendar(bundle: ConfigBundle, agreement: Agreement, site: Site | null): Calendar | undefined {
  const { id, zone } = splitCalendarKey(measuringCalendar(bundle, agreement, undefined, site));
  const calendar = bundle.calendars.find((c) => c.id === id);
  return calendar && zone !== undefined ? { ...calendar, timezone: zone } : calendar;
}

/** Agreements of a customer in force on a date (each read in its own calendar's zone). */
export function agreementsInForce(bundle: ConfigBundle, customerIds: string[], at: number): Agreement[] {
  return bundle.agreements.filter((a) => {
    if (!customerIds.includes(a.customer)) return false;
    const calendar = bundle.calendars.find((c) => c.id === a.calendar);
    const date = localDate(at, calendar?.timezone ?? 'UTC');
    return a.validFrom <= date && (a.validTo === null || date < a.validTo);
  });
}

/** The priorities of an agreement's model with the customer-facing (not internal) targets each promises. */
export function commitmentsOf(bundle: ConfigBundle, agreement: Agreement, requestType: string | undefined, site: Site | null = null): AgreementCommitments {
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const goals = bundle.goals.filter((g) => !g.internal);
  const priorities = [...(model?.priorities ?? [])].sort((a, b) => a.rank - b.rank);
  const own = hoursCalendar(bundle, agreement, site);
  const measuredAtSite = agreement.measureIn === 'site' && site !== null;
  return {
    agreement: { id: agreement.id, name: agreement.name ?? agreement.id, environment: agreement.environment, products: agreement.products },
    hours: own ? calendarInWords(own) : agreement.calendar,
    priorityModel: { id: agreement.priorityModel, name: model?.name ?? agreement.priorityModel },
    matrix: model?.matrix ?? null,
    site: measuredAtSite ? { id: site.id, name: site.name ?? site.id, timezone: site.timezone } : null,
    priorities: priorities.map((priority) => ({
      id: priority.id,
      name: priority.name ?? priority.id,
      rank: priority.rank,
      ...(priority.description ? { description: priority.description } : {}),
      ...(priority.colour ? { colour: priority.colour } : {}),
      commitments: goals.flatMap((goal): Commitment[] => {
        const row = targetRowFor(agreement, goal.id, requestType, priority.id);
        if (!row) return [];
        const targetMs = parseDuration(row.target) ?? 0;
        // Measured in the site's hours where the agreement says so (§6): the key may be a re-zoned `ID@ZONE`.
        const calendarId = measuringCalendar(bundle, agreement, row.calendar, site);
        const { id: base, zone } = splitCalendarKey(calendarId);
        const found = bundle.calendars.find((c) => c.id === base);
        const calendar = found && zone !== undefined ? { ...found, timezone: zone } : found;
        const goalName = goal.customerLabel ?? goal.name ?? goal.id;
        const when = calendar ? calendarInWords(calendar) : calendarId;
        // The agreement's own hours are said once for all; a row measured in other hours says which.
        const suffix = when === 'around the clock' ? ', around the clock' : calendarId === measuringCalendar(bundle, agreement, undefined, site) ? ' of business time' : ` of business time: ${when}`;
        const words = `${goalName} within ${businessDurationInWords(targetMs)}${suffix}`;
        return [{ goal: goal.id, goalName, targetSeconds: Math.floor(targetMs / 1000), calendar: calendarId, words }];
      }),
    })),
  };
}

/**
 * What a customer is shown of the obligations: their promises only (no internal goals), one line per goal — its open
 * cycle, else its latest — and never a cancelled cycle (a promise that no longer applies is no news to them).
 */
export function customerFacing(obligations: readonly Obligation[]): Obligation[] {
  return latestPerGoal(obligations.filter((o) => !o.internal));
}

/** One obligation per goal, in their order: the goal's open cycle, else its latest; never a cancelled one. */
export function latestPerGoal(obligations: readonly Obligation[]): Obligation[] {
  const byGoal = new Map<string, Obligation>();
  for (const o of obligations) {
    if (o.state === 'cancelled') continue;
    const seen = byGoal.get(o.goal);
    const open = (x: Obligation): boolean => x.state === 'running' || x.state === 'paused';
    if (!seen || (open(o) && !open(seen)) || (open(o) === open(seen) && o.cycle > seen.cycle)) byGoal.set(o.goal, o);
  }
  return obligations.filter((o) => byGoal.get(o.goal) === o);
}
