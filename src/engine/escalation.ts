// Escalation thresholds (spec §3): how much elapsed business time E reaches an escalation on a cycle whose current
// target is T. The replay (obligations.ts) finds when elapsed time reaches E, where it counts elapsed time.
import { parseDuration } from './duration';
import type { Agreement, Escalation, EscalationWhen } from './types';

/** An escalation ready for the replay: its threshold as a function of the cycle's current target. */
export interface EscalationRule {
  id: string;
  /** E in milliseconds for a target of `targetMs`. */
  thresholdFor(targetMs: number): number;
}

const SECOND = 1000;

/**
 * A percentage as the exact fraction it was written as (`33.3` → 333/10): T × p / 100 must round down to the
 * second the admin expects, which binary floating point misses when T × p / 100 is a whole second (`57.7` % of 1000 s).
 */
function exactFraction(percent: number): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(percent));
  // Validation admits only finite numbers in (0, 100], which always match; anything else counts to a millionth.
  if (!m) return [BigInt(Math.round(percent * 1e6)), BigInt(1e6)];
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? 0) - fraction.length;
  const digits = BigInt(m[1]! + fraction);
  return exponent >= 0 ? [digits * 10n ** BigInt(exponent), 1n] : [digits, 10n ** BigInt(-exponent)];
}

function percentRule(percent: number): (targetMs: number) => number {
  const [numerator, denominator] = exactFraction(percent);
  const divisor = denominator * 100n * BigInt(SECOND);
  // BigInt division truncates, which is rounding down for these non-negative values.
  return (targetMs) => Number((BigInt(Math.floor(targetMs)) * numerator) / divisor) * SECOND;
}

/** E in milliseconds as a function of the target, for the replay and for the admin's preview on a sample cycle. */
export function thresholdRule(when: EscalationWhen): (targetMs: number) => number {
  if ('elapsedPercent' in when) return percentRule(when.elapsedPercent);
  if ('remaining' in when) {
    const before = parseDuration(when.remaining) ?? 0;
    return (targetMs) => Math.max(0, targetMs - before);
  }
  const after = parseDuration(when.overdue) ?? 0;
  return (targetMs) => targetMs + after;
}

function ruleOf(escalation: Escalation): EscalationRule {
  return { id: escalation.id, thresholdFor: thresholdRule(escalation.when) };
}

const byAgreement = new WeakMap<Agreement, ReadonlyMap<string, readonly EscalationRule[]>>();

/** The agreement's escalations per goal id, in the agreement's order; compiled once per agreement object. */
export function escalationRulesOf(agreement: Agreement): ReadonlyMap<string, readonly EscalationRule[]> {
  let rules = byAgreement.get(agreement);
  if (rules) return rules;
  const grouped = new Map<string, EscalationRule[]>();
  for (const escalation of agreement.escalations) {
    const list = grouped.get(escalation.goal) ?? [];
    list.push(ruleOf(escalation));
    grouped.set(escalation.goal, list);
  }
  rules = grouped;
  byAgreement.set(agreement, rules);
  return rules;
}
