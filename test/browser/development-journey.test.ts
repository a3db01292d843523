// A request that needs a fix, in a real browser against the real built surfaces (formats.md §9.5): Sofie of ACME
// reports a Payroll fault on UAT; Lars hands it to development from the issue panel (PAY, "Waiting for release");
// a developer starts work, fixes it in 5.3.1 and resolves the development issue; a pipeline deploys 5.3.0 to ACME UAT
// (nothing happens: the fix is not in it), then 5.3.1 — the customer is told once and the request is resolved, as
// ACME's agreement says. Sofie sees it on the portal; the work list's "Waiting for a release" filter follows it.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { textFromAdf } from '../../offline/jsm-double/adf';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(60_000);

const SUMMARY = 'Payslips show last month’s tax rate';
const NOTICE = /The fix is available on your UAT environment \(5\.3\.1\)/;

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let key = '';
let developmentKey = '';

/** Waits until some element of the locator matches (the surfaces load and refresh asynchronously). */
async function waitForText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  await locator.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout });
  return (await locator.filter({ hasText: pattern }).first().textContent()) ?? '';
}

const stage = (panel: FrameLocator): Locator => panel.locator('[data-testid="development-stage"]');
const request = () => sandbox.server.site.double.issue(key)!;
const statusOf = () => sandbox.server.site.double.status(request().statusId).name;
/** The request's public comments (what the customer reads), as text. */
const publicComments = () => request().comments.filter((c) => c.jsdPublic).map((c) => textFromAdf(c.body));

/** A strip action, then its message: the server answers once the app has handled every event it caused. */
async function strip(testId: string, says: RegExp): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  await page.locator('[data-testid="strip-message"]', { hasText: says }).waitFor();
}

async function deploy(version: string): Promise<void> {
  await page.fill('[data-testid="strip-deploy-version"]', version);
  await page.selectOption('[data-testid="strip-deploy-target"]', { label: 'ACME A/S UAT — Payroll' });
  await strip('strip-deploy', new RegExp(`Deployed Payroll ${version.replace(/\./g, '\\.')} to ACME A/S UAT: it runs it now`));
}

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'portal-detail', 'worklist'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test('(a) Sofie reports a Payroll fault on UAT; Lars sends it to development from the issue panel', async () => {
  await page.goto(`${sandbox.server.url}/?as=lars`);
  await page.selectOption('[data-testid="strip-raise-customer"]', 'sofie');
  await page.selectOption('[data-testid="strip-raise-type"]', '1');
  await page.selectOption('[data-testid="strip-raise-environment"]', 'UAT');
  await page.selectOption('[data-testid="strip-raise-product"]', 'Payroll');
  await page.fill('[data-testid="strip-raise-summary"]', SUMMARY);
  await strip('strip-raise', /raised by Sofie Jensen/);
  key = await page.inputValue('[data-testid="strip-request"]');
  expect(key).toMatch(/^SUP-\d+$/);

  await page.goto(`${sandbox.server.url}/issue/${key}`);
  const panel = surface(page, 'issue-panel');
  const terms = await waitForText(panel.locator('[data-testid="development-terms"]'), /Payroll \(PAY\)/);
  expect(terms).toContain('The request is "Waiting for release"');
  expect(await panel.locator('[data-testid="development-environment"]').textContent()).toBe('UAT — Payroll 5.3.0-rc1');
  await panel.locator('[data-testid="hand-over-open"]').click();
  await panel.locator('[data-testid="hand-over-summary"]').fill(SUMMARY);
  await panel.locator('[data-testid="hand-over-description"]').fill('Since the last update of UAT, payslips use October’s tax rate.');
  await panel.locator('[data-testid="hand-over-send"]').click();

  const handedOver = await waitForText(stage(panel), /PAY-\d+|development/i);
  developmentKey = /PAY-\d+/.exec((await panel.locator('[data-testid="development-issue"] a').first().textContent()) ?? '')![0];
  expect(handedOver).not.toBe('');
  expect(await panel.locator('[data-testid="hand-over"]').count()).toBe(0);
  // The development issue carries the request's words and its environment; the request waits for the release.
  const development = sandbox.server.site.double.issue(developmentKey)!;
  expect(development.summary).toBe(SUMMARY);
  expect(statusOf()).toBe('Waiting for release');
  await page.locator('[data-testid="issue-status"]', { hasText: /Waiting for release/i }).waitFor();
});

test('(b) a developer starts work, fixes it in 5.3.1 and resolves the development issue: the panel follows', async () => {
  const panel = surface(page, 'issue-panel');
  await page.locator('[data-testid="strip-development-issue"]', { hasText: developmentKey }).waitFor();
  await strip('strip-dev-start', new RegExp(`started ${developmentKey}`));
  await waitForText(stage(panel), /In development/);
  expect(await panel.locator('[data-testid="development-status"]').textContent()).toBe('In Progress');

  await page.selectOption('[data-testid="strip-fix-version"]', '5.3.1');
  await strip('strip-dev-fix', /fix version is 5\.3\.1/);
  expect(await waitForText(panel.locator('[data-testid="development-fix-versions"]'), /5\.3\.1/)).toBe('5.3.1');

  await strip('strip-dev-resolve', new RegExp(`${developmentKey} resolved`));
  const fixed = await waitForText(stage(panel), /Fixed in Payroll 5\.3\.1/);
  expect(fixed).toMatch(/UAT runs 5\.3\.0-rc1/);
  expect(await panel.locator('[data-testid="development-environment-UAT"]').textContent()).toBe('UAT: 5.3.0-rc1Waiting for 5.3.1');
  expect(publicComments().filter((c) => NOTICE.test(c))).toEqual([]);
  await captureSurface(page, 'issue-panel', 'issue-panel-development');

  // The development issue, as Jira Software shows it: its fix version, and the request it relates to.
  await page.goto(`${sandbox.server.url}/issue/${developmentKey}`);
  await page.locator('[data-testid="issue-summary"]', { hasText: SUMMARY }).waitFor();
  expect(await page.locator('.issue-details').textContent()).toMatch(/AssigneeHenrik Dahl.*Fix versions5\.3\.1/);
  expect(await page.locator('[data-testid="issue-links"]').textContent()).toBe(`relates to ${key} ${SUMMARY} Waiting for release`);
  // The strip still acts on the request handed over to it.
  expect(await page.inputValue('[data-testid="strip-request"]')).toBe(key);
  await page.goto(`${sandbox.server.url}/issue/${key}`);
});

test('(c) a pipeline deploys 5.3.0 to ACME UAT: the fix is not in it, so nothing happens', async () => {
  await deploy('5.3.0');
  const panel = surface(page, 'issue-panel');
  await waitForText(panel.locator('[data-testid="development-environment-UAT"]'), /UAT: 5\.3\.0Waiting for 5\.3\.1/);
  expect(publicComments().filter((c) => NOTICE.test(c))).toEqual([]);
  expect(statusOf()).toBe('Waiting for release');
});

test('(d) the work list shows it under "Waiting for a release", with its development issue and stage', async () => {
  await page.goto(`${sandbox.server.url}/worklist?as=lars`);
  const list = surface(page, 'worklist');
  await list.locator('[data-testid="worklist-row"]').first().waitFor();
  await list.locator('[data-testid="filter-waiting-for-release"]').check();
  await waitForText(list.locator('[data-testid="worklist-count"]'), /1 of \d+ open requests/);
  const rows = await list.locator('[data-testid="worklist-row"]').allTextContents();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(key);
  expect(await list.locator(`[data-testid="development-${key}"]`).textContent()).toMatch(new RegExp(`^${developmentKey} Fixed in Payroll 5\\.3\\.1`));
  await captureSurface(page, 'worklist', 'worklist-waiting-for-release');
});

test('(e) the pipeline deploys 5.3.1: the customer is told once and the request resolved; again changes nothing', async () => {
  await deploy('5.3.1');
  expect(publicComments().filter((c) => NOTICE.test(c))).toEqual([expect.stringMatching(/^The fix is available on your UAT environment \(5\.3\.1\) — please test/)]);
  expect(statusOf()).toBe('Resolved');

  // The same version reported again (a pipeline's retry): a duplicate, and no second notice.
  await page.fill('[data-testid="strip-deploy-version"]', '5.3.1');
  await strip('strip-deploy', /reported already, nothing changed/);
  expect(publicComments().filter((c) => NOTICE.test(c))).toHaveLength(1);

  await page.goto(`${sandbox.server.url}/issue/${key}?as=lars`);
  const panel = surface(page, 'issue-panel');
  await page.locator('[data-testid="issue-status"]', { hasText: /Resolved/i }).waitFor();
  const told = await waitForText(stage(panel), /available on UAT|resolved/i);
  expect(told).toMatch(/5\.3\.1/);
  expect(await panel.locator('[data-testid="development-notices"] li').allTextContents()).toEqual([expect.stringMatching(/the fix is available on UAT \(5\.3\.1\) — the request was resolved$/)]);
  expect(await panel.locator('[data-testid="development-environment-UAT"]').textContent()).toBe('UAT: 5.3.1Has the fix');
});

test('(f) resolved, the request leaves the work list; nothing else waits for a release', async () => {
  await page.goto(`${sandbox.server.url}/worklist?as=lars`);
  const list = surface(page, 'worklist');
  await list.locator('[data-testid="worklist-row"]').first().waitFor();
  expect(await list.getByRole('link', { name: key, exact: true }).count()).toBe(0);
  await list.locator('[data-testid="filter-waiting-for-release"]').check();
  await waitForText(list.locator('main'), /No open requests match these filters/);
});

test('(g) Sofie sees on the portal that the fix is on UAT, in her words, and the notice in the conversation', async () => {
  await page.goto(`${sandbox.server.url}/portal/${key}?as=sofie`);
  const detail = surface(page, 'portal-detail');
  const progress = await waitForText(detail.locator('[data-testid="commitments-progress"]'), /please test/);
  expect(progress).toBe('Progress The fix is available on your UAT environment (5.3.1) — please test');
  // Resolved when the fix reached UAT: the promise to resolve is met.
  expect(await detail.locator('[data-testid="commitment-row"]', { hasText: 'Time to resolution' }).textContent()).toMatch(/^Time to resolutionMetMet at 10:00$/);
  // Customers never see the development issue's key.
  expect(await detail.locator('body').textContent()).not.toContain(developmentKey);
  await page.locator('[data-testid="comment"]', { hasText: NOTICE }).waitFor();
  await captureSurface(page, 'portal-detail', 'portal-development');
});
