// The admin page's Management tab in a real browser against the sandbox: once November is over, Mette (a Jira
// administrator) reads one agreement's November grouped by goal, and every figure on the page — each goal's met,
// breached, cancelled, closed and compliance, contractual and internal side by side, and the requests created,
// resolved and open — equals `report --internal` of the CLI on the same histories; a figure opens its requests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ComplianceReportJson } from '../../src/engine/compliance-report-json';
import { cliReport, timelinesFile } from '../integration/report-timelines';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';
import { DEMO_CONFIG_PATH, demoBundle } from '../fixtures/demo-config';

jest.setTimeout(120_000);

const MONTH = '2026-11';
const configPath = DEMO_CONFIG_PATH;
const bundle = demoBundle;

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let expected: ComplianceReportJson;

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('admin'));
  // December 2nd, 10:00 in Copenhagen: November is over, each request read at its end.
  await sandbox.server.site.moveClock({ to: Date.parse('2026-12-02T09:00:00Z') });
  const timelines = await timelinesFile(sandbox.server.site.host, bundle, mkdtempSync(path.join(tmpdir(), 'contract-sla-management-browser-')));
  // The agreement with the most goals judged in November: the comparison should have something to compare.
  const reports = bundle.agreements.map((a) => cliReport(configPath, timelines, a.id, MONTH));
  expected = reports.sort((x, y) => judged(y) - judged(x))[0]!;
}, 120_000);

afterAll(() => closeJourney({ sandbox, browser }));

const judged = (report: ComplianceReportJson): number => report.goals.reduce((n, g) => n + g.met + g.breached, 0);
const percent = (compliance: number | null): string =>
  compliance === null ? '–' : `${(Math.floor(compliance * 1000) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1 })} %`;

test('one agreement’s November on the page equals report --internal, goal by goal; a figure opens its requests', async () => {
  expect(judged(expected)).toBeGreaterThan(3);
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.getByRole('tab', { name: 'Management' }).click();
  const reports = admin.getByRole('region', { name: 'Management reports' });
  await reports.getByTestId('management-totals').waitFor({ timeout: 20_000 });
  await reports.getByLabel('From', { exact: true }).fill(MONTH);
  await reports.getByLabel('To', { exact: true }).fill(MONTH);
  await reports.getByLabel('Agreement', { exact: true }).selectOption(expected.agreement);
  await reports.getByLabel('Group by', { exact: true }).selectOption('goal');
  await reports.getByRole('figure', { name: 'Compliance by goal' }).waitFor({ timeout: 20_000 });
  // The figures shown are those of the filters chosen (earlier ones stay on screen, busy, until they arrive).
  await admin.locator('section[aria-label="Management reports"][aria-busy="false"]').waitFor({ timeout: 20_000 });
  expect(await reports.getByTestId('management-period').textContent()).toBe('November 2026, each agreement’s months in its own calendar’s zone');

  const cells = async (selector: string): Promise<string[]> => reports.locator(selector).locator('th, td').allTextContents();
  for (const goal of expected.goals) {
    const row = await cells(`tr[data-testid="figures-row"][data-group="${goal.goal}"]`);
    const figures = [String(goal.met), String(goal.breached), String(goal.cancelled), String(goal.closed), percent(goal.compliance)];
    const none = ['0', '0', '0', '0', '–'];
    // Requests are no goal's: a dash; then the contractual columns, then the internal ones.
    expect({ goal: goal.goal, figures: row.slice(1) }).toEqual({ goal: goal.goal, figures: ['–', '–', '–', ...(goal.internal ? [...none, ...figures] : [...figures, ...none])] });
  }
  const total = await cells('tr[data-testid="figures-total"]');
  const { created, resolved, open } = expected.requests;
  expect(total.slice(1, 4)).toEqual([String(created), String(resolved), String(open.total)]);

  await reports.getByRole('heading', { name: 'Management reports' }).scrollIntoViewIfNeeded();
  await captureSurface(page, 'admin', 'admin-management-reports');

  const breached = expected.cycles.filter((c) => c.outcome === 'breached' && !c.internal);
  const contractual = expected.goals.find((g) => !g.internal && g.breached > 0);
  if (contractual) {
    await reports.locator(`tr[data-group="${contractual.goal}"]`).getByRole('button', { name: new RegExp(`^${contractual.breached} contractual goals breached`) }).click();
    const drill = reports.getByTestId('drill-down');
    await drill.getByTestId('drill-row').first().waitFor({ timeout: 20_000 });
    const keys = await drill.getByRole('link').allTextContents();
    expect(keys).toEqual(breached.filter((c) => c.goal === contractual.goal).map((c) => c.issue));
  }
});
