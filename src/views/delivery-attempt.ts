// What every ledger delivery (an escalation, a contract reminder) shows of its attempts the same way: who was told,
// how many times Jira refused, when it was last tried, retried and sent, whether late, and the last error. Instants
// as ISO strings; each surface words them in its viewer's zone.
import { formatInstant } from '../engine/instant';

interface Attempted {
  recipients?: string[];
  attempts: number;
  lastAttemptAt: number;
  retryAt?: number;
  sentAt?: number;
  late?: boolean;
  lastError?: string;
}

export interface DeliveryAttemptView {
  recipients: string[];
  attempts: number;
  lastAttemptAt: string;
  retryAt: string | null;
  sentAt: string | null;
  late: boolean;
  lastError: string | null;
}

export function deliveryAttemptView(entry: Attempted): DeliveryAttemptView {
  return {
    recipients: entry.recipients ?? [],
    attempts: entry.attempts,
    lastAttemptAt: formatInstant(entry.lastAttemptAt),
    retryAt: entry.retryAt === undefined ? null : formatInstant(entry.retryAt),
    sentAt: entry.sentAt === undefined ? null : formatInstant(entry.sentAt),
    late: entry.late === true,
    lastError: entry.lastError ?? null,
  };
}
