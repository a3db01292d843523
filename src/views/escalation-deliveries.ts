// Escalation deliveries as the admin page lists them: what failed and waits for its retry, what Jira may not have
// sent, and what was sent lately. Instants as ISO strings; each surface words them in its viewer's zone.
import type { EscalationDelivery } from '../adapters/storage/escalation-ledger';
import { formatInstant } from '../engine/instant';

export interface EscalationDeliveryView {
  issueKey: string;
  goal: string;
  cycle: number;
  escalation: string;
  customer: string | null;
  reachedAt: string;
  state: EscalationDelivery['state'];
  notify: EscalationDelivery['notify'];
  comment: EscalationDelivery['comment'];
  recipients: string[];
  attempts: number;
  lastAttemptAt: string;
  retryAt: string | null;
  sentAt: string | null;
  late: boolean;
  lastError: string | null;
}

export interface EscalationStatus {
  /** Refused by Jira, waiting for their retry (back-off). */
  failed: EscalationDeliveryView[];
  /** Jira was asked, and may or may not have sent them; never asked twice. */
  unconfirmed: EscalationDeliveryView[];
  /** The latest sent, newest first. */
  recent: EscalationDeliveryView[];
}

export function deliveryView(entry: EscalationDelivery): EscalationDeliveryView {
  return {
    issueKey: entry.issueKey,
    goal: entry.goal,
    cycle: entry.cycle,
    escalation: entry.escalation,
    customer: entry.customer ?? null,
    reachedAt: formatInstant(entry.reachedAt),
    state: entry.state,
    notify: entry.notify,
    comment: entry.comment,
    recipients: entry.recipients ?? [],
    attempts: entry.attempts,
    lastAttemptAt: formatInstant(entry.lastAttemptAt),
    retryAt: entry.retryAt === undefined ? null : formatInstant(entry.retryAt),
    sentAt: entry.sentAt === undefined ? null : formatInstant(entry.sentAt),
    late: entry.late === true,
    lastError: entry.lastError ?? null,
  };
}
