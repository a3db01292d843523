// A customer's monthly report, end to end in a real browser: Mette issues ACME Production's October 2026 report on the
// admin page; the app delivers it through JSM (a request in ACME's organization, the PDF on a public comment). Sofie of
// ACME finds it on her portal profile with its figures and downloads the PDF (read back as text); Karen of Fjord
// sees none of ACME's reports, and the resolver refuses her ACME's PDF.
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pdfPages } from '../views/pdf-text';
import { captureSurface, closeJourney, openJourney, type Sandbox, screenshotPath, surface } from './sandbox-harness';

const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** The little of the page's canvas the picture check uses (this file is compiled without the DOM's types). */
interface Canvas2D {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Canvas2D | null;
  toDataURL(type: string): string;
}

/**
 * The PDF's first page as a picture: pdf.js (the library Firefox shows PDFs with) renders it onto a canvas in
 * Chromium, and the page's ink is measured — the share of pixels that are not white — and saved as a PNG.
 */
async function firstPageAsPicture(bytes: Buffer, pngPath: string): Promise<{ width: number; height: number; ink: number }> {
  const viewer = await browser.newPage();
  try {
    await viewer.addScriptTag({ path: path.join(PDFJS, 'build/pdf.min.js') });
    // The worker's code on the page itself: pdf.js then parses in the page, no worker file to serve.
    await viewer.addScriptTag({ path: path.join(PDFJS, 'build/pdf.worker.min.js') });
    const drawn = await viewer.evaluate(async (base64) => {
      const lib = (globalThis as unknown as { pdfjsLib: { getDocument: (o: unknown) => { promise: Promise<{ getPage: (n: number) => Promise<{ getViewport: (o: unknown) => { width: number; height: number }; render: (o: unknown) => { promise: Promise<void> } }> }> } } }).pdfjsLib;
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const pdf = await lib.getDocument({ data }).promise;
      const first = await pdf.getPage(1);
      const viewport = first.getViewport({ scale: 1.5 });
      const canvas = (globalThis as unknown as { document: { createElement(tag: 'canvas'): Canvas } }).document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await first.render({ canvasContext: context, viewport }).promise;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) inked++;
      return { width: canvas.width, height: canvas.height, ink: inked / (pixels.length / 4), png: canvas.toDataURL('image/png') };
    }, bytes.toString('base64'));
    writeFileSync(pngPath, Buffer.from(drawn.png.split(',')[1]!, 'base64'));
    return { width: drawn.width, height: drawn.height, ink: drawn.ink };
  } finally {
    await viewer.close();
  }
}

jest.setTimeout(90_000);

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let reportId = '';
let requestKey = '';

const invoke = async (as: string, surfaceName: string, functionKey: string, payload: unknown = {}) => {
  const answer = await fetch(`${sandbox.server.url}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ placement: { surface: surfaceName }, as, functionKey, payload }),
  });
  return (await answer.json()) as { ok: boolean; data?: unknown; errors?: Array<{ code: string; message: string }> };
};

beforeAll(async () => {
  ({ sandbox, browser, page } = await openJourney('admin', 'portal-reports'));
}, 60_000);

afterAll(() => closeJourney({ sandbox, browser }));

test('(a) Mette issues October 2026 for ACME Production; it is delivered through JSM as a request in ACME’s organization', async () => {
  await page.goto(`${sandbox.server.url}/admin?as=mette`);
  const admin = surface(page, 'admin');
  await admin.getByRole('tab', { name: 'Reports' }).click();
  const acme = admin.locator('[data-testid="reports-acme-prod"]');
  await acme.waitFor({ timeout: 15_000 });
  await acme.getByRole('button', { name: /Issue October 2026/ }).click();
  await acme.locator('[data-testid^="issued-acme-prod"]', { hasText: 'Delivered' }).first().waitFor({ timeout: 30_000 });
  const list = (await invoke('mette', 'admin', 'admin/reports/list')).data as { agreements: Array<{ id: string; reports: Array<{ id: string; month: string; delivery: { state: string; requestKey?: string } }> }> };
  const october = list.agreements.find((a) => a.id === 'acme-prod')!.reports.find((r) => r.month === '2026-10')!;
  expect(october.delivery.state).toBe('delivered');
  reportId = october.id;
  requestKey = october.delivery.requestKey!;
  // The delivered request is ACME's: shared with its organization, the PDF attached to a public comment.
  const double = sandbox.server.site.double;
  const issue = double.issueOrThrow(requestKey);
  const organizations = double.state.customFields.find((f) => f.kind === 'organizations')!;
  expect(JSON.stringify(issue.customFields[organizations.id])).toContain('"12"');
  expect((issue.attachments ?? []).map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
});

test('(b) Sofie of ACME finds the request on the portal and the report on her profile, and its PDF reads right', async () => {
  await page.goto(`${sandbox.server.url}/portal?as=sofie`);
  await page.locator('.portal-requests a', { hasText: requestKey }).first().waitFor({ timeout: 15_000 });
  await page.click('[data-testid="portal-profile-link"]');
  const reports = surface(page, 'portal-reports');
  const row = reports.locator('[data-testid="report-row"]', { hasText: 'October 2026' });
  await row.waitFor({ timeout: 15_000 });
  expect(await row.textContent()).toMatch(/October 2026 · ACME Production.*requests raised/);
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Download the October 2026 report for ACME Production/ }).click()]);
  const bytes = readFileSync((await download.path())!);
  const text = (await pdfPages(new Uint8Array(bytes))).join('\n');
  expect(text).toMatch(/ACME/);
  expect(text).toMatch(/Production/);
  expect(text).toMatch(/October 2026|oktober 2026/i);
  await captureSurface(page, 'portal-reports');
  // As a picture: an A4 page (portrait) with text and figures on it, not a blank or broken page.
  const picture = await firstPageAsPicture(bytes, screenshotPath('report-pdf-page-1'));
  expect(picture.height).toBeGreaterThan(picture.width);
  expect(picture.ink).toBeGreaterThan(0.01);
  expect(picture.ink).toBeLessThan(0.6);
});

test('(c) Karen of Fjord sees none of ACME’s reports, and is refused its PDF', async () => {
  await page.goto(`${sandbox.server.url}/portal/profile?as=karen`);
  const reports = surface(page, 'portal-reports');
  await reports.locator('body').waitFor();
  await page.waitForTimeout(500);
  expect(await reports.locator('[data-testid="report-row"]', { hasText: 'ACME' }).count()).toBe(0);
  const refused = await invoke('karen', 'portal-reports', 'portal/reports/pdf', { report: reportId });
  expect(refused.ok).toBe(false);
  expect(refused.errors?.[0]?.code).toBe('FORBIDDEN');
});
