// Per-issue obligations in the `issue-obligations` custom entity, together with the site configuration the event
// path needs, read in one batch: an event costs one storage read and at most one write.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { StoredConfiguration } from './config-store';
import { CURRENT, ENTITY, INDEX } from './entities';
import type { IssueRecord } from './issue-record';
import type { SiteMetadata } from './site-store';

export interface EventInputs {
  configuration?: StoredConfiguration;
  site?: SiteMetadata;
  record?: IssueRecord;
}

/** The configuration, the site metadata and the issue's stored record, in one storage operation. */
export async function readEventInputs(issueId: string): Promise<EventInputs> {
  const { successfulKeys } = await kvs.batchGet<unknown>([
    { key: CURRENT, entityName: ENTITY.configuration },
    { key: CURRENT, entityName: ENTITY.site },
    { key: issueId, entityName: ENTITY.issueObligations },
  ]);
  const inputs: EventInputs = {};
  for (const item of successfulKeys) {
    if (item.entityName === ENTITY.configuration) inputs.configuration = item.value as StoredConfiguration;
    else if (item.entityName === ENTITY.site) inputs.site = item.value as SiteMetadata;
    else if (item.entityName === ENTITY.issueObligations) inputs.record = item.value as IssueRecord;
  }
  return inputs;
}

export async function readIssueRecord(issueId: string): Promise<IssueRecord | undefined> {
  return kvs.entity<IssueRecord>(ENTITY.issueObligations).get(issueId);
}

/**
 * Writes the record unless a record computed from a newer history is already there (concurrent events on one
 * issue): the condition makes the check and the write one step. Returns false when the stored one was newer.
 */
export async function writeIssueRecord(record: IssueRecord, previous: IssueRecord | undefined): Promise<boolean> {
  try {
    if (previous === undefined) {
      // A condition needs an existing record to test; the first write instead refuses to replace one.
      await kvs.entity<IssueRecord>(ENTITY.issueObligations).set(record.issueId, record, { keyPolicy: 'FAIL_IF_EXISTS' });
    } else {
      const notNewer = new Filter<IssueRecord>().and('revision', FilterConditions.lessThanEqualTo(record.revision));
      await kvs.transact().set(record.issueId, record, { entityName: ENTITY.issueObligations, conditions: notNewer }).execute();
    }
    return true;
  } catch (error) {
    const stored = await readIssueRecord(record.issueId);
    if (stored && stored.revision > record.revision) return false;
    if (previous === undefined && stored) return writeIssueRecord(record, stored);
    throw error;
  }
}

export async function deleteIssueRecord(issueId: string): Promise<void> {
  await kvs.entity(ENTITY.issueObligations).delete(issueId);
}

export interface RecordPage {
  records: IssueRecord[];
  cursor?: string;
}

/** Open issues of a project by next deadline (breached first, as their deadline is the breach instant). */
export async function recordsByDeadline(
  partition: { projectKey: string } | { customer: string },
  upTo: number,
  cursor?: string,
  limit = 100,
): Promise<RecordPage> {
  const [index, value] = 'projectKey' in partition ? [INDEX.byProjectDeadline, partition.projectKey] : [INDEX.byCustomerDeadline, partition.customer];
  let query = kvs
    .entity<IssueRecord>(ENTITY.issueObligations)
    .query()
    .index(index, { partition: [value] })
    .where(WhereConditions.lessThanEqualTo(upTo))
    .sort(Sort.ASC)
    .limit(Math.min(limit, 100));
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { records: page.results.map((r) => r.value), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
}

/** Issues of an agreement created in a month (`YYYY-MM`), for compliance reports. */
export async function recordsOfAgreementMonth(agreement: string, month: string, cursor?: string): Promise<RecordPage> {
  let query = kvs
    .entity<IssueRecord>(ENTITY.issueObligations)
    .query()
    .index(INDEX.byAgreementMonth, { partition: [agreement] })
    .where(WhereConditions.equalTo(month))
    .limit(100);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { records: page.results.map((r) => r.value), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
}

