// Each persona through what they see, in real Chromium at 1024 and 1400 px, light and dark: what is on the screen
// (text and state), that nothing important is cut off at 1024 px, and the README's pictures of the narrow dark view.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'worklist', 'portal-create', 'portal-detail', 'admin'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

type Styles = { getComputedStyle(element: unknown): { backgroundColor: string } };

async function brightness(target: Locator): Promise<number> {
  const colour = await target.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).backgroundColor);
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  return (r * 299 + g * 587 + b * 114) / 1000;
}

/** Asks again until the value passes (theming applies on the next frame), for up to 10 s. */
async function settled<T>(read: () => Promise<T>, passes: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let tries = 0; !passes(value) && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** How far a surface's own page is wider than its frame (0 or less: nothing needs a sideways scroll). */
async function overflow(frame: FrameLocator): Promise<number> {
  type Doc = { documentElement: { scrollWidth: number; clientWidth: number } };
  return frame.locator('html').evaluate(() => {
    const doc = (globalThis as unknown as { document: Doc }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
}

const VIEWS: Array<[number, 'light' | 'dark']> = [
  [1024, 'light'],
  [1024, 'dark'],
  [1400, 'light'],
  [1400, 'dark'],
];

describe.each(VIEWS)('at %i px, %s', (width, theme) => {
  const themed = async (frame: FrameLocator): Promise<void> => {
    const light = await settled(() => brightness(frame.locator('body')), (b) => (theme === 'dark' ? b < 60 : b > 200));
    if (theme === 'dark') expect(light).toBeLessThan(60);
    else expect(light).toBeGreaterThan(200);
  };
  const capture = width === 1024 && theme === 'dark';

  beforeAll(async () => {
    await page.setViewportSize({ width, height: 900 });
  });

  test('the agent: the issue panel says what to do next, in full and at a glance', async () => {
    await page.goto(`${sandbox.server.url}/issue/SUP-7?as=lars&theme=${theme}`);
    const panel = surface(page, 'issue-panel');
    const guidance = panel.locator('[data-testid="guidance"]');
    await guidance.waitFor({ timeout: 20_000 });
    expect(await guidance.textContent()).toMatch(/Reply to the customer/);
    expect(await panel.locator('[data-testid="obligations-calendar"]').textContent()).toMatch(/^Business time in /);
    expect(await panel.locator('[data-testid="obligation-row"]').count()).toBeGreaterThanOrEqual(3);
    expect(await overflow(panel)).toBeLessThanOrEqual(0);
    await themed(panel);
    if (capture) await captureSurface(page, 'issue-panel', 'persona-agent-panel-1024-dark');
  });

  test('the agent: the work list ranks every customer’s requests, and offers a column per goal', async () => {
    await page.goto(`${sandbox.server.url}/worklist?as=lars&theme=${theme}`);
    const list = surface(page, 'worklist');
    await list.locator('[data-testid="worklist-row"]').first().waitFor({ timeout: 20_000 });
    expect(await list.locator('[data-testid="worklist-count"]').textContent()).toMatch(/\d+ open requests/);
    const first = await list.locator('[data-testid="worklist-row"]').first().textContent();
    expect(first).toMatch(/SUP-\d+/);
    // Ordered by urgency (the Deadline column); by status from its header, reversed, then back to urgency.
    const sortOf = (by: string) => list.locator(`[data-testid="sort-${by}"]`).locator('xpath=ancestor::th').getAttribute('aria-sort');
    expect(await sortOf('urgency')).toBe('ascending');
    await list.locator('[data-testid="sort-status"]').click();
    await list.locator('th[aria-sort="ascending"]', { hasText: 'Status' }).waitFor();
    expect(await sortOf('urgency')).toBe('none');
    await list.locator('[data-testid="sort-status"]').click();
    await list.locator('th[aria-sort="descending"]', { hasText: 'Status' }).waitFor();
    await list.locator('[data-testid="sort-status"]').click();
    await list.locator('th[aria-sort="ascending"]', { hasText: 'Deadline' }).waitFor();
    // Without the optional goal columns, the list fits the window: no sideways scroll.
    expect(await overflow(list)).toBeLessThanOrEqual(0);
    await list.locator('[data-testid="per-goal"]').check();
    await list.locator('th', { hasText: 'Time to first response' }).waitFor();
    await list.locator('[data-testid="per-goal"]').uncheck();
    await themed(list);
    if (capture) await captureSurface(page, 'worklist', 'persona-agent-worklist-1024-dark');
  });

  test('the customer: the priorities of their own agreement with the times, and a request’s promises', async () => {
    await page.goto(`${sandbox.server.url}/portal?as=sofie&theme=${theme}`);
    await page.click('[data-testid="request-type-1"]');
    const create = surface(page, 'portal-create');
    await create.locator('[data-testid="agreement-option-acme-prod"]').click({ timeout: 20_000 });
    expect(await create.locator('[data-testid="agreement-hours"]').textContent()).toMatch(/^Business time: /);
    expect(await create.locator('[data-testid="priority-option-p1"]').textContent()).toContain('within 30 minutes, around the clock');
    expect(await overflow(create)).toBeLessThanOrEqual(0);
    await themed(create);

    await page.goto(`${sandbox.server.url}/portal/SUP-7?as=anders&theme=${theme}`);
    const detail = surface(page, 'portal-detail');
    await detail.locator('[data-testid="commitment-row"]').first().waitFor({ timeout: 20_000 });
    expect(await detail.locator('[data-testid="commitments-priority"]').textContent()).toBe('Priority: 1 – Critical');
    const promises = (await detail.locator('[data-testid="commitment-row"]').allTextContents()).join('\n');
    expect(promises).not.toMatch(/triage|#\d/i);
    expect(await overflow(detail)).toBeLessThanOrEqual(0);
    await themed(detail);
    if (capture) await captureSurface(page, 'portal-detail', 'persona-customer-portal-1024-dark');
  });

  test('the admin: an agreement’s targets as a grid, the escalations previewed', async () => {
    await page.goto(`${sandbox.server.url}/admin?as=mette&theme=${theme}`);
    const admin = surface(page, 'admin');
    await admin.getByRole('tab', { name: /Agreements/ }).click({ timeout: 20_000 });
    const grid = admin.locator('[data-testid="target-grid-0"]');
    await grid.waitFor();
    expect(await grid.locator('thead th').first().textContent()).toBe('Goal');
    expect(await admin.locator('[data-testid="escalation-preview-0"]').textContent()).toMatch(/^On a sample cycle/);
    const width = await grid.locator('table').evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth);
    const room = await grid.evaluate((el) => (el as unknown as { clientWidth: number }).clientWidth);
    expect(width).toBeLessThanOrEqual(room);
    await themed(admin);
  });
});

afterAll(async () => {
  await page?.goto(`${sandbox.server.url}/?theme=light`).catch(() => undefined);
});
