// The project admin page in a real browser: Mette breaks a calendar and is told exactly where, and nothing is saved.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../offline/jsm-double';
import { captureSurface, closeJourney, openJourney, type Sandbox, screenshotPath, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('admin'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

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

test('an escalation is added as forms, previewed on the agreement’s own targets, and saved', async () => {
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.getByRole('tab', { name: /Agreements/ }).click();
  const escalations = admin.locator('[data-testid="escalations-1"]');
  await escalations.getByRole('button', { name: '+ Add escalation' }).click();
  await escalations.getByRole('textbox', { name: 'Id of escalation 2' }).fill('resolution-1h-left');
  await escalations.getByRole('combobox', { name: 'Goal of escalation 2' }).selectOption('resolution');
  await escalations.getByRole('combobox', { name: 'Threshold of escalation 2' }).selectOption('remaining');
  await escalations.getByRole('textbox', { name: 'Time left of escalation 2' }).fill('PT1H');
  await escalations.getByRole('combobox', { name: 'Who 1 of escalation 2' }).selectOption('group');
  await escalations.getByRole('textbox', { name: 'Group name 1 of escalation 2' }).fill('service-managers');
  await escalations.getByRole('combobox', { name: 'Comment of escalation 2' }).selectOption('internal');
  await escalations.getByRole('textbox', { name: 'Comment text of escalation 2' }).fill('One hour of the resolution time left.');

  const preview = admin.locator('[data-testid="escalation-preview-1"]');
  await preview.getByText(/then at .* \(at the deadline: resolution-overdue\)/).first().waitFor({ timeout: 15_000 });
  // ACME UAT resolves in 40 h of business time.
  expect(await preview.textContent()).toContain('For a 40 h target (any request): at 39 h (1 h before the deadline: resolution-1h-left), then at 40 h (at the deadline: resolution-overdue).');
  // Tall enough for the whole fieldset, and the save bar not sticky, so nothing covers the picture.
  await page.setViewportSize({ width: 1440, height: 2000 });
  const saveBar = admin.locator('.save-bar');
  await saveBar.evaluate((bar) => void ((bar as unknown as { style: { position: string } }).style.position = 'static'));
  try {
    await escalations.screenshot({ path: screenshotPath('admin-escalations') });
  } finally {
    await saveBar.evaluate((bar) => void ((bar as unknown as { style: { position: string } }).style.position = ''));
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  await admin.getByText('Unsaved changes', { exact: true }).waitFor({ timeout: 15_000 });
  await admin.locator('[data-testid="save"]').click();
  await admin.locator('[data-testid="saved"]').waitFor({ timeout: 15_000 });
  const stored = (await sandbox.server.site.invoke({ surface: 'admin' }, DEMO_ACCOUNTS.mette, 'admin/config/get', {})) as {
    data: { bundle: { agreements: Array<{ escalations: unknown[] }> } };
  };
  expect(stored.data.bundle.agreements[1]!.escalations).toEqual([
    { id: 'resolution-overdue', goal: 'resolution', when: { overdue: 'PT0S' }, notify: ['assignee', 'group:service-managers'] },
    { id: 'resolution-1h-left', goal: 'resolution', when: { remaining: 'PT1H' }, notify: ['group:service-managers'], comment: { visibility: 'internal', text: 'One hour of the resolution time left.' } },
  ]);
});

test('an agreement’s targets read as a goal × priority grid that fits a 1024 px window', async () => {
  await page.setViewportSize({ width: 1024, height: 900 });
  try {
    await page.goto(`${sandbox.server.url}/admin?as=mette`);
    const admin = surface(page, 'admin');
    await admin.getByRole('tab', { name: /Agreements/ }).click();
    const grid = admin.locator('[data-testid="target-grid-0"]');
    await grid.waitFor({ timeout: 15_000 });
    expect(await grid.locator('thead th').allTextContents()).toEqual(['Goal', '1 – Critical', '2 – High', '3 – Medium', '4 – Low', '5 – Planning']);
    // Nothing of the grid is cut off or scrolls sideways at this width.
    const overflow = await grid.evaluate((el) => {
      const table = (el as unknown as { querySelector(s: string): { scrollWidth: number } }).querySelector('table');
      return table.scrollWidth - (el as unknown as { clientWidth: number }).clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await grid.screenshot({ path: screenshotPath('admin-target-grid') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 1000 });
  }
});

test('the Reports tab issues last month’s report for an agreement, and lists it with its PDF', async () => {
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.getByRole('tab', { name: 'Reports' }).click();
  const acme = admin.locator('[data-testid="reports-acme-prod"]');
  await acme.waitFor({ timeout: 15_000 });
  // The sandbox's clock stands in November 2026: October is the month last ended.
  await acme.getByRole('button', { name: /Issue October 2026/ }).click();
  await acme.getByRole('status').getByText('The October 2026 report is being issued; it appears below in a moment.').waitFor();
  await acme.locator('[data-testid^="issued-acme-prod"]').first().waitFor({ timeout: 15_000 });
  expect(await acme.locator('[data-testid^="issued-acme-prod"]').first().textContent()).toContain('October 2026');
  expect(await acme.getByRole('button', { name: 'Download the October 2026 report, version 1 (PDF)' }).count()).toBe(1);
});
