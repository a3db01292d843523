// The project admin page in a real browser: Mette breaks a calendar and is told exactly where, and nothing is saved.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../offline/jsm-double';
import { captureSurface, launchChromium, openPage, requireBuilt, startTestSandbox, surface, type Sandbox } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireBuilt('admin');
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await openPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function history(): Promise<Array<{ version: number }>> {
  const answer = (await sandbox.server.site.invoke({ surface: 'admin' }, DEMO_ACCOUNTS.mette, 'admin/config/history', {})) as { ok: boolean; data: Array<{ version: number }> };
  expect(answer.ok).toBe(true);
  return answer.data;
}

test('(e) an overlapping interval on a Monday is refused on that field, and nothing is saved', async () => {
  expect((await history()).map((h) => h.version)).toEqual([1]);
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.locator('[data-testid="calendar-0-mon-add"]').click();
  // Copenhagen office hours open 08:00–16:00 on Mondays; 12:00–17:00 overlaps them.
  await admin.locator('[data-testid="calendar-0-mon-1-start"]').fill('12:00');
  await admin.locator('[data-testid="calendar-0-mon-1-end"]').fill('17:00');
  await admin.locator('[data-testid="save"]').click();

  const error = admin.locator('[role="alert"][data-error-path="calendars[0].week.mon[1]"]');
  await error.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await error.textContent()).toMatch(/overlap/i);
  await captureSurface(page, 'admin');

  expect((await history()).map((h) => h.version)).toEqual([1]);
  const stored = (await sandbox.server.site.invoke({ surface: 'admin' }, DEMO_ACCOUNTS.mette, 'admin/config/get', {})) as {
    data: { bundle: { calendars: Array<{ week: { mon: string[][] } }> } };
  };
  expect(stored.data.bundle.calendars[0]!.week.mon).toEqual([['08:00', '16:00']]);
});

test('a project admin page refuses an agent who does not administer the project', async () => {
  await page.goto(`${sandbox.server.url}/admin?as=lars`);
  const admin = surface(page, 'admin');
  await admin.getByText(/administrators|not allowed|permission/i).first().waitFor({ timeout: 15_000 });
});

test('a valid change is saved as a new version and applied to the requests of every service project, as the page shows', async () => {
  const before = (await history()).map((h) => h.version);
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.locator('input[data-path="calendars[0].name"]').fill('Copenhagen office hours (winter)');
  // Checked by the backend as the admin types: save once the check has passed.
  await admin.getByText('Unsaved changes', { exact: true }).waitFor({ timeout: 15_000 });
  await admin.locator('[data-testid="save"]').click();
  await admin.locator('[data-testid="saved"]').waitFor({ timeout: 15_000 });
  const version = Math.max(...before) + 1;
  expect(await admin.locator('[data-testid="saved"]').textContent()).toBe(`Saved as version ${version}`);
  // The sandbox runs the re-evaluation job as soon as it is queued; the page reads where it got to.
  const status = admin.locator('[data-testid="reevaluation"]');
  await status.getByText(new RegExp(`^Version ${version} is applied: \\d+ requests recomputed, finished `)).waitFor({ timeout: 15_000 });
  expect(Number(/applied: (\d+) requests/.exec((await status.textContent()) ?? '')?.[1])).toBeGreaterThan(3);
});
