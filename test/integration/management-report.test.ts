// The management reports equal the CLI: a month of requests is played live on the strict local runtime (every event
// through the trigger, the breach watch every hour), then the figures are asked of the app's resolvers as a Jira
// administrator on the admin page, and each agreement's month is compared with `report` run on the requests'
// timelines, mapped from the very same Jira histories: the goals' counts and compliance, contractual and internal
// side by side; the requests created, resolved and open; the requests behind a figure; the CSV export's rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ComplianceReportJson } from '../../src/engine/compliance-report-json';
import ExcelJS from 'exceljs';
import type { DrillRow, ManagementFigures } from '../../src/usecases/management-report';
import type { ManagementExport, ManagementPayload } from '../../src/resolver-contract';
import { applyStep, DEMO_ACCOUNTS, planHistory } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { cliReportText, timelinesFile } from './report-timelines';
import { DEMO_CONFIG_PATH, demoBundle, demoConfig } from '../fixtures/demo-config';

const configPath = DEMO_CONFIG_PATH;
const config = demoConfig;
const bundle = demoBundle;
const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-management-'));

// Monday 2 November 2026, 10:00 in Copenhagen; then the whole month; Thursday 3 December: November is over.
const START = Date.parse('2026-11-02T09:00:00Z');
const END = Date.parse('2026-12-03T09:00:00Z');
const HOUR = 3_600_000;
const MONTH = '2026-11';
const ADMIN = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

let host: ForgeHost;
let timelines: string;
afterAll(() => host?.close());

type Answer<T> = { ok: true; data: T } | { ok: false; errors: Array<{ code: string; path?: string; message: string }> };

async function ask<T>(key: string, payload: unknown, who: { accountId: string } = ADMIN): Promise<T> {
  const answer = await host.invoke<Answer<T>>('adminResolver', key, payload, { ...ADMIN, ...who });
  if (!answer.ok) throw new Error(`${key}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const cli = (agreement: string, format: 'json' | 'csv' = 'json'): string => cliReportText(configPath, timelines, agreement, MONTH, format);
const cliReport = (agreement: string): ComplianceReportJson => JSON.parse(cli(agreement)) as ComplianceReportJson;

beforeAll(async () => {
  host = new ForgeHost({ now: START });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
  await host.replaySeededRequests();
  const keys: string[] = [];
  let watched = host.clock.now;
  for (const step of planHistory({ from: START, to: Date.parse('2026-11-30T22:00:00Z'), seed: 1112, requestsPerDay: 4 })) {
    host.advance(step.at - host.clock.now);
    if (host.clock.now - watched >= HOUR) {
      await host.runSchedule();
      watched = host.clock.now;
    }
    if (step.kind === 'priority') continue;
    applyStep(host.double, step, keys);
    await host.settle();
  }
  host.advance(END - host.clock.now);
  await host.runSchedule();
  timelines = await timelinesFile(host, bundle, scratch);
}, 180_000);

const AGREEMENTS = bundle.agreements.map((a) => a.id);
const query = (extra: Partial<ManagementPayload>): ManagementPayload => ({ from: MONTH, to: MONTH, scope: 'both', ...extra });

test('each agreement’s November, grouped by goal and by agreement, equals report --internal on the same histories', async () => {
  let compared = 0;
  for (const agreement of AGREEMENTS) {
    const expected = cliReport(agreement);
    const figures = await ask<ManagementFigures>('admin/management/report', { from: MONTH, to: MONTH, agreements: [agreement] });
    const byGoal = figures.groupings.goal;
    expect(byGoal.map((g) => g.key)).toEqual(expected.goals.map((g) => g.goal));
    for (const goal of expected.goals) {
      const group = byGoal.find((g) => g.key === goal.goal)!;
      const kind = goal.internal ? group.internal : group.contractual;
      expect({ goal: goal.goal, ...kind }).toEqual({ goal: goal.goal, closed: goal.closed, met: goal.met, breached: goal.breached, cancelled: goal.cancelled, compliance: goal.compliance });
      compared += goal.met + goal.breached;
    }
    const requests = { created: expected.requests.created, resolved: expected.requests.resolved, open: expected.requests.open.total };
    expect(figures.totals.requests).toEqual(requests);
    if (requests.created + requests.open > 0) expect(figures.groupings.agreement.find((g) => g.key === agreement)?.requests).toEqual(requests);
  }
  expect(compared).toBeGreaterThan(30);
});

test('the requests behind a figure are the cycles the report counts', async () => {
  for (const agreement of AGREEMENTS) {
    const expected = cliReport(agreement);
    for (const measure of ['met', 'breached'] as const) {
      const drill = await ask<{ total: number; rows: DrillRow[] }>('admin/management/drill', { ...query({ agreements: [agreement], groupBy: 'agreement' }), group: agreement, measure });
      const cycles = expected.cycles.filter((c) => c.outcome === measure);
      expect(drill.rows.map((r) => `${r.issueKey}/${r.goal}/${r.cycle}`)).toEqual(cycles.map((c) => `${c.issue}/${c.goal}/${c.cycle}`));
      expect(drill.total).toBe(cycles.length);
    }
  }
});

test('the open requests behind a figure are as many as it says, grouped by month or not', async () => {
  const figures = await ask<ManagementFigures>('admin/management/report', { from: '2026-10', to: MONTH });
  const open = async (groupBy: 'month' | 'customer', group: string) =>
    (await ask<{ total: number }>('admin/management/drill', { ...query({ from: '2026-10', groupBy }), group, measure: 'open' })).total;
  expect(await open('month', 'total')).toBe(figures.totals.requests!.open);
  expect(await open('customer', 'total')).toBe(figures.totals.requests!.open);
  for (const month of figures.groupings.month) expect(await open('month', month.key)).toBe(month.requests!.open);
  expect(figures.groupings.month.map((m) => m.key)).toEqual(['2026-10', MONTH]);
  expect(figures.totals.requests!.open).toBe(figures.groupings.month[1]!.requests!.open);
});

test('the CSV export lists every counted goal: the spec’s columns equal report --format csv, then the dimensions', async () => {
  const exported = await ask<ManagementExport>('admin/management/export', { ...query({}), format: 'csv' });
  expect(exported.gzip).toBe(true);
  const [header, ...lines] = gunzipSync(Buffer.from(exported.base64, 'base64')).toString('utf8').trimEnd().split('\n');
  expect(header).toBe('issue,goal,cycle,internal,outcome,startedAt,endedAt,targetSeconds,elapsedSeconds,breachedAt,priority,month,agreement,customer,environment,product,requestType,priorityRank,assignee');
  expect(exported.fileName).toBe('contract-sla-goals-2026-11.csv');
  let total = 0;
  for (const agreement of AGREEMENTS) {
    const [, ...expected] = cli(agreement, 'csv').trimEnd().split('\n').filter((l) => l !== '');
    // Plain values: no field of these histories needs quotes, so the agreement is the 13th comma-separated cell.
    const mine = lines.filter((l) => l.split(',')[12] === agreement).map((l) => l.split(',').slice(0, 11).join(','));
    expect(mine).toEqual(expected);
    total += expected.length;
  }
  expect(lines).toHaveLength(total);
  expect(exported.goals).toBe(total);
  const xlsx = await ask<ManagementExport>('admin/management/export', { ...query({}), format: 'xlsx' });
  // An XLSX file is a ZIP archive, whose Goals sheet lists every counted goal under the same header.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
  const sheet = workbook.getWorksheet('Goals')!;
  expect(sheet.getRow(1).values).toEqual([undefined, ...header!.split(',')]);
  expect(sheet.rowCount).toBe(total + 1);
  expect(xlsx.gzip).toBe(false);
  expect(workbook.getWorksheet('Figures')!.getRow(2).getCell(1).value).toBe('customer');
});

test('priority groups by rank, so every model’s first priority is one row; the groups add up to the totals', async () => {
  const figures = await ask<ManagementFigures>('admin/management/report', { from: MONTH, to: MONTH });
  const byPriority = { groups: figures.groupings.priority, totals: figures.totals };
  const ranks = byPriority.groups.map((g) => Number(g.key));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(ranks).size).toBe(ranks.length);
  const sum = (pick: (g: ManagementFigures['totals']) => number) => byPriority.groups.reduce((n, g) => n + pick(g), 0);
  expect(sum((g) => g.requests!.created)).toBe(byPriority.totals.requests!.created);
  expect(sum((g) => g.contractual!.breached)).toBe(byPriority.totals.contractual!.breached);
  expect(sum((g) => g.internal!.met)).toBe(byPriority.totals.internal!.met);
  // Every grouping divides the same totals.
  for (const [dimension, groups] of Object.entries(figures.groupings)) {
    expect({ dimension, breached: groups.reduce((n, g) => n + g.contractual!.breached + g.internal!.breached, 0) }).toEqual({ dimension, breached: figures.totals.contractual!.breached + figures.totals.internal!.breached });
  }
});

test('only Jira administrators see the figures; a bad period is refused naming the field', async () => {
  const refused = await host.invoke<Answer<unknown>>('adminResolver', 'admin/management/report', query({}), { ...ADMIN, accountId: DEMO_ACCOUNTS.lars });
  expect(refused).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  const backwards = await host.invoke<Answer<unknown>>('adminResolver', 'admin/management/report', { from: '2026-11', to: '2026-10' }, ADMIN);
  expect(backwards).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.to', message: '2026-10 is before 2026-11' }] });
});
