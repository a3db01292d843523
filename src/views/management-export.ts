// The management reports' exports: every goal the period counts, as CSV (the spec's §5 cycle columns, then the
// dimensions the figures are grouped by) and as an Excel workbook (the same rows, plus the figures as shown). Both
// travel through a resolver as base64, like a report's PDF (the CSV compressed), within what one answer may carry.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CYCLE_COLUMNS, csvField, type ReportedCycleJson } from '../engine/compliance-report-json';
import { formatInstant } from '../engine/instant';
import type { GoalFact, ManagementGroup, ManagementReport } from '../usecases/management-report';

/** What a resolver may answer at most (Forge: 5 MB a response); base64 makes a file a third larger. */
export const MAX_EXPORT_BYTES = 3_500_000;
/** The most goals one workbook holds within that: some 100 bytes each (bench/management.js), with a margin. */
export const MAX_XLSX_GOALS = 30_000;

export const DIMENSION_COLUMNS = ['month', 'agreement', 'customer', 'environment', 'product', 'requestType', 'priorityRank', 'assignee'] as const;
export const EXPORT_COLUMNS = [...CYCLE_COLUMNS, ...DIMENSION_COLUMNS] as const;

type ExportRow = ReportedCycleJson & Record<(typeof DIMENSION_COLUMNS)[number], string | number | null>;

const seconds = (ms: number): number => Math.floor(ms / 1000);
const instantOrNull = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

/** A counted goal as the spec's cycle (times in whole seconds, instants in UTC), with its request's dimensions. */
export function exportRow(g: GoalFact): ExportRow {
  const r = g.request;
  return {
    issue: r.issueKey,
    goal: g.goal,
    cycle: g.cycle,
    internal: g.internal,
    outcome: g.outcome!,
    startedAt: formatInstant(g.startedAt),
    endedAt: instantOrNull(g.endedAt),
    targetSeconds: seconds(g.targetMs),
    elapsedSeconds: seconds(g.elapsedMs),
    breachedAt: instantOrNull(g.breachedAt),
    priority: r.priority,
    month: r.month,
    agreement: r.agreement,
    customer: r.customer,
    environment: r.environment,
    product: r.product,
    requestType: r.requestType,
    priorityRank: r.rank,
    assignee: r.assigneeName ?? r.assignee,
  };
}

/** RFC 4180 with `\n` line ends, as `report --format csv`: the header, then one line per goal. */
export function goalsCsv(goals: readonly GoalFact[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const goal of goals) {
    const row = exportRow(goal);
    lines.push(EXPORT_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function figureRow(group: ManagementGroup): Array<string | number | null> {
  const kinds = [group.contractual, group.internal];
  return [
    group.label,
    group.requests?.created ?? null,
    group.requests?.resolved ?? null,
    group.requests?.open ?? null,
    ...kinds.flatMap((f) => (f ? [f.met, f.breached, f.cancelled, f.closed, f.compliance] : [null, null, null, null, null])),
  ];
}

/**
 * The workbook: the figures as the page shows them, then every counted goal (instants as dates, in UTC). Written as a
 * stream, row by row, with shared strings (the dimensions repeat on every row): a workbook built whole in memory
 * takes some 23 KB a goal, more than a function may hold for a year of goals (bench/management.js).
 */
export async function managementWorkbook(report: ManagementReport, goals: readonly GoalFact[]): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  workbook.creator = 'Contract SLA';
  // A fixed date keeps the file the same for the same figures.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const figures = workbook.addWorksheet('Figures');
  figures.getColumn(1).width = 32;
  figures.addRow([`Compliance by ${report.groupBy}, ${report.from} to ${report.to}`]).commit();
  const header = figures.addRow([
    report.groupBy,
    'created',
    'resolved',
    'open',
    ...['contractual', 'internal'].flatMap((kind) => ['met', 'breached', 'cancelled', 'closed', 'compliance'].map((m) => `${kind} ${m}`)),
  ]);
  header.font = { bold: true };
  header.commit();
  for (const group of [...report.groups, report.totals]) {
    const row = figures.addRow(figureRow(group));
    for (const column of [9, 14]) row.getCell(column).numFmt = '0.0%';
    row.commit();
  }
  figures.commit();

  const sheet = workbook.addWorksheet('Goals');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key, width: key === 'issue' || key.endsWith('At') ? 20 : 14 }));
  sheet.getRow(1).font = { bold: true };
  const date = (text: string | null): Date | null => (text === null ? null : new Date(text));
  for (const goal of goals) {
    const row = exportRow(goal);
    const added = sheet.addRow({ ...row, startedAt: date(row.startedAt), endedAt: date(row.endedAt), breachedAt: date(row.breachedAt) });
    for (const key of ['startedAt', 'endedAt', 'breachedAt']) added.getCell(key).numFmt = 'yyyy-mm-dd hh:mm:ss';
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
