// The evaluation in the spec's public JSON shape (spec §4): instants as UTC text, times in whole seconds.
import { formatInstant } from './instant';
import type { Evaluation, Obligation } from './types';

export interface EscalationJson {
  id: string;
  reachedAt: string | null;
  dueAt: string | null;
}

export interface ObligationJson {
  goal: string;
  cycle: number;
  internal: boolean;
  state: Obligation['state'];
  startedAt: string;
  endedAt: string | null;
  targetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  breached: boolean;
  breachedAt: string | null;
  deadline: string | null;
  escalations: EscalationJson[];
}

export interface EvaluationJson {
  issue: string;
  agreement: string | null;
  obligations: ObligationJson[];
  next: { goal: string; cycle: number; deadline: string | null } | null;
  /** Only for bundles with supplier goals (§6): their cycles, each naming its supplier first. */
  supplierObligations?: Array<{ supplier: string } & ObligationJson>;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);
const instantOrNull = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

function toObligationJson(o: Obligation): ObligationJson {
  return {
    goal: o.goal,
    cycle: o.cycle,
    internal: o.internal,
    state: o.state,
    startedAt: formatInstant(o.startedAt),
    endedAt: instantOrNull(o.endedAt),
    targetSeconds: seconds(o.targetMs),
    elapsedSeconds: seconds(o.elapsedMs),
    remainingSeconds: seconds(o.targetMs) - seconds(o.elapsedMs),
    breached: o.breached,
    breachedAt: instantOrNull(o.breachedAt),
    deadline: instantOrNull(o.deadline),
    escalations: o.escalations.map((e) => ({ id: e.id, reachedAt: instantOrNull(e.reachedAt), dueAt: instantOrNull(e.dueAt) })),
  };
}

export function toEvaluationJson(evaluation: Evaluation): EvaluationJson {
  const json: EvaluationJson = {
    issue: evaluation.issue,
    agreement: evaluation.agreement,
    obligations: evaluation.obligations.map(toObligationJson),
    next: evaluation.next && { ...evaluation.next, deadline: instantOrNull(evaluation.next.deadline) },
  };
  if (evaluation.supplierObligations) {
    json.supplierObligations = evaluation.supplierObligations.map((o) => ({ supplier: o.supplier ?? '', ...toObligationJson(o) }));
  }
  return json;
}
