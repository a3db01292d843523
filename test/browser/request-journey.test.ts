// One request's life in the sandbox, in a real browser against the real built surfaces: a customer raises a P1 on the
// portal, an agent is told by when to reply, replies from the control strip, and time passes a deadline.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { APP_UUID } from '../../src/app-identity';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let key = '';

/** Waits until the locator's text matches (the surfaces load and refresh asynchronously). */
async function textMatching(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  await locator.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout });
  return (await locator.first().textContent()) ?? '';
}

async function textNotMatching(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const text = (await locator.first().textContent()) ?? '';
    if (text !== '' && !pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`still ${pattern}: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const guidance = (frame: FrameLocator): Locator => frame.locator('[data-testid="guidance"]');

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'portal-create', 'portal-detail', 'worklist'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test("(a) a customer of ACME raises a P1 incident on the portal, choosing p1 from their own model", async () => {
  await page.goto(`${sandbox.server.url}/portal?as=sofie`);
  await page.locator('[data-testid="portal-raising-as"]', { hasText: 'Sofie Jensen (ACME A/S)' }).waitFor();
  await page.click('[data-testid="request-type-1"]');
  await page.fill('[data-testid="portal-summary"]', 'Payroll is down');
  await page.selectOption('[data-testid="portal-environment"]', 'Production');
  await page.selectOption('[data-testid="portal-product"]', 'Payroll');

  const panel = surface(page, 'portal-create');
  await panel.locator('[data-testid^="agreement-option-"], [data-testid^="priority-option-"]').first().waitFor();
  // ACME has two agreements (Production and UAT): the customer first says which one the request is about.
  if ((await panel.locator('[data-testid="agreement-option-acme-prod"]').count()) > 0) await panel.locator('[data-testid="agreement-option-acme-prod"]').click();
  await panel.locator('[data-testid="priority-option-p1"]').click();
  await panel.locator('[data-testid="priority-option-p1"] input:checked').waitFor({ state: 'attached' });
  await captureSurface(page, 'portal-create');

  await page.click('[data-testid="portal-submit"]');
  await page.waitForURL(/\/portal\/SUP-\d+$/);
  key = /SUP-\d+$/.exec(page.url())![0];
  // JSM keeps the panel's submission on the new request, keyed by the app id.
  const stored = sandbox.server.site.double.issue(key)!.properties[APP_UUID];
  expect(JSON.stringify(stored)).toContain('"priority":"p1"');
  expect(JSON.stringify(stored)).toContain('"agreement":"acme-prod"');

  const detail = surface(page, 'portal-detail');
  await detail.locator('[data-testid="commitment-row"]').first().waitFor();
  const rows = await detail.locator('[data-testid="commitment-row"]').allTextContents();
  // The customer sees what was promised to them, never the provider's internal goals.
  expect(rows.join('\n')).not.toMatch(/triage/i);
  await captureSurface(page, 'portal-detail');
});

test('(b) an agent opens it: the panel says to reply by 10:30 (P1 response: 30 minutes around the clock from 10:00)', async () => {
  expect(key).not.toBe('');
  await page.goto(`${sandbox.server.url}/issue/${key}?as=lars`);
  await page.locator('[data-testid="issue-summary"]', { hasText: 'Payroll is down' }).waitFor();
  const panel = surface(page, 'issue-panel');
  const text = await textMatching(guidance(panel), /Reply to the customer by 10:30/);
  expect(text).toMatch(/Reply to the customer by 10:30/);
  expect(await panel.locator('[data-testid="obligation-row"]').count()).toBeGreaterThanOrEqual(3);
  await captureSurface(page, 'issue-panel');
});

test('(c) fifteen minutes later the agent replies publicly from the control strip: the guidance moves on', async () => {
  const panel = surface(page, 'issue-panel');
  await page.click('[data-testid="clock-15m"]');
  await page.locator('[data-testid="strip-clock"]', { hasText: '10:15' }).waitFor();
  expect(await page.inputValue('[data-testid="strip-request"]')).toBe(key);
  await page.selectOption('[data-testid="strip-comment-author"]', 'lars');
  await page.selectOption('[data-testid="strip-comment-visibility"]', 'public');
  await page.fill('[data-testid="strip-comment-body"]', 'We are on it: the payroll service is restarting.');
  await page.click('[data-testid="strip-comment-add"]');
  await page.locator('[data-testid="comment"]', { hasText: 'the payroll service is restarting' }).waitFor();

  const after = await textNotMatching(guidance(panel), /Reply to the customer/);
  // Next: triage, an internal goal of one hour of office time from 10:00.
  expect(after).toMatch(/Triage \(internal\) by 11:00/);
});

test('(d) the clock passes the next deadline: the breach watch runs and the panel shows the breach', async () => {
  const panel = surface(page, 'issue-panel');
  await page.click('[data-testid="clock-1h"]');
  await page.locator('[data-testid="strip-clock"]', { hasText: '11:15' }).waitFor();
  const text = await textMatching(guidance(panel), /overdue since/);
  expect(text).toMatch(/Triage \(internal\) — overdue since 11:00/);
  expect(await panel.locator('[data-testid="obligation-row"]', { hasText: /overdue|breach/i }).count()).toBeGreaterThan(0);
  // The scheduled trigger recorded it in Jira too: the issue property JQL filters on.
  expect(sandbox.server.site.double.issue(key)!.properties['contract-sla']).toMatchObject({ breached: 'yes' });
});

test('the work list puts the breached request among the breached, ahead of every request still on time', async () => {
  await page.goto(`${sandbox.server.url}/worklist?as=lars`);
  const list = surface(page, 'worklist');
  await list.locator('[data-testid="worklist-row"]').first().waitFor();
  const rows = await list.locator('[data-testid="worklist-row"]').allTextContents();
  const ours = rows.findIndex((row) => row.startsWith(key));
  expect(rows[ours]).toMatch(/Breached/);
  const firstOnTime = rows.findIndex((row) => !/Breached/.test(row));
  expect(firstOnTime === -1 || ours < firstOnTime).toBe(true);
  // Relative times are the sandbox's: the triage deadline passed 15 minutes ago, not at some real-world distance.
  expect(rows[ours]).toMatch(/15 m ago/);
  await captureSurface(page, 'worklist');
});

test('from the control strip: a request is raised, paused while waiting for the customer, and completed when resolved', async () => {
  await page.goto(`${sandbox.server.url}/?as=lars`);
  await page.selectOption('[data-testid="strip-raise-customer"]', 'karen');
  await page.selectOption('[data-testid="strip-raise-type"]', '1');
  await page.selectOption('[data-testid="strip-raise-environment"]', 'Production');
  await page.selectOption('[data-testid="strip-raise-product"]', 'Fleet');
  // Karen's organization has its own model (Red, Yellow, Green); the strip offers what the portal panel would.
  await page.locator('[data-testid="strip-raise-priority"] option', { hasText: 'Fjord Production: Red' }).waitFor({ state: 'attached' });
  await page.selectOption('[data-testid="strip-raise-priority"]', { label: 'Fjord Production: Red' });
  await page.fill('[data-testid="strip-raise-summary"]', 'Trucks in Norway are missing from the map');
  await page.click('[data-testid="strip-raise"]');
  await page.locator('[data-testid="queue-row"]', { hasText: 'Trucks in Norway are missing from the map' }).waitFor();
  const raised = await page.inputValue('[data-testid="strip-request"]');
  expect(raised).not.toBe(key);

  await page.goto(`${sandbox.server.url}/issue/${raised}`);
  const panel = surface(page, 'issue-panel');
  // Fjord's triage (30 minutes of office time) comes first; Red promises a first response within the hour, around the clock.
  await textMatching(guidance(panel), /Triage \(internal\) by 11:45/);
  expect(await panel.locator('[data-testid="obligation-row"]', { hasText: 'Time to first response' }).textContent()).toMatch(/12:15/);

  const move = async (status: string): Promise<void> => {
    await page.selectOption('[data-testid="strip-status"]', status);
    await page.click('[data-testid="strip-move"]');
    await page.locator('[data-testid="issue-status"]', { hasText: new RegExp(status, 'i') }).waitFor();
  };
  await move('In Progress');
  await move('Waiting for customer');
  expect(await textMatching(guidance(panel), /paused/)).toMatch(/Waiting for customer/);
  await move('Resolved');
  await textMatching(guidance(panel), /Nothing is due/);
});
