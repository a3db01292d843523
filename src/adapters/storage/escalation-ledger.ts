// The escalation ledger: one entry per request × goal × cycle × escalation, the one place that says whether an
// escalation's notification and comment were carried out. A delivery first claims its entry (a write that only one
// worker can make), records each step before and after it talks to Jira, and ends `sent`; so replays, duplicated
// events, overlapping runs and configuration changes find it done, and a worker that died half-way leaves a claim
// that the next one takes over knowing what was already done. See docs/architecture.md, "Escalations".
import { createHash } from 'node:crypto';
import kvs, { Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { stored } from './kvs-retry';
import { keyPart, writeOverRevision } from './ledger';

/**
 * A step of a delivery. `pending`: to do; `started`: Jira was (or was about to be) asked and no answer was recorded;
 * `done`: Jira accepted it; `none`: the escalation has no such step; `nobody`: nobody was left to notify (an
 * unassigned request, say); `unconfirmed`: Jira may or may not have sent it (no answer, or a server error) and it is
 * not asked again, so nobody is told twice.
 */
export type DeliveryStep = 'pending' | 'started' | 'done' | 'none' | 'nobody' | 'unconfirmed';

export interface EscalationDelivery {
  issueId: string;
  issueKey: string;
  projectKey: string;
  summary?: string;
  goal: string;
  cycle: number;
  escalation: string;
  customer?: string;
  agreement?: string;
  assignee?: string;
  assigneeName?: string;
  /** When the cycle reached the escalation. */
  reachedAt: number;
  /** `claimed` while a worker carries it out; `failed` waits for `retryAt`; `sent` is final. */
  state: 'claimed' | 'failed' | 'sent';
  notify: DeliveryStep;
  comment: DeliveryStep;
  claimedBy?: string;
  claimExpiresAt?: number;
  /** Bumped by every write: each write is conditional on the revision it read. */
  rev: number;
  /** Attempts that Jira refused. */
  attempts: number;
  retryAt?: number;
  lastError?: string;
  lastAttemptAt: number;
  sentAt?: number;
  /** Sent later than the scheduled trigger's resolution after it was reached. */
  late?: boolean;
  /** Who Jira was asked to tell, in words (`Lars Nielsen (assignee)`, `group service-managers`). */
  recipients?: string[];
  commentId?: string;
  /** `failed` or `unconfirmed` while the admin should know of it (the index of the admin's list); absent otherwise. */
  problem?: 'failed' | 'unconfirmed';
}

const entries = () => kvs.entity<EscalationDelivery>(ENTITY.escalationLedger);


/** The entry's key: one per request, goal, cycle and escalation, whatever the configuration says later. */
export function ledgerKey(issueId: string, goal: string, cycle: number, escalation: string): string {
  const key = `${keyPart(issueId)}#${keyPart(goal)}#${cycle}#${keyPart(escalation)}`;
  // Keys are at most 500 characters; very long ids are named by their digest instead.
  return key.length <= 500 ? key : `${keyPart(issueId)}#sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function readDelivery(key: string): Promise<EscalationDelivery | undefined> {
  return stored(() => entries().get(key));
}

/**
 * Writes the entry unless someone else wrote it since `previous` was read (or, with no previous, unless it exists):
 * the one way every step is recorded. Returns the entry written, or undefined when another worker got there first.
 */
export function writeDelivery(key: string, next: Omit<EscalationDelivery, 'rev'>, previous: EscalationDelivery | undefined): Promise<EscalationDelivery | undefined> {
  return writeOverRevision<EscalationDelivery>(ENTITY.escalationLedger, key, next, previous);
}

export interface DeliveryPage {
  deliveries: EscalationDelivery[];
  cursor?: string;
}

/** Escalations sent at or after `since`, the latest first (monitoring, the admin's status). */
export async function sentSince(since: number, cursor?: string, limit = 100): Promise<DeliveryPage> {
  let query = entries().query().index(INDEX.bySentAt).where(WhereConditions.greaterThanEqualTo(since)).sort(Sort.DESC).limit(Math.min(limit, 100));
  if (cursor) query = query.cursor(cursor);
  const page = await stored(() => query.getMany());
  return { deliveries: page.results.map((r) => r.value), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
}

/** Deliveries the admin should know of (`failed`: waiting for a retry; `unconfirmed`), the latest attempt first. */
export async function deliveryProblems(problem: 'failed' | 'unconfirmed', limit = 50): Promise<EscalationDelivery[]> {
  const page = await stored(() =>
    entries().query().index(INDEX.byProblem, { partition: [problem] }).where(WhereConditions.greaterThan(0)).sort(Sort.DESC).limit(Math.min(limit, 100)).getMany(),
  );
  return page.results.map((r) => r.value);
}
