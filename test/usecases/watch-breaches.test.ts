// The scheduled breach watch on the local Forge runtime: it records every breach at its instant, the second and
// later ones too, reads only what is due, and two overlapping runs never work the same records.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
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
  expect((await stored(request.id)).watchAt).toBe(NOW + 30 * MINUTE);

  host.advance(35 * MINUTE);
  await host.runSchedule();
  const first = await stored(request.id);
  expect(cycle(first, 'response')).toMatchObject({ breached: true, breachedAt: NOW + 30 * MINUTE });
  expect(cycle(first, 'triage-ola')).toMatchObject({ breached: false });
  // Breached, yet still watched: the triage's deadline is the next thing due.
  expect(first.watchAt).toBe(NOW + 60 * MINUTE);

  host.advance(30 * MINUTE);
  await host.runSchedule();
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
  expect(report).toEqual({ recomputed: dueNow.length, failed: 0, handedOver: false });
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
