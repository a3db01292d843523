// The reminder ledger: one entry per contract reminder occurrence (contract × reminder × the date it counts back
// to), the one place that says whether Jira was asked to send it. As the escalation ledger: a delivery claims its
// entry (a write only one worker can make), records that Jira is being asked before it asks, and ends `sent`; a
// worker that died half-way leaves a claim the next run takes over, knowing Jira may have sent it already.
// See docs/architecture.md, "Contract reminders".
import { createHash } from 'node:crypto';
import kvs, { Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import type { DeliveryStep } from './escalation-ledger';
import { stored } from './kvs-retry';
import { keyPart, writeOverRevision } from './ledger';

export interface ReminderDelivery {
  /** The contract: `agreement:ID` or `supplier:ID`. */
  contract: string;
  /** The contract's number, as its manager knows it. */
  number: string;
  reminder: string;
  /** The notice deadline or the end the reminder counts back to (a local date). */
  anchor: string;
  before: 'notice' | 'end';
  /** When the reminder was due (local midnight of anchor − offset). */
  dueAt: number;
  /** The issue Jira sends the notification about: the contract's own (absent only when the contract names none). */
  issueKey?: string;
  /** `claimed` while a worker sends it; `failed` waits for `retryAt`; `sent` is final. */
  state: 'claimed' | 'failed' | 'sent';
  /** `pending`, `started` (Jira asked, no answer recorded), `done`, or `unconfirmed` (Jira may have sent it). */
  notify: Extract<DeliveryStep, 'pending' | 'started' | 'done' | 'unconfirmed'>;
  claimedBy?: string;
  claimExpiresAt?: number;
  /** Bumped by every write: each write is conditional on the revision it read. */
  rev: number;
  /** Attempts Jira refused. */
  attempts: number;
  retryAt?: number;
  lastError?: string;
  lastAttemptAt: number;
  sentAt?: number;
  /** Sent later than the hourly run's resolution after it was due. */
  late?: boolean;
  /** Who Jira was asked to tell, in words (`Mette Hansen (contract owner)`, `group contract-managers`). */
  recipients?: string[];
  /** `failed` or `unconfirmed` while the admin should know of it (the index of the admin's list); absent otherwise. */
  problem?: 'failed' | 'unconfirmed';
}

const entries = () => kvs.entity<ReminderDelivery>(ENTITY.reminderLedger);


/** The entry's key: one per contract, reminder and anchor date, whatever the configuration says later. */
export function reminderKey(contract: string, reminder: string, anchor: string): string {
  const key = `${keyPart(contract)}#${keyPart(reminder)}#${anchor}`;
  // Keys are at most 500 characters; very long ids are named by their digest instead.
  return key.length <= 500 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function readReminder(key: string): Promise<ReminderDelivery | undefined> {
  return stored(() => entries().get(key));
}

/**
 * Writes the entry unless someone else wrote it since `previous` was read (or, with no previous, unless it exists).
 * Returns the entry written, or undefined when another worker got there first.
 */
export function writeReminder(key: string, next: Omit<ReminderDelivery, 'rev'>, previous: ReminderDelivery | undefined): Promise<ReminderDelivery | undefined> {
  return writeOverRevision<ReminderDelivery>(ENTITY.reminderLedger, key, next, previous);
}

/** A contract's reminders as the ledger knows them (sent, failed, under way), the latest due first. */
export async function remindersOf(contract: string, limit = 20): Promise<ReminderDelivery[]> {
  const page = await stored(() =>
    entries().query().index(INDEX.byContract, { partition: [contract] }).where(WhereConditions.greaterThan(0)).sort(Sort.DESC).limit(Math.min(limit, 100)).getMany(),
  );
  return page.results.map((r) => r.value);
}

/** Reminders the admin should know of (`failed`: waiting for a retry; `unconfirmed`), the latest attempt first. */
export async function reminderProblems(problem: 'failed' | 'unconfirmed', limit = 50): Promise<ReminderDelivery[]> {
  const page = await stored(() =>
    entries().query().index(INDEX.byProblem, { partition: [problem] }).where(WhereConditions.greaterThan(0)).sort(Sort.DESC).limit(Math.min(limit, 100)).getMany(),
  );
  return page.results.map((r) => r.value);
}

/** Reminders sent at or after `since`, the latest first. */
export async function remindersSentSince(since: number, limit = 20): Promise<ReminderDelivery[]> {
  const page = await stored(() => entries().query().index(INDEX.bySentAt).where(WhereConditions.greaterThanEqualTo(since)).sort(Sort.DESC).limit(Math.min(limit, 100)).getMany());
  return page.results.map((r) => r.value);
}
