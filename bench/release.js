#!/usr/bin/env node
// `npm run bench` (release notices, formats.md §9.5): one signed deployment report for ACME UAT (Payroll 5.3.1) with
// 2,000 requests handed to development and waiting for their fix: 1,500 fixed at or below 5.3.1 across 15
// development issues, 500 fixed in 5.4.0 across 5 more. Through the app's real handlers on the local Forge runtime and
// the JSM double: the web trigger records the deployment and queues its release; the jobs consumer tells each
// affected customer once (a public comment) and resolves the request (the agreement says so). Figures: the time until
// every affected customer is told, the storage units, and the Jira calls and points.
//   tsx bench/release.js [--requests N]
// Limits are counted, not enforced. Figures are printed, never asserted.
const path = require('node:path');
const { parseArgs } = require('node:util');
const { readFileSync } = require('node:fs');
const { createHmac } = require('node:crypto');

const root = path.join(__dirname, '..');
const { writeLink } = require('../src/adapters/storage/development-store');
const { watchedFix } = require('../src/engine/development');
const { settled } = require('../src/usecases/follow-development');
const { DEMO_ACCOUNTS, DEMO_DEVELOPMENT, DEMO_REQUEST_TYPES } = require('../offline/jsm-double');
const { runAs } = require('../offline/forge-runtime');
const { ForgeHost } = require('../offline/sandbox/forge-host');
const { fmt, row, heading, pct, instrument, storageRows, jiraRows, emptyDemoSite } = require('./measure');

const { values } = parseArgs({ options: { requests: { type: 'string' } } });
const REQUESTS = Number(values.requests ?? 2000);
if (!Number.isInteger(REQUESTS) || REQUESTS < 100) throw new Error('--requests must be a whole number of at least 100');
/** Three in four wait for a fix the deployment reaches (15 development issues), the rest for 5.4.0 (5 issues). */
const REACHED = Math.round(REQUESTS * 0.75);
const REACHED_ISSUES = 15;
const LATER_ISSUES = 5;

const a = DEMO_ACCOUNTS;
/** Wednesday 2 December 2026, 09:00 in Copenhagen: the requests are raised and handed over during the morning. */
const RAISED = Date.parse('2026-12-02T08:00:00Z');
/** Friday 4 December, 10:55: the pipeline deploys 5.3.1 to ACME UAT. */
const DEPLOYED = Date.parse('2026-12-04T09:55:00Z');

/** The site before the app reads it: the demo's catalogue and PAY, the development issues done, the requests waiting. */
function site() {
  const clock = { now: RAISED };
  const double = emptyDemoSite(clock, RAISED);
  const devs = [];
  for (let i = 0; i < REACHED_ISSUES + LATER_ISSUES; i++) {
    const fix = i < REACHED_ISSUES ? (i % 3 === 0 ? '5.3.0' : '5.3.1') : '5.4.0';
    const issue = double.createIssue({ projectKey: DEMO_DEVELOPMENT.project, issueTypeId: DEMO_DEVELOPMENT.bug, summary: `Payroll defect ${i + 1}`, reporter: a.lars, fixVersions: [fix] });
    double.startDevelopment(issue.key, a.henrik);
    double.resolveDevelopmentIssue(issue.key, a.henrik);
    devs.push({ issue, fix });
  }
  const requests = [];
  for (let n = 0; n < REQUESTS; n++) {
    clock.now = RAISED + n * 1000;
    const request = double.createRequest({
      requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: n % 2 === 0 ? a.sofie : a.anders, summary: `UAT defect ${n + 1}`,
      fieldValues: { environment: 'UAT', product: 'Payroll' }, contractPriority: { priority: 'p2' },
    });
    double.transition(request.key, 'Waiting for release', { by: a.lars });
    // The first REACHED wait for one of the 15 issues the deployment reaches; the rest for one fixed in 5.4.0.
    const dev = n < REACHED ? devs[n % REACHED_ISSUES] : devs[REACHED_ISSUES + (n % LATER_ISSUES)];
    requests.push({ request, dev });
  }
  return { state: double.toJSON(), requests };
}

/** The links the hand-overs wrote (as the hand-over usecase writes them), the fix known. */
async function handOver(host, requests) {
  await runAs(undefined, async () => {
    for (const { request, dev } of requests) {
      const watched = watchedFix([dev.fix], 'done');
      const link = settled({
        issueId: request.id, issueKey: request.key, projectKey: 'SUP', customer: 'acme', environment: 'UAT', product: 'Payroll', agreement: 'acme-uat',
        devKey: dev.issue.key, devId: dev.issue.id, devProject: 'PAY', devSummary: dev.issue.summary, devStatus: 'Done', devCategory: 'done', devAssignee: 'Henrik Dahl',
        fixVersions: [dev.fix], fix: watched.fix, fixKey: watched.fixKey, stage: 'fixed', notices: [], handedOverAt: RAISED, handedOverBy: a.lars, updatedAt: RAISED,
      });
      if (!(await writeLink(link, undefined))) throw new Error(`the link of ${request.key} could not be written`);
    }
  });
}

/** Runs the job queue, moving the clock to each job's due time, until nothing is left; how many jobs ran. */
async function drainAll(host) {
  let jobs = 0;
  for (;;) {
    jobs += await host.drainQueue();
    const next = host.app.queue.pending().map((queued) => queued.dueAt).sort((x, y) => x - y)[0];
    if (next === undefined) return jobs;
    host.advance(next - host.clock.now);
  }
}

const ADMIN = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

function signed(secret, report, at) {
  const body = JSON.stringify(report);
  const timestamp = String(Math.floor(at / 1000));
  const nonce = 'bench-release-0001';
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex')}`;
  return { method: 'POST', body, headers: { 'Content-Type': ['application/json'], 'X-Contract-SLA-Timestamp': [timestamp], 'X-Contract-SLA-Nonce': [nonce], 'X-Contract-SLA-Signature': [signature] } };
}

async function main() {
  console.log(`Release notices: one deployment report for ACME UAT with ${fmt(REQUESTS)} requests waiting for development's fixes`);
  const built = site();
  const host = new ForgeHost({ now: DEPLOYED - 3_600_000, site: built.state, rateLimits: 'count', jiraRateLimit: { mode: 'count' } });
  const bundle = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8'));
  const saved = await host.invoke('adminResolver', 'admin/config/save', { bundle, expectedVersion: 0 }, ADMIN);
  if (!saved.ok) throw new Error(`the save was refused: ${JSON.stringify(saved)}`);
  // The configuration's re-evaluation computes every request (in pauses the clock moves through) before the deployment.
  await drainAll(host);
  await handOver(host, built.requests);
  const rotated = await host.invoke('adminResolver', 'admin/deployments/rotate-secret', {}, ADMIN);
  host.advance(Math.max(0, DEPLOYED + 60_000 - host.clock.now));

  const measure = instrument(host);
  const appAccount = host.double.state.site.appAccountId;
  const told = () => host.double.state.issues.filter((i) => i.comments.some((c) => c.author === appAccount && c.jsdPublic)).length;
  let jobs = 0;
  const { result, cost } = await measure(async () => {
    const answer = await host.app.runWebTrigger('deployment-report', signed(rotated.data.secret, { customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1', deployedAt: new Date(DEPLOYED).toISOString(), by: 'payroll-release-pipeline' }, host.clock.now));
    jobs = await drainAll(host);
    return answer;
  });
  const resolved = host.double.state.issues.filter((i) => i.key.startsWith('SUP-') && host.double.status(i.statusId).name === 'Resolved').length;

  heading('The report and its release');
  row('web trigger answer', String(result.statusCode), JSON.parse(result.body).outcome);
  row('jobs run (release slices and retries)', fmt(jobs));
  row('customers told (requests with a release notice)', fmt(told()), `of ${fmt(REACHED)} whose fix 5.3.1 reaches; ${fmt(REQUESTS - REACHED)} wait for 5.4.0`);
  row('requests resolved', fmt(resolved));
  row('time until every affected customer is told', `${fmt(cost.wallMs)} ms`, `${fmt(cost.cpuMs)} ms CPU on the local runtime`);
  row('per request told', `${fmt(cost.wallMs / Math.max(1, told()), 2)} ms`);
  heading('Storage');
  row('read / write units', `${fmt(cost.readUnits)} / ${fmt(cost.writeUnits)}`);
  storageRows(cost);
  heading('Jira');
  row('calls / points', `${fmt(Object.values(cost.routes).reduce((n, r) => n + r.calls, 0))} / ${fmt(cost.points)}`, `${pct(cost.points, host.jiraRateLimit.pointsPerHour)} of an hour's ${fmt(host.jiraRateLimit.pointsPerHour)}`);
  jiraRows(cost);
  host.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
