// Carrying out a request's reached escalations, exactly once per cycle and escalation: the breach watch hands over
// each record it finds with escalations pending. For each one the ledger entry is claimed, Jira is asked to notify
// the named people (never the reporter or a customer) and to add the comment, each step recorded before and after,
// and the entry ends `sent`. A worker that died half-way leaves a claim the next one takes over once it expires,
// checking what was done: a comment is looked for on the request; a notification Jira may have sent is never sent
// again but shown to the admin as unconfirmed. Refusals are retried with back-off, shown to the admin meanwhile.
import type { JiraClient, NotificationRecipients } from '../adapters/jira/client';
import { refusedUnprocessed } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import { ledgerKey, readDelivery, writeDelivery, type DeliveryStep, type EscalationDelivery } from '../adapters/storage/escalation-ledger';
import { decodeCycles, escalationKey, type IssueRecord, type PendingEscalation } from '../adapters/storage/issue-record';
import { readIssueRecord, settleEscalations } from '../adapters/storage/issue-store';
import { rememberAppAccount } from '../adapters/storage/site-store';
import { failureMessage } from '../adapters/transient';
import type { Agreement, ConfigBundle, Escalation } from '../engine/types';
import { LATE_AFTER_MS, escalationComment, escalationNotice } from '../views/escalation-notice';

/** How long a claim keeps other workers off an entry: far longer than one delivery takes. */
export const CLAIM_MS = 10 * 60_000;
/** The comment property by which the app recognises a comment it added for an escalation. */
export const ESCALATION_COMMENT_PROPERTY = 'contract-sla-escalation';

export interface EscalationsReport {
  sent: number;
  failed: number;
  /** Sent, but Jira may not have delivered the notification (shown to the admin). */
  unconfirmed: number;
  /** Held by another worker's claim or waiting for a retry. */
  waiting: number;
}

type Outcome =
  | { kind: 'sent'; unconfirmed?: boolean }
  | { kind: 'failed'; until: number }
  | { kind: 'waiting'; until: number }
  /** The configuration no longer has the escalation: there is nothing to carry out. */
  | { kind: 'withdrawn' };

/** The wait before retrying a refused delivery: 5 minutes, doubling, at most 6 hours (as for recompute failures). */
export const retryDelay = (attempts: number): number => Math.min(6 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, attempts - 1));

const withoutClaim = ({ claimedBy: _by, claimExpiresAt: _until, ...rest }: Omit<EscalationDelivery, 'rev'>): Omit<EscalationDelivery, 'rev'> => rest;
const withoutRetry = ({ retryAt: _at, problem: _problem, ...rest }: Omit<EscalationDelivery, 'rev'>): Omit<EscalationDelivery, 'rev'> => rest;

/** Who to notify: each target resolved to people or a group, leaving out the reporter and every customer account. */
async function recipientsOf(escalation: Escalation, record: IssueRecord, jira: JiraClient): Promise<{ to: NotificationRecipients; words: string[] }> {
  const users = new Map<string, string>();
  const groups: string[] = [];
  const allowed = (accountId: string): boolean => accountId !== record.reporter;
  for (const target of escalation.notify) {
    if (target === 'assignee') {
      if (record.assignee && allowed(record.assignee)) users.set(record.assignee, `${record.assigneeName ?? record.assignee} (assignee)`);
    } else if (target === 'watchers') {
      for (const watcher of await jira.watchers(record.issueKey)) {
        // Customers (portal accounts) can watch their requests; an escalation is never theirs to hear.
        if (watcher.accountType === 'customer' || watcher.accountType === 'app' || !allowed(watcher.accountId)) continue;
        if (!users.has(watcher.accountId)) users.set(watcher.accountId, `${watcher.displayName ?? watcher.accountId} (watcher)`);
      }
    } else if (target.startsWith('group:')) {
      const name = target.slice('group:'.length);
      if (!groups.includes(name)) groups.push(name);
    } else if (target.startsWith('user:')) {
      const accountId = target.slice('user:'.length);
      if (allowed(accountId) && !users.has(accountId)) users.set(accountId, `user ${accountId}`);
    }
  }
  return { to: { users: [...users.keys()], groups }, words: [...users.values(), ...groups.map((g) => `group ${g}`)] };
}

/**
 * Whether the app already added a comment it marked with `propertyKey` = `{ key }` since `since` (a worker died
 * before recording it): escalations and release notices look for their own this way.
 */
export async function findMarkedComment(jira: JiraClient, issueKey: string, propertyKey: string, key: string, since: number): Promise<string | undefined> {
  const candidates = (await jira.newestComments(issueKey)).filter((c) => c.author?.accountType === 'app' && Date.parse(c.created) >= since - 60_000);
  for (const comment of candidates.slice(0, 10)) {
    const marker = (await jira.commentProperty(comment.id, propertyKey)) as { key?: unknown } | undefined;
    if (marker?.key === key) return comment.id;
  }
  return undefined;
}

interface Delivery {
  record: IssueRecord;
  pending: PendingEscalation;
  escalation: Escalation;
  agreement: Agreement;
  bundle: ConfigBundle;
  jira: JiraClient;
  runId: string;
  now: number;
}

async function deliver(d: Delivery): Promise<Outcome> {
  const { record, pending, escalation, jira, now } = d;
  const key = ledgerKey(record.issueId, pending.goal, pending.cycle, pending.id);
  const found = await readDelivery(key);
  if (found?.state === 'sent') return { kind: 'sent' };
  if (found?.state === 'claimed' && found.claimedBy !== d.runId && (found.claimExpiresAt ?? 0) > now) return { kind: 'waiting', until: found.claimExpiresAt! };
  if (found?.state === 'failed' && (found.retryAt ?? 0) > now) return { kind: 'waiting', until: found.retryAt! };

  const zone = d.bundle.calendars.find((c) => c.id === d.agreement.calendar)?.timezone ?? 'UTC';
  let notify: DeliveryStep = found?.notify ?? (escalation.notify.length > 0 ? 'pending' : 'none');
  let comment: DeliveryStep = found?.comment ?? (escalation.comment ? 'pending' : 'none');
  // A worker asked Jira to notify and died before hearing the answer: Jira may have sent it; never twice.
  if (notify === 'started') notify = 'unconfirmed';
  let recipients = found?.recipients;
  let to: NotificationRecipients = { users: [], groups: [] };
  if (notify === 'pending') {
    try {
      const resolved = await recipientsOf(escalation, record, jira);
      recipients = resolved.words;
      if (resolved.to.users.length === 0 && resolved.to.groups.length === 0) notify = 'nobody';
      to = resolved.to;
    } catch (error) {
      return fail(key, found, d, { notify, comment, recipients }, error);
    }
  }

  // The claim: only one worker gets it; it already says the notification is being asked for.
  const base: Omit<EscalationDelivery, 'rev'> = {
    ...(found ? withoutRetry(found) : { attempts: 0 }),
    issueId: record.issueId,
    issueKey: record.issueKey,
    projectKey: record.projectKey,
    ...(record.summary ? { summary: record.summary } : {}),
    goal: pending.goal,
    cycle: pending.cycle,
    escalation: pending.id,
    ...(record.customer ? { customer: record.customer } : {}),
    ...(record.agreement ? { agreement: record.agreement } : {}),
    ...(record.assignee ? { assignee: record.assignee } : {}),
    ...(record.assigneeName ? { assigneeName: record.assigneeName } : {}),
    reachedAt: pending.reachedAt,
    state: 'claimed',
    notify: notify === 'pending' ? 'started' : notify,
    comment,
    claimedBy: d.runId,
    claimExpiresAt: now + CLAIM_MS,
    lastAttemptAt: now,
    ...(recipients ? { recipients } : {}),
  } as Omit<EscalationDelivery, 'rev'>;
  let entry = await writeDelivery(key, base, found);
  if (!entry) return { kind: 'waiting', until: now + CLAIM_MS };

  if (notify === 'pending') {
    const notice = escalationNotice({ bundle: d.bundle, agreement: d.agreement, escalation, issueKey: record.issueKey, ...(record.summary ? { summary: record.summary } : {}), obligation: decodeCycles(record).find((o) => o.goal === pending.goal && o.cycle === pending.cycle), reachedAt: pending.reachedAt, now });
    try {
      await jira.notify(record.issueKey, { ...notice, to });
      notify = 'done';
    } catch (error) {
      if (error instanceof JiraRequestError && refusedUnprocessed(error.status)) return fail(key, entry, d, { notify: 'pending', comment, recipients }, error);
      // No answer, or a server error: Jira may have queued it. Not asked again; the admin sees it.
      notify = 'unconfirmed';
      entry = { ...entry, lastError: failureMessage(error) };
    }
  }

  if (comment === 'started') {
    try {
      const id = await findMarkedComment(jira, record.issueKey, ESCALATION_COMMENT_PROPERTY, key, found?.lastAttemptAt ?? entry.lastAttemptAt);
      if (id !== undefined) entry = { ...entry, commentId: id };
      comment = id !== undefined ? 'done' : 'pending';
    } catch (error) {
      return fail(key, entry, d, { notify, comment, recipients }, error);
    }
  }
  if (comment === 'pending' && escalation.comment) {
    const written = await writeDelivery(key, { ...entry, notify, comment: 'started' }, entry);
    if (!written) return { kind: 'waiting', until: now + CLAIM_MS };
    entry = written;
    try {
      const added = await jira.addComment(record.issueKey, escalationComment(escalation.comment.text, pending.reachedAt, now, zone), escalation.comment.visibility, { key: ESCALATION_COMMENT_PROPERTY, value: { key } });
      if (added.authorAccountId) await rememberAppAccount(added.authorAccountId);
      entry = { ...entry, commentId: added.id };
      comment = 'done';
    } catch (error) {
      // Refused: not added, add it next time; otherwise it may have been, so the next attempt looks for it first.
      const refused = error instanceof JiraRequestError && refusedUnprocessed(error.status);
      return fail(key, entry, d, { notify, comment: refused ? 'pending' : 'started', recipients }, error);
    }
  }

  const unconfirmed = notify === 'unconfirmed';
  const sent = await writeDelivery(
    key,
    {
      ...withoutClaim(withoutRetry(entry)),
      state: 'sent',
      notify,
      comment,
      sentAt: now,
      late: now - pending.reachedAt > LATE_AFTER_MS,
      ...(unconfirmed ? { problem: 'unconfirmed' as const } : {}),
    },
    entry,
  );
  if (!sent) return { kind: 'waiting', until: now + CLAIM_MS };
  return { kind: 'sent', ...(unconfirmed ? { unconfirmed: true } : {}) };
}

/** Records a refused attempt: the entry waits for its retry (back-off) and shows on the admin's list meanwhile. */
async function fail(key: string, entry: EscalationDelivery | undefined, d: Delivery, steps: { notify: DeliveryStep; comment: DeliveryStep; recipients: string[] | undefined }, error: unknown): Promise<Outcome> {
  const attempts = (entry?.attempts ?? 0) + 1;
  const retryAt = d.now + retryDelay(attempts);
  const base = entry ? withoutClaim(entry) : undefined;
  const failed: Omit<EscalationDelivery, 'rev'> = {
    ...(base ?? {
      issueId: d.record.issueId,
      issueKey: d.record.issueKey,
      projectKey: d.record.projectKey,
      goal: d.pending.goal,
      cycle: d.pending.cycle,
      escalation: d.pending.id,
      reachedAt: d.pending.reachedAt,
      ...(d.record.customer ? { customer: d.record.customer } : {}),
      ...(d.record.agreement ? { agreement: d.record.agreement } : {}),
    }),
    state: 'failed',
    notify: steps.notify,
    comment: steps.comment,
    ...(steps.recipients ? { recipients: steps.recipients } : {}),
    attempts,
    retryAt,
    lastError: failureMessage(error).trim() || 'unknown error',
    lastAttemptAt: d.now,
    problem: 'failed',
  };
  await writeDelivery(key, failed, entry);
  return { kind: 'failed', until: retryAt };
}

/**
 * Carries out the record's reached escalations that are due (reached, and past any back-off), then tells the record
 * what was done so the watch stops reading it for them. Returns what happened.
 */
export async function carryOutEscalations(record: IssueRecord, bundle: ConfigBundle, jira: JiraClient, runId: string, now: number): Promise<EscalationsReport> {
  const report: EscalationsReport = { sent: 0, failed: 0, unconfirmed: 0, waiting: 0 };
  const due = (record.pendingEscalations ?? []).filter((p) => Math.max(p.reachedAt, p.notBefore ?? 0) <= now);
  if (due.length === 0) return report;
  const agreement = bundle.agreements.find((a) => a.id === record.agreement);
  const done = new Set<string>();
  const sentKeys = new Set<string>();
  const postponed = new Map<string, number>();
  for (const pending of due) {
    const escalation = agreement?.escalations.find((e) => e.id === pending.id && e.goal === pending.goal);
    const outcome: Outcome = escalation && agreement ? await deliver({ record, pending, escalation, agreement, bundle, jira, runId, now }) : { kind: 'withdrawn' };
    if (outcome.kind === 'sent' || outcome.kind === 'withdrawn') done.add(escalationKey(pending));
    else postponed.set(escalationKey(pending), outcome.until);
    if (outcome.kind === 'sent') sentKeys.add(escalationKey(pending));
    if (outcome.kind === 'sent') report[outcome.unconfirmed ? 'unconfirmed' : 'sent']++;
    else if (outcome.kind === 'failed') report.failed++;
    else if (outcome.kind === 'waiting') report.waiting++;
  }
  await settle(record, done, sentKeys, postponed);
  return report;
}

/** Tells the record (or the newer one stored meanwhile) which escalations are done and which wait until when. */
async function settle(record: IssueRecord, done: ReadonlySet<string>, sentKeys: ReadonlySet<string>, postponed: ReadonlyMap<string, number>): Promise<void> {
  let current: IssueRecord | undefined = record;
  for (let round = 0; round < 3 && current; round++) {
    const pending = (current.pendingEscalations ?? [])
      .filter((p) => !done.has(escalationKey(p)))
      .map((p) => (postponed.has(escalationKey(p)) ? { ...p, notBefore: postponed.get(escalationKey(p))! } : p));
    const sent = [...new Set([...(current.sentEscalations ?? []), ...(current.pendingEscalations ?? []).map(escalationKey).filter((k) => sentKeys.has(k))])];
    if (await settleEscalations(current, pending, sent)) return;
    current = await readIssueRecord(record.issueId);
  }
}
