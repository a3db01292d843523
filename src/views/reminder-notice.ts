// What a contract reminder says: the notification Jira e-mails about the contract's issue (subject, text and HTML).
// Dates are the contract's own local dates (formats.md §6); the moment it was sent is said in the contract's zone.
import { addCalendarPeriod, formatCalendarPeriod, parseCalendarPeriod } from '../engine/calendar-period';
import type { ReminderOccurrence } from '../engine/contract';
import { formatCalendarDate, formatDateTime } from '../engine/wording';
import type { Contract } from '../engine/types';

/** A reminder is late when the hourly run sends it more than two runs after it was due. */
export const REMINDER_LATE_AFTER_MS = 2 * 3_600_000;

export interface ReminderNotice {
  subject: string;
  textBody: string;
  htmlBody: string;
}

/** Whose contract it is, in words: `Fjord Group (agreement Fjord Group 2026)` or `the supplier Nordhost Datacenter`. */
export interface ContractParty {
  kind: 'agreement' | 'supplier';
  /** The customer's name (agreements) or the supplier's. */
  partyName: string;
  /** The agreement's name and id (agreements only). */
  agreementName?: string;
}

export interface ReminderNoticeInput {
  contract: Contract;
  party: ContractParty;
  occurrence: ReminderOccurrence;
  zone: string;
  now: number;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const ONE_DAY = parseCalendarPeriod('P1D')!;

/** The last day a contract runs, said as people say it (`end` is the first day it no longer runs). */
const lastDay = (end: string): string => formatCalendarDate(addCalendarPeriod(end, ONE_DAY, -1));

function contractName(contract: Contract, party: ContractParty): string {
  return party.kind === 'supplier'
    ? `Underpinning contract ${contract.number} with the supplier ${party.partyName}`
    : `Contract ${contract.number} with ${party.partyName}${party.agreementName ? ` (agreement ${party.agreementName})` : ''}`;
}

/** What happens at the end of the term if nobody acts. */
function afterTheTerm(contract: Contract, termEnd: string): string {
  if (contract.terminatedOn !== undefined && contract.terminatedOn <= termEnd) return `It was terminated: it ends on ${formatCalendarDate(contract.terminatedOn)}.`;
  if (contract.renewal === 'automatic') {
    const term = contract.renewalTerm ?? 'P1Y';
    return `It renews automatically for ${formatCalendarPeriod(term)} (to ${lastDay(addCalendarPeriod(termEnd, parseCalendarPeriod(term)!))}) unless notice is given.`;
  }
  return 'It is renewed by hand: without a renewal it expires then.';
}

export function reminderNotice(input: ReminderNoticeInput): ReminderNotice {
  const { contract, party, occurrence, zone, now } = input;
  const { reminder, anchor } = occurrence;
  const name = contractName(contract, party);
  const late = now - occurrence.at > REMINDER_LATE_AFTER_MS;
  let headline: string;
  let subject: string;
  if (reminder.before === 'notice') {
    const termEnd = occurrence.termEnd;
    headline = `${name}: the notice deadline is ${formatCalendarDate(anchor)}, the last day to give ${formatCalendarPeriod(contract.noticePeriod ?? 'P0D')}' notice for the contract to end after ${lastDay(termEnd)}. ${afterTheTerm(contract, termEnd)}`;
    subject = `Contract ${contract.number}: notice deadline ${formatCalendarDate(anchor)}`;
  } else {
    headline = `${name} runs to ${lastDay(anchor)}. ${afterTheTerm(contract, occurrence.termEnd)}`;
    subject = `Contract ${contract.number}: ends after ${lastDay(anchor)}`;
  }
  const lines = [
    headline,
    `This is the reminder ${reminder.id}, ${formatCalendarPeriod(reminder.offset)} before the ${reminder.before === 'notice' ? 'notice deadline' : 'end'}.`,
    late ? `Sent late, at ${formatDateTime(now, zone)}: it was due at ${formatDateTime(occurrence.at, zone)} (${zone}).` : undefined,
  ].filter((line): line is string => line !== undefined);
  return {
    subject: `${late ? '[late] ' : ''}${subject} (${party.partyName})`,
    textBody: lines.join('\n\n'),
    htmlBody: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
  };
}
