// An issued report: the frozen snapshot of one agreement's month as it was sent, and the small header the lists and
// the trend read. The snapshot is written once and never again (a corrected report is a new version); only the
// header's delivery state moves on as the report reaches the customer.
import type { ComplianceReportJson } from '../../engine/compliance-report-json';
import type { ReportLanguage } from '../../engine/types';

/** One goal's figures in the header: what a trend or a list needs without reading the snapshot. */
export interface GoalFigures {
  goal: string;
  met: number;
  breached: number;
  compliance: number | null;
}

export interface ReportSnapshot {
  format: 1;
  id: string;
  agreement: { id: string; name: string };
  customer: { id: string; name: string; organizationId: string | null };
  environment: string;
  month: string;
  version: number;
  issuedAt: string;
  /** `schedule`, or the account id of the admin who issued it. */
  issuedBy: string;
  configVersion: number;
  language: ReportLanguage;
  /** The report exactly as the CLI's `report` prints it for the same histories (no internal goals). */
  report: ComplianceReportJson;
  /** Names the document shows instead of ids. */
  goalNames: Record<string, string>;
  priorities: Record<string, { name: string; rank: number }>;
  /** Per reported goal, the percentage of its cycles the month must meet (100 when the schedule names none). */
  complianceTargets: Record<string, number>;
  /** The months before, oldest first (up to five), each goal's figures as issued then or as stored. */
  trend: Array<{ month: string; goals: GoalFigures[] }>;
}

export type DeliveryState = 'not-scheduled' | 'pending' | 'request-created' | 'delivered' | 'failed';

/** Where the report went: the JSM request and its attachment, or why not yet. */
export interface Delivery {
  state: DeliveryState;
  /** The service desk the request was raised in: its portal shows it at /servicedesk/customer/portal/{id}/{key}. */
  serviceDeskId?: string;
  requestKey?: string;
  requestId?: string;
  attachmentId?: string;
  attempts: number;
  lastAttemptAt?: number;
  error?: string;
}

export interface IssuedReport {
  id: string;
  agreement: string;
  customer: string;
  month: string;
  version: number;
  issuedAt: number;
  issuedBy: string;
  /** Parts of the snapshot in `issued-report-part`: the snapshot without its cycles, then the cycles in slices. */
  parts: number;
  /**
   * The breached cycles again, in parts of their own, so the PDF's list of breaches reads them without reading every
   * cycle. Absent on reports issued before they were kept apart: their breaches are picked from the cycles.
   */
  breachParts?: number;
  /** The complete goal list's file name, sent beside the PDF when the PDF's lists are cut; absent when they are whole. */
  goalList?: string;
  goals: GoalFigures[];
  requests: { created: number; resolved: number; open: number };
  delivery: Delivery;
  /** Counts the delivery's changes: each one is written only over the one it follows. */
  deliveryRevision: number;
  /** The delivery state again as an index partition while it still has to happen (`pending`, `failed`, …). */
  deliveryDue?: 'yes';
}

/** An agreement id as key text: the characters keys refuse written `#XX` (keys take letters, digits and `:._-#`). */
export function keyText(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export const issuedReportId = (agreement: string, month: string, version: number): string => `${keyText(agreement)}:${month}:${version}`;
