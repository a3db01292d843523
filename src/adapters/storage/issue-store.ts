// Per-issue obligations in the `issue-obligations` custom entity, together with the inputs the event path needs
// (configuration, site metadata) read in one batch: an event costs one storage read and one or two writes.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { StoredConfiguration } from './config-store';
import { CURRENT, ENTITY, INDEX } from './entities';
import { watchInstant, type IssueRecord, type JiraView, type PendingEscalation } from './issue-record';
import { StorageReadError, conditionFailed, stored } from './kvs-retry';
import type { RecomputeFailure } from './failure-store';
import type { SiteMetadata } from './site-store';

export interface EventInputs {
  configuration?: StoredConfiguration;
  site?: SiteMetadata;
  record?: IssueRecord;
  /** An earlier failure to recompute this request, to clear once it succeeds. */
  failure?: RecomputeFailure;
}

const records = () => kvs.entity<IssueRecord>(ENTITY.issueObligations);

/**
 * What is left of a deleted request: a marker newer than any history, kept for a day, so a computation that read
 * the request before it was deleted (held, or retried later) can never write its record back.
 */
interface Tombstone {
  issueId: string;
  deleted: true;
  revision: number;
  configVersion: number;
  computedAt: number;
}

const TOMBSTONE_DAYS = 1;
const isTombstone = (value: unknown): value is Tombstone => (value as Tombstone | undefined)?.deleted === true;
/** A stored value as the record it is, or undefined for a deleted request. */
const live = (value: unknown): IssueRecord | undefined => (value === undefined || isTombstone(value) ? undefined : (value as IssueRecord));

/**
 * The configuration, the site metadata, the issue's stored record and any failure recorded for it, in one storage
 * operation. A key the platform
 * failed to read (throttled, say) is an error, never "absent": a missing configuration would otherwise look like
 * an app that was never set up.
 */
export async function readEventInputs(issueId: string): Promise<EventInputs> {
  const { successfulKeys, failedKeys } = await stored(() =>
    kvs.batchGet<unknown>([
      { key: CURRENT, entityName: ENTITY.configuration },
      { key: CURRENT, entityName: ENTITY.site },
      { key: issueId, entityName: ENTITY.issueObligations },
      { key: issueId, entityName: ENTITY.recomputeFailure },
    ]),
  );
  const unreadable = failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND');
  if (unreadable.length > 0) throw new StorageReadError(unreadable.map((f) => `${f.entityName ?? 'kvs'}/${f.key} (${f.error.code})`));
  const inputs: EventInputs = {};
  for (const item of successfulKeys) {
    if (item.entityName === ENTITY.configuration) inputs.configuration = item.value as StoredConfiguration;
    else if (item.entityName === ENTITY.site) inputs.site = item.value as SiteMetadata;
    else if (item.entityName === ENTITY.issueObligations) {
      const record = live(item.value);
      if (record) inputs.record = record;
    }
    else if (item.entityName === ENTITY.recomputeFailure) inputs.failure = item.value as RecomputeFailure;
  }
  return inputs;
}

export async function readIssueRecord(issueId: string): Promise<IssueRecord | undefined> {
  return live(await stored(() => records().get(issueId)));
}

/**
 * Writes the record unless the stored one is newer in history or in configuration (concurrent events, an event
 * that read an older configuration): the condition makes the check and the write one step, so a stored record never
 * goes backwards. Returns false when the stored one was newer.
 */
export async function writeIssueRecord(record: IssueRecord, previous: IssueRecord | undefined): Promise<boolean> {
  try {
    if (previous === undefined) {
      // A condition needs an existing record to test; the first write instead refuses to replace one.
      await stored(() => records().set(record.issueId, record, { keyPolicy: 'FAIL_IF_EXISTS' }));
    } else {
      const notNewer = new Filter<IssueRecord>()
        .and('revision', FilterConditions.lessThanEqualTo(record.revision))
        .and('configVersion', FilterConditions.lessThanEqualTo(record.configVersion));
      await stored(() => kvs.transact().set(record.issueId, record, { entityName: ENTITY.issueObligations, conditions: notNewer }).execute());
    }
    return true;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const current = await readIssueRecord(record.issueId);
    // Deleted meanwhile (the issue's delete event): a result computed before it must not bring the record back.
    if (current === undefined) return false;
    if (current.revision > record.revision || current.configVersion > record.configVersion) return false;
    return writeIssueRecord(record, current);
  }
}

/**
 * Remembers that Jira now shows `view` for exactly this computation of the record. Refused (false) when another
 * computation was stored meanwhile; its writer, or the caller, then makes Jira show that one.
 */
export async function markShown(record: IssueRecord, view: JiraView): Promise<boolean> {
  const unchanged = new Filter<IssueRecord>()
    .and('revision', FilterConditions.equalTo(record.revision))
    .and('computedAt', FilterConditions.equalTo(record.computedAt));
  try {
    await stored(() => kvs.transact().set(record.issueId, { ...record, shown: view }, { entityName: ENTITY.issueObligations, conditions: unchanged }).execute());
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Records what the breach watch did about the record's escalations: those still owed (with any back-off) and those
 * sent, and so when the watch must read the record next. Refused (false) when another computation was stored
 * meanwhile; the caller applies the same to that one.
 */
export async function settleEscalations(record: IssueRecord, pending: PendingEscalation[], sent: string[]): Promise<boolean> {
  const unchanged = new Filter<IssueRecord>()
    .and('revision', FilterConditions.equalTo(record.revision))
    .and('computedAt', FilterConditions.equalTo(record.computedAt));
  const { pendingEscalations: _pending, sentEscalations: _sent, watchAt: _watchAt, ...rest } = record;
  const watchAt = watchInstant(record.clockWatchAt, pending);
  const settled: IssueRecord = {
    ...rest,
    ...(watchAt !== undefined ? { watchAt } : {}),
    ...(pending.length > 0 ? { pendingEscalations: pending } : {}),
    ...(sent.length > 0 ? { sentEscalations: sent } : {}),
  };
  try {
    await stored(() => kvs.transact().set(record.issueId, settled, { entityName: ENTITY.issueObligations, conditions: unchanged }).execute());
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Moves a record's next watch to later (after a failed recompute), unless it changed meanwhile. */
export async function postponeWatch(record: IssueRecord, until: number): Promise<void> {
  const unchanged = new Filter<IssueRecord>().and('computedAt', FilterConditions.equalTo(record.computedAt));
  try {
    await stored(() => kvs.transact().set(record.issueId, { ...record, watchAt: until }, { entityName: ENTITY.issueObligations, conditions: unchanged }).execute());
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

/** Forgets a deleted request: its record gives way to a tombstone that no later write can pass. */
export async function markDeleted(issueId: string, now: number): Promise<void> {
  const tombstone: Tombstone = { issueId, deleted: true, revision: Number.MAX_SAFE_INTEGER, configVersion: 2_147_483_647, computedAt: now };
  await stored(() => kvs.entity<Tombstone>(ENTITY.issueObligations).set(issueId, tombstone, { ttl: { value: TOMBSTONE_DAYS, unit: 'DAYS' } }));
}

export interface RecordPage {
  records: IssueRecord[];
  cursor?: string;
}

async function page(query: { getMany(): Promise<{ results: Array<{ value: IssueRecord }>; nextCursor?: string }> }): Promise<RecordPage> {
  const result = await stored(() => query.getMany());
  return { records: result.results.map((r) => r.value), ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}

/** A project's active requests by next deadline (breached first, as their deadline is the breach instant). */
export function workListPage(projectKey: string, cursor?: string): Promise<RecordPage> {
  let query = records().query().index(INDEX.byWorkList, { partition: [projectKey] }).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** Records with something due at or before `upTo` (a breach to record), earliest first. */
export function dueRecords(upTo: number, cursor?: string): Promise<RecordPage> {
  let query = records().query().index(INDEX.byWatchAt).where(WhereConditions.lessThanEqualTo(upTo)).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** Records breached or coming due at or before `upTo` (`riskAt`), the most urgent first: the monitoring page's read. */
export function recordsAtRisk(upTo: number, cursor?: string): Promise<RecordPage> {
  let query = records().query().index(INDEX.byRisk).where(WhereConditions.lessThanEqualTo(upTo)).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** Active records computed with a configuration older than `version`: what a re-evaluation still has to do. */
export function recordsBehind(version: number, cursor?: string): Promise<RecordPage> {
  let query = records().query().index(INDEX.byActiveConfig, { partition: ['yes'] }).where(WhereConditions.lessThan(version)).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}
