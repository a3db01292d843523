// Starts the sandbox in this process for a browser test: a fresh state folder, the clock fixed at Thursday
// 26 November 2026, 10:00 in Copenhagen, a free port; and Debian's chromium driven by playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { startSandbox, type SandboxServer } from '../../offline/sandbox/sandbox-server';

export const CLOCK_START = Date.parse('2026-11-26T09:00:00Z');
export const ROOT = path.join(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const CHROMIUM = '/usr/bin/chromium';

export interface Sandbox {
  server: SandboxServer;
  stateDir: string;
  /** Stops the server and removes the state folder. */
  stop(): Promise<void>;
}

export async function startTestSandbox(): Promise<Sandbox> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'contract-sla-sandbox-'));
  // Without the first start's three months of history: the tests pin the demo's eight requests (SUP-1 … SUP-8).
  const server = await startSandbox({ port: 0, stateDir, clockStart: CLOCK_START, history: false });
  return {
    server,
    stateDir,
    stop: async () => {
      await server.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** What a browser journey runs on: a sandbox of the demo, Chromium, and one page in it. */
export interface Journey {
  sandbox: Sandbox;
  browser: Browser;
  page: Page;
}

/**
 * A journey's stage for its suite's beforeAll: the surfaces it needs checked as built, a sandbox, Chromium and one
 * page. A step that fails stops what was already started, so no server outlives the suite.
 */
export async function openJourney(...surfaces: string[]): Promise<Journey> {
  requireBuilt(...surfaces);
  const sandbox = await startTestSandbox();
  try {
    const browser = await launchChromium();
    return { sandbox, browser, page: await openPage(browser) };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

/** The suite's afterAll: whatever openJourney started (nothing, when it failed). */
export async function closeJourney(journey: Partial<Journey>): Promise<void> {
  await journey.browser?.close();
  await journey.sandbox?.stop();
}

/** The surfaces are the real built ones; a test without them would test nothing. */
export function requireBuilt(...surfaces: string[]): void {
  const missing = surfaces.filter((s) => !existsSync(path.join(ROOT, 'static', s, 'dist', 'index.html')));
  if (missing.length > 0) throw new Error(`not built: ${missing.map((s) => `static/${s}`).join(', ')} — run npm run build (or node scripts/build-static.mjs)`);
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A page of its own (fresh localStorage), the size of a laptop screen; surface errors fail loudly in the log. */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'Europe/Copenhagen', locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`page error: ${error.message}`));
  return page;
}

/** The iframe of a surface on the host page. */
export function surface(page: Page, name: string): FrameLocator {
  return page.frameLocator(`iframe[data-testid="surface-${name}"]`);
}

/** The Frame object of a surface (for screenshots of the frame's own document). */
export async function surfaceFrame(page: Page, name: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-testid="surface-${name}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame for ${name}`);
  return frame;
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}

/**
 * docs/screenshots/<file>.png (the surface's name unless given): the surface's frame alone, with the host's top bar
 * and control strip (which float above the page) out of the way for the moment.
 */
export async function captureSurface(page: Page, name: string, file: string = name): Promise<void> {
  await page.evaluate(`(() => {
    const style = document.createElement('style');
    style.id = 'sandbox-capture';
    style.textContent = '.topbar, .strip, .flags { display: none !important; }';
    document.head.append(style);
  })()`);
  try {
    await page.locator(`iframe[data-testid="surface-${name}"]`).screenshot({ path: screenshotPath(file) });
  } finally {
    await page.evaluate(`document.getElementById('sandbox-capture')?.remove()`);
  }
}
