// What the comparisons with the CLI share: every request of a site as the app maps it to a timeline (one JSON line
// each, in report order: creation, then id), read from the very Jira histories the app read, and `report` run on it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PORTAL_CHOICE_PROPERTY } from '../../src/app-identity';
import { JiraClient } from '../../src/adapters/jira/client';
import { main } from '../../src/cli/main';
import type { ComplianceReportJson } from '../../src/engine/compliance-report-json';
import type { ConfigBundle, StatusCategory } from '../../src/engine/types';
import { discoverSiteFields } from '../../src/timeline/site-fields';
import { timelineFromJira } from '../../src/timeline/from-jira';
import { runAs } from '../../offline/forge-runtime';
import type { ForgeHost } from '../../offline/sandbox/forge-host';

/** Writes `timelines.jsonl` in `dir` and returns its path. */
export async function timelinesFile(host: ForgeHost, bundle: ConfigBundle, dir: string): Promise<string> {
  const jira = new JiraClient();
  const fields = discoverSiteFields(await runAs(undefined, () => jira.listFields()));
  const statuses = await runAs(undefined, () => jira.listStatuses());
  const statusCategories = new Map(statuses.map((s) => [s.id, s.statusCategory.key as StatusCategory]));
  const issues = [...host.double.toJSON().issues].sort((x, y) => x.created - y.created || Number(x.id) - Number(y.id));
  const lines: string[] = [];
  for (const issue of issues) {
    const history = await runAs(undefined, () => jira.readIssueHistory(issue.key, ['*all'], [PORTAL_CHOICE_PROPERTY]));
    const choice = history.issue.properties?.[PORTAL_CHOICE_PROPERTY] as { priority?: string } | undefined;
    const timeline = timelineFromJira(history, { fields, statusCategories, bundle, ...(choice?.priority ? { portalPriority: choice.priority } : {}) });
    lines.push(JSON.stringify({ issue: { ...timeline.issue, created: new Date(timeline.issue.created).toISOString() }, events: timeline.events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) }));
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
