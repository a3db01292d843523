// What the comparisons with the CLI share: every request of a site as the app maps it to a timeline (one JSON line
// each, in report order: creation, then id), read from the very Jira histories the app read, and `report` run on it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { JiraClient } from '../../src/adapters/jira/client';
import { main } from '../../src/cli/main';
import type { ComplianceReportJson } from '../../src/engine/compliance-report-json';
import type { ConfigBundle } from '../../src/engine/types';
import { requestTimeline } from '../../src/usecases/request-timeline';
import { timelineJson } from '../../src/views/timeline-json';
import { runAs } from '../../offline/forge-runtime';
import type { ForgeHost } from '../../offline/sandbox/forge-host';

/**
 * Writes `timelines.jsonl` in `dir` and returns its path: each request read and mapped exactly as the event path
 * does (the app's own comments left out, the portal's choices, the reporter's organizations), through the use case
 * the admin's simulator reads a real request with.
 */
export async function timelinesFile(host: ForgeHost, bundle: ConfigBundle, dir: string): Promise<string> {
  const jira = new JiraClient();
  const issues = [...host.double.toJSON().issues].sort((x, y) => x.created - y.created || Number(x.id) - Number(y.id));
  const lines: string[] = [];
  for (const issue of issues) {
    const timeline = await runAs(undefined, () => requestTimeline(issue.key, bundle, jira, host.clock.now));
    if (timeline) lines.push(JSON.stringify(timelineJson(timeline)));
  }
  const file = path.join(dir, 'timelines.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** `report --internal` of the CLI, as its output text (JSON or CSV). */
export function cliReportText(configPath: string, timelines: string, agreement: string, month: string, format: 'json' | 'csv' = 'json'): string {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['report', '--config', configPath, '--timelines', timelines, '--agreement', agreement, '--month', month, '--internal', '--format', format], (t) => out.push(String(t)), (t) => err.push(t));
  if (code !== 0) throw new Error(err.join('\n'));
  return out.join('\n');
}

export const cliReport = (configPath: string, timelines: string, agreement: string, month: string): ComplianceReportJson =>
  JSON.parse(cliReportText(configPath, timelines, agreement, month)) as ComplianceReportJson;
