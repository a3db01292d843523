// A month too long for the PDF's lists, issued and delivered on the strict local platform: the snapshot is stored in
// parts each far under a stored value's 240 KiB, the PDF lists every breach and the first 2,000 goals with a line
// saying where all of them are, and the JSM request carries, on the same public comment, the complete list — the
// CSV `report --format csv` prints for the month.
import { issuedReportId } from '../../src/adapters/storage/issued-report';
import { PART_BYTES, readIssuedReport, readSnapshot, readSnapshotHead, snapshotBreaches, snapshotCycles } from '../../src/adapters/storage/issued-report-store';
import { cyclesCsv } from '../../src/engine/compliance-report-json';
import { PDF_DETAIL_ROWS } from '../../src/views/report/goal-list';
import { DEMO_ACCOUNTS } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { pdfPages } from '../views/pdf-text';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmarks' generator of stored month entries
const { config, storeEntries } = require('../../bench/month-entries') as {
  config: { agreements: Array<{ id: string }> };
  storeEntries: (months: string[], options: { seed: number; agreements: unknown[]; count: () => number; unit: () => number }) => Promise<{ requests: number; goals: number }>;
};

const ADMIN = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };
let host: ForgeHost;

beforeAll(async () => {
  host = new ForgeHost({ now: Date.parse('2026-12-05T09:00:00Z') });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, ADMIN);
  expect(saved.ok).toBe(true);
  await host.drainQueue();
  // 1,000 of ACME Production's requests in November, each with its agreement's three goals: 3,000 goals.
  await storeEntries(['2026-11'], { seed: 3, agreements: config.agreements.filter((a) => a.id === 'acme-prod'), count: () => 1000, unit: () => 1 });
  const asked = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: '2026-11' }, ADMIN);
  expect(asked.ok).toBe(true);
  await host.drainQueue();
}, 120_000);
afterAll(() => host.close());

const id = issuedReportId('acme-prod', '2026-11', 1);

test('the frozen snapshot: parts measured under the limit, read back a part at a time as it was counted', async () => {
  const header = (await runAs(undefined, () => readIssuedReport(id)))!;
  const whole = await runAs(undefined, () => readSnapshot(header));
  const counted = whole.report.goals.reduce((n, g) => n + g.met + g.breached + g.cancelled, 0);
  expect(whole.report.cycles).toHaveLength(counted);
  expect(counted).toBeGreaterThan(PDF_DETAIL_ROWS);
  const parts: number[] = [];
  const read = await runAs(undefined, async () => {
    const all = [];
    for await (const cycles of snapshotCycles(header)) {
      parts.push(Buffer.byteLength(JSON.stringify(cycles)));
      all.push(...cycles);
    }
    return all;
  });
  expect(read).toEqual(whole.report.cycles);
  expect(parts.length).toBe(header.parts - 1);
  expect(parts.length).toBeGreaterThan(1);
  for (const bytes of parts) expect(bytes).toBeLessThanOrEqual(PART_BYTES);
  expect((await runAs(undefined, () => readSnapshotHead(header))).report.cycles).toEqual([]);
});

test('the breached cycles are stored apart as well, so the list of breaches reads only them', async () => {
  const header = (await runAs(undefined, () => readIssuedReport(id)))!;
  const breached = (await runAs(undefined, () => readSnapshot(header))).report.cycles.filter((c) => c.outcome === 'breached');
  expect(breached.length).toBeGreaterThan(0);
  const read = async (from: typeof header) =>
    runAs(undefined, async () => {
      const all = [];
      for await (const cycles of snapshotBreaches(from)) all.push(...cycles);
      return all;
    });
  expect(header.breachParts).toBeGreaterThanOrEqual(1);
  const before = host.runtime.counters.storage.readUnits;
  expect(await read(header)).toEqual(breached);
  const apart = host.runtime.counters.storage.readUnits - before;
  // A report issued before they were kept apart: its breaches are picked from every cycle, at the cost of reading all.
  const { breachParts: _none, ...earlier } = header;
  expect(await read(earlier)).toEqual(breached);
  expect(host.runtime.counters.storage.readUnits - before - apart).toBeGreaterThan(3 * apart);
});

test('delivered with the PDF and the complete list on one public comment; the list is the CLI CSV of the month', async () => {
  const header = (await runAs(undefined, () => readIssuedReport(id)))!;
  expect(header.delivery.state).toBe('delivered');
  const request = host.double.issue(header.delivery.requestKey!)!;
  const files = request.attachments!;
  expect(files.map((f) => [f.filename, f.mimeType, f.public])).toEqual([
    ['service-level-report-acme-prod-2026-11-v1.pdf', 'application/pdf', true],
    ['service-level-report-acme-prod-2026-11-v1-goals.csv', 'text/csv', true],
  ]);
  const snapshot = await runAs(undefined, () => readSnapshot(header));
  expect(Buffer.from(files[1]!.content, 'base64').toString('utf8')).toBe(cyclesCsv(snapshot.report.cycles));
  // ACME's schedule asks for Danish.
  const comment = request.comments.find((c) => c.attachmentIds?.length === 2)!;
  expect(comment.jsdPublic).toBe(true);
  expect(comment.attachmentIds).toEqual(files.map((f) => f.id));
  expect(JSON.stringify(comment.body)).toContain('Alle mål talt med i måneden står i service-level-report-acme-prod-2026-11-v1-goals.csv.');

  const all = (await pdfPages(Buffer.from(files[0]!.content, 'base64'))).join('\n').replace(/\n/g, ' ');
  const total = snapshot.report.cycles.length.toLocaleString('da-DK');
  expect(all).toContain(`Måneden talte ${total} mål. De første 2.000 står her; alle står i service-level-report-acme-prod-2026-11-v1-goals.csv, der følger med rapporten.`);
  for (const cycle of snapshot.report.cycles.filter((c) => c.outcome === 'breached')) expect(all).toContain(`${cycle.issue} `);
}, 60_000);

test('the admin page can have the complete list too, and is told when the PDF lists every goal itself', async () => {
  const header = (await runAs(undefined, () => readIssuedReport(id)))!;
  const attached = host.double.issue(header.delivery.requestKey!)!.attachments![1]!;
  const list = await host.invoke<{ ok: boolean; data: { fileName: string; mimeType: string; base64: string } }>('adminResolver', 'admin/reports/goals', { report: id }, ADMIN);
  expect(list.data).toEqual({ fileName: attached.filename, mimeType: 'text/csv', base64: attached.content });
  // October: no requests at all, so the PDF lists every goal (none) and there is no separate list.
  await host.invoke('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: '2026-10' }, ADMIN);
  await host.drainQueue();
  const october = await host.invoke('adminResolver', 'admin/reports/goals', { report: issuedReportId('acme-prod', '2026-10', 1) }, ADMIN);
  expect(october).toEqual({ ok: false, errors: [{ code: 'INVALID', path: 'report', message: 'the PDF of this report lists every goal of the month itself: there is no separate list' }] });
  // The admin page's list names the file for November's row alone, so it offers the download only there.
  const listed = await host.invoke<{ data: { agreements: Array<{ id: string; reports: Array<{ id: string; goalListName: string | null }> }> } }>('adminResolver', 'admin/reports/list', {}, ADMIN);
  const rows = listed.data.agreements.find((a) => a.id === 'acme-prod')!.reports.map((r) => [r.id, r.goalListName]);
  expect(rows).toEqual([
    [id, attached.filename],
    [issuedReportId('acme-prod', '2026-10', 1), null],
  ]);
  // ACME's customers have it from their portal profile too; Fjord's are refused it like a report that does not exist.
  const portal = (accountId: string) => ({ accountId, moduleKey: 'contract-sla-portal-reports', extension: { type: 'jiraServiceManagement:portalProfilePanel' } });
  const own = await host.invoke<{ ok: boolean; data: unknown }>('portalResolver', 'portal/reports/goals', { report: id }, portal(DEMO_ACCOUNTS.sofie));
  expect(own.data).toEqual(list.data);
  expect(await host.invoke('portalResolver', 'portal/reports/goals', { report: id }, portal(DEMO_ACCOUNTS.karen))).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  const missing = await host.invoke('adminResolver', 'admin/reports/goals', { report: 'acme-prod:2026-09:1' }, ADMIN);
  expect(missing).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
}, 60_000);
