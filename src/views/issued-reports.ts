// What the admin page and the customer's portal show of issued reports: a row per version with its figures and where
// its delivery stands, newest first; and the PDF itself, rendered from the frozen snapshot.
import { formatInstant } from '../engine/instant';
import type { Delivery, GoalFigures, IssuedReport } from '../adapters/storage/issued-report';

export interface IssuedReportView {
  id: string;
  agreement: string;
  month: string;
  version: number;
  issuedAt: string;
  /** `schedule`, or the account id of the admin who issued it. */
  issuedBy: string;
  goals: GoalFigures[];
  requests: IssuedReport['requests'];
  delivery: Pick<Delivery, 'state' | 'requestKey' | 'attachmentId' | 'attempts' | 'error'>;
  /** Where the customer finds the request on the portal, once it was raised. */
  requestPath: string | null;
  fileName: string;
  /** The complete goal list's file name when the PDF's lists are cut (a large month); null when the PDF has them all. */
  goalListName: string | null;
}

export function issuedReportView(header: IssuedReport): IssuedReportView {
  const { state, requestKey, attachmentId, attempts, error } = header.delivery;
  return {
    id: header.id,
    agreement: header.agreement,
    month: header.month,
    version: header.version,
    issuedAt: formatInstant(header.issuedAt),
    issuedBy: header.issuedBy,
    goals: header.goals,
    requests: header.requests,
    delivery: { state, attempts, ...(requestKey ? { requestKey } : {}), ...(attachmentId ? { attachmentId } : {}), ...(error ? { error } : {}) },
    requestPath: requestKey && header.delivery.serviceDeskId ? `/servicedesk/customer/portal/${header.delivery.serviceDeskId}/${requestKey}` : null,
    fileName: reportFileName(header),
    goalListName: header.goalList ?? null,
  };
}

/** Newest month first, then newest version. */
export function newestFirst(a: IssuedReport, b: IssuedReport): number {
  return b.month.localeCompare(a.month) || b.version - a.version;
}

export interface ReportPdf {
  fileName: string;
  /** The PDF as base64 text. */
  base64: string;
}

/** The file name customers see: readable, and unique per agreement, month and version. */
export function reportFileName(header: Pick<IssuedReport, 'agreement' | 'month' | 'version'>): string {
  return `service-level-report-${header.agreement.replace(/[^A-Za-z0-9._-]+/g, '-')}-${header.month}-v${header.version}.pdf`;
}
