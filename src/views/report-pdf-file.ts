// A report's PDF for a download: rendered again from its frozen snapshot, which gives the very bytes that were sent.
import type { IssuedReport } from '../adapters/storage/issued-report';
import { readSnapshot } from '../adapters/storage/issued-report-store';
import { reportFileName, type ReportPdf } from './issued-reports';
import { renderReportPdf } from './report/pdf';

/** What a resolver may answer at most (Forge: 5 MB a response); base64 makes a file a third larger. */
export const MAX_PDF_BYTES = 3_500_000;

export async function reportPdf(header: IssuedReport): Promise<ReportPdf | { tooLarge: number }> {
  const bytes = await renderReportPdf(await readSnapshot(header));
  if (bytes.length > MAX_PDF_BYTES) return { tooLarge: bytes.length };
  return { fileName: reportFileName(header), base64: Buffer.from(bytes).toString('base64') };
}
