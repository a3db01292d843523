// Issued reports (`issued-report`, `issued-report-part`) and the ledger of each agreement's month (`report-ledger`).
// A snapshot is written part by part and its header last, each only if absent: a report is visible once complete
// and never rewritten. The ledger numbers the versions and lets the daily run claim each month's scheduled issue once.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { conditionFailed, stored } from './kvs-retry';
import { keyText, type Delivery, type IssuedReport, type ReportSnapshot } from './issued-report';

const headers = () => kvs.entity<IssuedReport>(ENTITY.issuedReport);
const parts = () => kvs.entity<SnapshotPart>(ENTITY.issuedReportPart);
const ledgers = () => kvs.entity<ReportLedger>(ENTITY.reportLedger);

/** One part of a snapshot: part 0 is the snapshot without its cycles, the others its cycles in order. */
interface SnapshotPart {
  report: string;
  part: number;
  content: unknown;
}

/** An agreement's month: how many versions were issued, and the scheduled issue's claim and outcome. */
export interface ReportLedger {
  agreement: string;
  month: string;
  versions: number;
  /** When a daily run claimed the scheduled issue, and which run. */
  claimedAt?: number;
  claimedBy?: string;
  /** The version the schedule issued (set once). */
  scheduledVersion?: number;
}

/** Cycles per part: a part stays far under the 240 KiB a stored value may hold (a cycle is some 300 bytes). */
const CYCLES_PER_PART = 400;
const TRANSACTION_OPS = 25;

const ledgerKey = (agreement: string, month: string): string => `${keyText(agreement)}:${month}`;
const partKey = (report: string, part: number): string => `${report}#${part}`;

export function readLedger(agreement: string, month: string): Promise<ReportLedger | undefined> {
  return stored(() => ledgers().get(ledgerKey(agreement, month)));
}

/** The next version number of an agreement's month, taken so that two issues never get the same one. */
export async function takeVersion(agreement: string, month: string): Promise<number> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await readLedger(agreement, month);
    try {
      if (!current) {
        await stored(() => ledgers().set(ledgerKey(agreement, month), { agreement, month, versions: 1 }, { keyPolicy: 'FAIL_IF_EXISTS' }));
        return 1;
      }
      const unchanged = new Filter<ReportLedger>().and('versions', FilterConditions.equalTo(current.versions));
      await stored(() => kvs.transact().set(ledgerKey(agreement, month), { ...current, versions: current.versions + 1 }, { entityName: ENTITY.reportLedger, conditions: unchanged }).execute());
      return current.versions + 1;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  throw new Error(`could not take a version number for ${agreement} ${month}: the ledger kept changing`);
}

/**
 * Claims the scheduled issue of an agreement's month for a run: true when this run may issue it. A month already
 * issued by the schedule is never claimed again; a claim that never led to an issued report (its run failed) may
 * be taken over once it is older than `staleAfterMs`.
 */
export async function claimScheduled(
  agreement: string,
  month: string,
  runId: string,
  now: number,
  staleAfterMs: number,
  issued: (version: number) => Promise<boolean>,
): Promise<boolean> {
  const key = ledgerKey(agreement, month);
  const current = await readLedger(agreement, month);
  if (current?.scheduledVersion !== undefined && (await issued(current.scheduledVersion))) return false;
  if (current?.claimedAt !== undefined && now - current.claimedAt < staleAfterMs) return false;
  try {
    if (!current) {
      await stored(() => ledgers().set(key, { agreement, month, versions: 0, claimedAt: now, claimedBy: runId }, { keyPolicy: 'FAIL_IF_EXISTS' }));
    } else {
      const untouched = new Filter<ReportLedger>().and('versions', FilterConditions.equalTo(current.versions));
      const claim = current.claimedAt === undefined ? untouched.and('claimedAt', FilterConditions.notExists()) : untouched.and('claimedAt', FilterConditions.equalTo(current.claimedAt));
      await stored(() => kvs.transact().set(key, { ...current, claimedAt: now, claimedBy: runId }, { entityName: ENTITY.reportLedger, conditions: claim }).execute());
    }
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * The version the schedule issues for a month, taken by the run that holds the claim: a new number the first time,
 * the same number when that run's job is delivered again (it then finishes what it started). Undefined when another
 * run holds the claim.
 */
export async function reserveScheduledVersion(agreement: string, month: string, runId: string): Promise<number | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await readLedger(agreement, month);
    if (!current || current.claimedBy !== runId) return undefined;
    if (current.scheduledVersion !== undefined) return current.scheduledVersion;
    const version = current.versions + 1;
    const unchanged = new Filter<ReportLedger>()
      .and('versions', FilterConditions.equalTo(current.versions))
      .and('claimedBy', FilterConditions.equalTo(runId))
      .and('scheduledVersion', FilterConditions.notExists());
    try {
      await stored(() => kvs.transact().set(ledgerKey(agreement, month), { ...current, versions: version, scheduledVersion: version }, { entityName: ENTITY.reportLedger, conditions: unchanged }).execute());
      return version;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  throw new Error(`could not reserve the scheduled version of ${agreement} ${month}: the ledger kept changing`);
}

/** Splits a snapshot into its stored parts. */
function partsOf(snapshot: ReportSnapshot): unknown[] {
  const { cycles, ...report } = snapshot.report;
  const out: unknown[] = [{ ...snapshot, report: { ...report, cycles: [] } }];
  for (let i = 0; i < cycles.length; i += CYCLES_PER_PART) out.push(cycles.slice(i, i + CYCLES_PER_PART));
  return out;
}

/**
 * Writes a snapshot and then its header. A report becomes visible with its header, which is created only if absent:
 * parts left by an attempt that failed before its header are simply written again, and an issued report is never
 * rewritten. Returns the header that stands (this one, or the one a repeated attempt finds).
 */
export async function writeIssuedReport(snapshot: ReportSnapshot, header: Omit<IssuedReport, 'parts' | 'deliveryRevision'>): Promise<IssuedReport> {
  const existing = await readIssuedReport(snapshot.id);
  if (existing) return existing;
  const contents = partsOf(snapshot);
  for (const [part, content] of contents.entries()) {
    await stored(() => parts().set(partKey(snapshot.id, part), { report: snapshot.id, part, content }));
  }
  const complete: IssuedReport = { ...header, parts: contents.length, deliveryRevision: 0 };
  try {
    await stored(() => headers().set(snapshot.id, complete, { keyPolicy: 'FAIL_IF_EXISTS' }));
    return complete;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    return (await readIssuedReport(snapshot.id)) ?? complete;
  }
}

export function readIssuedReport(id: string): Promise<IssuedReport | undefined> {
  return stored(() => headers().get(id));
}

/** The frozen snapshot of an issued report, put back together from its parts. */
export async function readSnapshot(header: IssuedReport): Promise<ReportSnapshot> {
  const contents: unknown[] = [];
  for (let i = 0; i < header.parts; i += TRANSACTION_OPS) {
    const keys = Array.from({ length: Math.min(TRANSACTION_OPS, header.parts - i) }, (_, j) => ({ key: partKey(header.id, i + j), entityName: ENTITY.issuedReportPart }));
    const { successfulKeys, failedKeys } = await stored(() => kvs.batchGet<SnapshotPart>(keys));
    if (failedKeys.length > 0) throw new Error(`could not read ${failedKeys.length} part(s) of the report ${header.id}`);
    for (const item of [...successfulKeys].sort((a, b) => a.value.part - b.value.part)) contents.push(item.value.content);
  }
  const [first, ...cycles] = contents as [ReportSnapshot, ...Array<ReportSnapshot['report']['cycles']>];
  return { ...first, report: { ...first.report, cycles: cycles.flat() } };
}

/** Moves a report's delivery on, unless someone else moved it meanwhile (undefined then). */
export async function updateDelivery(header: IssuedReport, delivery: Delivery): Promise<IssuedReport | undefined> {
  const due = delivery.state === 'pending' || delivery.state === 'request-created' || delivery.state === 'failed';
  const { deliveryDue: _was, ...rest } = header;
  const next: IssuedReport = { ...rest, delivery, deliveryRevision: header.deliveryRevision + 1, ...(due ? { deliveryDue: 'yes' as const } : {}) };
  const unchanged = new Filter<IssuedReport>().and('deliveryRevision', FilterConditions.equalTo(header.deliveryRevision));
  try {
    await stored(() => kvs.transact().set(header.id, next, { entityName: ENTITY.issuedReport, conditions: unchanged }).execute());
    return next;
  } catch (error) {
    if (conditionFailed(error)) return undefined;
    throw error;
  }
}

async function allPages(read: (cursor?: string) => Promise<{ results: Array<{ value: IssuedReport }>; nextCursor?: string }>): Promise<IssuedReport[]> {
  const out: IssuedReport[] = [];
  let cursor: string | undefined;
  do {
    const page = await stored(() => read(cursor));
    out.push(...page.results.map((r) => r.value));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** An agreement's issued reports, every version, by month (optionally only months in [from, to]). */
export function reportsOfAgreement(agreement: string, months?: { from: string; to: string }): Promise<IssuedReport[]> {
  return allPages((cursor) => {
    let query = headers().query().index(INDEX.byAgreement, { partition: [agreement] });
    if (months) query = query.where(WhereConditions.between(months.from, months.to)) as typeof query;
    const limited = query.sort(Sort.ASC).limit(100);
    return (cursor ? limited.cursor(cursor) : limited).getMany();
  });
}

/** A customer's issued reports, newest first. */
export function reportsOfCustomer(customer: string): Promise<IssuedReport[]> {
  return allPages((cursor) => {
    const query = headers().query().index(INDEX.byCustomer, { partition: [customer] }).sort(Sort.DESC).limit(100);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

/** Reports still to reach their customer, oldest first. */
export function reportsToDeliver(): Promise<IssuedReport[]> {
  return allPages((cursor) => {
    const query = headers().query().index(INDEX.byDeliveryDue, { partition: ['yes'] }).sort(Sort.ASC).limit(100);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}
