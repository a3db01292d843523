// The complete list of a month's goals beside a PDF that lists only the first of them: made only when the PDF's lists
// are cut, exactly the CSV of `report --format csv` (spec §5), compressed from GZIP_FROM_GOALS goals.
import { gunzipSync } from 'node:zlib';
import { cyclesCsv, type ReportedCycleJson } from '../../src/engine/compliance-report-json';
import { contentOf, goalListFile, GZIP_FROM_GOALS, PDF_DETAIL_ROWS } from '../../src/views/report/goal-list';
import { exampleReport, exampleSnapshot } from './report-fixture';

const month = (n: number): ReportedCycleJson[] => Array.from({ length: n }, (_, i) => ({ ...exampleReport.cycles[i % exampleReport.cycles.length]!, issue: `SUP-${1000 + i}` }));

test('a month the PDF lists whole sends no other file', async () => {
  expect(await goalListFile(contentOf(exampleSnapshot('en')))).toBeUndefined();
  expect(await goalListFile(contentOf(exampleSnapshot('en', { report: { ...exampleReport, cycles: month(PDF_DETAIL_ROWS) } })))).toBeUndefined();
});

test('one goal more than the detail list holds: the CSV of every goal, as the CLI writes it', async () => {
  const cycles = month(PDF_DETAIL_ROWS + 1);
  const file = await goalListFile(contentOf(exampleSnapshot('en', { report: { ...exampleReport, cycles } })));
  expect(file?.fileName).toBe('service-level-report-acme-prod-2026-11-v1-goals.csv');
  expect(file?.mimeType).toBe('text/csv');
  expect(Buffer.from(file!.bytes).toString('utf8')).toBe(cyclesCsv(cycles));
});

test(`from ${GZIP_FROM_GOALS.toLocaleString('en')} goals the CSV goes gzip-compressed, a fraction of its size`, async () => {
  const cycles = month(GZIP_FROM_GOALS);
  const file = await goalListFile(contentOf(exampleSnapshot('da', { version: 2, report: { ...exampleReport, cycles } })));
  expect(file?.fileName).toBe('service-level-report-acme-prod-2026-11-v2-goals.csv.gz');
  expect(file?.mimeType).toBe('application/gzip');
  const csv = cyclesCsv(cycles);
  expect(gunzipSync(file!.bytes).toString('utf8')).toBe(csv);
  expect(file!.bytes.length).toBeLessThan(csv.length / 5);
});
