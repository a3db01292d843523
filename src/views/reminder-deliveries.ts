// Contract reminders as the admin and the contracts page list them: what Jira refused (retried with back-off while
// the reminder is of use), what Jira may not have sent, and what was sent. Instants as ISO strings; each surface
// words them in its viewer's zone.
import type { ReminderDelivery } from '../adapters/storage/reminder-ledger';
import { formatInstant } from '../engine/instant';
import { deliveryAttemptView, type DeliveryAttemptView } from './delivery-attempt';

export interface ReminderDeliveryView extends DeliveryAttemptView {
  /** `agreement:ID` or `supplier:ID`. */
  contract: string;
  number: string;
  reminder: string;
  before: ReminderDelivery['before'];
  /** The notice deadline or end it counts back to (a local date). */
  anchor: string;
  issueKey: string | null;
  dueAt: string;
  state: ReminderDelivery['state'];
  notify: ReminderDelivery['notify'];
}

export interface ReminderStatus {
  /** Refused by Jira, waiting for their retry (back-off). */
  failed: ReminderDeliveryView[];
  /** Jira was asked, and may or may not have sent them; never asked twice. */
  unconfirmed: ReminderDeliveryView[];
  /** The latest sent, newest first. */
  recent: ReminderDeliveryView[];
}

export function reminderView(entry: ReminderDelivery): ReminderDeliveryView {
  return {
    contract: entry.contract,
    number: entry.number,
    reminder: entry.reminder,
    before: entry.before,
    anchor: entry.anchor,
    issueKey: entry.issueKey ?? null,
    dueAt: formatInstant(entry.dueAt),
    state: entry.state,
    notify: entry.notify,
    ...deliveryAttemptView(entry),
  };
}
