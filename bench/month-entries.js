// Shared by the report benchmarks: Nordlys IT's configuration, request-month entries as the app stores them (the
// entries each request's own computation writes, here stored directly), and a measure of one phase through the
// local Forge runtime — wall time, storage reads and writes, and the peak memory in use above what was in use before.
const path = require('node:path');
const { readFileSync } = require('node:fs');
const kvs = require('@forge/kvs').default;

const { ENTITY } = require('../src/adapters/storage/entities');
const { requestMonthKey } = require('../src/adapters/storage/request-month');
const { DEMO_ACCOUNTS } = require('../offline/jsm-double');
const { runAs } = require('../offline/forge-runtime');

const HOUR = 3_600_000;
const config = JSON.parse(readFileSync(path.join(__dirname, '..', 'examples/nordlys-config.json'), 'utf8'));
const validated = require('../src/config/validate-bundle').validateBundle(config);
if (!validated.ok) throw new Error('examples/nordlys-config.json must be valid');

/** A small seedable generator: the same entries every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/**
 * One request's entry in its month, as the app stores it: created and resolved within the month, its agreement's
 * goals each with one cycle (met, or breached one time in eight); one in twenty still open at the end, carried on
 * when `carry` says the month is the last one stored.
 */
function entryOf(n, month, rnd, { agreements = config.agreements, carry = false } = {}) {
  const agreement = pick(rnd, agreements);
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
    ...(open && carry ? { carry: 'yes' } : {}),
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

/**
 * Stores entries month by month, 25 to a transaction; `count(month)` says how many goals (or requests) each month
 * gets and `unit(entry)` how one entry counts towards it. Returns the requests and goals stored.
 */
async function storeEntries(months, { seed, count, unit, agreements }) {
  const rnd = random(seed);
  let requests = 0;
  let goals = 0;
  let batch = kvs.transact();
  let inBatch = 0;
  const flush = async () => {
    if (inBatch > 0) await runAs(undefined, () => batch.execute());
    batch = kvs.transact();
    inBatch = 0;
  };
  for (const month of months) {
    for (let inMonth = 0; inMonth < count(month); ) {
      const entry = entryOf(++requests, month, rnd, { agreements, carry: month === months[months.length - 1] });
      batch.set(requestMonthKey(entry.issueId, month), entry, { entityName: ENTITY.requestMonth });
      inMonth += unit(entry);
      goals += entry.cycles.length;
      if (++inBatch === 25) await flush();
    }
  }
  await flush();
  return { requests, goals };
}

/** Measures one phase: its wall time, storage requests and units, and the peak memory above the start (heap and buffers). */
function measure(host) {
  const counters = host.runtime.counters.storage;
  const requestsSoFar = () => Object.values(counters.byOperation).reduce((s, o) => s + o.requests, 0);
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
    const before = { readUnits: counters.readUnits, writeUnits: counters.writeUnits, requests: requestsSoFar() };
    const started = process.hrtime.bigint();
    const result = await phase();
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, used());
    if (result && result.ok === false) throw new Error(JSON.stringify(result.errors));
    return {
      data: result?.data,
      wallMs,
      readUnits: counters.readUnits - before.readUnits,
      writeUnits: counters.writeUnits - before.writeUnits,
      requests: requestsSoFar() - before.requests,
      peakMb: (peak - base) / 1_000_000,
      bytes: Buffer.byteLength(JSON.stringify(result ?? null)),
    };
  };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, figure, note = '') => console.log(`${label.padEnd(60)} ${figure.padStart(16)}  ${note}`);
const MB = (bytes) => `${fmt(bytes / 1_000_000, 1)} MB`;

module.exports = { config, validated, random, pick, entryOf, storeEntries, measure, fmt, row, MB, HOUR };
