// A customer's monthly report, end to end in a real browser: Mette issues ACME Production's October 2026 report on the
// admin page; the app delivers it through JSM (a request in ACME's organization, the PDF on a public comment). Sofie of
// ACME finds it on her portal profile with its figures and downloads the PDF (read back as text); Karen of Fjord
// sees none of ACME's reports, and the resolver refuses her ACME's PDF.
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pdfPages } from '../views/pdf-text';
import { captureSurface, launchChromium, openPage, requireBuilt, startTestSandbox, surface, type Sandbox } from './sandbox-harness';

jest.setTimeout(90_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let reportId = '';
let requestKey = '';

const invoke = async (as: string, surfaceName: string, functionKey: string, payload: unknown = {}) => {
  const answer = await fetch(`${sandbox.server.url}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ placement: { surface: surfaceName }, as, functionKey, payload }),
  });
  return (await answer.json()) as { ok: boolean; data?: unknown; errors?: Array<{ code: string; message: string }> };
};

beforeAll(async () => {
  requireBuilt('admin', 'portal-reports');
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await openPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('(a) Mette issues October 2026 for ACME Production; it is delivered through JSM as a request in ACME’s organization', async () => {
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.getByRole('tab', { name: 'Reports' }).click();
  const acme = admin.locator('[data-testid="reports-acme-prod"]');
  await acme.waitFor({ timeout: 15_000 });
  await acme.getByRole('button', { name: /Issue October 2026/ }).click();
  await acme.locator('[data-testid^="issued-acme-prod"]', { hasText: 'Delivered' }).first().waitFor({ timeout: 30_000 });
  const list = (await invoke('mette', 'admin', 'admin/reports/list')).data as { agreements: Array<{ id: string; reports: Array<{ id: string; month: string; delivery: { state: string; requestKey?: string } }> }> };
  const october = list.agreements.find((a) => a.id === 'acme-prod')!.reports.find((r) => r.month === '2026-10')!;
  expect(october.delivery.state).toBe('delivered');
  reportId = october.id;
  requestKey = october.delivery.requestKey!;
  // The delivered request is ACME's: shared with its organization, the PDF attached to a public comment.
  const double = sandbox.server.site.double;
  const issue = double.issueOrThrow(requestKey);
  const organizations = double.state.customFields.find((f) => f.kind === 'organizations')!;
  expect(JSON.stringify(issue.customFields[organizations.id])).toContain('"12"');
  expect((issue.attachments ?? []).map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
});

test('(b) Sofie of ACME finds the request on the portal and the report on her profile, and its PDF reads right', async () => {
  await page.goto(`${sandbox.server.url}/portal?as=sofie`);
  await page.locator('.portal-requests a', { hasText: requestKey }).first().waitFor({ timeout: 15_000 });
  await page.click('[data-testid="portal-profile-link"]');
  const reports = surface(page, 'portal-reports');
  const row = reports.locator('[data-testid="report-row"]', { hasText: 'October 2026' });
  await row.waitFor({ timeout: 15_000 });
  expect(await row.textContent()).toMatch(/October 2026 · ACME Production.*requests raised/);
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Download the October 2026 report for ACME Production/ }).click()]);
  const text = (await pdfPages(new Uint8Array(readFileSync((await download.path())!)))).join('\n');
  expect(text).toMatch(/ACME/);
  expect(text).toMatch(/Production/);
  expect(text).toMatch(/October 2026|oktober 2026/i);
  await captureSurface(page, 'portal-reports');
});

test('(c) Karen of Fjord sees none of ACME’s reports, and is refused its PDF', async () => {
  await page.goto(`${sandbox.server.url}/portal/profile?as=karen`);
  const reports = surface(page, 'portal-reports');
  await reports.locator('body').waitFor();
  await page.waitForTimeout(500);
  expect(await reports.locator('[data-testid="report-row"]', { hasText: 'ACME' }).count()).toBe(0);
  const refused = await invoke('karen', 'portal-reports', 'portal/reports/pdf', { report: reportId });
  expect(refused.ok).toBe(false);
  expect(refused.errors?.[0]?.code).toBe('FORBIDDEN');
});
