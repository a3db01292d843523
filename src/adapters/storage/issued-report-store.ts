// Issued reports (`issued-report`, `issued-report-part`) and the ledger of each agreement's month (`report-ledger`).
// A snapshot is written part by part while it is counted, and its header last, only if absent: a report is visible
// once complete and never rewritten. The ledger numbers the versions and lets the daily run claim each month's scheduled issue once.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { conditionFailed, stored } from './kvs-retry';
import type { ReportedCycleJson } from '../../engine/compliance-report-json';
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

/**
 * A part's cycles as JSON, at most: a stored value may hold 240 KiB (245,760 bytes); the rest is the part's own
 * fields. Measured, not counted, so long issue keys or goal ids never push a part over.
 */
export const PART_BYTES = 200_000;

const ledgerKey = (agreement: string, month: string): string => `${keyText(agreement)}:${month}`;
const partKey = (report: string, part: number): string => `${report}#${part}`;
const breachPartKey = (report: string, part: number): string => `${report}#breaches#${part}`;

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

/** Cycles gathered into parts of at most PART_BYTES, each part stored as soon as it is full. */
class PartSeries {
  private held: ReportedCycleJson[] = [];
  private heldBytes = 0;
  written = 0;

  constructor(
    private readonly report: string,
    private readonly key: (part: number) => string,
  ) {}

  async add(cycle: ReportedCycleJson, bytes: number): Promise<void> {
    if (this.heldBytes + bytes > PART_BYTES && this.held.length > 0) await this.store();
    this.held.push(cycle);
    this.heldBytes += bytes;
  }

  async store(): Promise<void> {
    if (this.held.length === 0) return;
    const part = ++this.written;
    const content = this.held;
    this.held = [];
    this.heldBytes = 0;
    await stored(() => parts().set(this.key(part), { report: this.report, part, content }));
  }
}

/**
 * Writes a snapshot while its cycles are still being counted: the cycles part by part as each part fills (and the
 * breached ones again in parts of their own), then the snapshot without them (part 0), then the header. Only one
 * part of each is held at a time.
 */
export class SnapshotWriter {
  private readonly cycles: PartSeries;
  private readonly breaches: PartSeries;

  constructor(report: string) {
    this.cycles = new PartSeries(report, (part) => partKey(report, part));
    this.breaches = new PartSeries(report, (part) => breachPartKey(report, part));
  }

  /** Takes cycles in report order, storing each part that is full. */
  async add(cycles: readonly ReportedCycleJson[]): Promise<void> {
    for (const cycle of cycles) {
      const bytes = Buffer.byteLength(JSON.stringify(cycle)) + 1;
      await this.cycles.add(cycle, bytes);
      if (cycle.outcome === 'breached') await this.breaches.add(cycle, bytes);
    }
  }

  /**
   * Stores the last cycles, the snapshot (its `report.cycles` left empty: they are the other parts) and then the
   * header, created only if absent: a report becomes visible with its header, complete, and is never rewritten.
   * Parts left by an attempt that failed before its header are simply written again. Returns the header that
   * stands (this one, or the one a repeated attempt finds).
   */
  async finish(snapshot: ReportSnapshot, header: Omit<IssuedReport, 'parts' | 'breachParts' | 'deliveryRevision'>): Promise<IssuedReport> {
    await this.cycles.store();
    await this.breaches.store();
    const head: ReportSnapshot = { ...snapshot, report: { ...snapshot.report, cycles: [] } };
    await stored(() => parts().set(partKey(snapshot.id, 0), { report: snapshot.id, part: 0, content: head }));
    const complete: IssuedReport = { ...header, parts: this.cycles.written + 1, breachParts: this.breaches.written, deliveryRevision: 0 };
    try {
      await stored(() => headers().set(snapshot.id, complete, { keyPolicy: 'FAIL_IF_EXISTS' }));
      return complete;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      return (await readIssuedReport(snapshot.id)) ?? complete;
    }
  }
}

export function readIssuedReport(id: string): Promise<IssuedReport | undefined> {
  return stored(() => headers().get(id));
}

/** The frozen snapshot without its cycles (`report.cycles` is empty; `snapshotCycles` reads them). */
export async function readSnapshotHead(header: IssuedReport): Promise<ReportSnapshot> {
  return (await readPart(header, partKey(header.id, 0))) as ReportSnapshot;
}

async function readPart(header: IssuedReport, key: string): Promise<unknown> {
  const value = await stored(() => parts().get(key));
  if (!value) throw new Error(`the part ${key} of the report ${header.id} is missing`);
  return value.content;
}

/** The snapshot's cycles in report order, one stored part at a time: each read again when asked again. */
export async function* snapshotCycles(header: IssuedReport): AsyncGenerator<ReportedCycleJson[]> {
  for (let part = 1; part < header.parts; part++) yield (await readPart(header, partKey(header.id, part))) as ReportedCycleJson[];
}

/** The snapshot's breached cycles in report order, a part at a time, without reading the others when they are apart. */
export async function* snapshotBreaches(header: IssuedReport): AsyncGenerator<ReportedCycleJson[]> {
  if (header.breachParts === undefined) {
    for await (const cycles of snapshotCycles(header)) yield cycles.filter((c) => c.outcome === 'breached');
    return;
  }
  for (let part = 1; part <= header.breachParts; part++) yield (await readPart(header, breachPartKey(header.id, part))) as ReportedCycleJson[];
}

/** The frozen snapshot of an issued report, put back together from its parts (a whole month's cycles at once). */
export async function readSnapshot(header: IssuedReport): Promise<ReportSnapshot> {
  const head = await readSnapshotHead(header);
  const cycles: ReportedCycleJson[] = [];
  for await (const part of snapshotCycles(header)) cycles.push(...part);
  return { ...head, report: { ...head.report, cycles } };
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
