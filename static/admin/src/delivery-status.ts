// What the admin page's delivery lines (escalations, contract reminders) share: a status read once, then followed
// while something waits for a retry, and counts in words.
import { useCallback } from 'react';
import { useResource, type Resource } from '../../shared/use-resource';

/** The status of a ledger: read once, and every `pollMs` while a delivery Jira refused waits for its retry. */
export function useDeliveryStatus<S extends { failed: readonly unknown[] }>(fetchStatus: () => Promise<S>, pollMs: number): Resource<S> {
  const whileFailing = useCallback((status: S): number | null => (status.failed.length > 0 ? pollMs : null), [pollMs]);
  return useResource(fetchStatus, { pollMs: whileFailing });
}

/** `1 escalation`, `2 escalations`. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
