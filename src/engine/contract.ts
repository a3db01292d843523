// A contract's state and reminders at an instant (§6), from its dates alone. Dates are local dates in a zone (an
// agreement's: its calendar's zone, as for validity); `end` and `terminatedOn` are the first days it no longer runs.
// Pure: the instant and the zone are arguments, so the Forge app's scheduled job and the CLI agree to the second.
import { localDate } from './agreement';
import { addCalendarPeriod, daysBetween, longestDays, parseCalendarPeriod, type CalendarPeriodParts } from './calendar-period';
import type { CalendarDate, Contract, ContractReminder, ReminderTarget } from './types';
import { wallClockToInstant } from './zone';

export type ContractState = 'preliminary' | 'active' | 'expiring' | 'expired' | 'terminated';

/** One term of the contract: the first, or one automatic renewal. `end` null: open-ended. */
export interface ContractTerm {
  start: CalendarDate;
  end: CalendarDate | null;
  /** 0 for the first term, then 1, 2, … for automatic renewals. */
  index: number;
  /** The term ends because the contract was terminated (at `terminatedOn`), not at its natural end. */
  terminated: boolean;
}

/** One reminder on one term: told once, at local midnight starting `anchor − offset`. */
export interface ReminderOccurrence {
  reminder: ContractReminder;
  /** The notice deadline or the term's end it counts back from. */
  anchor: CalendarDate;
  /** Local midnight of `anchor − offset`, as an instant. */
  at: number;
  /** Unique per contract, reminder and term: the app sends each key once. */
  key: string;
  /** The end of the term it belongs to (the first day after it). */
  termEnd: CalendarDate;
}

export interface ContractStatus {
  state: ContractState;
  /** The date of the instant in the zone. */
  today: CalendarDate;
  /** The term in force (the first while preliminary, the last once over). */
  term: ContractTerm;
  /**
   * The next notice deadline, today or later: the last day notice can be given for a term to end at its end (`end` −
   * notice period: notice that day leaves exactly the notice period). This term's, or once past it, an automatic
   * renewal's; null without a notice period, once no deadline is left, or when a termination ends the contract.
   */
  noticeDeadline: CalendarDate | null;
  /** Each reminder's next occurrence after the instant, in the contract's order (null: none is left). */
  reminders: Array<{ reminder: ContractReminder; next: ReminderOccurrence | null }>;
}

export interface ContractOptions {
  /** A later agreement renews this one: the decision is made, so no more reminders are sent. */
  renewed?: boolean;
}

const ONE_DAY: CalendarPeriodParts = { years: 0, months: 0, weeks: 0, days: 1 };
const DEFAULT_RENEWAL_TERM: CalendarPeriodParts = { years: 1, months: 0, weeks: 0, days: 0 };
/** More terms than any contract runs through; guards a loop over terms against a zero-length one. */
const MAX_TERMS = 100_000;

function periodOf(text: string | undefined): CalendarPeriodParts | undefined {
  return text === undefined ? undefined : parseCalendarPeriod(text);
}

/** Local midnight at the start of a date in a zone (a midnight in a DST gap moves forward by the gap). */
export function midnightOf(date: CalendarDate, zone: string): number {
  return wallClockToInstant(zone, Date.parse(`${date}T00:00:00Z`));
}

const minDate = (a: CalendarDate, b: CalendarDate | undefined): CalendarDate => (b !== undefined && b < a ? b : a);

/** The contract's terms, computed on demand: the first, then automatic renewals, all cut at `terminatedOn`. */
export class ContractTerms {
  private readonly renewalTerm: CalendarPeriodParts;
  readonly notice: CalendarPeriodParts | undefined;

  constructor(readonly contract: Contract) {
    this.renewalTerm = periodOf(contract.renewalTerm) ?? DEFAULT_RENEWAL_TERM;
    this.notice = periodOf(contract.noticePeriod);
  }

  /** The k-th term, or undefined when the contract has none that far (it ended, or was terminated before). */
  term(k: number): ContractTerm | undefined {
    const { start, end, renewal, terminatedOn } = this.contract;
    if (k > 0 && (renewal !== 'automatic' || end === null)) return undefined;
    const from = k === 0 ? start : addCalendarPeriod(end!, this.renewalTerm, k - 1);
    if (terminatedOn !== undefined && k > 0 && terminatedOn <= from) return undefined;
    const natural = k === 0 ? end : addCalendarPeriod(end!, this.renewalTerm, k);
    if (natural === null) return { start: from, end: terminatedOn ?? null, index: k, terminated: terminatedOn !== undefined };
    const cut = minDate(natural, terminatedOn);
    return { start: from, end: cut, index: k, terminated: terminatedOn !== undefined && terminatedOn <= natural };
  }

  /** The index of the term containing `date`: the first before the start, the last after the end. */
  indexAt(day: CalendarDate): number {
    const { end, renewal, terminatedOn } = this.contract;
    // From the termination on, the term in force is the one it cut: the one holding the day before it.
    const date = terminatedOn !== undefined && day >= terminatedOn ? addCalendarPeriod(terminatedOn, ONE_DAY, -1) : day;
    if (renewal !== 'automatic' || end === null || date < end) return 0;
    // Renewal terms are at most `longestDays` long, so this many of them certainly end on or before `date`.
    const longest = Math.max(1, longestDays(this.renewalTerm));
    let k = Math.max(1, Math.floor(daysBetween(end, date) / longest));
    for (let steps = 0; steps < MAX_TERMS; steps++) {
      const term = this.term(k);
      if (term === undefined) return k - 1;
      if (term.end === null || date < term.end) return k;
      k++;
    }
    return k;
  }

  /** The notice deadline of a term: notice ends it at its end; a terminated term needs none. */
  noticeDeadline(term: ContractTerm): CalendarDate | null {
    if (this.notice === undefined || term.end === null || term.terminated) return null;
    return addCalendarPeriod(term.end, this.notice, -1);
  }

  anchorOf(reminder: ContractReminder, term: ContractTerm): CalendarDate | null {
    return reminder.before === 'end' ? term.end : this.noticeDeadline(term);
  }
}

function occurrence(terms: ContractTerms, reminder: ContractReminder, term: ContractTerm, zone: string, owner: string): ReminderOccurrence | null {
  const anchor = terms.anchorOf(reminder, term);
  const offset = periodOf(reminder.offset);
  // An anchor is a notice deadline (of a term with an end) or an end: either way the term has an end.
  if (anchor === null || offset === undefined || term.end === null) return null;
  const at = midnightOf(addCalendarPeriod(anchor, offset, -1), zone);
  return { reminder, anchor, at, key: `${owner}/${reminder.id}/${anchor}`, termEnd: term.end };
}

/**
 * Every occurrence of the contract's reminders with an instant in `(from, to]`, in time order (ties: the contract's
 * order). Consecutive windows share no occurrence, so a job that asks for each window once sends each exactly once.
 * `owner` names the contract in the keys (an agreement or a supplier id).
 */
export function remindersDue(contract: Contract, zone: string, from: number, to: number, owner: string, options: ContractOptions = {}): ReminderOccurrence[] {
  if (options.renewed === true || to <= from) return [];
  const terms = new ContractTerms(contract);
  const out: ReminderOccurrence[] = [];
  // Earlier terms have every anchor, so every instant, at or before local midnight of `from`'s date.
  const first = terms.indexAt(localDate(from, zone));
  contract.reminders.forEach((reminder) => {
    for (let k = first; k < first + MAX_TERMS; k++) {
      const term = terms.term(k);
      if (term === undefined) break;
      const found = occurrence(terms, reminder, term, zone, owner);
      if (found === null) {
        if (term.end === null) break;
        continue;
      }
      if (found.at > to) break;
      if (found.at > from) out.push(found);
    }
  });
  const order = new Map(contract.reminders.map((r, i) => [r, i]));
  return out.sort((a, b) => a.at - b.at || order.get(a.reminder)! - order.get(b.reminder)!);
}

/**
 * The occurrences owed at `now`: due (their instant has come) and still of use, the date they count back to (the
 * notice deadline, the end) not yet over in the zone. What the app sends, each once by its key: one it finds late (it
 * could not run, the contract was added after the reminder's date) still goes out while it can help, none after.
 */
export function remindersOwed(contract: Contract, zone: string, now: number, owner: string, options: ContractOptions = {}): ReminderOccurrence[] {
  const today = localDate(now, zone);
  let from = now;
  // An occurrence whose anchor is today or later has its instant at or after local midnight of anchor − offset.
  for (const reminder of contract.reminders) {
    const offset = periodOf(reminder.offset);
    if (offset !== undefined) from = Math.min(from, midnightOf(addCalendarPeriod(today, offset, -1), zone) - 1);
  }
  return remindersDue(contract, zone, from, now, owner, options).filter((o) => o.anchor >= today);
}

/** The first occurrence of a reminder after `at`, or null when the contract has none left. */
function nextOccurrence(terms: ContractTerms, reminder: ContractReminder, first: number, at: number, zone: string, owner: string): ReminderOccurrence | null {
  for (let k = first; k < first + MAX_TERMS; k++) {
    const term = terms.term(k);
    if (term === undefined) return null;
    const found = occurrence(terms, reminder, term, zone, owner);
    if (found !== null && found.at > at) return found;
    if (term.end === null) return null;
  }
  return null;
}

/**
 * The contract's state at an instant, its term in force, that term's notice deadline and each reminder's next
 * occurrence. States: `terminated` from `terminatedOn`; `preliminary` before `start`; `expired` from `end` when it
 * is renewed manually; `expiring` within the notice period before the date the contract ends on (a manual `end`, or
 * `terminatedOn`) until then; else `active` (an automatic contract renews, so it is never expiring unless terminated).
 */
export function contractStatus(contract: Contract, zone: string, at: number, owner: string, options: ContractOptions = {}): ContractStatus {
  const terms = new ContractTerms(contract);
  const today = localDate(at, zone);
  const index = terms.indexAt(today);
  const term = terms.term(index)!;
  const reminders = contract.reminders.map((reminder) => ({
    reminder,
    next: options.renewed === true ? null : nextOccurrence(terms, reminder, index, at, zone, owner),
  }));
  return { state: stateOf(contract, terms, today), today, term, noticeDeadline: nextNoticeDeadline(terms, index, today), reminders };
}

function nextNoticeDeadline(terms: ContractTerms, index: number, today: CalendarDate): CalendarDate | null {
  // Deadlines grow with the terms; a notice period longer than a renewal term can put a few of them in the past.
  for (let k = index; k < index + MAX_TERMS; k++) {
    const term = terms.term(k);
    if (term === undefined) return null;
    const deadline = terms.noticeDeadline(term);
    if (deadline === null) return null;
    if (deadline >= today) return deadline;
  }
  return null;
}

function stateOf(contract: Contract, terms: ContractTerms, today: CalendarDate): ContractState {
  const { start, end, renewal, terminatedOn } = contract;
  if (terminatedOn !== undefined && today >= terminatedOn) return 'terminated';
  if (today < start) return 'preliminary';
  if (renewal === 'manual' && end !== null && today >= end) return 'expired';
  // The date the contract ends with, when it does: a manual end or a termination; automatic terms roll on.
  const finalEnd = terminatedOn ?? (renewal === 'manual' ? end : null);
  if (finalEnd !== null && terms.notice !== undefined && today >= addCalendarPeriod(finalEnd, terms.notice, -1)) return 'expiring';
  return 'active';
}

/** Whom a reminder tells, with `owner` resolved to the contract manager's account. */
export function reminderRecipients(contract: Contract, reminder: ContractReminder): Array<Exclude<ReminderTarget, 'owner'>> {
  const out = new Set<Exclude<ReminderTarget, 'owner'>>();
  for (const target of reminder.notify) out.add(target === 'owner' ? `user:${contract.owner}` : target);
  return [...out];
}
