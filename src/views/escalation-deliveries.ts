// Escalation deliveries as the admin page lists them: what failed and waits for its retry, what Jira may not have
// sent, and what was sent lately. Instants as ISO strings; each surface words them in its viewer's zone.
import type { EscalationDelivery } from '../adapters/storage/escalation-ledger';
import { formatInstant } from '../engine/instant';
import { deliveryAttemptView, type DeliveryAttemptView } from './delivery-attempt';

export interface EscalationDeliveryView extends DeliveryAttemptView {
  issueKey: string;
  goal: string;
  cycle: number;
  escalation: string;
  customer: string | null;
  reachedAt: string;
  state: EscalationDelivery['state'];
  notify: EscalationDelivery['notify'];
  comment: EscalationDelivery['comment'];
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
    ...deliveryAttemptView(entry),
  };
}
