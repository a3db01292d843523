// Which reached escalations a record still owes someone: what a new computation of a request hands to the breach
// watch (the record's `pendingEscalations`), and what it already did (`sentEscalations`). The ledger is the truth
// about what was sent; these two lists are how the record knows, cheaply, whether the watch must look at it.
import { escalationKey, type IssueRecord, type PendingEscalation } from '../adapters/storage/issue-record';
import type { Obligation } from '../engine/types';

export interface EscalationDuty {
  pending: PendingEscalation[];
  sent: string[];
}

const isOpen = (o: Obligation): boolean => o.state === 'running' || o.state === 'paused';

/**
 * The escalations to carry out after a computation, from the obligations and the record it replaces.
 * - Reached on an open cycle and not yet sent: owed.
 * - Reached on a cycle that closed since: owed when it was owed before, or when it was reached after the previous
 *   computation (reached and closed between two looks). Older history is not: a first computation, or a new
 *   escalation in the configuration, never notifies about cycles that ended before the app could have known.
 * - Sent: remembered while its cycle is open (afterwards it can no longer come back as owed).
 */
export function escalationDuty(obligations: readonly Obligation[], previous: Pick<IssueRecord, 'computedAt' | 'pendingEscalations' | 'sentEscalations'> | undefined): EscalationDuty {
  const sentBefore = new Set(previous?.sentEscalations ?? []);
  const owedBefore = new Map((previous?.pendingEscalations ?? []).map((p) => [escalationKey(p), p]));
  const pending: PendingEscalation[] = [];
  const sent: string[] = [];
  for (const o of obligations) {
    for (const e of o.escalations) {
      if (e.reachedAt === null) continue;
      const key = escalationKey({ goal: o.goal, cycle: o.cycle, id: e.id });
      if (sentBefore.has(key)) {
        if (isOpen(o)) sent.push(key);
        continue;
      }
      const before = owedBefore.get(key);
      const owed = isOpen(o) || before !== undefined || (previous !== undefined && e.reachedAt >= previous.computedAt);
      if (!owed) continue;
      pending.push({ goal: o.goal, cycle: o.cycle, id: e.id, reachedAt: e.reachedAt, ...(before?.notBefore !== undefined ? { notBefore: before.notBefore } : {}) });
    }
  }
  pending.sort((a, b) => a.reachedAt - b.reachedAt);
  return { pending, sent };
}
