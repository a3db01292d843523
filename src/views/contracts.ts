// The contracts page (formats.md §6): every contract the viewer may see, with its state, its term, the next date its
// manager must act on, and each reminder — when it comes next and what became of the last one. Dates are the
// contract's own local dates (`YYYY-MM-DD`, in its zone); instants are ISO strings the page words in the viewer's zone.
import { addCalendarPeriod, parseCalendarPeriod } from '../engine/calendar-period';
import type { ContractEntry } from '../engine/contract-book';
import { contractStatus, type ContractState } from '../engine/contract';
import { formatInstant } from '../engine/instant';
import type { CalendarDate, RenewalKind, ReminderTarget } from '../engine/types';
import type { ReminderDelivery } from '../adapters/storage/reminder-ledger';
import { reminderView, type ReminderDeliveryView } from './reminder-deliveries';

/** What the next date is: the contract starts, its notice deadline, or its last day. */
export type NextDateKind = 'start' | 'notice' | 'end';

export interface ContractReminderView {
  id: string;
  before: 'notice' | 'end';
  /** A calendar period (`P30D`, `P3M`). */
  offset: string;
  notify: ReminderTarget[];
  /** Its next occurrence after now: the date it counts back to and when it is sent; null when none is left. */
  next: { anchor: CalendarDate; at: string } | null;
  /** The latest occurrence the app handled (sent, failed, under way), or null. */
  last: ReminderDeliveryView | null;
}

export interface ContractRowView {
  /** `agreement:ID` or `supplier:ID`. */
  key: string;
  kind: 'agreement' | 'supplier';
  /** The agreement's or the supplier's id and name. */
  id: string;
  name: string;
  /** Who the contract is with: the customer of an agreement, or the supplier. */
  party: { id: string; name: string };
  number: string;
  owner: { accountId: string; name: string | null };
  issueKey: string | null;
  /** The zone its dates are read in. */
  timezone: string;
  state: ContractState;
  renewal: RenewalKind;
  /** The term in force: `end` is the first day it no longer runs (null: open-ended), `lastDay` the day before. */
  term: { start: CalendarDate; end: CalendarDate | null; lastDay: CalendarDate | null };
  noticeDeadline: CalendarDate | null;
  /** The earliest date still to come that its manager acts on; null once the contract is over. */
  next: { date: CalendarDate; kind: NextDateKind } | null;
  /** Agreements: the agreement that renews this one, or null. */
  renewedBy: string | null;
  reminders: ContractReminderView[];
}

export interface ContractsView {
  at: string;
  contracts: ContractRowView[];
}

const ONE_DAY = parseCalendarPeriod('P1D')!;
const dayBefore = (date: CalendarDate): CalendarDate => addCalendarPeriod(date, ONE_DAY, -1);

export interface ContractInputs {
  entry: ContractEntry;
  ownerName: string | null;
  /** The contract's ledger entries, the latest due first. */
  deliveries: ReminderDelivery[];
}

export function contractRow({ entry, ownerName, deliveries }: ContractInputs, now: number): ContractRowView {
  const { contract } = entry;
  const status = contractStatus(contract, entry.zone, now, entry.key, { renewed: entry.renewedBy !== null });
  const over = status.state === 'expired' || status.state === 'terminated';
  const candidates: Array<{ date: CalendarDate; kind: NextDateKind }> = [];
  if (status.state === 'preliminary') candidates.push({ date: contract.start, kind: 'start' });
  if (status.noticeDeadline !== null) candidates.push({ date: status.noticeDeadline, kind: 'notice' });
  if (!over && status.term.end !== null) candidates.push({ date: dayBefore(status.term.end), kind: 'end' });
  const next = candidates.filter((c) => c.date >= status.today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0] ?? null;
  return {
    key: entry.key,
    kind: entry.kind,
    id: entry.id,
    name: entry.name,
    party: entry.customer ?? { id: entry.id, name: entry.name },
    number: contract.number,
    owner: { accountId: contract.owner, name: ownerName },
    issueKey: contract.issue ?? null,
    timezone: entry.zone,
    state: status.state,
    renewal: contract.renewal,
    term: { start: status.term.start, end: status.term.end, lastDay: status.term.end === null ? null : dayBefore(status.term.end) },
    noticeDeadline: status.noticeDeadline,
    next,
    renewedBy: entry.renewedBy,
    reminders: status.reminders.map(({ reminder, next: occurrence }) => {
      const last = deliveries.find((d) => d.reminder === reminder.id);
      return {
        id: reminder.id,
        before: reminder.before,
        offset: reminder.offset,
        notify: reminder.notify,
        next: occurrence && { anchor: occurrence.anchor, at: formatInstant(occurrence.at) },
        last: last ? reminderView(last) : null,
      };
    }),
  };
}
