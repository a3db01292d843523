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
const path = require('node:path');
const { parseArgs } = require('node:util');
const { readFileSync } = require('node:fs');
const kvs = require('@forge/kvs').default;

const root = path.join(__dirname, '..');
const { ENTITY } = require('../src/adapters/storage/entities');
const { requestMonthKey } = require('../src/adapters/storage/request-month');
const { MAX_EXPORT_BYTES } = require('../src/views/management-export');
const { DEMO_ACCOUNTS } = require('../offline/jsm-double');
const { runAs, STORAGE_LIMITS } = require('../offline/forge-runtime');
const { ForgeHost } = require('../offline/sandbox/forge-host');

const { values } = parseArgs({ options: { goals: { type: 'string' }, months: { type: 'string' } } });
const GOALS = Number(values.goals ?? 100_000);
const MONTHS = Number(values.months ?? 12);
if (!Number.isInteger(GOALS) || GOALS < 1000) throw new Error('--goals must be a whole number of at least 1,000');
if (!Number.isInteger(MONTHS) || MONTHS < 1 || MONTHS > 12) throw new Error('--months must be 1 to 12');

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, figure, note = '') => console.log(`${label.padEnd(60)} ${figure.padStart(16)}  ${note}`);
const MB = (bytes) => `${fmt(bytes / 1_000_000, 1)} MB`;
const HOUR = 3_600_000;
const ADMIN = { accountId: DEMO_ACCOUNTS.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8'));
const validated = require('../src/config/validate-bundle').validateBundle(config);
if (!validated.ok) throw new Error('examples/nordlys-config.json must be valid');
const months = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/**
 * One request's entry in its month, as the app stores it: created and resolved within the month, its agreement's
 * goals each with one cycle (met, or breached one time in eight); one in twenty still open at the end (carried on).
 */
function entryOf(n, month, rnd) {
  const agreement = pick(rnd, config.agreements);
  const goals = config.goals.filter((g) => !g.supplier && agreement.targets.some((t) => t.goal === g.id)).map((g) => g.id);
  const model = config.priorityModels.find((m) => m.id === agreement.priorityModel);
  const priority = pick(rnd, model.priorities);
  // Times well inside the month in every zone the agreements use.
  const created = Date.parse(`${month}-02T08:00:00Z`) + Math.floor(rnd() * 24 * 24) * HOUR;
  const open = rnd() < 0.05;
  const cycles = goals.map((goal, g) => {
    const target = (g + 1) * 4 * HOUR;
    const elapsed = Math.floor(target * (rnd() < 0.125 ? 1.2 : 0.5 + rnd() * 0.4));
    const breached = elapsed > target;
    // [goal, cycle, state (2: completed), started − created, ended − started, target, elapsed, reached − started or -1, calendar]
    return [g, 1, 2, 0, elapsed, target, elapsed, breached ? target + 1 : -1, 0];
  });
  return {
    issueId: String(100_000 + n),
    issueKey: `REP-${n}`,
    projectKey: 'REP',
    month,
    agreement: agreement.id,
    customer: agreement.customer,
    environment: agreement.environment,
    product: pick(rnd, ['Payroll', 'Fleet', 'Portal']),
    requestType: pick(rnd, ['Incident', 'Service request', 'Question']),
    assignee: pick(rnd, [DEMO_ACCOUNTS.mette, DEMO_ACCOUNTS.lars]),
    assigneeName: pick(rnd, ['Mette Holm', 'Lars Nielsen']),
    summary: `Request ${n}`,
    created,
    revision: created + 1,
    configVersion: 1,
    evaluatedAt: Date.parse(`${month}-28T00:00:00Z`),
    ...(open && month === months[months.length - 1] ? { carry: 'yes' } : {}),
    priority: priority.id,
    rank: priority.rank,
    resolvedAt: open ? [] : [created + 20 * HOUR],
    end: open ? { resolved: false, status: 'In Progress', priority: priority.id } : { resolved: true, status: 'Done', priority: priority.id },
    goals,
    internalGoals: goals.map((id, i) => (config.goals.find((g) => g.id === id).internal ? i : -1)).filter((i) => i >= 0),
    calendars: [config.calendars.find((c) => c.id === agreement.calendar).id],
    cycles,
  };
}

async function store() {
  const rnd = random(12);
  let goals = 0;
  let n = 0;
  let batch = kvs.transact();
  let inBatch = 0;
  const flush = async () => {
    if (inBatch > 0) await runAs(undefined, () => batch.execute());
    batch = kvs.transact();
    inBatch = 0;
  };
  const perMonth = Math.ceil(GOALS / MONTHS);
  for (const month of months) {
    for (let inMonth = 0; inMonth < perMonth && goals < GOALS; ) {
      const entry = entryOf(++n, month, rnd);
      batch.set(requestMonthKey(entry.issueId, month), entry, { entityName: ENTITY.requestMonth });
      inMonth += entry.cycles.length;
      goals += entry.cycles.length;
      if (++inBatch === 25) await flush();
    }
  }
  await flush();
  return { requests: n, goals };
}

function measure(host) {
  const counters = host.runtime.counters.storage;
  return async (phase) => {
    global.gc?.();
    // The JavaScript heap and the buffers outside it, sampled: resident memory the process keeps says too little.
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    const base = used();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
    const before = { readUnits: counters.readUnits, requests: Object.values(counters.byOperation).reduce((s, o) => s + o.requests, 0) };
    const started = process.hrtime.bigint();
    const result = await phase();
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, used());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const requests = Object.values(counters.byOperation).reduce((s, o) => s + o.requests, 0) - before.requests;
    return { data: result.data, wallMs, readUnits: counters.readUnits - before.readUnits, requests, peakMb: (peak - base) / 1_000_000, bytes: Buffer.byteLength(JSON.stringify(result)) };
  };
}

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
