// At risk: a running cycle that has used most of its target and is not breached yet (§8). One threshold for the
// whole site, so the issue panel, the work list and the portal turn amber at the same moment.
import type { ConfigBundle, Obligation } from './types';

export const DEFAULT_AT_RISK_PERCENT = 80;

export function atRiskPercentOf(bundle: ConfigBundle): number {
  return bundle.settings?.atRiskPercent ?? DEFAULT_AT_RISK_PERCENT;
}

/** Running, not breached, and at least `percent` of the target used. */
export function isAtRisk(o: Pick<Obligation, 'state' | 'breached' | 'elapsedMs' | 'targetMs'>, percent: number): boolean {
  return o.state === 'running' && !o.breached && o.elapsedMs * 100 >= o.targetMs * percent;
}
