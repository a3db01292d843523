// Contract reminders (formats.md §6), sent by the hourly run: every reminder owed now (its date has come and the
// deadline or end it counts back to is not over) is sent once, through Jira's notify API, about the contract's own
// issue, to its owner and the groups and people it names (only those who may edit that issue: never a customer).
// Exactly once, whatever happens around it: each occurrence has a ledger entry that is claimed before Jira is asked
// (a write only one worker can make) and says so; it ends `sent`. A run that died between asking Jira and recording
// the answer leaves a claim the next run takes over once it expires: Jira may have sent it, so it is not sent again
// but shown to the admin as unconfirmed. Refusals are retried with back-off (as escalations) while the reminder is
// still of use, and shown to the admin meanwhile.
import type { JiraClient, NotificationRecipients } from '../adapters/jira/client';
import { refusedUnprocessed } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import { currentConfiguration } from '../adapters/storage/config-store';
import { readReminder, reminderKey, writeReminder, type ReminderDelivery } from '../adapters/storage/reminder-ledger';
import { failureMessage } from '../adapters/transient';
import { contractBook, type ContractEntry } from '../engine/contract-book';
import { contractStatus, reminderRecipients, remindersOwed, type ReminderOccurrence } from '../engine/contract';
import type { ConfigBundle } from '../engine/types';
import { REMINDER_LATE_AFTER_MS, reminderNotice } from '../views/reminder-notice';
import { CLAIM_MS, retryDelay } from './carry-out-escalations';

export interface RemindersRun {
  sent: number;
  failed: number;
  /** Sent, but Jira may not have delivered it (shown to the admin). */
  unconfirmed: number;
  /** Held by another run's claim, or waiting for a retry. */
  waiting: number;
}

type Outcome = { kind: 'sent' | 'already' | 'failed' | 'waiting'; unconfirmed?: boolean };

const withoutClaim = ({ claimedBy: _by, claimExpiresAt: _until, ...rest }: Omit<ReminderDelivery, 'rev'>): Omit<ReminderDelivery, 'rev'> => rest;
const withoutRetry = ({ retryAt: _at, problem: _problem, ...rest }: Omit<ReminderDelivery, 'rev'>): Omit<ReminderDelivery, 'rev'> => rest;

/** Who is told: account ids and group names, and the same in words for the ledger (the owner by name when Jira knows it). */
async function recipientsOf(entry: ContractEntry, occurrence: ReminderOccurrence, jira: JiraClient): Promise<{ to: NotificationRecipients; words: string[] }> {
  const users: string[] = [];
  const groups: string[] = [];
  for (const target of reminderRecipients(entry.contract, occurrence.reminder)) {
    if (target.startsWith('user:')) users.push(target.slice('user:'.length));
    else groups.push(target.slice('group:'.length));
  }
  const names = await jira.userNames(users);
  const owner = entry.contract.owner;
  const words = [
    ...users.map((id) => `${names.get(id) ?? `user ${id}`}${id === owner ? ' (contract owner)' : ''}`),
    ...groups.map((name) => `group ${name}`),
  ];
  return { to: { users, groups }, words };
}

interface Delivery {
  entry: ContractEntry;
  occurrence: ReminderOccurrence;
  jira: JiraClient;
  runId: string;
  now: number;
}

async function deliver(d: Delivery): Promise<Outcome> {
  const { entry, occurrence, jira, now } = d;
  const key = reminderKey(entry.key, occurrence.reminder.id, occurrence.anchor);
  const found = await readReminder(key);
  if (found?.state === 'sent') return { kind: 'already' };
  if (found?.state === 'claimed' && found.claimedBy !== d.runId && (found.claimExpiresAt ?? 0) > now) return { kind: 'waiting' };
  if (found?.state === 'failed' && (found.retryAt ?? 0) > now) return { kind: 'waiting' };

  // A run asked Jira and died before hearing the answer: Jira may have sent it; never twice.
  const notify: ReminderDelivery['notify'] = found?.notify === 'started' ? 'unconfirmed' : (found?.notify ?? 'pending');
  const issueKey = entry.contract.issue;
  const base: Omit<ReminderDelivery, 'rev'> = {
    attempts: 0,
    ...(found ? withoutRetry(found) : {}),
    contract: entry.key,
    number: entry.contract.number,
    reminder: occurrence.reminder.id,
    anchor: occurrence.anchor,
    before: occurrence.reminder.before,
    dueAt: occurrence.at,
    ...(issueKey !== undefined ? { issueKey } : {}),
    state: 'claimed',
    notify,
    lastAttemptAt: now,
  };
  // Validation refuses a contract with reminders and no issue; the type cannot say so, and this says it plainly.
  if (issueKey === undefined) return fail(key, found, base, d, new Error(`contract ${entry.contract.number} names no issue to send its reminders about (contract.issue)`));

  let recipients = found?.recipients;
  let to: NotificationRecipients = { users: [], groups: [] };
  if (notify === 'pending') {
    try {
      const resolved = await recipientsOf(entry, occurrence, jira);
      recipients = resolved.words;
      to = resolved.to;
    } catch (error) {
      return fail(key, found, base, d, error);
    }
  }

  // The claim: only one worker gets it; it already says Jira is being asked.
  let claimed = await writeReminder(
    key,
    { ...base, notify: notify === 'pending' ? 'started' : notify, claimedBy: d.runId, claimExpiresAt: now + CLAIM_MS, ...(recipients ? { recipients } : {}) },
    found,
  );
  if (!claimed) return { kind: 'waiting' };

  let outcome: ReminderDelivery['notify'] = notify;
  if (notify === 'pending') {
    const notice = reminderNotice({ contract: entry.contract, party: partyOf(entry), occurrence, zone: entry.zone, now });
    try {
      await jira.notify(issueKey, { ...notice, to });
      outcome = 'done';
    } catch (error) {
      if (error instanceof JiraRequestError && refusedUnprocessed(error.status)) return fail(key, claimed, { ...base, ...(recipients ? { recipients } : {}) }, d, error);
      // No answer, or a server error: Jira may have queued it. Not asked again; the admin sees it.
      outcome = 'unconfirmed';
      claimed = { ...claimed, lastError: failureMessage(error) };
    }
  }
  const unconfirmed = outcome === 'unconfirmed';
  const { lastError: _earlier, ...delivered } = claimed;
  const sent = await writeReminder(
    key,
    {
      ...withoutClaim(withoutRetry(unconfirmed ? claimed : delivered)),
      state: 'sent',
      notify: outcome,
      sentAt: now,
      late: now - occurrence.at > REMINDER_LATE_AFTER_MS,
      ...(unconfirmed ? { problem: 'unconfirmed' as const } : {}),
    },
    claimed,
  );
  if (!sent) return { kind: 'waiting' };
  return { kind: 'sent', ...(unconfirmed ? { unconfirmed: true } : {}) };
}

/** Records a refused attempt: the entry waits for its retry (back-off) and shows on the admin's list meanwhile. */
async function fail(key: string, previous: ReminderDelivery | undefined, base: Omit<ReminderDelivery, 'rev'>, d: Delivery, error: unknown): Promise<Outcome> {
  const attempts = (previous?.attempts ?? 0) + 1;
  const failed: Omit<ReminderDelivery, 'rev'> = {
    ...withoutClaim(withoutRetry(base)),
    state: 'failed',
    notify: 'pending',
    attempts,
    retryAt: d.now + retryDelay(attempts),
    lastError: failureMessage(error).trim() || 'unknown error',
    lastAttemptAt: d.now,
    problem: 'failed',
  };
  await writeReminder(key, failed, previous);
  return { kind: 'failed' };
}

function partyOf(entry: ContractEntry) {
  return entry.kind === 'supplier'
    ? { kind: 'supplier' as const, partyName: entry.name }
    : { kind: 'agreement' as const, partyName: entry.customer!.name, agreementName: entry.name === entry.id ? entry.id : `${entry.name}, ${entry.id}` };
}

/** Every reminder owed at `now`, with its contract. */
export function owedReminders(bundle: ConfigBundle, now: number): Array<{ entry: ContractEntry; occurrence: ReminderOccurrence }> {
  return contractBook(bundle).flatMap((entry) =>
    remindersOwed(entry.contract, entry.zone, now, entry.key, { renewed: entry.renewedBy !== null }).map((occurrence) => ({ entry, occurrence })),
  );
}

/** The hourly run: sends every reminder owed now that is not sent yet, each exactly once. */
export async function sendContractReminders(jira: JiraClient, now: number, runId: string): Promise<RemindersRun> {
  const run: RemindersRun = { sent: 0, failed: 0, unconfirmed: 0, waiting: 0 };
  const configuration = await currentConfiguration();
  if (!configuration) return run;
  for (const { entry, occurrence } of owedReminders(configuration.bundle, now)) {
    try {
      const outcome = await deliver({ entry, occurrence, jira, runId, now });
      if (outcome.kind === 'sent') run[outcome.unconfirmed ? 'unconfirmed' : 'sent']++;
      else if (outcome.kind === 'failed') run.failed++;
      else if (outcome.kind === 'waiting') run.waiting++;
    } catch (error) {
      // Storage failing beyond its retries: the ledger still says what is owed; the next run tries again.
      run.failed++;
      console.error(`could not send the reminder ${occurrence.key}`, error);
    }
  }
  return run;
}

/**
 * When the hourly run next has something to do, at or after `now`: a reminder owed now and not sent (at once, or
 * when its retry is due), else the next reminder's date. Undefined when no reminder is left. The offline sandbox
 * runs the hourly trigger only at the hours this names when its clock is moved far.
 */
export async function nextReminderWork(now: number): Promise<number | undefined> {
  const configuration = await currentConfiguration();
  if (!configuration) return undefined;
  let earliest = Infinity;
  for (const { entry, occurrence } of owedReminders(configuration.bundle, now)) {
    const found = await readReminder(reminderKey(entry.key, occurrence.reminder.id, occurrence.anchor));
    if (found?.state === 'sent') continue;
    earliest = Math.min(earliest, Math.max(now, found?.retryAt ?? found?.claimExpiresAt ?? now));
  }
  for (const entry of contractBook(configuration.bundle)) {
    for (const { next } of contractStatus(entry.contract, entry.zone, now, entry.key, { renewed: entry.renewedBy !== null }).reminders) {
      if (next !== null) earliest = Math.min(earliest, next.at);
    }
  }
  return Number.isFinite(earliest) ? earliest : undefined;
}
