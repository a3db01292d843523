// An evaluation carried forward in time without replaying: between two events nothing changes but the clocks of
// running cycles, so the obligations at a later instant follow from those stored at an earlier one and the calendars.
// This is what lets every surface show figures that are right at the moment they are shown (remaining, overdue,
// breached) from a record computed at the last event, without reading the request's history again.
import type { CalendarSet } from './calendar';
import { nextOf } from './obligations';
import type { Evaluation, Obligation } from './types';

/** The obligations of `evaluation` (computed at `from`) at `to`, assuming no event between the two instants. */
export function advance(evaluation: Evaluation, from: number, to: number, calendars: CalendarSet): Evaluation {
  if (to <= from) return evaluation;
  const obligations = evaluation.obligations.map((o) => advanceOne(o, from, to, calendars));
  const advanced: Evaluation = { ...evaluation, obligations, next: nextOf(obligations) };
  // A supplier's cycles (§6) run on the same clocks, apart from the customer's next goal.
  if (evaluation.supplierObligations) advanced.supplierObligations = evaluation.supplierObligations.map((o) => advanceOne(o, from, to, calendars));
  return advanced;
}

/** One running cycle carried forward; others are as they were. */
function advanceOne(o: Obligation, from: number, to: number, calendars: CalendarSet): Obligation {
  if (o.state !== 'running' || !calendars.has(o.calendar)) return o;
  const calendar = calendars.get(o.calendar);
  const elapsedMs = o.elapsedMs + calendar.between(from, to);
  // An escalation due by `to` was reached at the instant it was due: that instant is where its threshold falls.
  const escalations = o.escalations.map((e) => (e.dueAt !== null && e.dueAt <= to ? { ...e, reachedAt: e.dueAt, dueAt: null } : e));
  if (o.breached) return { ...o, elapsedMs, escalations };
  // The target is reached where the time left at `from` runs out (or was already, when none was left).
  const reachedAt = o.reachedAt ?? (elapsedMs >= o.targetMs ? calendar.add(from, o.targetMs - o.elapsedMs) : null);
  if (elapsedMs <= o.targetMs) return { ...o, elapsedMs, escalations, reachedAt, deadline: calendar.add(to, o.targetMs - elapsedMs) };
  return { ...o, elapsedMs, escalations, breached: true, breachedAt: reachedAt, reachedAt, deadline: reachedAt };
}
