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

/**
 * The guidance for an evaluation at `now`. `zone` is the viewer's zone; when the calendar measuring the goal
 * is in another zone, the deadline is given in both.
 */
export function guidanceFor(bundle: ConfigBundle, evaluation: Evaluation, now: number, zone: string): Guidance {
  const next = evaluation.next;
  if (!evaluation.agreement) {
    return { state: 'none', text: 'No agreement applies to this request', goal: null, cycle: null, deadline: null, remainingMs: null };
  }
  const obligation = next && evaluation.obligations.find((o) => o.goal === next.goal && o.cycle === next.cycle);
  if (!next || !obligation) {
    return { state: 'done', text: 'Nothing is due: every goal is met or closed', goal: null, cycle: null, deadline: null, remainingMs: null };
  }
  const label = goalLabel(bundle, next.goal);
  const remainingMs = obligation.targetMs - obligation.elapsedMs;
  const base = { goal: next.goal, cycle: next.cycle, deadline: next.deadline, remainingMs };
  if (obligation.state === 'paused') return { ...base, state: 'paused', text: `${label} — ${pausedWhy(obligation, bundle)}` };

  // A calendar read in a site's zone (§6) is named `ID@ZONE`: its deadline is given in that zone.
  const calendarZone = zoneOfCalendar(bundle, obligation.calendar) ?? zone;
  const when = (instant: number): string => formatInZones(instant, zone, calendarZone, now);
  if (obligation.breached && obligation.breachedAt !== null) {
    return { ...base, state: 'breached', text: `${label} — overdue since ${when(obligation.breachedAt)}, ${formatBusinessDuration(remainingMs)} of business time over` };
  }
  const deadline = next.deadline ?? now;
  return { ...base, state: 'running', text: `${label} by ${when(deadline)} — ${formatBusinessDuration(remainingMs)} of business time left` };
}
