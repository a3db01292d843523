// The scheduled breach watch on the local Forge runtime: it records every breach at its instant, the second and
// later ones too, reads only what is due, and two overlapping runs never work the same records.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
import { readFailure } from '../../src/adapters/storage/failure-store';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import type { WatchReport } from '../../src/usecases/watch-breaches';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;
const MINUTE = 60_000;

let host: ForgeHost;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
  // The demo's open requests reached escalations before the clock started: a first run carries those out.
  await host.runSchedule();
});
afterEach(() => host.close());

const stored = (id: string): Promise<IssueRecord> => runAs(undefined, () => readIssueRecord(id)).then((r) => r!);
const cycle = (record: IssueRecord, goal: string) => decodeCycles(record).find((o) => o.goal === goal)!;

function raiseP1(summary: string) {
  return host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary, fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' } });
}

test("a request's second breach is recorded at its instant too, not only the first", async () => {
  // P1 at 10:00 in Copenhagen: the reply is due within 30 minutes, the internal triage within 1 hour.
  const request = raiseP1('Payroll is down');
  await host.settle();
  const runAt = async (minutes: number): Promise<void> => {
    host.advance(NOW + minutes * MINUTE - host.clock.now);
    await host.runSchedule();
  };
  // Watched from its first escalation (half the reply time), then from when the reply turns at risk (80 % of it,
  // formats.md §8), then from the first instant it is overdue: one millisecond after its deadline.
  expect((await stored(request.id)).watchAt).toBe(NOW + 15 * MINUTE);
  await runAt(15);
  expect((await stored(request.id)).watchAt).toBe(NOW + 24 * MINUTE);
  await runAt(24);
  expect((await stored(request.id)).atRiskGoals).toEqual(['response']);
  expect((await stored(request.id)).watchAt).toBe(NOW + 30 * MINUTE + 1);

  await runAt(35);
  const first = await stored(request.id);
  expect(cycle(first, 'response')).toMatchObject({ breached: true, breachedAt: NOW + 30 * MINUTE });
  expect(cycle(first, 'triage-ola')).toMatchObject({ breached: false });
  // Breached, yet still watched: the triage turning at risk (48 of its 60 minutes), then its deadline.
  expect(first.watchAt).toBe(NOW + 48 * MINUTE);
  await runAt(48);
  expect((await stored(request.id)).watchAt).toBe(NOW + 60 * MINUTE + 1);

  await runAt(65);
  const second = await stored(request.id);
  expect(cycle(second, 'triage-ola')).toMatchObject({ breached: true, breachedAt: NOW + 60 * MINUTE });
});

test('a run reads only the records that are due, however many requests are open', async () => {
  const due = raiseP1('Due soon');
  for (let i = 0; i < 12; i++) {
    // Service requests at P5: first reply within 8 hours, not due this morning.
    host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.serviceRequest, reporter: a.anders, summary: `Account ${i}`, fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p5' } });
  }
  await host.settle();
  host.advance(31 * MINUTE);
  // Every stored record (resolved requests the app never saw have none).
  const records = (await Promise.all(host.double.toJSON().issues.map((issue) => runAs(undefined, () => readIssueRecord(issue.id))))).filter((r) => r !== undefined);
  const open = records.filter((r) => r.openState === 'open');
  const dueNow = records.filter((r) => r.watchAt !== undefined && r.watchAt <= host.clock.now);
  expect(open.length).toBeGreaterThan(15);
  expect(dueNow.map((r) => r.issueKey)).toContain(due.key);
  expect(dueNow.length).toBeLessThan(4);
  const report = (await host.runSchedule()) as WatchReport;
  expect(report).toMatchObject({ recomputed: dueNow.length, failed: 0, handedOver: false, escalations: { failed: 0, unconfirmed: 0, waiting: 0 } });
  expect(cycle(await stored(due.id), 'response').breached).toBe(true);
});

test('two overlapping runs: one works, the other finds the lease taken and does nothing', async () => {
  raiseP1('Overlap');
  await host.settle();
  host.advance(31 * MINUTE);
  const reports = (await Promise.all([host.runSchedule(), host.runSchedule()])) as WatchReport[];
  expect(reports.filter((r) => r.skipped)).toHaveLength(1);
  expect(reports.find((r) => !r.skipped)!.recomputed).toBeGreaterThan(0);
  // The lease is given back: the next run works again.
  host.advance(5 * MINUTE);
  expect(await host.runSchedule()).not.toHaveProperty('skipped');
});

test('a deadline at closing time is watched from when the calendar opens again, not read by every run overnight', async () => {
  // P2 at 14:00 in Copenhagen: the internal triage is due at 15:00; the 2-hour reply at 16:00, the close of office
  // hours, so the reply breaches only when the office opens on Friday at 08:00 and a millisecond of business time passes.
  host.advance(4 * 60 * MINUTE);
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Late in the day', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  const closing = Date.parse('2026-11-26T15:00:00Z');
  const fridayOpening = Date.parse('2026-11-27T07:00:00Z');
  expect(cycle(await stored(request.id), 'response').deadline).toBe(closing);
  host.advance(65 * MINUTE);
  await host.runSchedule();
  const triaged = await stored(request.id);
  expect(cycle(triaged, 'triage-ola').breached).toBe(true);
  // The reply turns at risk at 15:36 (80 % of its 2 hours), then nothing changes before Friday's opening.
  const turning = Date.parse('2026-11-26T14:36:00Z');
  expect(triaged.watchAt).toBe(turning);
  host.advance(turning - host.clock.now);
  await host.runSchedule();
  const afterTriage = await stored(request.id);
  expect(afterTriage.atRiskGoals).toEqual(['response']);
  expect(afterTriage.watchAt).toBe(fridayOpening + 1);

  // Runs in the evening and at night do not read it again.
  for (const at of [closing, closing + 1, closing + 40 * MINUTE, fridayOpening]) {
    host.advance(at - host.clock.now);
    await host.runSchedule();
    expect((await stored(request.id)).computedAt).toBe(afterTriage.computedAt);
  }
  expect(cycle(await stored(request.id), 'response').breached).toBe(false);

  host.advance(fridayOpening + 5 * MINUTE - host.clock.now);
  await host.runSchedule();
  const friday = await stored(request.id);
  expect(friday.computedAt).toBe(fridayOpening + 5 * MINUTE);
  expect(cycle(friday, 'response')).toMatchObject({ breached: true, breachedAt: closing });
});

test('a request whose computation failed, with no record to watch, is retried by the watch once its back-off has passed', async () => {
  // Jira refuses the request's reads: its first computation fails and is put on the admin's list.
  host.faults.inject({ target: 'product', method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', status: 400, times: 1000 });
  const request = raiseP1('Failing at first');
  await host.settle().catch(() => undefined);
  host.faults.clear();
  const failure = await runAs(undefined, () => readFailure(request.id));
  expect(failure).toBeDefined();
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();

  // Before its retry is due, the watch leaves it alone; after, it computes it and the problem is cleared.
  host.advance(failure!.retryAt - 1 - host.clock.now);
  await host.runSchedule();
  expect(await runAs(undefined, () => readFailure(request.id))).toEqual(failure);
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();
  host.advance(1);
  expect(await host.runSchedule()).toMatchObject({ failed: 0 });
  expect(await runAs(undefined, () => readFailure(request.id))).toBeUndefined();
  expect((await stored(request.id)).openState).toBe('open');
});
