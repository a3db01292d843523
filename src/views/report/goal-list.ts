// What a customer's report holds of the month's counted goals, and where the rest is. A month of a large customer
// counts tens of thousands of goals: listed in full, the PDF would run to hundreds of pages and several MB — more
// than a mail client, a resolver's answer (5 MB) or a reader wants. So the PDF lists every breached goal up to
// PDF_BREACH_ROWS and the first PDF_DETAIL_ROWS of the detail list, says so where the list is cut, and the complete
// list goes with it as a CSV file on the same JSM request: the columns of `report --format csv` (spec §5),
// gzip-compressed beyond GZIP_FROM_GOALS rows. The rule depends on the counts alone, so the same snapshot always
// gives the same PDF and the same file.
import { createGzip } from 'node:zlib';
import type { ReportSnapshot } from '../../adapters/storage/issued-report';
import { CYCLES_CSV_HEADER, cycleCsvLine, type ReportedCycleJson } from '../../engine/compliance-report-json';
import { reportFileName } from '../issued-reports';

/** Breached goals the PDF lists at most (a month that breaches more is an outage, and the file has them all). */
export const PDF_BREACH_ROWS = 5_000;
/** Rows of the detail list the PDF holds at most: some 37 pages. */
export const PDF_DETAIL_ROWS = 2_000;
/** From this many goals the list is sent gzip-compressed (plain, it would be over about 1.3 MB). */
export const GZIP_FROM_GOALS = 10_000;

/** A report's content: the snapshot, and its counted cycles read a slice at a time (each reading starts over). */
export interface ReportContent {
  /** The frozen snapshot; its `report.cycles` may be empty when `cycles` reads them from storage. */
  snapshot: ReportSnapshot;
  /** How many cycles the month counted, and how many of them were breached. */
  counts: { cycles: number; breaches: number };
  cycles: () => AsyncIterable<readonly ReportedCycleJson[]>;
  /** The breached ones alone, in the same order (stored apart, so the list of breaches reads only them). */
  breaches: () => AsyncIterable<readonly ReportedCycleJson[]>;
}

/** The content of a snapshot held whole (tests, small months). */
export function contentOf(snapshot: ReportSnapshot): ReportContent {
  const { cycles } = snapshot.report;
  return {
    snapshot,
    counts: { cycles: cycles.length, breaches: cycles.filter((c) => c.outcome === 'breached').length },
    cycles: async function* () {
      yield cycles;
    },
    breaches: async function* () {
      yield cycles.filter((c) => c.outcome === 'breached');
    },
  };
}

/** The cycles a report counted and the breached ones, from its goals' figures: a goal's met, breached and cancelled are its cycles. */
export function countsOf(goals: ReadonlyArray<{ met: number; breached: number; cancelled: number }>): ReportContent['counts'] {
  return { cycles: goals.reduce((n, g) => n + g.met + g.breached + g.cancelled, 0), breaches: goals.reduce((n, g) => n + g.breached, 0) };
}

/** Whether the PDF lists every breached and every counted goal itself. */
export function pdfListsAll(counts: ReportContent['counts']): boolean {
  return counts.cycles <= PDF_DETAIL_ROWS && counts.breaches <= PDF_BREACH_ROWS;
}

/** The complete list's file name: the PDF's, `-goals.csv`, `.gz` when compressed. */
export function goalListName(snapshot: Pick<ReportSnapshot, 'agreement' | 'month' | 'version'>, counts: ReportContent['counts']): string {
  const pdf = reportFileName({ agreement: snapshot.agreement.id, month: snapshot.month, version: snapshot.version });
  return `${pdf.replace(/\.pdf$/, '')}-goals.csv${counts.cycles >= GZIP_FROM_GOALS ? '.gz' : ''}`;
}

export interface GoalListFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** The complete list as a file, written a slice at a time; undefined when the PDF already lists every goal. */
export async function goalListFile(content: ReportContent): Promise<GoalListFile | undefined> {
  const { counts, snapshot } = content;
  if (pdfListsAll(counts)) return undefined;
  const fileName = goalListName(snapshot, counts);
  if (counts.cycles < GZIP_FROM_GOALS) {
    let text = CYCLES_CSV_HEADER;
    for await (const slice of content.cycles()) for (const cycle of slice) text += cycleCsvLine(cycle);
    return { fileName, mimeType: 'text/csv', bytes: Buffer.from(text, 'utf8') };
  }
  // Compressed as it is written: only the compressed bytes are held.
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  gzip.write(CYCLES_CSV_HEADER);
  for await (const slice of content.cycles()) {
    let text = '';
    for (const cycle of slice) text += cycleCsvLine(cycle);
    if (!gzip.write(text)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return { fileName, mimeType: 'application/gzip', bytes: Buffer.concat(chunks) };
}
