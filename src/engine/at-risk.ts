// At risk: a running cycle that has used most of its target and is not breached yet (§8). One threshold for the
// whole site, so the issue panel, the work list and the portal turn amber at the same moment.
import type { BusinessCalendar } from './calendar';
import type { ConfigBundle, Obligation } from './types';

export const DEFAULT_AT_RISK_PERCENT = 80;

export function atRiskPercentOf(bundle: ConfigBundle): number {
  return bundle.settings?.atRiskPercent ?? DEFAULT_AT_RISK_PERCENT;
}

/** Running, not breached, and at least `percent` of the target used. */
export function isAtRisk(o: Pick<Obligation, 'state' | 'breached' | 'elapsedMs' | 'targetMs'>, percent: number): boolean {
  return o.state === 'running' && !o.breached && o.elapsedMs * 100 >= o.targetMs * percent;
}

/**
 * When a running cycle that is not at risk yet will be, at `now` and in the calendar measuring it: the instant its
 * elapsed time reaches the share (the breach watch wakes then, so queues see it through the issue property).
 */
export function atRiskDueAt(o: Pick<Obligation, 'state' | 'breached' | 'elapsedMs' | 'targetMs'>, percent: number, calendar: BusinessCalendar, now: number): number | null {
  if (o.state !== 'running' || o.breached || isAtRisk(o, percent)) return null;
  const share = Math.ceil((o.targetMs * percent) / 100);
  return calendar.add(now, share - o.elapsedMs);
}
