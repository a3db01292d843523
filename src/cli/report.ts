// `report`: an agreement's compliance report for a month, from a JSON Lines file of timelines (spec §5). Lines are
// read, validated and evaluated one at a time and only the counted cycles are kept; a bad line is named by its
// number, and after the first one the remaining lines are only validated, since no report will be printed.
import { formatIssue } from '../config/issues';
import { validateTimeline } from '../config/validate-timeline';
import { selectAgreement } from '../engine/agreement';
import { ComplianceReportBuilder, type ComplianceReport, type ReportOptions } from '../engine/compliance-report';
import type { ReportPeriod } from '../engine/report-period';
import { summarizeTimeline } from '../engine/request-summary';
import type { ConfigBundle } from '../engine/types';
import { fail, MAX_REPORTED } from './errors';
import { MAX_LINE_BYTES, megabytes } from './files';
import { linesOf } from './json-lines';

/** Whether a line holds nothing but spaces or tabs (blank lines separate nothing and are skipped). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function reportFromTimelines(
  bundle: ConfigBundle,
  agreementId: string,
  period: ReportPeriod,
  at: number,
  options: ReportOptions,
  file: string,
): ComplianceReport {
  const builder = new ComplianceReportBuilder(bundle, agreementId, period, options);
  const errors: string[] = [];
  let badLines = 0;
  let reportedLines = 0;
  const bad = (line: number, messages: string[]): void => {
    badLines++;
    if (errors.length >= MAX_REPORTED) return;
    reportedLines++;
    for (const message of messages.slice(0, MAX_REPORTED - errors.length)) errors.push(`${file}:${line}: ${message}`);
  };
  for (const { number, text, tooLong } of linesOf(file)) {
    if (tooLong) {
      bad(number, [`longer than ${megabytes(MAX_LINE_BYTES)}; a timeline may be at most ${megabytes(MAX_LINE_BYTES)}`]);
      continue;
    }
    if (isBlank(text)) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      bad(number, [`not valid JSON: ${(error as Error).message}`]);
      continue;
    }
    const timeline = validateTimeline(value);
    if (!timeline.ok) {
      bad(number, timeline.issues.map(formatIssue));
      continue;
    }
    if (badLines > 0) continue;
    // Choosing the agreement is cheap; replaying another agreement's request is not.
    if (selectAgreement(bundle, timeline.value.issue)?.id !== agreementId) continue;
    builder.add(summarizeTimeline(bundle, timeline.value, period, at));
  }
  if (badLines > reportedLines) errors.push(`${file}: … and ${badLines - reportedLines} more bad lines`);
  if (errors.length > 0) fail(...errors);
  return builder.result();
}
