// A customer of a group, at a site in another zone, in a real browser against the built surfaces. Fjell Shipping US
// belongs to the Fjell Group and has no agreement of its own: the group's applies. Its JSM organization is its New York
// office, and the group's agreement measures in the site's hours: the Copenhagen office hours (Mon–Thu 08:00–16:00, Fri to 15:30)
// read in New York time. Nora raises a request at 04:00 in New York (10:00 in Copenhagen) answering the matrix's two
// questions; the reply is due two business hours after New York opens — 10:00 there, 16:00 in Copenhagen, where
// Copenhagen's own hours would have said 12:00.
import type { Browser, Page } from 'playwright-core';
import { APP_UUID } from '../../src/app-identity';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let key = '';

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'portal-create', 'portal-detail'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test("(a) Nora answers how many are affected and how soon she needs it, and sees the priority and the times it promises in her site's hours", async () => {
  await page.goto(`${sandbox.server.url}/portal?as=nora`);
  await page.locator('[data-testid="portal-raising-as"]', { hasText: 'Nora Lindqvist (Fjell Shipping US — New York)' }).waitFor();
  await page.click('[data-testid="request-type-1"]');
  await page.fill('[data-testid="portal-summary"]', 'Payroll export fails for the New York office');
  await page.selectOption('[data-testid="portal-environment"]', 'Production');
  await page.selectOption('[data-testid="portal-product"]', 'Payroll');

  const panel = surface(page, 'portal-create');
  // The group's agreement, in the site's hours.
  const hours = await panel.locator('[data-testid="agreement-hours"]').textContent();
  expect(hours).toBe("Business time: Mon–Thu 08:00–16:00, Fri 08:00–15:30 (America/New_York), closed on holidays — your New York office's hours");
  expect(await panel.locator('[data-testid="matrix-result"]').textContent()).toBe('Answer both questions to see the priority and the times it promises.');
  expect(await panel.locator('[data-testid="matrix-impact"] legend').textContent()).toBe('How many people are affected?');
  await panel.locator('[data-testid="impact-option-company"]').click();
  await panel.locator('[data-testid="urgency-option-today"]').click();
  await panel.locator('[data-testid="matrix-result"]', { hasText: '2 – High' }).waitFor();
  expect(await panel.locator('[data-testid="matrix-result"]').textContent()).toBe("Your request's priority: 2 – HighTime to first response within 2 hours of business timeTime to resolution within 16 hours of business time");
  // A different answer names another cell.
  await panel.locator('[data-testid="urgency-option-stopped"]').click();
  await panel.locator('[data-testid="matrix-result"]', { hasText: '1 – Critical' }).waitFor();
  await panel.locator('[data-testid="urgency-option-today"]').click();
  await panel.locator('[data-testid="matrix-result"]', { hasText: '2 – High' }).waitFor();
  await captureSurface(page, 'portal-create', 'portal-create-matrix');

  await page.click('[data-testid="portal-submit"]');
  await page.waitForURL(/\/portal\/SUP-\d+$/);
  key = /SUP-\d+$/.exec(page.url())![0];
  const stored = JSON.stringify(sandbox.server.site.double.issue(key)!.properties[APP_UUID]);
  expect(stored).toContain('"priority":"p2"');
  expect(stored).toContain('"agreement":"fjell-group-prod"');
  expect(stored).toContain('"impact":"company"');
  expect(stored).toContain('"urgency":"today"');

  const detail = surface(page, 'portal-detail');
  await detail.locator('[data-testid="commitments-priority"]', { hasText: '2 – High' }).waitFor();
});

test('(b) the agent sees the reply due at 16:00 Copenhagen time — 10:00 in New York, two office hours after the site opens', async () => {
  expect(key).not.toBe('');
  await page.goto(`${sandbox.server.url}/issue/${key}?as=lars`);
  const panel = surface(page, 'issue-panel');
  await panel.locator('[data-testid="guidance"]', { hasText: /Reply to the customer by/ }).waitFor({ timeout: 15_000 });
  expect(await panel.locator('[data-testid="guidance"]').textContent()).toMatch(/Reply to the customer by 16:00 \(10:00 America\/New_York\) — 2 h of business time left/);
  const record = sandbox.server.site.double.issue(key)!.properties['contract-sla'] as { agreement?: string } | undefined;
  expect(record?.agreement).toBe('fjell-group-prod');
  await captureSurface(page, 'issue-panel', 'issue-panel-site');
});

test('(c) the agent learns work has stopped and changes the urgency: the priority follows the matrix to 1 – Critical, due 15:00', async () => {
  const panel = surface(page, 'issue-panel');
  await panel.locator('[data-testid="answer-urgency"]').selectOption('stopped');
  await panel.locator('[data-testid="agreement-priority"]', { hasText: '1 – Critical' }).waitFor();
  expect(await panel.locator('[data-testid="guidance"]').textContent()).toMatch(/Reply to the customer by 15:00 \(09:00 America\/New_York\) — 1 h of business time left/);
  // The change is in Jira's history, where the replay reads it: the app's field says it in words.
  const issue = sandbox.server.site.double.issueOrThrow(key);
  const urgency = sandbox.server.site.double.customField('contract-urgency')!;
  expect(issue.customFields[urgency.id]).toBe('Work has stopped [stopped]');
  expect(await panel.locator('.agreement__why').textContent()).toMatch(/Customer Fjell Shipping US, a member of Fjell Group, which holds the agreement.*Site New York office: measured in its hours \(America\/New_York\)/);
});
