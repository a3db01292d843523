// An escalation in the sandbox, in a real browser against the real built surfaces: a P1 incident of ACME's comes in
// at 10:00; Mette, a service manager, moves the clock. At 10:15 half of the 30-minute reply time is used: the app has
// Jira e-mail the service managers once, and the issue panel and the work list turn amber; past 10:30 the reply is
// breached and they turn red. The monitoring page and the dashboard gadget show it across customers.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { captureSurface, closeJourney, openJourney, type Sandbox, screenshotPath, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let key = '';

/** Waits until some element of the locator matches (the surfaces load and refresh asynchronously). */
async function waitForText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  await locator.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout });
  return (await locator.filter({ hasText: pattern }).first().textContent()) ?? '';
}

/** Waits until the element's class attribute contains `name`. */
async function waitForClass(locator: Locator, name: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const classes = (await locator.first().getAttribute('class').catch(() => null)) ?? '';
    if (classes.split(/\s+/).includes(name)) return;
    if (Date.now() > until) throw new Error(`expected class ${name}, found "${classes}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const escalations = (panel: FrameLocator): Locator => panel.locator('[data-testid="escalations"]');
const ourRow = (list: FrameLocator): Locator => list.locator('[data-testid="worklist-row"]', { has: list.getByRole('link', { name: key, exact: true }) });
const notificationsOf = () => sandbox.server.site.double.notifications.filter((n) => n.issueKey === key);

async function moveClock(button: 'clock-15m' | 'clock-1h', shows: string): Promise<void> {
  await page.click(`[data-testid="${button}"]`);
  await page.locator('[data-testid="strip-clock"]', { hasText: shows }).waitFor();
}

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'worklist', 'monitoring', 'monitoring-gadget'));
  // Sofie of ACME raises a P1 incident at 10:00 (the portal's own journey is request-journey.test.ts).
  const raised = await fetch(`${sandbox.server.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      reporter: 'sofie', requestTypeId: '1', summary: 'Payroll is down', environment: 'Production', product: 'Payroll',
      portalSubmission: { fields: [{ key: 'contract-priority-choice', value: { priority: 'p1', agreement: 'acme-prod' } }], isValid: true },
    }),
  });
  key = ((await raised.json()) as { key: string }).key;
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test('(a) before anything is reached, the panel names the next escalation: half the reply time, at 10:15', async () => {
  await page.goto(`${sandbox.server.url}/issue/${key}?as=mette`);
  const panel = surface(page, 'issue-panel');
  const text = await waitForText(escalations(panel), /Next escalation: Time to first response: 50 % of the time used, 10:15/);
  expect(text).not.toMatch(/Escalated|Breached/);
  await waitForClass(escalations(panel), 'escalations--none');
  expect(notificationsOf()).toEqual([]);
});

test('(b) the manager moves the clock 15 minutes: the escalation is sent once and the panel turns amber', async () => {
  const panel = surface(page, 'issue-panel');
  await moveClock('clock-15m', '10:15');
  await waitForClass(escalations(panel), 'escalations--reached');
  expect(await waitForText(escalations(panel), /Escalated/)).toMatch(/Time to first response: 50 % of the time used — reached 10:15/);

  // Jira would have e-mailed the service managers (Mette), never Sofie; the sandbox lists it under Sent notifications.
  expect(notificationsOf().map((n) => [n.subject, n.recipients.map((r) => r.displayName)])).toEqual([[`${key}: Time to first response, 50 % of the time used`, ['Mette Hansen']]]);
  await page.click('a[href="/notifications"]');
  const rows = page.locator(`[data-testid="notification-row"][data-issue="${key}"]`);
  await rows.first().waitFor();
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toMatch(/Thu, 26 Nov 2026, 10:15.*Mette Hansen \(group service-managers\).*50 % of the time used/);
  await page.locator('[data-testid="notifications"]').screenshot({ path: screenshotPath('notifications') });
});

test('(c) the work list shows the request amber, with the escalation reached and the next one due', async () => {
  await page.goto(`${sandbox.server.url}/worklist?as=mette`);
  const list = surface(page, 'worklist');
  await ourRow(list).waitFor();
  await waitForClass(ourRow(list), 'worklist-row--escalated');
  expect(await ourRow(list).locator('td.escalation').textContent()).toMatch(/^Escalated Time to first response: 50 % of the time used/);
});

test('(d) past the deadline the reply is breached: the work list and the panel turn red; still one notification', async () => {
  const list = surface(page, 'worklist');
  await moveClock('clock-15m', '10:30');
  await moveClock('clock-15m', '10:45');
  await waitForClass(ourRow(list), 'worklist-row--breached');
  expect(await ourRow(list).textContent()).toMatch(/Breached/);
  await captureSurface(page, 'worklist', 'worklist-escalated');

  await page.goto(`${sandbox.server.url}/issue/${key}?as=mette`);
  const panel = surface(page, 'issue-panel');
  await waitForClass(escalations(panel), 'escalations--breached');
  expect(await escalations(panel).locator('.lozenge').textContent()).toBe('Breached');
  await captureSurface(page, 'issue-panel', 'issue-panel-escalated');
  expect(notificationsOf()).toHaveLength(1);
  // The breach is in Jira too, where Automation's JQL finds it.
  expect(sandbox.server.site.double.issue(key)!.properties['contract-sla']).toMatchObject({ escalation: 'breached', escalations: ['response-half'] });
});

test('(e) the monitoring page shows it across customers: breached, and escalated to the service managers', async () => {
  await page.goto(`${sandbox.server.url}/monitoring?as=mette`);
  const monitoring = surface(page, 'monitoring');
  const acme = monitoring.locator('[data-testid="monitoring-group"]', { hasText: 'ACME A/S' });
  await acme.waitFor();
  const rows = acme.locator('[data-testid="monitoring-row"]', { has: monitoring.getByRole('link', { name: key, exact: true }) });
  await rows.first().waitFor();
  const texts = await rows.allTextContents();
  expect(texts.some((t) => /^Breached.*Time to first response.*since 10:30/.test(t))).toBe(true);
  expect(texts.some((t) => /^Escalated.*Time to first response: 50 % of the time used — told group service-managers.*10:15/.test(t))).toBe(true);
  // Grouped by assignee instead: the request is nobody's yet.
  await monitoring.getByLabel('Group by').selectOption('assignee');
  await monitoring.locator('[data-testid="monitoring-group"]', { hasText: 'Unassigned' }).waitFor();
  await monitoring.getByLabel('Group by').selectOption('customer');
  await acme.waitFor();
  await captureSurface(page, 'monitoring');

  // A row opens its request in Jira, in a new tab so the monitoring stays where it is.
  const [opened] = await Promise.all([page.context().waitForEvent('page'), rows.first().getByRole('link', { name: key, exact: true }).click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(`/issue/${key}`);
  await opened.close();
});

test('(f) the dashboard gadget, set to ACME and four hours, shows the same at a glance', async () => {
  await page.goto(`${sandbox.server.url}/dashboard?as=mette`);
  await page.click('[data-testid="gadget-edit"]');
  const gadget = surface(page, 'monitoring-gadget');
  await gadget.locator('[data-testid="gadget-customer-acme"]').check();
  await gadget.locator('[data-testid="gadget-horizon"]').selectOption('4');
  await gadget.getByRole('button', { name: 'Save' }).click();
  await waitForText(gadget.locator('[data-testid="gadget-scope"]'), /^ACME A\/S · 4 h/);
  expect(Number(await gadget.locator('[data-testid="total-breached"] .monitoring-total__count').textContent())).toBeGreaterThanOrEqual(1);
  expect(Number(await gadget.locator('[data-testid="total-escalated"] .monitoring-total__count').textContent())).toBeGreaterThanOrEqual(1);
  expect(await gadget.locator('[data-testid="monitoring-row"]', { hasText: key }).count()).toBeGreaterThan(0);
  await captureSurface(page, 'monitoring-gadget');
});
