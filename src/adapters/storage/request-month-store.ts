// Month entries of requests in the `request-month` custom entity, written with the same guard as the request's record
// (never over an entry computed from a newer history or configuration) and read by agreement and month, or by month.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { conditionFailed, stored } from './kvs-retry';
import { requestMonthKey, type RequestMonth } from './request-month';

const entries = () => kvs.entity<RequestMonth>(ENTITY.requestMonth);

/** Operations per transaction: the platform's limit. */
const TRANSACTION_OPS = 25;

/** Stored entries not newer than (revision, configVersion): what a computation may replace. */
function notNewer(revision: number, configVersion: number) {
  return new Filter<RequestMonth>().and('revision', FilterConditions.lessThanEqualTo(revision)).and('configVersion', FilterConditions.lessThanEqualTo(configVersion));
}

export interface MonthWrites {
  /** Entries to store. */
  entries: RequestMonth[];
  /** Months whose entry goes (the request no longer counts in them). */
  removed: string[];
  /** Months the request's stored record says have an entry (the others are written only if absent). */
  known: ReadonlySet<string>;
  issueId: string;
  revision: number;
  configVersion: number;
}

function newer(current: RequestMonth | undefined, revision: number, configVersion: number): boolean {
  return current !== undefined && (current.revision > revision || current.configVersion > configVersion);
}

/**
 * Writes a computation's month entries before its record. Entries the record knows are replaced in transactions
 * conditional on not being newer; others are created only if absent. When one turns out to be newer, nothing more
 * is written and false says so: a newer computation stands (it writes its own months before its record).
 */
export async function writeRequestMonths(writes: MonthWrites): Promise<boolean> {
  const { revision, configVersion, issueId } = writes;
  const guard = notNewer(revision, configVersion);
  const replacing = writes.entries.filter((e) => writes.known.has(e.month));
  const creating = writes.entries.filter((e) => !writes.known.has(e.month));
  const removing = writes.removed.filter((month) => writes.known.has(month));
  const operations: Array<{ set: RequestMonth } | { delete: string }> = [...replacing.map((e) => ({ set: e })), ...removing.map((month) => ({ delete: month }))];
  for (let i = 0; i < operations.length; i += TRANSACTION_OPS) {
    const transaction = kvs.transact();
    for (const op of operations.slice(i, i + TRANSACTION_OPS)) {
      if ('set' in op) transaction.set(requestMonthKey(issueId, op.set.month), op.set, { entityName: ENTITY.requestMonth, conditions: guard });
      else transaction.delete(requestMonthKey(issueId, op.delete), { entityName: ENTITY.requestMonth, conditions: guard });
    }
    try {
      await stored(() => transaction.execute());
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      // One of them is newer, or absent after all (removed by another computation): settle them one at a time.
      for (const op of operations.slice(i, i + TRANSACTION_OPS)) {
        const ok = 'set' in op ? await putOne(op.set, revision, configVersion) : await removeOne(issueId, op.delete, revision, configVersion);
        if (!ok) return false;
      }
    }
  }
  for (const entry of creating) if (!(await putOne(entry, revision, configVersion))) return false;
  return true;
}

/** One entry: created if absent, else replaced unless newer; false when a newer one stands. */
async function putOne(entry: RequestMonth, revision: number, configVersion: number): Promise<boolean> {
  const key = requestMonthKey(entry.issueId, entry.month);
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await stored(() => entries().get(key));
    if (newer(current, revision, configVersion)) return false;
    try {
      if (current === undefined) await stored(() => entries().set(key, entry, { keyPolicy: 'FAIL_IF_EXISTS' }));
      else await stored(() => kvs.transact().set(key, entry, { entityName: ENTITY.requestMonth, conditions: notNewer(revision, configVersion) }).execute());
      return true;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  return false;
}

async function removeOne(issueId: string, month: string, revision: number, configVersion: number): Promise<boolean> {
  const key = requestMonthKey(issueId, month);
  const current = await stored(() => entries().get(key));
  if (current === undefined) return true;
  if (newer(current, revision, configVersion)) return false;
  try {
    await stored(() => kvs.transact().delete(key, { entityName: ENTITY.requestMonth, conditions: notNewer(revision, configVersion) }).execute());
    return true;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    return false;
  }
}

export function readRequestMonth(issueId: string, month: string): Promise<RequestMonth | undefined> {
  return stored(() => entries().get(requestMonthKey(issueId, month)));
}

export interface MonthPage {
  entries: RequestMonth[];
  cursor?: string;
}

type Query = ReturnType<ReturnType<ReturnType<typeof entries>['query']>['index']>;

async function page(query: { getMany(): Promise<{ results: Array<{ value: RequestMonth }>; nextCursor?: string }> }): Promise<MonthPage> {
  const result = await stored(() => query.getMany());
  return { entries: result.results.map((r) => r.value), ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}

/** 100 a page, the platform's most. */
function paged(query: Pick<Query, 'limit'>, cursor?: string): Promise<MonthPage> {
  const limited = query.limit(100);
  return page(cursor ? limited.cursor(cursor) : limited);
}

/** One agreement's entries for a month, by creation. */
export function agreementMonthPage(agreement: string, month: string, cursor?: string): Promise<MonthPage> {
  return paged(entries().query().index(INDEX.byAgreementMonth, { partition: [agreement, month] }).sort(Sort.ASC), cursor);
}

/** Every agreement's entries for a month, by creation. */
export function monthPage(month: string, cursor?: string): Promise<MonthPage> {
  return paged(entries().query().index(INDEX.byMonth, { partition: [month] }).sort(Sort.ASC), cursor);
}

/** One agreement's latest entries of requests that run on, from months before `month`. */
export function carriedIntoPage(agreement: string, month: string, cursor?: string): Promise<MonthPage> {
  return paged(entries().query().index(INDEX.byAgreementCarry, { partition: [agreement, 'yes'] }).where(WhereConditions.lessThan(month)).sort(Sort.ASC), cursor);
}

/** The same across agreements. */
export function carriedIntoAnyPage(month: string, cursor?: string): Promise<MonthPage> {
  return paged(entries().query().index(INDEX.byCarry, { partition: ['yes'] }).where(WhereConditions.lessThan(month)).sort(Sort.ASC), cursor);
}

/** Every page of a paged read. */
export async function readAll(read: (cursor?: string) => Promise<MonthPage>): Promise<RequestMonth[]> {
  const all: RequestMonth[] = [];
  let cursor: string | undefined;
  do {
    const next = await read(cursor);
    all.push(...next.entries);
    cursor = next.cursor;
  } while (cursor !== undefined);
  return all;
}
