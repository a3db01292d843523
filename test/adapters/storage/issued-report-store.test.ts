// A frozen snapshot is stored in parts measured in bytes, so however long its keys and ids, every part stays a value
// the platform stores (240 KiB at most; the strict local runtime refuses more), and it reads back exactly as written:
// its cycles in order, and its breached cycles apart in the same order.
import { readIssuedReport, readSnapshot, snapshotBreaches, SnapshotWriter } from '../../../src/adapters/storage/issued-report-store';
import type { ReportedCycleJson } from '../../../src/engine/compliance-report-json';
import { runAs } from '../../../offline/forge-runtime';
import { ForgeHost } from '../../../offline/sandbox/forge-host';
import { exampleReport, exampleSnapshot } from '../../views/report-fixture';

let host: ForgeHost;
beforeEach(() => {
  host = new ForgeHost({ now: Date.parse('2026-12-05T09:00:00Z') });
});
afterEach(() => host.close());

const header = { agreement: 'acme-prod', customer: 'acme', month: '2026-11', version: 1, issuedAt: 0, issuedBy: 'schedule', goals: [], requests: { created: 0, resolved: 0, open: 0 }, delivery: { state: 'not-scheduled' as const, attempts: 0 } };

test.each([
  ['short keys', 10],
  ['keys of 2,000 characters (400 such cycles would be some 900 KB)', 2000],
])('%s: every part under the limit, read back as written', async (_name, keyLength) => {
  const cycles: ReportedCycleJson[] = Array.from({ length: 1200 }, (_, i) => ({ ...exampleReport.cycles[i % exampleReport.cycles.length]!, issue: `SUP-${i}`.padEnd(keyLength, 'x') }));
  const snapshot = exampleSnapshot('en', { id: 'acme-prod:2026-11:1', report: { ...exampleReport, cycles } });
  const written = await runAs(undefined, async () => {
    const writer = new SnapshotWriter(snapshot.id);
    // Handed over in slices, as a month's pages are counted.
    for (let i = 0; i < cycles.length; i += 97) await writer.add(cycles.slice(i, i + 97));
    return writer.finish(snapshot, { ...header, id: snapshot.id });
  });
  expect(await runAs(undefined, () => readIssuedReport(snapshot.id))).toEqual(written);
  expect((await runAs(undefined, () => readSnapshot(written))).report.cycles).toEqual(cycles);
  const breaches = await runAs(undefined, async () => {
    const all: ReportedCycleJson[] = [];
    for await (const part of snapshotBreaches(written)) all.push(...part);
    return all;
  });
  expect(breaches).toEqual(cycles.filter((c) => c.outcome === 'breached'));
  if (keyLength > 1000) expect(written.parts).toBeGreaterThan(10);
});

test('an issued report is never rewritten: a second writer of the same id finds the header that stands', async () => {
  const snapshot = exampleSnapshot('en');
  const first = await runAs(undefined, () => new SnapshotWriter(snapshot.id).finish(snapshot, { ...header, id: snapshot.id }));
  const again = await runAs(undefined, () => new SnapshotWriter(snapshot.id).finish({ ...snapshot, issuedBy: 'someone else' }, { ...header, id: snapshot.id, issuedBy: 'someone else' }));
  expect(again).toEqual(first);
  expect(again.issuedBy).toBe('schedule');
});
