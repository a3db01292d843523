// The customer's report PDF, read back with pdf.js: every section of the issue's list, in Danish and English, with
// Danish letters intact, page numbers on every page, and the same bytes for the same snapshot.
import { renderReportPdf } from '../../src/views/report/pdf';
import { reportDocument } from '../../src/views/report/document';
import { contentOf, PDF_BREACH_ROWS } from '../../src/views/report/goal-list';
import type { ReportedCycleJson } from '../../src/engine/compliance-report-json';
import { exampleReport, exampleSnapshot } from './report-fixture';
import { pdfPages } from './pdf-text';

const text = async (bytes: Uint8Array): Promise<string> => (await pdfPages(bytes)).join('\n');

test('Danish: the facts, the counts, compliance against the targets, the trend, each breach and every counted goal', async () => {
  const bytes = await renderReportPdf(contentOf(exampleSnapshot('da')));
  const pages = await pdfPages(bytes);
  const all = pages.join('\n');
  for (const expected of [
    'Serviceniveaurapport',
    'ACME Produktion – løn (acme-prod)',
    'ACME Søfart A/S',
    'Production',
    'november 2026: 1 nov. 2026 00:00 – 1 dec. 2026 00:00 (Europe/Copenhagen)',
    'Åbne ved månedens udgang, efter status: In Progress 1, Open 1, Waiting for customer 1',
    'Åbne ved månedens udgang, efter prioritet: Kritisk 1, Høj 2',
    'Overholdelse pr. mål',
    '80,0 %',
    '75,0 %',
    'Opfyldt',
    'Ikke opfyldt',
    'Overholdelse de seneste måneder',
    'Krav 95 %',
    'Brudte mål',
    'Alle mål talt med i måneden',
  ]) {
    expect(all).toContain(expected);
  }
  // The breach of SUP-24's resolution: 4 h target, 5 h 30 m elapsed, over by 1 h 30 m, in Danish units.
  expect(all).toMatch(/SUP-24\nLøsning\nKritisk\n4 t\n5 t 30 m\n1 t 30 m\n13\.11\.26 01:00/);
  // The counts of the spec: 7 created, 5 resolved, 3 open.
  expect(pages[0]).toMatch(/7\nOprettet\n5\nLøst\n3\nÅbne ved månedens udgang/);
  pages.forEach((page, i) => expect(page).toContain(`Side ${i + 1} af ${pages.length}`));
  // Every counted cycle has its row.
  for (const cycle of exampleReport.cycles) expect(all).toContain(cycle.issue);
  expect(all.match(/Annulleret/g)?.length).toBeGreaterThanOrEqual(exampleReport.goals.reduce((n, g) => n + g.cancelled, 0));
});

test('English labels and units; a re-issue says it replaces the earlier versions', async () => {
  const all = await text(await renderReportPdf(contentOf(exampleSnapshot('en', { version: 2 }))));
  for (const expected of ['Service level report', 'Compliance per goal', 'Not met', 'Breached goals', 'Over by', '1 h 30 m', 'Corrected report, version 2: it replaces the earlier versions.', 'Page 1 of 2']) {
    expect(all).toContain(expected);
  }
});

test('the same snapshot gives the same bytes, small enough to mail', async () => {
  const first = await renderReportPdf(contentOf(exampleSnapshot('da')));
  const second = await renderReportPdf(contentOf(exampleSnapshot('da')));
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  expect(first.length).toBeLessThan(60_000);
});

test('a month of 3,000 counted goals: every breach, the first 2,000 of the detail list and where the rest is, on numbered pages with their table headers', async () => {
  const cycles: ReportedCycleJson[] = Array.from({ length: 3000 }, (_, i) => ({ ...exampleReport.cycles[i % exampleReport.cycles.length]!, issue: `SUP-${1000 + i}` }));
  const bytes = await renderReportPdf(contentOf(exampleSnapshot('en', { report: { ...exampleReport, cycles } })));
  const pages = await pdfPages(bytes);
  const all = pages.join('\n');
  expect(pages.length).toBeGreaterThan(40);
  pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  // Pages after the first start with a table's header row: the breaches', then the detail list's.
  expect(pages.slice(1).every((page) => page.startsWith('Request\nGoal\n'))).toBe(true);
  expect(pages.at(-1)).toMatch(/^Request\nGoal\nCycle/);
  expect(all.replace(/\n/g, ' ')).toContain(
    'The month counted 3,000 goals. The first 2,000 are listed here; all of them are in service-level-report-acme-prod-2026-11-v1-goals.csv, which comes with this report.',
  );
  // Each breached goal is listed (in the breaches' table); any other only among the detail list's first 2,000.
  cycles.forEach((cycle, i) => expect([cycle.issue, all.includes(`${cycle.issue}\n`)]).toEqual([cycle.issue, cycle.outcome === 'breached' || i < 2000]));
  expect(all).toContain('SUP-2999\n');
  // The fonts are embedded once, only with the glyphs used, and each page's drawing is compact.
  expect(bytes.length).toBeLessThan(300_000);
}, 60_000);

test('a month with more breaches than the PDF lists: the first 5,000, and a line saying where all of them are', async () => {
  const breach = exampleReport.cycles.find((c) => c.outcome === 'breached')!;
  const cycles: ReportedCycleJson[] = Array.from({ length: PDF_BREACH_ROWS + 200 }, (_, i) => ({ ...breach, issue: `SUP-${10_000 + i}` }));
  const content = contentOf(exampleSnapshot('da', { report: { ...exampleReport, cycles } }));
  expect(content.counts).toEqual({ cycles: 5200, breaches: 5200 });
  const all = (await pdfPages(await renderReportPdf(content))).join('\n');
  expect(all.replace(/\n/g, ' ')).toContain('5.200 mål blev brudt i måneden. De første 5.000 står her; alle står i service-level-report-acme-prod-2026-11-v1-goals.csv, der følger med rapporten.');
  expect(all.replace(/\n/g, ' ')).toContain('Måneden talte 5.200 mål. De første 2.000 står her;');
  expect(all).toContain(`SUP-14999\n`);
  expect(all).not.toContain(`SUP-15000\n`);
}, 120_000);

test('the document judges a goal met exactly at its target, and says when there is nothing to judge', () => {
  const doc = reportDocument(exampleSnapshot('en', { complianceTargets: { response: 80, resolution: 83.4 } }));
  expect(doc.compliance.map((g) => [g.goal, g.compliance, g.target, g.result])).toEqual([
    ['Første svar', '80.0%', '80.0%', 'met'],
    ['Løsning', '83.3%', '83.4%', 'not-met'],
    ['Opdatering', '71.4%', '100.0%', 'not-met'],
  ]);
  const idle = reportDocument(exampleSnapshot('en', { report: { ...exampleReport, goals: exampleReport.goals.map((g) => ({ ...g, met: 0, breached: 0, compliance: null })) } }));
  expect(idle.compliance.map((g) => g.resultText)).toEqual(['Nothing to judge', 'Nothing to judge', 'Nothing to judge']);
});
