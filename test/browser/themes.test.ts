// Light and dark in a real browser: the sandbox's switch recolours the host page and every surface that enabled
// theming, from Atlassian's own design-token themes, at once and without a reload; and the queues list what they say.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { captureSurface, closeJourney, openJourney, type Sandbox, surface } from './sandbox-harness';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('issue-panel', 'worklist'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

/** The brightness (0–255) of an element's computed background. */
async function brightness(target: Locator): Promise<number> {
  type Styles = { getComputedStyle(element: unknown): { backgroundColor: string } };
  const colour = await target.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).backgroundColor);
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  return (r * 299 + g * 587 + b * 114) / 1000;
}

const panelBody = (frame: FrameLocator): Locator => frame.locator('body');

/** Asks again until the value passes (a recolouring is a style change, applied on the next frame), for up to 10 s. */
async function settled(read: () => Promise<number>, passes: (value: number) => boolean): Promise<number> {
  let value = await read();
  for (let tries = 0; !passes(value) && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

const dark = (value: number): boolean => value < 60;

test('the dark theme recolours the page and the issue panel at once, and stays for the next visit', async () => {
  await page.setViewportSize({ width: 1024, height: 900 });
  try {
    await page.goto(`${sandbox.server.url}/issue/SUP-7?as=lars&theme=light`);
    const panel = surface(page, 'issue-panel');
    await panel.locator('[data-testid="guidance"]').waitFor({ timeout: 15_000 });
    expect(await brightness(page.locator('body'))).toBeGreaterThan(200);
    expect(await brightness(panelBody(panel))).toBeGreaterThan(200);

    await page.click('[data-testid="color-mode"]');
    // The panel follows without reloading: the guidance it shows is the same element.
    expect(await settled(() => brightness(panelBody(panel)), dark)).toBeLessThan(60);
    expect(await brightness(page.locator('body'))).toBeLessThan(60);
    expect(await page.locator('[data-testid="color-mode"]').getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await captureSurface(page, 'issue-panel', 'issue-panel-dark');

    // The work list, opened next, starts dark, and its context says so.
    await page.goto(`${sandbox.server.url}/worklist`);
    const worklist = surface(page, 'worklist');
    await worklist.locator('table').first().waitFor({ timeout: 15_000 });
    expect(await settled(() => brightness(panelBody(worklist)), dark)).toBeLessThan(60);
    await captureSurface(page, 'worklist', 'worklist-dark');
  } finally {
    await page.goto(`${sandbox.server.url}/?theme=light`);
    await page.setViewportSize({ width: 1440, height: 1000 });
  }
});

test('the queue lists the open requests, and the resolved ones apart', async () => {
  await page.goto(`${sandbox.server.url}/?as=lars`);
  await page.locator('h1', { hasText: 'All open requests' }).waitFor();
  const open = await page.locator('[data-testid="queue-row"]').allTextContents();
  expect(open.length).toBeGreaterThan(0);
  expect(open.some((row) => row.includes('SUP-7'))).toBe(true);
  expect(open.every((row) => !/RESOLVED|CLOSED|DONE/i.test(row))).toBe(true);

  await page.click('a[href="/resolved"]');
  await page.locator('h1', { hasText: 'Resolved requests' }).waitFor();
  const resolved = await page.locator('[data-testid="queue-row"]').allTextContents();
  expect(resolved.some((row) => row.includes('SUP-6'))).toBe(true);
  expect(resolved.some((row) => row.includes('SUP-7'))).toBe(false);
});
