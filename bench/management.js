#!/usr/bin/env node
// `npm run bench` (fifth part): the management reports over a year, through the admin resolver on the local Forge
// runtime. A year of stored month entries (2026, Nordlys IT's agreements) holding 100,000 counted goals — the entries
// the requests' own computations write, here stored directly, beside the demo site's few own requests — then, as a
// Jira administrator:
// - the year's figures by every grouping at once (what the page asks, once per choice of months, customer or
//   agreement), and the requests behind the year's breached contractual goals (a drill-down);
// - the exports of every counted goal, CSV and Excel: time, size, and whether one answer may carry it.
// Each: the resolver's wall time, storage reads (requests and read units: custom entities' pages of 100) and the
// peak memory in use above what was in use before (heap and buffers, sampled every 5 ms).
//   node --expose-gc --import tsx bench/management.js [--goals N] [--months N]   (the collector between phases)
// Limits are counted, not enforced: a figure past one is printed, never asserted.
const { parseArgs } = require('node:util');
const { MAX_EXPORT_BYTES } = require('../src/views/management-export');
const { DEMO_ACCOUNTS } = require('../offline/jsm-double');
const { runAs, STORAGE_LIMITS } = require('../offline/forge-runtime');
const { ForgeHost } = require('../offline/sandbox/forge-host');

const { values } = parseArgs({ options: { goals: { type: 'string' }, months: { type: 'string' } } });
const GOALS = Number(values.goals ?? 100_000);
const MONTHS = Number(values.months ?? 12);
if (!Number.isInteger(GOALS) || GOALS < 1000) throw new Error('--goals must be a whole number of at least 1,000');
if (!Number.isInteger(MONTHS) || MONTHS < 1 || MONTHS > 12) throw new Error('--months must be 1 to 12');

const { config, validated, storeEntries, measure, fmt, row, MB } = require('./month-entries');
const ADMIN = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

const months = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
/** The year's goals, spread evenly over its months. */
const store = () => storeEntries(months, { seed: 12, count: () => Math.ceil(GOALS / MONTHS), unit: (entry) => entry.cycles.length });

function print(label, m, note = '') {
  row(label, `${fmt(m.wallMs)} ms`, `${fmt(m.requests)} storage reads, ${fmt(m.readUnits)} read units (${fmt((100 * m.readUnits) / STORAGE_LIMITS.readUnitsPerMinute, 0)} % of a minute's); +${fmt(m.peakMb)} MB heap at peak; answer ${MB(m.bytes)}${note}`);
}

(async () => {
  const host = new ForgeHost({ now: Date.parse('2027-01-05T09:00:00Z'), rateLimits: 'count', jiraRateLimit: { mode: 'count' } });
  try {
    const saved = await host.invoke('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, ADMIN);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    await host.drainQueue();
    const t0 = process.hrtime.bigint();
    const stored = await store();
    console.log(`\nManagement reports: ${fmt(stored.goals)} counted goals of ${fmt(stored.requests)} requests over ${MONTHS} months (stored in ${fmt(Number(process.hrtime.bigint() - t0) / 1e9, 1)} s)`);
    const run = measure(host);
    const year = { from: months[0], to: months[months.length - 1] };
    const figures = await run(() => host.invoke('adminResolver', 'admin/management/report', year, ADMIN));
    const judged = (f) => (f ? f.met + f.breached : 0);
    print('the year\'s figures, every grouping', figures, `; ${fmt(judged(figures.data.totals.contractual) + judged(figures.data.totals.internal))} goals judged`);
    const drill = await run(() => host.invoke('adminResolver', 'admin/management/drill', { ...year, groupBy: 'customer', group: 'total', measure: 'breached', kind: 'contractual' }, ADMIN));
    print('requests behind the breached contractual goals', drill, `; ${fmt(drill.data.total)} in all, ${fmt(drill.data.rows.length)} sent`);
    const csv = await run(() => host.invoke('adminResolver', 'admin/management/export', { ...year, format: 'csv' }, ADMIN));
    print('export CSV of every counted goal, through the resolver', csv, `; ${fmt(csv.data.goals)} goals, ${MB(Buffer.byteLength(csv.data.base64, 'base64'))} compressed`);
    const refused = await host.invoke('adminResolver', 'admin/management/export', { ...year, format: 'xlsx' }, ADMIN);
    row('export Excel of every counted goal, through the resolver', refused.ok ? 'made' : 'refused', refused.ok ? '' : refused.errors[0].message);
    // The workbook the resolver refuses to make: what a year would weigh, and why it is refused before it is made.
    const made = await run(async () => {
      const { aggregate, countedGoals, managementFacts } = require('../src/usecases/management-report');
      const { managementWorkbook } = require('../src/views/management-export');
      const query = { ...year, scope: 'both', groupBy: 'customer' };
      return runAs(undefined, async () => {
        const facts = await managementFacts(validated.value, query, host.clock.now);
        const goals = countedGoals(query, facts);
        return { ok: true, data: { bytes: (await managementWorkbook(aggregate(validated.value, query, facts), goals)).length, goals: goals.length } };
      });
    });
    print('  the same workbook made directly (streamed)', made, `; file ${MB(made.data.bytes)} for ${fmt(made.data.goals)} goals, ${made.data.bytes <= MAX_EXPORT_BYTES ? 'within' : 'over'} one answer's ${MB(MAX_EXPORT_BYTES)}`);
    const month = await run(() => host.invoke('adminResolver', 'admin/management/export', { from: months[months.length - 1], to: months[months.length - 1], format: 'xlsx' }, ADMIN));
    print(`export XLSX of one month (${months[months.length - 1]}) through the resolver`, month, `; ${fmt(month.data.goals)} goals`);
  } finally {
    host.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
