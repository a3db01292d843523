// The `contracts` command's JSON (§6, README): every agreement's and supplier's contract at an instant, its state,
// term, notice deadline and each reminder's next occurrence; with a `since` instant also the reminders due in
// `(since, at]`, which is what the Forge app's scheduled job sends, each occurrence once.
import { contractBook } from './contract-book';
import { contractStatus, reminderRecipients, remindersDue, type ContractState, type ReminderOccurrence } from './contract';
import { formatInstant } from './instant';
import type { CalendarDate, ConfigBundle, Contract, ContractReminder, RenewalKind } from './types';

export interface ReminderJson {
  id: string;
  before: ContractReminder['before'];
  notify: ContractReminder['notify'];
  /** Its next occurrence after the instant; null when none is left (the contract is over, or renewed). */
  next: { anchor: CalendarDate; at: string } | null;
}

export interface DueReminderJson {
  id: string;
  anchor: CalendarDate;
  at: string;
  /** The app sends each key once. */
  key: string;
  /** Accounts and groups to tell, the owner resolved to `user:ACCOUNT_ID`. */
  recipients: string[];
}

export interface ContractJson {
  agreement?: string;
  customer?: string;
  supplier?: string;
  number: string;
  owner: string;
  /** The zone its dates are read in: the agreement calendar's (the supplier's calendar's, else UTC). */
  timezone: string;
  state: ContractState;
  renewal: RenewalKind;
  term: { start: CalendarDate; end: CalendarDate | null };
  noticeDeadline: CalendarDate | null;
  /** Agreements only: the agreement that renews this one (`renews`), if any. */
  renewedBy?: string | null;
  reminders: ReminderJson[];
  nextReminder: { id: string; anchor: CalendarDate; at: string } | null;
  due?: DueReminderJson[];
}

export interface ContractsJson {
  at: string;
  since?: string;
  contracts: ContractJson[];
  suppliers: ContractJson[];
}

function dueJson(contract: Contract, occurrence: ReminderOccurrence): DueReminderJson {
  const { reminder } = occurrence;
  return { id: reminder.id, anchor: occurrence.anchor, at: formatInstant(occurrence.at), key: occurrence.key, recipients: reminderRecipients(contract, reminder) };
}

function contractJson(contract: Contract, zone: string, owner: string, at: number, since: number | undefined, renewed: boolean): ContractJson {
  const status = contractStatus(contract, zone, at, owner, { renewed });
  const reminders: ReminderJson[] = status.reminders.map(({ reminder, next }) => ({
    id: reminder.id,
    before: reminder.before,
    notify: reminder.notify,
    next: next && { anchor: next.anchor, at: formatInstant(next.at) },
  }));
  let first: ReminderOccurrence | null = null;
  for (const { next } of status.reminders) if (next !== null && (first === null || next.at < first.at)) first = next;
  const json: ContractJson = {
    number: contract.number,
    owner: contract.owner,
    timezone: zone,
    state: status.state,
    renewal: contract.renewal,
    term: { start: status.term.start, end: status.term.end },
    noticeDeadline: status.noticeDeadline,
    reminders,
    nextReminder: first && { id: first.reminder.id, anchor: first.anchor, at: formatInstant(first.at) },
  };
  if (since !== undefined) json.due = remindersDue(contract, zone, since, at, owner, { renewed }).map((o) => dueJson(contract, o));
  return json;
}

/** Every contract of the bundle at `at`: agreements' in bundle order, then suppliers'. */
export function contractsAt(bundle: ConfigBundle, at: number, since?: number): ContractsJson {
  const book = contractBook(bundle);
  const contracts = book.flatMap((entry) => {
    if (entry.kind !== 'agreement') return [];
    const { reminders, nextReminder, due, ...json } = contractJson(entry.contract, entry.zone, entry.key, at, since, entry.renewedBy !== null);
    return [{ agreement: entry.id, customer: entry.customer!.id, ...json, renewedBy: entry.renewedBy, reminders, nextReminder, ...(due ? { due } : {}) }];
  });
  const suppliers = book.flatMap((entry) => (entry.kind === 'supplier' ? [{ supplier: entry.id, ...contractJson(entry.contract, entry.zone, entry.key, at, since, false) }] : []));
  return { at: formatInstant(at), ...(since !== undefined ? { since: formatInstant(since) } : {}), contracts, suppliers };
}
