#!/usr/bin/env node
// `npm run bench` (third part): the app at the scale of the product issue, through its real handlers on the local
// Forge runtime and the JSM double. A site with 50,000 open requests (5,000 breached, 200 coming due in the five
// minutes before the run instant) is stored by the app itself — configuration v1 saved after the requests exist,
// so the re-evaluation computes them all — then re-evaluated after a configuration change (v2), then watched by the
// scheduled breach watch at the run instant and once more five minutes later, when nothing is due.
//   tsx bench/scale.js [--requests N] [--jira count|enforce]
// N open requests (breached and due scale with it: 10 % and 0.4 %). `--jira enforce` refuses Jira calls beyond the
// hour's points with 429, as Jira does, instead of pacing the clock to them: what the app then does is the figure.
//
// Rate limits are counted, not enforced ('count'), and the local clock is paced to the platform's limits: before a
// storage request, a Jira call or a queue push would go over its limit, the clock is moved on to when it fits (the
// waiting a well-behaved app would do). The consumer's own 600 s budget is read on that clock, so it hands the work
// on when its waits add up, and the clock's advance is the simulated duration. One wait is not what Forge allows:
// Jira's hourly points run out and the clock moves to the next hour inside one invocation, which on Forge lasts at
// most 900 s; `--jira enforce` shows what the app does instead. Latency is not modelled: between waits the app runs
// at this machine's speed. Figures are printed, never asserted.
const path = require('node:path');
const { parseArgs } = require('node:util');
const { readFileSync } = require('node:fs');

const root = path.join(__dirname, '..');
const { CURRENT, ENTITY } = require('../src/adapters/storage/entities');
const { REEVALUATION_BUDGET_MS, REEVALUATION_SLICE, SLICE_PAUSE_SECONDS } = require('../src/usecases/reevaluate');
const { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } = require('../offline/jsm-double');
const { emptyDemoSite } = require('./measure');
const { QUEUE_LIMITS, STORAGE_LIMITS, unitsFor } = require('../offline/forge-runtime');
const { unitKind } = require('../offline/forge-runtime/storage-meter');
const { SlidingWindow } = require('../offline/forge-runtime/sliding-window');
const { bodyText } = require('../offline/forge-runtime/http');
const { ForgeHost } = require('../offline/sandbox/forge-host');

const { values } = parseArgs({ options: { requests: { type: 'string' }, jira: { type: 'string' } } });
const REQUESTS = Number(values.requests ?? 50_000);
if (!Number.isInteger(REQUESTS) || REQUESTS < 100) throw new Error('--requests must be a whole number of at least 100');
const JIRA = values.jira ?? 'count';
if (JIRA !== 'count' && JIRA !== 'enforce') throw new Error('--jira is count or enforce');
// The product issue's proportions: 5,000 breached and 200 coming due of 50,000.
const BREACHED = Math.round(REQUESTS * 0.1);
const DUE = Math.max(1, Math.round(REQUESTS * 0.004));
const REST = REQUESTS - BREACHED - DUE;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const a = DEMO_ACCOUNTS;
const rt = DEMO_REQUEST_TYPES;

// The calendar the scenario is built on (Copenhagen is UTC+1 in November; office hours Mon–Thu 08–16, Fri 08–15:30).
// Every request but the due ones waits on office-hours targets only, so nothing of theirs comes due over the weekend,
// however long the re-evaluations take on the paced clock; the due ones are P1 incidents, whose first reply is due
// within 30 minutes around the clock.
/** Thursday 26 November, 09:00–13:00 in Copenhagen: the breached requests are raised. */
const BREACHED_FROM = Date.parse('2026-11-26T08:00:00Z');
const BREACHED_TO = Date.parse('2026-11-26T12:00:00Z');
/** Friday 27 November 15:30 (the office has closed) to Sunday 11:00 in Copenhagen: the rest are raised. */
const REST_FROM = Date.parse('2026-11-27T14:30:00Z');
const REST_TO = Date.parse('2026-11-29T10:00:00Z');
/** Sunday 29 November 13:00 in Copenhagen: the app is installed and configured. */
const INSTALLED = Date.parse('2026-11-29T12:00:00Z');
/** Monday 30 November 08:00 in Copenhagen: the breach watch's run. */
const RUN = Date.parse('2026-11-30T07:00:00Z');

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, figure, note = '') => console.log(`${label.padEnd(60)} ${figure.padStart(16)}  ${note}`);
const heading = (text) => console.log(`\n${text}`);
const duration = (ms) => (ms >= 2 * HOUR ? `${fmt(ms / HOUR, 2)} h` : ms >= 2 * MINUTE ? `${fmt(ms / MINUTE, 1)} min` : `${fmt(ms / 1000, 1)} s`);

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

// ---- the site --------------------------------------------------------------------------------------------------

/** What a request is raised as: reporter, request type, contract fields and the portal's priority choice. */
const KINDS = {
  // ACME Production P1 incident: reply 30 min and resolve 4 h around the clock, triage 1 h and update 8 h in office
  // hours. Raised on Thursday, every one of them has breached by Friday noon (no watch left: nothing more to come).
  acmeP1: (rnd) => ({ requestTypeId: rt.incident, reporter: pick(rnd, [a.sofie, a.anders]), fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' } }),
  // Fjord Test: reply 8 h, resolve 80 h in office hours, no triage. Raised on Thursday: the reply has breached by
  // Friday; the resolution is due weeks later, so the record stays in the watch index, far beyond the run.
  fjordTest: (rnd) => ({ requestTypeId: pick(rnd, [rt.incident, rt.serviceRequest]), reporter: pick(rnd, [a.karen, a.jens]), fieldValues: { environment: 'Test', product: 'Fleet' }, contractPriority: { priority: pick(rnd, ['red', 'yellow', 'green']) } }),
  // Raised after Friday's closing time, every target below runs in office hours and starts on Monday 08:00: the
  // earliest, Fjord Production's 30-minute triage, is due at 08:30, after the run and the run five minutes later.
  acmeProduction: (rnd) => ({ requestTypeId: pick(rnd, [rt.incident, rt.serviceRequest, rt.question]), reporter: pick(rnd, [a.sofie, a.anders]), fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: pick(rnd, ['p2', 'p3', 'p4', 'p5']) } }),
  acmeUat: (rnd) => ({ requestTypeId: pick(rnd, [rt.incident, rt.serviceRequest, rt.question]), reporter: pick(rnd, [a.sofie, a.anders]), fieldValues: { environment: 'UAT', product: 'Payroll' }, contractPriority: { priority: pick(rnd, ['p2', 'p3', 'p4', 'p5']) } }),
  fjordProduction: (rnd) => ({ requestTypeId: pick(rnd, [rt.incident, rt.serviceRequest]), reporter: pick(rnd, [a.karen, a.jens]), fieldValues: { environment: 'Production', product: pick(rnd, ['Fleet', 'HR']) }, contractPriority: { priority: pick(rnd, ['yellow', 'green']) } }),
  fjordTestLater: (rnd) => KINDS.fjordTest(rnd),
};
const REST_KINDS = ['acmeProduction', 'acmeProduction', 'acmeUat', 'fjordProduction', 'fjordTestLater'];

/**
 * The site before the app is installed: the demo site's catalogue (users, organizations, SUP, request types, fields)
 * without its eight sample requests, so every count is the scenario's, and the breached and the other requests
 * raised at their instants. Built on a double of its own, so no event reaches an app that is not there yet.
 */
function siteBeforeInstall() {
  const clock = { now: BREACHED_FROM };
  const double = emptyDemoSite(clock, BREACHED_FROM);
  const rnd = random(50_000);
  const raised = [];
  for (let i = 0; i < BREACHED; i++) raised.push({ at: BREACHED_FROM + Math.floor(rnd() * (BREACHED_TO - BREACHED_FROM)), kind: i % 2 === 0 ? 'acmeP1' : 'fjordTest' });
  for (let i = 0; i < REST; i++) raised.push({ at: REST_FROM + Math.floor(rnd() * (REST_TO - REST_FROM)), kind: REST_KINDS[i % REST_KINDS.length] });
  // Jira numbers requests in the order they are raised.
  raised.sort((x, y) => x.at - y.at);
  for (const [n, { at, kind }] of raised.entries()) {
    clock.now = at;
    double.createRequest({ summary: `Request ${n + 1}`, ...KINDS[kind](rnd) });
  }
  return double.toJSON();
}

const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8'));

/** Version 2: the internal triage OLA of every agreement relaxed to twice its time (a change to open cycles' targets). */
function changedConfig() {
  const doubled = { PT30M: 'PT1H', PT1H: 'PT2H', PT2H: 'PT4H' };
  const bundle = structuredClone(config);
  for (const agreement of bundle.agreements) {
    for (const target of agreement.targets) {
      if (target.goal !== 'triage-ola') continue;
      if (!(target.target in doubled)) throw new Error(`no doubled triage for ${target.target}`);
      target.target = doubled[target.target];
    }
  }
  return bundle;
}

// ---- the platform's limits on the local clock, and what each phase costs ----------------------------------------

/**
 * Wraps the runtime's __forge_fetch__ (every SDK call of the app goes through it): counts Jira reads and writes and
 * storage and queue requests, measures the CPU spent on the platform's side (the JSM double, SQLite, the gateways)
 * so it can be taken out of the app's, and paces the clock to the limits. The pacing mirrors the runtime's own
 * meters (the same sliding windows, Jira's hourly points), so those, counting in 'count' mode, should find nothing
 * to hold back: their throttled figures are printed as the check.
 */
function instrument(host) {
  const counters = host.runtime.counters;
  const limiter = host.jiraRateLimit;
  const tally = { jiraReads: 0, jiraWrites: 0, storageRequests: 0, queuePushes: 0, platformCpuMicros: 0, storageWaitMs: 0, jiraWaitMs: 0, queueWaitMs: 0, consumerRuns: 0, consumerFailures: 0 };
  // The consumer as the platform calls it (AppHost looks the handler up on this object at every delivery).
  const onJob = host.handlers.onJob;
  host.handlers.onJob = async (...args) => {
    tally.consumerRuns++;
    try {
      return await onJob(...args);
    } catch (error) {
      tally.consumerFailures++;
      throw error;
    }
  };
  const readUnits = new SlidingWindow(STORAGE_LIMITS.readUnitsPerMinute, MINUTE);
  const writeUnits = new SlidingWindow(STORAGE_LIMITS.writeUnitsPerMinute, MINUTE);
  const requestsPerSecond = new SlidingWindow(STORAGE_LIMITS.requestsPerSecond, 1000);
  const events = new SlidingWindow(QUEUE_LIMITS.eventsPerMinute, MINUTE);
  let hourStart = Number.NEGATIVE_INFINITY;
  let pointsThisHour = 0;
  /** How far into each clock hour Jira's points ran out: what is left of the hour has none for anything else. */
  const spentAfter = [];
  /** Jira calls and points by endpoint. */
  const routes = {};
  const now = () => host.clock.now;
  const wait = (ms, kind) => {
    host.clock.now += ms;
    tally[kind] += ms;
  };
  const rollHour = () => {
    const hour = Math.floor(now() / HOUR) * HOUR;
    if (hour !== hourStart) {
      hourStart = hour;
      pointsThisHour = 0;
    }
  };
  const platform = async (call) => {
    const before = process.cpuUsage();
    try {
      return await call();
    } finally {
      const used = process.cpuUsage(before);
      tally.platformCpuMicros += used.user + used.system;
    }
  };
  const inner = globalThis.__forge_fetch__;
  globalThis.__forge_fetch__ = async (descriptor, target, init) => {
    const text = bodyText(init?.body);
    if (descriptor.type === 'kvs') {
      // A write's units are known from its body and must fit; a read goes ahead while one unit is left (as the meter).
      const kind = unitKind(target);
      const units = kind === 'write' ? unitsFor(text === undefined ? 0 : Buffer.byteLength(text, 'utf8')) : 1;
      const window = kind === 'write' ? writeUnits : readUnits;
      for (let ms; (ms = Math.max(window.waitFor(units, now()), requestsPerSecond.waitFor(1, now()))) > 0; ) wait(ms, 'storageWaitMs');
      const at = now();
      const spent = { read: counters.storage.readUnits, write: counters.storage.writeUnits };
      const response = await platform(() => inner(descriptor, target, init));
      readUnits.spend(counters.storage.readUnits - spent.read, at);
      writeUnits.spend(counters.storage.writeUnits - spent.write, at);
      requestsPerSecond.spend(1, at);
      tally.storageRequests++;
      return response;
    }
    if (descriptor.remote === 'jira') {
      rollHour();
      // Enforced, Jira answers 429 itself, and the app's handling of it is what is measured.
      if (JIRA === 'count' && pointsThisHour >= limiter.pointsPerHour) {
        wait(hourStart + HOUR - now(), 'jiraWaitMs');
        rollHour();
      }
      const points = limiter.counters.points;
      const response = await platform(() => inner(descriptor, target, init));
      const spent = limiter.counters.points - points;
      pointsThisHour += spent;
      if (pointsThisHour >= limiter.pointsPerHour && spentAfter.at(-1)?.hour !== hourStart) spentAfter.push({ hour: hourStart, afterMs: now() - hourStart });
      const method = (init?.method ?? 'GET').toUpperCase();
      // A search or a count changes nothing: a read, whatever its method.
      if (method === 'GET' || /\/search\/(jql|approximate-count)/.test(target)) tally.jiraReads++;
      else tally.jiraWrites++;
      const endpoint = (routes[`${method} ${endpointOf(target)}`] ??= { calls: 0, points: 0 });
      endpoint.calls++;
      endpoint.points += spent;
      return response;
    }
    if (descriptor.remote === 'stargate') {
      const pushed = JSON.parse(text ?? '{}').payload?.length ?? 1;
      for (let ms; (ms = events.waitFor(pushed, now())) > 0; ) wait(ms, 'queueWaitMs');
      const response = await platform(() => inner(descriptor, target, init));
      if (response.status === 201) {
        events.spend(pushed, now());
        tally.queuePushes += pushed;
      }
      return response;
    }
    return inner(descriptor, target, init);
  };
  const snapshot = () => ({
    ...tally,
    readUnits: counters.storage.readUnits,
    writeUnits: counters.storage.writeUnits,
    storageThrottledMs: counters.storage.throttledMs,
    storageRateLimited: counters.storage.rateLimited,
    points: limiter.counters.points,
    jiraThrottledMs: limiter.counters.throttledMs,
    jiraRateLimited: limiter.counters.rateLimited,
    clock: now(),
    hoursSpent: spentAfter.length,
    routes: structuredClone(routes),
    storageByOperation: structuredClone(counters.storage.byOperation),
    cpu: process.cpuUsage(),
    wall: process.hrtime.bigint(),
  });
  /** Runs one phase and returns what it cost. */
  return async function measure(phase) {
    const before = snapshot();
    const result = await phase();
    const after = snapshot();
    const cost = {};
    for (const key of Object.keys(after)) if (typeof after[key] === 'number') cost[key] = after[key] - before[key];
    cost.routes = difference(after.routes, before.routes);
    cost.spentAfter = spentAfter.slice(before.hoursSpent).map((hour) => hour.afterMs);
    cost.storageByOperation = difference(after.storageByOperation, before.storageByOperation);
    const cpu = process.cpuUsage(before.cpu);
    cost.appCpuMs = (cpu.user + cpu.system - cost.platformCpuMicros) / 1000;
    cost.platformCpuMs = cost.platformCpuMicros / 1000;
    cost.wallMs = Number(after.wall - before.wall) / 1e6;
    cost.simulatedMs = cost.clock;
    cost.jiraCalls = cost.jiraReads + cost.jiraWrites;
    return { result, cost };
  };
}

/** An endpoint without its issue: `/rest/api/3/issue/{issue}/properties/{key}`. */
function endpointOf(target) {
  const { pathname } = new URL(target, 'http://jira.invalid');
  return pathname.replace(/\/issue\/[^/]+/, '/issue/{issue}').replace(/\/properties\/[^/]+/, '/properties/{key}');
}

/** Per-name counts after minus before, for the names that moved. */
function difference(after, before) {
  const out = {};
  for (const [name, figures] of Object.entries(after)) {
    const moved = Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, value - (before[name]?.[key] ?? 0)]));
    if (Object.values(moved).some((value) => value !== 0)) out[name] = moved;
  }
  return out;
}

// ---- the phases --------------------------------------------------------------------------------------------------

const ADMIN = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

/** Read straight from the store (no SDK, no meter): the bench's look at what the app stored costs the app nothing. */
function storedValue(host, entityName, key) {
  try {
    return host.store.getEntity({ entityName, key }).value;
  } catch {
    return undefined;
  }
}

/**
 * Saves a configuration and runs the job queue, moving the clock to each job's due time (a hand-over, a retry),
 * until its re-evaluation is done; returns its final progress.
 */
async function saveAndReevaluate(host, bundle, expectedVersion) {
  const saved = await host.invoke('adminResolver', 'admin/config/save', { bundle, expectedVersion }, ADMIN);
  if (!saved.ok) throw new Error(`the save was refused: ${JSON.stringify(saved)}`);
  for (;;) {
    try {
      await host.drainQueue();
    } catch (error) {
      // With Jira's limit enforced, a consumer meeting a 429 it cannot wait out fails, and the platform retries it.
      if (JIRA !== 'enforce') throw error;
    }
    const progress = storedValue(host, ENTITY.reevaluation, CURRENT);
    if (progress?.state === 'done' && progress.version === expectedVersion + 1) return { progress, behind: leftBehind(host, progress.version) };
    const next = host.app.queue.pending().map((queued) => queued.dueAt).sort((x, y) => x - y)[0];
    if (next === undefined) throw new Error(`the re-evaluation stopped short: ${JSON.stringify(progress)}`);
    host.advance(next - host.clock.now);
  }
}

/** Unresolved requests a re-evaluation of `version` left without a record, or with one of an older version. */
function leftBehind(host, version) {
  const out = { unstored: 0, older: 0 };
  for (const issue of host.double.state.issues) {
    if (issue.resolutionId !== null) continue;
    const record = storedValue(host, ENTITY.issueObligations, issue.id);
    if (!record) out.unstored++;
    else if (record.configVersion < version) out.older++;
  }
  return out;
}

/** What the app has stored for the site's requests at `at`: the scenario, checked. */
function census(host, at) {
  const out = { open: 0, stored: 0, breached: 0, watched: 0, due: 0, dueInWindow: 0, nextAfter: Number.POSITIVE_INFINITY };
  for (const issue of host.double.state.issues) {
    if (issue.resolutionId === null) out.open++;
    const record = storedValue(host, ENTITY.issueObligations, issue.id);
    if (!record) continue;
    out.stored++;
    if (record.breached) out.breached++;
    if (record.watchAt === undefined) continue;
    out.watched++;
    if (record.watchAt <= at) out.due++;
    if (record.watchAt <= at && record.watchAt > at - 5 * MINUTE) out.dueInWindow++;
    if (record.watchAt > at) out.nextAfter = Math.min(out.nextAfter, record.watchAt);
  }
  return out;
}

// ---- the report --------------------------------------------------------------------------------------------------

const pct = (part, whole) => `${fmt((100 * part) / whole, 1)} %`;

/** Each limit's figure for a phase's work, and the one that binds: the platform cannot do it faster than that. */
function limitsTable(cost, invocations, pointsPerHour) {
  const limits = [
    ['storage read units (4,000 a minute)', (cost.readUnits / STORAGE_LIMITS.readUnitsPerMinute) * MINUTE],
    ['storage write units (4,000 a minute)', (cost.writeUnits / STORAGE_LIMITS.writeUnitsPerMinute) * MINUTE],
    ['storage requests (1,000 a second)', (cost.storageRequests / STORAGE_LIMITS.requestsPerSecond) * 1000],
    [`Jira points (${fmt(pointsPerHour)} an hour)`, (cost.points / pointsPerHour) * HOUR],
    ['async events (500 a minute)', (invocations / QUEUE_LIMITS.eventsPerMinute) * MINUTE],
  ];
  const binding = limits.reduce((x, y) => (y[1] > x[1] ? y : x));
  for (const [name, ms] of limits) row(`  at the limit of ${name}`, duration(ms), name === binding[0] ? '◀ binds' : '');
  return binding;
}

function jiraEndpoints(cost) {
  for (const [endpoint, { calls, points }] of Object.entries(cost.routes).sort((x, y) => y[1].points - x[1].points)) {
    row(`  ${endpoint}`, `${fmt(calls)} / ${fmt(points)}`, 'calls / points');
  }
}

function storageOperations(cost) {
  for (const [operation, { requests, readUnits, writeUnits }] of Object.entries(cost.storageByOperation).sort((x, y) => y[1].requests - x[1].requests)) {
    row(`  ${operation}`, `${fmt(requests)}`, `requests; ${fmt(readUnits)} read / ${fmt(writeUnits)} write units`);
  }
}

function reevaluationReport(title, { cost, result }, requests, pointsPerHour) {
  heading(title);
  const { progress, behind } = result;
  const runs = cost.consumerRuns;
  row('requests re-evaluated (done / failed)', `${fmt(progress.done)} / ${fmt(progress.failed)}`, `Jira's estimate ${fmt(progress.estimate ?? 0)}`);
  row('  left without a record / on an older version', `${fmt(behind.unstored)} / ${fmt(behind.older)}`, 'unresolved requests, once it is done');
  row('consumer invocations (async events run)', fmt(runs), cost.consumerFailures > 0 ? `${fmt(cost.consumerFailures)} failed on a 429 (retried by the platform)` : `each stops after ${fmt(REEVALUATION_SLICE)} requests (then waits ${SLICE_PAUSE_SECONDS / 60} min) or ${REEVALUATION_BUDGET_MS / 1000} s of the clock`);
  row('storage read / write units', `${fmt(cost.readUnits)} / ${fmt(cost.writeUnits)}`, `${fmt(cost.readUnits / requests, 2)} / ${fmt(cost.writeUnits / requests, 2)} a request`);
  row('storage requests', fmt(cost.storageRequests), `${fmt(cost.storageRequests / requests, 2)} a request`);
  storageOperations(cost);
  row('Jira calls: reads / writes', `${fmt(cost.jiraReads)} / ${fmt(cost.jiraWrites)}`, `${fmt(cost.jiraReads / requests, 2)} / ${fmt(cost.jiraWrites / requests, 2)} a request`);
  row('Jira points', fmt(cost.points), `${fmt(cost.points / requests, 2)} a request`);
  jiraEndpoints(cost);
  if (cost.spentAfter.length > 0) {
    row("  the hour's points spent after (each hour it ran into)", cost.spentAfter.map((ms) => `${fmt(ms / MINUTE, 1)}`).join(', ') + ' min', 'then nothing is left for events and the watch');
  }
  row('app CPU (the double\'s and storage\'s own taken out)', `${fmt(cost.appCpuMs / 1000, 1)} s`, `${fmt(cost.appCpuMs / requests, 2)} ms a request`);
  row('wall time on this machine', `${fmt(cost.wallMs / 1000, 1)} s`, `double and SQLite: ${fmt(cost.platformCpuMs / 1000, 1)} s CPU`);
  console.log('  simulated duration at the platform\'s limits (each limit alone; the largest binds):');
  const binding = limitsTable(cost, runs, pointsPerHour);
  row('  the paced clock\'s advance (all limits together)', duration(cost.simulatedMs), `waiting for Jira ${duration(cost.jiraWaitMs)}, storage ${duration(cost.storageWaitMs)}`);
  if (JIRA === 'enforce') row('  Jira calls refused with 429', fmt(cost.jiraRateLimited), "the hour's points spent");
  row('  held back by the runtime\'s own meters (check: 0)', `${fmt(cost.storageRateLimited + (JIRA === 'count' ? cost.jiraRateLimited : 0))}`, `${fmt((cost.storageThrottledMs + cost.jiraThrottledMs) / 1000, 1)} s`);
  return binding;
}

function watchReport(title, { cost, result }, census, pointsPerHour) {
  heading(title);
  row('records due (watchAt ≤ now) / recomputed', `${fmt(census.due)} / ${fmt(result.recomputed)}`, `failed ${fmt(result.failed)}${result.handedOver ? ', handed over' : ''}`);
  row('storage read units', fmt(cost.readUnits), `${pct(cost.readUnits, STORAGE_LIMITS.readUnitsPerMinute)} of one minute's 4,000`);
  row('storage write units', fmt(cost.writeUnits), `${pct(cost.writeUnits, STORAGE_LIMITS.writeUnitsPerMinute)} of one minute's 4,000`);
  row('storage operations', fmt(cost.storageRequests), result.recomputed > 0 ? `${fmt(cost.storageRequests / result.recomputed, 2)} a record due` : '');
  storageOperations(cost);
  row('Jira calls: reads / writes', `${fmt(cost.jiraReads)} / ${fmt(cost.jiraWrites)}`);
  row('Jira points', fmt(cost.points), `${pct(cost.points, pointsPerHour)} of an hour's ${fmt(pointsPerHour)} (the watch runs 12 times an hour)`);
  jiraEndpoints(cost);
  row('app CPU / wall time', `${fmt(cost.appCpuMs)} / ${fmt(cost.wallMs)} ms`, `double and SQLite: ${fmt(cost.platformCpuMs)} ms CPU`);
}

// ---- the run -----------------------------------------------------------------------------------------------------

(async () => {
  console.log(`\nScale: ${fmt(REQUESTS)} open requests (${fmt(BREACHED)} breached, ${fmt(DUE)} coming due), real handlers on the local Forge runtime and the JSM double`);
  console.log(JIRA === 'count' ? 'Limits counted; the clock paced to them (moved on whenever a call would go over).' : "Jira's points enforced (429 beyond the hour's); storage limits counted and the clock paced to them.");
  const wall = process.hrtime.bigint();
  const site = siteBeforeInstall();
  const building = Number(process.hrtime.bigint() - wall) / 1e9;
  const host = new ForgeHost({ now: INSTALLED, site, rateLimits: 'count', jiraRateLimit: { mode: JIRA } });
  const measure = instrument(host);
  const pointsPerHour = host.jiraRateLimit.pointsPerHour;
  try {
    // v1: the app's first configuration, applied to every request already on the site: how the records get stored.
    const first = await measure(() => saveAndReevaluate(host, config, 0));
    // v2: a configuration change, applied to the same requests, all stored under v1. Saved at the top of the next
    // hour, with Jira's hourly points unspent (as v1 was), so what the clock shows is this re-evaluation's own.
    host.advance(Math.ceil(host.clock.now / HOUR) * HOUR - host.clock.now);
    const second = await measure(() => saveAndReevaluate(host, changedConfig(), 1));
    if (host.clock.now > RUN - 35 * MINUTE) throw new Error(`the re-evaluations ran past the P1 incidents' window (${new Date(host.clock.now).toISOString()}): the scenario no longer holds`);

    // The requests that come due: P1 incidents raised in the five minutes 30–35 minutes before the run, computed by
    // the event path as they arrive (their first reply is due 30 minutes after, around the clock). None is raised
    // at exactly 30 minutes before: a deadline at the run instant is not yet passed, and would be due at the next run.
    for (let i = 1; i <= DUE; i++) {
      host.advance(RUN - 35 * MINUTE + Math.floor((i * 5 * MINUTE) / (DUE + 1)) - host.clock.now);
      host.double.createRequest({ summary: `P1 ${i}`, ...KINDS.acmeP1(random(i)) });
      await host.settle();
    }
    host.advance(RUN - host.clock.now);
    const atRun = census(host, RUN);
    const watch = await measure(() => host.runSchedule());
    host.advance(5 * MINUTE);
    const atNext = census(host, host.clock.now);
    const idle = await measure(() => host.runSchedule());
    const total = Number(process.hrtime.bigint() - wall) / 1e9;

    heading(`Site at the run instant (${new Date(RUN).toISOString()}, Monday 08:00 in Copenhagen)`);
    row('open requests / with a stored record', `${fmt(atRun.open)} / ${fmt(atRun.stored)}`, `site built in ${fmt(building, 1)} s`);
    row('breached (an obligation past its target)', fmt(atRun.breached));
    row('in the watch index (a breach still to come)', fmt(atRun.watched));
    row('due: watchAt ≤ now / within the last five minutes', `${fmt(atRun.due)} / ${fmt(atRun.dueInWindow)}`);
    row('the earliest watchAt after the run', new Date(atRun.nextAfter).toISOString());
    const requests = (measured) => measured.result.progress.estimate ?? measured.result.progress.done;
    reevaluationReport(`Re-evaluation of v1, the first configuration, saved with ${fmt(requests(first))} requests on the site (it stores their records)`, first, requests(first), pointsPerHour);
    const binding = reevaluationReport(`Re-evaluation of v2, a configuration change (the triage OLA doubled), ${fmt(requests(second))} requests stored under v1`, second, requests(second), pointsPerHour);
    watchReport(`One breach-watch run with ${fmt(atRun.due)} due`, watch, atRun, pointsPerHour);
    watchReport(`One breach-watch run five minutes later, nothing due (${fmt(atNext.breached)} breached, ${fmt(atNext.watched)} watched later)`, idle, atNext, pointsPerHour);
    console.log(`\n${fmt(total, 1)} s in all. The v2 re-evaluation is bound by ${binding[0]}: ${duration(binding[1])} at that rate, ${duration(second.cost.simulatedMs)} on the paced clock (Jira's points are an hourly allowance, so the last hour's share goes through without waiting).`);
  } finally {
    host.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
