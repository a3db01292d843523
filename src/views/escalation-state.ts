// Where a request stands with its escalations, as every agent surface shows it: the escalations its open cycles
// have reached, the next one due, and one level for colour — `breached` (red) when an open cycle is breached,
// `reached` (amber) when an open cycle reached an escalation, `none` otherwise.
import { formatInstant } from '../engine/instant';
import type { ConfigBundle, Obligation } from '../engine/types';
import { thresholdInWords } from './escalation-notice';

export type EscalationLevel = 'none' | 'reached' | 'breached';

export interface EscalationMark {
  goal: string;
  goalName: string;
  cycle: number;
  id: string;
  /** The threshold in words: `50 % of the time used`, `10 minutes before the deadline`, `2 hours overdue`. */
  threshold: string;
  /** When it was reached, or when it falls due. */
  at: string;
}

export interface EscalationSummary {
  level: EscalationLevel;
  /** Reached on open cycles, earliest first. */
  reached: EscalationMark[];
  /** The next one due on a running cycle (the earliest), if any. */
  next: EscalationMark | null;
}

const isOpen = (o: Obligation): boolean => o.state === 'running' || o.state === 'paused';

/** Threshold words by escalation id for the agreement (ids are unique within it). */
export function thresholdsOf(bundle: ConfigBundle, agreementId: string | null | undefined): Map<string, string> {
  const agreement = bundle.agreements.find((a) => a.id === agreementId);
  return new Map((agreement?.escalations ?? []).map((e) => [e.id, thresholdInWords(e.when)]));
}

/** The summary of obligations already carried forward to the moment they are shown. */
export function escalationSummary(bundle: ConfigBundle, agreementId: string | null | undefined, obligations: readonly Obligation[]): EscalationSummary {
  const thresholds = thresholdsOf(bundle, agreementId);
  const goalName = (id: string): string => bundle.goals.find((g) => g.id === id)?.name ?? id;
  const reached: Array<EscalationMark & { ms: number }> = [];
  let next: (EscalationMark & { ms: number }) | null = null;
  for (const o of obligations) {
    if (!isOpen(o)) continue;
    for (const e of o.escalations) {
      const mark = (ms: number) => ({ goal: o.goal, goalName: goalName(o.goal), cycle: o.cycle, id: e.id, threshold: thresholds.get(e.id) ?? e.id, at: formatInstant(ms), ms });
      if (e.reachedAt !== null) reached.push(mark(e.reachedAt));
      else if (e.dueAt !== null && (next === null || e.dueAt < next.ms)) next = mark(e.dueAt);
    }
  }
  reached.sort((a, b) => a.ms - b.ms);
  const strip = ({ ms: _ms, ...m }: EscalationMark & { ms: number }): EscalationMark => m;
  const breached = obligations.some((o) => isOpen(o) && o.breached);
  return { level: breached ? 'breached' : reached.length > 0 ? 'reached' : 'none', reached: reached.map(strip), next: next ? strip(next) : null };
}
