// A report's files for a download: the PDF, and the complete goal list when the PDF's lists are cut, each made again
// from the frozen snapshot, which gives the very bytes that were sent. The snapshot's cycles are read from storage a
// part at a time, as the PDF's tables and the list ask for them.
import type { IssuedReport } from '../adapters/storage/issued-report';
import { readSnapshotHead, snapshotBreaches, snapshotCycles } from '../adapters/storage/issued-report-store';
import { reportFileName, type ReportPdf } from './issued-reports';
import { countsOf, goalListFile, type ReportContent } from './report/goal-list';
import { renderReportPdf } from './report/pdf';

/** A file a resolver may answer at most (Forge: 5 MB a response); base64 makes a file a third larger. */
export const MAX_DOWNLOAD_BYTES = 3_500_000;

/** The complete goal list of a report, as a download. */
export interface GoalListDownload {
  fileName: string;
  mimeType: string;
  /** The file (CSV, or gzip-compressed CSV) as base64 text. */
  base64: string;
}

/** An issued report's content as stored: the snapshot, and its cycles read part by part each time they are asked for. */
export async function storedContent(header: IssuedReport): Promise<ReportContent> {
  const snapshot = await readSnapshotHead(header);
  // The builder counts a goal's met, breached or cancelled exactly when it lists the cycle.
  return { snapshot, counts: countsOf(snapshot.report.goals), cycles: () => snapshotCycles(header), breaches: () => snapshotBreaches(header) };
}

export async function reportPdf(header: IssuedReport): Promise<ReportPdf | { tooLarge: number }> {
  const bytes = await renderReportPdf(await storedContent(header));
  if (bytes.length > MAX_DOWNLOAD_BYTES) return { tooLarge: bytes.length };
  return { fileName: reportFileName(header), base64: Buffer.from(bytes).toString('base64') };
}

/** The complete goal list beside the PDF; undefined when the PDF lists every goal itself. */
export async function reportGoalList(header: IssuedReport): Promise<GoalListDownload | { tooLarge: number } | undefined> {
  const file = await goalListFile(await storedContent(header));
  if (!file) return undefined;
  if (file.bytes.length > MAX_DOWNLOAD_BYTES) return { tooLarge: file.bytes.length };
  return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
}
