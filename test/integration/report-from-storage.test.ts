// The report from storage equals the CLI's `report` on the same histories. A month and a half of requests is played
// live on the strict local runtime (every event through the trigger, the breach watch every hour, priorities
// re-classified through the issue panel), then each agreement's report is built from the stored month entries alone
// and compared with `report` run on the requests' timelines, mapped from the very same Jira histories.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PORTAL_CHOICE_PROPERTY } from '../../src/app-identity';
import { JiraClient } from '../../src/adapters/jira/client';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { readAll, agreementMonthPage } from '../../src/adapters/storage/request-month-store';
import { main } from '../../src/cli/main';
import { toComplianceReportJson } from '../../src/engine/compliance-report-json';
import type { StatusCategory } from '../../src/engine/types';
import { storedReport } from '../../src/usecases/stored-report';
import { discoverSiteFields } from '../../src/timeline/site-fields';
import { timelineFromJira } from '../../src/timeline/from-jira';
import { applyStep, DEMO_ACCOUNTS, planHistory } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { DEMO_CONFIG_PATH, demoBundle, demoConfig } from '../fixtures/demo-config';

const configPath = DEMO_CONFIG_PATH;
const config = demoConfig;
const bundle = demoBundle;
const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-stored-report-'));

// Tuesday 20 October 2026, 10:00 in Copenhagen: the app is installed with three weeks of history behind it.
const START = Date.parse('2026-10-20T08:00:00Z');
// Thursday 3 December, 10:00: November is over.
const END = Date.parse('2026-12-03T09:00:00Z');
const HOUR = 3_600_000;

let host: ForgeHost;
afterAll(() => host?.close());

/** Every request's timeline as the app maps it, one JSON line each, in report order (creation, then id). */
async function timelinesFile(): Promise<string> {
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
  const file = path.join(scratch, 'timelines.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function cliReport(timelines: string, agreement: string, month: string, internal: boolean): unknown {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['report', '--config', configPath, '--timelines', timelines, '--agreement', agreement, '--month', month, ...(internal ? ['--internal'] : [])], (t) => out.push(String(t)), (t) => err.push(t));
  if (code !== 0) throw new Error(err.join('\n'));
  return JSON.parse(out.join('\n')) as unknown;
}

beforeAll(async () => {
  host = new ForgeHost({ now: START });
  const admin = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, admin);
  expect(saved.ok).toBe(true);
  await host.drainQueue();
  // The site's earlier requests, as if the app had seen them happen (reports count what the app has computed).
  await host.replaySeededRequests();
  const keys: string[] = [];
  let watched = host.clock.now;
  for (const step of planHistory({ from: START, to: Date.parse('2026-11-30T23:00:00Z'), seed: 2026, requestsPerDay: 4 })) {
    host.advance(step.at - host.clock.now);
    // Forge runs the breach watch every five minutes; once an hour is enough to record every breach here too.
    if (host.clock.now - watched >= HOUR) {
      await host.runSchedule();
      watched = host.clock.now;
    }
    if (step.kind === 'priority') {
      const issue = host.double.issue(keys[step.ref]!)!;
      // Agents re-classify through the issue panel, which offers it only when an agreement applies.
      if (!(await runAs(undefined, () => readIssueRecord(issue.id)))?.agreement) continue;
      const extension = { issue: { id: issue.id, key: issue.key }, project: { key: 'SUP', id: '10000' } };
      const answer = await host.invoke<{ ok: boolean }>('issuePanelResolver', 'issue/set-priority', { priority: step.priority }, { accountId: step.by, extension });
      if (!answer.ok) throw new Error(`${issue.key}: ${JSON.stringify(answer)}`);
    } else {
      applyStep(host.double, step, keys);
      await host.settle();
    }
  }
  host.advance(END - host.clock.now);
  await host.runSchedule();
}, 120_000);

const AGREEMENTS = bundle.agreements.map((a) => a.id);

test.each(['2026-10', '2026-11'])('%s: every agreement, with and without internal goals, equals report on the same histories', async (month) => {
  const timelines = await timelinesFile();
  for (const agreement of AGREEMENTS) {
    for (const internal of [false, true]) {
      const fromStorage = toComplianceReportJson(await runAs(undefined, () => storedReport(bundle, agreement, month, Math.min(END, Date.parse(`${month === '2026-10' ? '2026-10-31T23:00:00Z' : '2026-11-30T23:00:00Z'}`)), { internal })));
      expect(fromStorage).toEqual(cliReport(timelines, agreement, month, internal));
    }
  }
});

test('the histories are rich enough for the comparison to mean something', async () => {
  const november = cliReport(await timelinesFile(), 'acme-prod', '2026-11', true) as {
    requests: { created: number; resolved: number; open: { total: number } };
    goals: Array<{ goal: string; met: number; breached: number }>;
    cycles: Array<{ issue: string; startedAt: string }>;
  };
  expect(november.requests.created).toBeGreaterThan(15);
  expect(november.requests.resolved).toBeGreaterThan(10);
  expect(november.requests.open.total).toBeGreaterThan(0);
  expect(november.goals.find((g) => g.goal === 'response')!.breached).toBeGreaterThan(0);
  expect(november.goals.find((g) => g.goal === 'resolution')!.met).toBeGreaterThan(0);
  // Cycles started in October and counted in November: the request was created months earlier.
  expect(november.cycles.some((c) => c.startedAt < '2026-10-31T23:00:00Z')).toBe(true);
  // The entries are written as requests change, not rebuilt from Jira when the report is asked for.
  const entries = await runAs(undefined, () => readAll((c) => agreementMonthPage('acme-prod', '2026-11', c)));
  expect(entries.length).toBeGreaterThan(15);
});
