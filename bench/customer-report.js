#!/usr/bin/env node
// `npm run bench` (sixth part): the monthly compliance report a customer is owed, at scale, through the app's real
// handlers on the local Forge runtime. ACME Production (acme-prod) has 10,000 requests in November 2026 and 40,000
// more in the four months before it (50,000 in its history), stored as the requests' own computations store them.
// A Jira administrator issues November's report on the admin page; the queued job builds it from storage, freezes
// it, renders its PDF and delivers it through JSM (a request in ACME's organization, the PDF on a public comment).
// Figures, each beside the platform's limit: the job's wall time (one async invocation: 900 s), storage units, Jira
// calls, peak memory above the start (an invocation has 512 MB), the largest stored part of the frozen snapshot (a
// stored value: 240 KiB), the PDF and the complete goal list attached beside it, and the PDF's download through the
// admin resolver (25 s, and an answer of at most 5 MB). Printed, never asserted.
//   node --expose-gc --import tsx bench/customer-report.js [--requests N] [--history N]
const { parseArgs } = require('node:util');
const { PDFDocument } = require('pdf-lib');
const { DEMO_ACCOUNTS } = require('../offline/jsm-double');
const { STORAGE_LIMITS } = require('../offline/forge-runtime');
const { ForgeHost } = require('../offline/sandbox/forge-host');
const { runAs } = require('../offline/forge-runtime');
const { readIssuedReport, readSnapshotHead, snapshotBreaches, snapshotCycles } = require('../src/adapters/storage/issued-report-store');
const { PDF_BREACH_ROWS, PDF_DETAIL_ROWS } = require('../src/views/report/goal-list');
const { config, storeEntries, measure, fmt, row, MB } = require('./month-entries');

const KB = (bytes) => `${fmt(bytes / 1024)} KiB`;

const { values } = parseArgs({ options: { requests: { type: 'string' }, history: { type: 'string' } } });
const IN_MONTH = Number(values.requests ?? 10_000);
const HISTORY = Number(values.history ?? 50_000);
if (!Number.isInteger(IN_MONTH) || IN_MONTH < 100) throw new Error('--requests must be a whole number of at least 100');
if (!Number.isInteger(HISTORY) || HISTORY < IN_MONTH) throw new Error('--history must be at least --requests');

const MONTH = '2026-11';
const EARLIER = ['2026-07', '2026-08', '2026-09', '2026-10'];
const ADMIN = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };
const acme = config.agreements.filter((a) => a.id === 'acme-prod');

(async () => {
  // 5 December 2026: November has ended in Copenhagen.
  const host = new ForgeHost({ now: Date.parse('2026-12-05T09:00:00Z'), rateLimits: 'count', jiraRateLimit: { mode: 'count' } });
  try {
    const saved = await host.invoke('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, ADMIN);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    await host.drainQueue();
    const t0 = process.hrtime.bigint();
    const perEarlier = Math.ceil((HISTORY - IN_MONTH) / EARLIER.length);
    const stored = await storeEntries([...EARLIER, MONTH], { seed: 7, agreements: acme, count: (month) => (month === MONTH ? IN_MONTH : perEarlier), unit: () => 1 });
    console.log(`\nCustomer report: acme-prod, ${MONTH}: ${fmt(IN_MONTH)} requests in the month, ${fmt(stored.requests)} in its history, ${fmt(stored.goals)} goals (stored in ${fmt(Number(process.hrtime.bigint() - t0) / 1e9, 1)} s)`);
    const run = measure(host);
    const asked = await run(() => host.invoke('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: MONTH }, ADMIN));
    row('"issue now" through the resolver (queues the job)', `${fmt(asked.wallMs)} ms`, `${fmt(asked.requests)} storage requests`);
    const jiraBefore = host.runtime.counters.productRequests;
    const job = await run(async () => {
      await host.drainQueue();
      return { ok: true };
    });
    row('the job: build, freeze, render the PDF, deliver (one invocation)', `${fmt(job.wallMs / 1000, 1)} s`, `limit 900 s; heap +${fmt(job.peakMb)} MB at the peak, limit 512 MB`);
    row('  storage requests', fmt(job.requests), `${fmt(job.readUnits)} read units (${fmt((100 * job.readUnits) / STORAGE_LIMITS.readUnitsPerMinute)} % of a minute's), ${fmt(job.writeUnits)} write units`);
    row('  Jira calls (raise the request, attach the files, comment, names)', fmt(host.runtime.counters.productRequests - jiraBefore));
    const list = await host.invoke('adminResolver', 'admin/reports/list', {}, ADMIN);
    const issued = list.data.agreements.find((a) => a.id === 'acme-prod').reports.find((r) => r.month === MONTH);
    if (!issued) throw new Error(`no ${MONTH} report was issued: ${JSON.stringify(host.app?.failures ?? [])}`);
    const counted = issued.goals.reduce((s, g) => s + g.met + g.breached, 0);
    const breached = issued.goals.reduce((s, g) => s + g.breached, 0);
    row('  the report', `${fmt(issued.requests.created)} created`, `${fmt(issued.requests.resolved)} resolved, ${fmt(counted)} goals judged, ${fmt(breached)} breached; delivery: ${issued.delivery.state}${issued.delivery.requestKey ? ` (${issued.delivery.requestKey})` : ''}`);
    // The frozen snapshot as stored: its parts, each one stored value.
    const sizes = await runAs(undefined, async () => {
      const header = await readIssuedReport(issued.id);
      const out = [Buffer.byteLength(JSON.stringify(await readSnapshotHead(header)))];
      for await (const cycles of snapshotCycles(header)) out.push(Buffer.byteLength(JSON.stringify(cycles)));
      for await (const cycles of snapshotBreaches(header)) out.push(Buffer.byteLength(JSON.stringify(cycles)));
      return { all: out, breachParts: header.breachParts };
    });
    const largest = Math.max(...sizes.all);
    row('  the frozen snapshot', `${fmt(sizes.all.length)} parts`, `${fmt(sizes.breachParts)} of them the breaches again; ${MB(sizes.all.reduce((s, n) => s + n, 0))} in all, the largest ${KB(largest)} (limit 240 KiB a stored value)`);
    const files = host.double.issue(issued.delivery.requestKey).attachments ?? [];
    for (const file of files) row(`  attached on ${issued.delivery.requestKey}`, MB(file.size), file.filename);
    const download = await run(() => host.invoke('adminResolver', 'admin/reports/pdf', { report: issued.id }, ADMIN));
    // A PDF too large for one download is still delivered (attached in JSM): the resolver says its size.
    if (download.data) {
      const bytes = Buffer.from(download.data.base64, 'base64');
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      row('  the PDF', MB(bytes.length), `${fmt(pages)} pages: every breach (up to ${fmt(PDF_BREACH_ROWS)}), the first ${fmt(PDF_DETAIL_ROWS)} goals of the detail list`);
      row('  its download through the admin resolver', `${fmt(download.wallMs / 1000, 1)} s`, `limit 25 s; a ${MB(download.bytes)} answer, limit 5 MB; heap +${fmt(download.peakMb)} MB; ${fmt(download.readUnits)} read units`);
    }
    // Figures past a platform limit are named, not asserted.
    if (job.peakMb > 512) row('  over the limit', 'memory', `the job's heap peak is above Forge's 512 MB for one invocation`);
    if (largest > 240 * 1024) row('  over the limit', 'storage', 'a part of the snapshot is larger than a stored value may be');
  } finally {
    host.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
