// The next goal in plain words for the person who must act on it:
// "Reply to the customer by 14:30 — 1 h 20 m of business time left".
import { zoneOfCalendar } from './site';
import type { ConfigBundle, Evaluation, Obligation } from './types';
import { formatBusinessDuration, formatInZones } from './wording';

export type GuidanceState = 'running' | 'breached' | 'paused' | 'done' | 'none';

export interface Guidance {
  state: GuidanceState;
  /** The sentence to show. */
  text: string;
  goal: string | null;
  cycle: number | null;
  deadline: number | null;
  /** Business milliseconds left (negative once breached); null without an open goal. */
  remainingMs: number | null;
  /** Every other obligation that is overdue, or due before the headline's deadline, in words (overdue first). */
  alsoDue: string[];
}

function goalLabel(bundle: ConfigBundle, goalId: string): string {
  const goal = bundle.goals.find((g) => g.id === goalId);
  return goal?.guidance ?? goal?.name ?? goalId;
}

function pausedWhy(o: Obligation, bundle: ConfigBundle): string {
  if (o.pausedBy?.kind === 'status') return `paused while the request is "${o.pausedBy.status}"`;
  if (o.pausedBy?.kind === 'action') {
    const action = o.pausedBy.action;
    return `paused since "${bundle.actions.find((a) => a.id === action)?.name ?? action}"`;
  }
  return 'paused';
}

/** The sentence for one open obligation at `now`. */
function sentence(bundle: ConfigBundle, obligation: Obligation, now: number, zone: string): Pick<Guidance, 'state' | 'text' | 'remainingMs'> {
  const label = goalLabel(bundle, obligation.goal);
  const remainingMs = obligation.targetMs - obligation.elapsedMs;
  if (obligation.state === 'paused') return { state: 'paused', text: `${label} — ${pausedWhy(obligation, bundle)}`, remainingMs };
  // A calendar read in a site's zone (§6) is named `ID@ZONE`: its deadline is given in that zone.
  const calendarZone = zoneOfCalendar(bundle, obligation.calendar) ?? zone;
  const when = (instant: number): string => formatInZones(instant, zone, calendarZone, now);
  if (obligation.breached && obligation.breachedAt !== null) {
    return { state: 'breached', text: `${label} — overdue since ${when(obligation.breachedAt)}, ${formatBusinessDuration(remainingMs)} of business time over`, remainingMs };
  }
  return { state: 'running', text: `${label} by ${when(obligation.deadline ?? now)} — ${formatBusinessDuration(remainingMs)} of business time left`, remainingMs };
}

const overdue = (o: Obligation): boolean => o.state === 'running' && o.breached;

/**
 * What to act on first: what the contract promises the customer before internal (OLA) goals; among those, the
 * longest overdue, then the nearest deadline, then a paused clock (nothing to do until it runs again).
 */
function byWhatComesFirst(a: Obligation, b: Obligation): number {
  const rank = (o: Obligation): number => (overdue(o) ? 0 : o.state === 'running' ? 1 : 2);
  const when = (o: Obligation): number => (overdue(o) ? (o.breachedAt ?? 0) : (o.deadline ?? Number.MAX_SAFE_INTEGER));
  return Number(a.internal) - Number(b.internal) || rank(a) - rank(b) || when(a) - when(b) || a.goal.localeCompare(b.goal) || a.cycle - b.cycle;
}

/**
 * The guidance for an evaluation at `now`. `zone` is the viewer's zone; when the calendar measuring the goal
 * is in another zone, the deadline is given in both. The headline is what the customer was promised (the CLI's
 * `next`, by contrast, is simply the earliest deadline, as the spec defines it); `alsoDue` names every other
 * obligation that is overdue or due before the headline's deadline, so an overdue internal goal is never hidden.
 */
export function guidanceFor(bundle: ConfigBundle, evaluation: Evaluation, now: number, zone: string): Guidance {
  if (!evaluation.agreement) {
    return { state: 'none', text: 'No agreement applies to this request', goal: null, cycle: null, deadline: null, remainingMs: null, alsoDue: [] };
  }
  const open = evaluation.obligations.filter((o) => o.state === 'running' || o.state === 'paused').sort(byWhatComesFirst);
  const first = open[0];
  if (!first) {
    return { state: 'done', text: 'Nothing is due: every goal is met or closed', goal: null, cycle: null, deadline: null, remainingMs: null, alsoDue: [] };
  }
  const headline = sentence(bundle, first, now, zone);
  const before = first.state === 'running' && !first.breached ? (first.deadline ?? Number.MAX_SAFE_INTEGER) : Number.NEGATIVE_INFINITY;
  const alsoDue = open
    .slice(1)
    .filter((o) => overdue(o) || (o.state === 'running' && o.deadline !== null && o.deadline < before))
    .sort((a, b) => Number(overdue(b)) - Number(overdue(a)) || byWhatComesFirst(a, b))
    .map((o) => sentence(bundle, o, now, zone).text);
  return { ...headline, goal: first.goal, cycle: first.cycle, deadline: first.state === 'running' ? first.deadline : null, alsoDue };
}
