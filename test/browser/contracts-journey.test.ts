// A contract manager's month in the sandbox, in a real browser against the built contracts page: Mette, who owns
// ACME's and Fjord's contracts, sees both with their state and next date; she narrows the list and orders it. When the
// clock passes 28 November 00:00 (three days before ACME's notice deadline of 1 December) the app has Jira notify her
// once — the reminder is in "Sent notifications" once, stays once a day later, and the contracts page says it was sent.
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

const reminderMails = () => sandbox.server.site.double.notifications.filter((n) => n.issueKey === 'CON-1');
const rows = (contracts: FrameLocator) => contracts.locator('[data-testid="contract-row"]');
const rowOf = (contracts: FrameLocator, number: string) => rows(contracts).filter({ hasText: number });

async function moveClockTo(to: string): Promise<void> {
  const answer = await fetch(`${sandbox.server.url}/api/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to }) });
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('monitoring'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test('(a) the contracts page lists every contract with its state, term and next date, soonest first', async () => {
  await page.goto(`${sandbox.server.url}/contracts?as=mette`);
  const contracts = surface(page, 'monitoring');
  await rows(contracts).first().waitFor();
  expect(await contracts.locator('[data-testid="contracts-count"]').textContent()).toBe('2 contracts');
  const texts = await rows(contracts).allTextContents();
  // ACME's notice deadline (1 Dec) comes before Fjord's (1 Jan): the soonest first.
  expect(texts[0]).toMatch(/^ACME-2026-01.*CON-1.*ACME A\/S.*Customer agreement.*Active.*1 Jan 2026 – 31 Dec 2026.*renews automatically.*notice by 1 Dec 2026.*1 Dec 2026notice deadline, in 5 days.*Mette Hansen.*3 days before the notice deadline: next Sat 28 Nov 00:00/);
  expect(texts[1]).toMatch(/^FJ-2026-03.*Fjord.*Active.*1 Mar 2026 – 28 Feb 2027.*renewed by hand.*notice by 1 Jan 2027/);
  expect(reminderMails()).toEqual([]);
  await captureSurface(page, 'monitoring', 'contracts');
});

test('(b) the list filters by words and state, and orders by any column', async () => {
  const contracts = surface(page, 'monitoring');
  await contracts.getByLabel('Search').fill('fj');
  await contracts.locator('[data-testid="contracts-count"]', { hasText: '1 of 2 contracts' }).waitFor();
  expect(await rows(contracts).allTextContents()).toEqual([expect.stringMatching(/^FJ-2026-03/)]);
  await contracts.getByLabel('Search').fill('');
  await contracts.getByLabel('State').selectOption('expiring');
  await contracts.locator('[data-testid="contracts-none-match"]').waitFor();
  await contracts.getByLabel('State').selectOption('');
  // Ordered by the contract column, last first: Fjord's, then ACME's.
  await contracts.locator('[data-testid="sort-contract"]').click();
  await contracts.locator('[data-testid="sort-contract"]').click();
  expect(await contracts.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Contract/);
  expect((await rows(contracts).allTextContents()).map((t) => t.slice(0, 12))).toEqual(['FJ-2026-03Fj', 'ACME-2026-01']);
});

test('(c) when the clock passes the reminder, Jira notifies the contract manager once, and the page says it was sent', async () => {
  await moveClockTo('2026-11-27T22:30');
  expect(reminderMails()).toEqual([]);
  // 28 November 00:00 in Copenhagen is 27 November 23:00 UTC: the hourly run sends it then, once.
  await moveClockTo('2026-11-28T12:00');
  expect(reminderMails().map((n) => [n.subject, n.recipients.map((r) => r.displayName)])).toEqual([['Contract ACME-2026-01: notice deadline 1 Dec 2026 (ACME A/S)', ['Mette Hansen']]]);
  await moveClockTo('2026-11-29T12:00');
  expect(reminderMails()).toHaveLength(1);

  await page.goto(`${sandbox.server.url}/notifications?as=mette`);
  const listed = page.locator('[data-testid="notification-row"][data-issue="CON-1"]');
  await listed.first().waitFor();
  expect(await listed.count()).toBe(1);
  expect(await listed.first().textContent()).toMatch(/Sat, 28 Nov 2026, 00:00.*Mette Hansen.*ACME-2026-01/);

  await page.goto(`${sandbox.server.url}/contracts?as=mette`);
  const contracts = surface(page, 'monitoring');
  const acme = rowOf(contracts, 'ACME-2026-01');
  await acme.waitFor();
  expect(await acme.locator('[data-testid="contract-reminder"]').textContent()).toMatch(/3 days before the notice deadline: next .*2027.* · sent Sat 28 Nov 00:00/);
  expect(await acme.locator('[data-testid="contract-next"]').textContent()).toBe('1 Dec 2026notice deadline, in 2 days');
});
