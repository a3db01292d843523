// Contracts (§6) on agreements and suppliers: dates in order, what an automatic renewal needs, reminders that have a
// date to count back from; and renewals: an agreement that `renews` another continues the same customer and
// environment from the day that one ends, and each period is renewed at most once.
import { isZeroPeriod, parseCalendarPeriod } from '../engine/calendar-period';
import { checkRef, indexById } from './bundle-references';
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { isCalendarDate } from './leaf-rules';
import { fieldOf, isRecord, recordsOf, textOf, type RawRecord } from './raw';

function dateOf(record: RawRecord, key: string): string | undefined {
  const value = fieldOf(record, key);
  return isCalendarDate(value) ? value : undefined;
}

function checkDates(contract: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const start = dateOf(contract, 'start');
  const end = dateOf(contract, 'end');
  const terminatedOn = dateOf(contract, 'terminatedOn');
  const manual = fieldOf(contract, 'renewal') !== 'automatic';
  if (start !== undefined && end !== undefined && end <= start) out.push(issueAt([...path, 'end'], `${end} is not after start ${start}`, end));
  if (start !== undefined && terminatedOn !== undefined && terminatedOn < start) {
    out.push(issueAt([...path, 'terminatedOn'], `${terminatedOn} is before start ${start}`, terminatedOn));
  }
  if (manual && end !== undefined && terminatedOn !== undefined && terminatedOn > end) {
    out.push(issueAt([...path, 'terminatedOn'], `${terminatedOn} is after the end ${end}, when the contract ends anyway`, terminatedOn));
  }
}

function checkRenewal(contract: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const automatic = fieldOf(contract, 'renewal') === 'automatic';
  const end = fieldOf(contract, 'end');
  if (automatic && (end === undefined || end === null)) {
    out.push(issueAt([...path, 'end'], 'an automatically renewed contract needs an end: the end of its first term', end ?? undefined));
  }
  const term = textOf(fieldOf(contract, 'renewalTerm'));
  if (term === undefined) return;
  if (!automatic) out.push(issueAt([...path, 'renewalTerm'], 'only an automatically renewed contract has a renewal term; set renewal to "automatic" or leave it out', term));
  const parts = parseCalendarPeriod(term);
  if (parts !== undefined && isZeroPeriod(parts)) out.push(issueAt([...path, 'renewalTerm'], `${term} is no time at all; a renewal term must be longer`, term));
}

function checkReminders(contract: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const reminders = fieldOf(contract, 'reminders');
  indexById(reminders, [...path, 'reminders'], out);
  const hasNotice = fieldOf(contract, 'noticePeriod') !== undefined;
  const end = fieldOf(contract, 'end');
  const ends = (end !== undefined && end !== null) || fieldOf(contract, 'terminatedOn') !== undefined;
  if (recordsOf(reminders).length > 0 && fieldOf(contract, 'issue') === undefined) {
    out.push(issueAt([...path, 'issue'], 'required: the contract has reminders, and Jira sends notifications about an issue; name the issue that keeps the contract (such as CON-12)'));
  }
  for (const [r, reminder] of recordsOf(reminders)) {
    const before = fieldOf(reminder, 'before');
    const at = [...path, 'reminders', r, 'before'];
    if (before === 'notice' && !hasNotice) out.push(issueAt(at, 'a reminder before the notice deadline needs the contract\'s noticePeriod', before));
    if (before === 'end' && !ends) out.push(issueAt(at, 'a reminder before the end needs the contract\'s end; this contract is open-ended', before));
  }
}

function checkContract(contract: unknown, path: PathSegment[], out: PathIssue[]): void {
  if (!isRecord(contract)) return;
  checkDates(contract, path, out);
  checkRenewal(contract, path, out);
  checkReminders(contract, path, out);
}

function checkRenews(bundle: RawRecord, out: PathIssue[]): void {
  const agreements = indexById(fieldOf(bundle, 'agreements'), ['agreements'], []);
  const renewedBy = new Map<string, string>();
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    const value = fieldOf(agreement, 'renews');
    if (value === undefined) continue;
    const path = ['agreements', i, 'renews'];
    const renewed = checkRef(value, agreements, path, 'agreement', 'agreements', out);
    if (renewed === undefined) continue;
    const id = value as string;
    if (renewed.index === i) {
      out.push(issueAt(path, 'an agreement cannot renew itself', id));
      continue;
    }
    const first = renewedBy.get(id);
    if (first !== undefined) out.push(issueAt(path, `"${id}" is already renewed by ${first}; a period is renewed once`, id));
    else renewedBy.set(id, formatPath(['agreements', i]));
    for (const key of ['customer', 'environment'] as const) {
      const mine = textOf(fieldOf(agreement, key));
      const theirs = textOf(fieldOf(renewed.record, key));
      if (mine !== undefined && theirs !== undefined && mine !== theirs) {
        out.push(issueAt(path, `"${id}" is for ${key} "${theirs}", this agreement for "${mine}"; a renewal continues the same ${key}`, id));
      }
    }
    const validTo = fieldOf(renewed.record, 'validTo');
    const validFrom = dateOf(agreement, 'validFrom');
    if (validTo === undefined || validTo === null) out.push(issueAt(path, `"${id}" is open-ended (no validTo); only a period that ends can be renewed`, id));
    else if (isCalendarDate(validTo) && validFrom !== undefined && validFrom !== validTo) {
      out.push(issueAt(['agreements', i, 'validFrom'], `${validFrom} is not ${validTo}, the validTo of "${id}" it renews; a renewal starts the day the period it renews ends`, validFrom));
    }
  }
}

export function checkContracts(bundle: RawRecord, out: PathIssue[]): void {
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) checkContract(fieldOf(agreement, 'contract'), ['agreements', i, 'contract'], out);
  for (const [i, supplier] of recordsOf(fieldOf(bundle, 'suppliers'))) checkContract(fieldOf(supplier, 'contract'), ['suppliers', i, 'contract'], out);
  checkRenews(bundle, out);
}
