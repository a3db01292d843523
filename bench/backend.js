#!/usr/bin/env node
// `npm run bench` (second part): issue events through the real handlers on the local Forge runtime and the JSM
// double. Prints Jira requests, storage operations and CPU per event, and the largest stored value.
//   node bench/backend.js [--issues N] [--events N]
// Storage and Jira rate limits are counted, not enforced ('count'), so the run goes at full speed and reports the
// units and points it used and how long the platform would have made it wait.
const path = require('node:path');
const { parseArgs } = require('node:util');
const { readFileSync } = require('node:fs');

// Run with tsx (`npm run bench`), which loads the TypeScript sources as the Forge bundler does.
const root = path.join(__dirname, '..');
const { createApp } = require('../src/app');
const { APP_UUID } = require('../src/app-identity');
const { JsmDouble, JIRA_SCOPES, JiraRateLimiter, jsmProductHandler, seedDemo, DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } = require('../offline/jsm-double');
const { installLocalForgeRuntime, KvsStore, loadAppManifest, runAs } = require('../offline/forge-runtime');
const { readIssueRecord } = require('../src/adapters/storage/issue-store');
const { CONTRACT_PRIORITY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY } = require('../src/timeline/site-fields');

const { values } = parseArgs({ options: { issues: { type: 'string' }, events: { type: 'string' } } });
const ISSUES = Number(values.issues ?? 1000);
const EVENTS = Number(values.events ?? 50);

const fmt = (n, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, figure, target = '') => console.log(`${label.padEnd(58)} ${figure.padStart(14)}  ${target}`);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A site with the app installed and configured, its Jira calls timed apart from the app's own CPU. */
async function site(start) {
  const clock = { now: start };
  // The app's real handlers, built around this site's clock.
  const app = createApp({ now: () => clock.now });
  const manifest = loadAppManifest(path.join(root, 'manifest.yml'));
  const store = new KvsStore({ entities: manifest.entities, now: () => clock.now });
  const double = new JsmDouble({ clock: () => clock.now, appId: APP_UUID, timeZone: 'Europe/Copenhagen' });
  double.registerAppField({ key: NEXT_DEADLINE_FIELD_KEY, name: 'Next SLA deadline', type: 'datetime' });
  double.registerAppField({ key: CONTRACT_PRIORITY_FIELD_KEY, name: 'Contract priority', type: 'string' });
  seedDemo(double, start);
  const jira = { reads: 0, writes: 0, cpuMicros: 0 };
  const limiter = new JiraRateLimiter(() => clock.now, { mode: 'count' });
  const serve = jsmProductHandler(double, limiter);
  // The double runs in this process: its CPU is Jira's, not the app's, so it is measured and taken out
  // (serialising the answer included: in production the app receives text and pays only for parsing it).
  const timedJira = async (request) => {
    const before = process.cpuUsage();
    try {
      const reply = await serve(request);
      return reply.body === undefined || typeof reply.body === 'string' ? reply : { ...reply, body: JSON.stringify(reply.body) };
    } finally {
      const used = process.cpuUsage(before);
      jira.cpuMicros += used.user + used.system;
      if (request.method === 'GET' || request.path.endsWith('/search/jql')) jira.reads++;
      else jira.writes++;
    }
  };
  const queue = [];
  const runtime = installLocalForgeRuntime({
    kvs: store,
    manifest,
    products: { jira: timedJira },
    scopeTables: { jira: JIRA_SCOPES },
    queue: (push) => void queue.push(push),
    identity: { appId: APP_UUID },
    now: () => clock.now,
    rateLimits: 'count',
  });
  const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8'));
  const saved = await runAs(DEMO_ACCOUNTS.mette, () =>
    app.adminResolver({ call: { functionKey: 'admin/config/save', payload: { bundle: config, expectedVersion: 0 } }, context: { accountId: DEMO_ACCOUNTS.mette, accountType: 'licensed', extension: { type: 'jira:adminPage' } } }, { principal: { accountId: DEMO_ACCOUNTS.mette } }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const events = [];
  // The trigger's `ignoreSelf` filter: the platform does not deliver the app's own changes.
  double.onEvent((event) => event.selfGenerated || events.push(event));
  return { clock, store, double, jira, limiter, runtime, events, app, close: () => (runtime.uninstall(), store.close()) };
}

/** One issue's history: created, then comments, status changes, re-classifications and resolutions. */
function* history(rnd, count) {
  const statuses = ['In Progress', 'Waiting for customer', 'In Progress', 'Waiting for release', 'Resolved'];
  let status = 'Open';
  let priority = 'p2';
  for (let produced = 1; produced < count; ) {
    const kind = rnd();
    if (kind < 0.5) yield { kind: 'comment', author: rnd() < 0.6 ? 'agent' : 'customer', public: rnd() < 0.8 };
    else if (kind < 0.9) {
      const to = statuses[Math.floor(rnd() * statuses.length)];
      if (to === status) continue;
      status = to;
      yield { kind: 'status', to };
    } else {
      priority = priority === 'p1' ? 'p2' : 'p1';
      yield { kind: 'priority', to: priority };
    }
    produced++;
  }
}

/** Runs the events the site emitted through the trigger, one by one, measuring each. */
async function deliver(s, samples) {
  while (s.events.length > 0) {
    const event = s.events.shift();
    const storage = s.runtime.counters.storage;
    const before = { reads: s.jira.reads, writes: s.jira.writes, jiraCpu: s.jira.cpuMicros, kvs: s.runtime.counters.kvsOps, readUnits: storage.readUnits, writeUnits: storage.writeUnits, points: s.limiter.counters.points };
    const cpu = process.cpuUsage();
    await runAs(undefined, () => s.app.onIssueEvent(event));
    const used = process.cpuUsage(cpu);
    samples.push({
      reads: s.jira.reads - before.reads,
      writes: s.jira.writes - before.writes,
      kvs: s.runtime.counters.kvsOps - before.kvs,
      readUnits: storage.readUnits - before.readUnits,
      writeUnits: storage.writeUnits - before.writeUnits,
      points: s.limiter.counters.points - before.points,
      cpuMs: (used.user + used.system - (s.jira.cpuMicros - before.jiraCpu)) / 1000,
    });
  }
}

async function apply(s, key, step) {
  const a = DEMO_ACCOUNTS;
  if (step.kind === 'comment') s.double.addComment(key, { author: step.author === 'agent' ? a.lars : a.sofie, body: 'An update on the request.', public: step.public || step.author === 'customer' });
  else if (step.kind === 'status') s.double.transition(key, step.to, { by: a.lars });
  else if (step.kind === 'priority') s.double.setFieldValue(key, CONTRACT_PRIORITY_FIELD_KEY, step.to);
}

function createIssue(s) {
  return s.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: DEMO_ACCOUNTS.sofie, summary: 'Payroll export fails',
    fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' },
  });
}

async function manyIssues() {
  const s = await site(Date.parse('2026-11-02T08:00:00Z'));
  const rnd = random(7);
  const samples = [];
  let largest = 0;
  const wall = process.hrtime.bigint();
  for (let i = 0; i < ISSUES; i++) {
    s.clock.now += 60_000;
    const issue = createIssue(s);
    await deliver(s, samples);
    for (const step of history(rnd, EVENTS)) {
      s.clock.now += Math.floor(rnd() * 20 * 60_000);
      await apply(s, issue.key, step);
      await deliver(s, samples);
    }
    const record = await runAs(undefined, () => readIssueRecord(issue.id));
    largest = Math.max(largest, Buffer.byteLength(JSON.stringify(record)));
  }
  const seconds = Number(process.hrtime.bigint() - wall) / 1e9;
  const { storage } = s.runtime.counters;
  const jiraLimits = s.limiter.counters;
  s.close();
  const sum = (k) => samples.reduce((t, x) => t + x[k], 0);
  const cpu = samples.map((x) => x.cpuMs).sort((x, y) => x - y);
  const changed = samples.filter((x) => x.writes > 0);
  console.log(`${fmt(ISSUES, 0)} issues × ${EVENTS} events (${fmt(samples.length, 0)} events, ${fmt(seconds, 1)} s wall)`);
  row('Jira reads per event (mean / max)', `${fmt(sum('reads') / samples.length)} / ${Math.max(...samples.map((x) => x.reads))}`, 'target ≤ 2');
  row('Jira writes per event (mean / max when written)', `${fmt(sum('writes') / samples.length)} / ${Math.max(0, ...changed.map((x) => x.writes))}`, 'target ≤ 2, only on change');
  row('  events that wrote Jira', `${fmt((100 * changed.length) / samples.length, 1)} %`);
  row('storage operations per event (mean / max)', `${fmt(sum('kvs') / samples.length)} / ${Math.max(...samples.map((x) => x.kvs))}`, 'target ≤ 4');
  row('storage read / write units per event (mean)', `${fmt(sum('readUnits') / samples.length)} / ${fmt(sum('writeUnits') / samples.length)}`, '10 KB units');
  row('storage read / write units per run', `${fmt(storage.readUnits, 0)} / ${fmt(storage.writeUnits, 0)}`, 'limit 4,000 / 4,000 a minute');
  row('  waiting the storage limits would impose', `${fmt(storage.throttledMs / 1000, 1)} s`, `${fmt(storage.rateLimited, 0)} requests held back`);
  row('Jira points per event (mean)', fmt(sum('points') / samples.length));
  row('  waiting Jira\'s hourly points would impose', `${fmt(jiraLimits.throttledMs / 1000, 1)} s`, `${fmt(jiraLimits.points, 0)} points in all`);
  row('app CPU per event (median / p95)', `${fmt(quantile(cpu, 0.5))} / ${fmt(quantile(cpu, 0.95))} ms`);
  row('largest stored value', `${fmt(largest / 1024, 1)} KiB`);
}

/** One long-lived issue: CPU per event once it has ~500 events, and the stored size at 5,000. */
async function longIssue() {
  const s = await site(Date.parse('2026-01-05T08:00:00Z'));
  const rnd = random(11);
  const issue = createIssue(s);
  await deliver(s, []);
  const late = [];
  let n = 1;
  for (const step of history(rnd, 5000)) {
    s.clock.now += Math.floor(rnd() * 60 * 60_000);
    await apply(s, issue.key, step);
    n++;
    if (n > 480 && n <= 520) await deliver(s, late);
    else if (n <= 480 || n % 250 === 0 || n === 5000) await deliver(s, []);
    else s.events.length = 0; // between the measured points only the final replay matters: skip the rest
  }
  await deliver(s, []);
  const record = await runAs(undefined, () => readIssueRecord(issue.id));
  s.close();
  const cpu = late.map((x) => x.cpuMs).sort((x, y) => x - y);
  row('issue with ~500 events: app CPU per event (median / p95)', `${fmt(quantile(cpu, 0.5))} / ${fmt(quantile(cpu, 0.95))} ms`, 'target p95 ≤ 20 ms');
  row('  Jira reads per event at ~500 events (mean)', fmt(late.reduce((t, x) => t + x.reads, 0) / late.length));
  row('issue with 5,000 events: stored value', `${fmt(Buffer.byteLength(JSON.stringify(record)) / 1024, 1)} KiB`, 'target ≤ 64 KiB');
  row('  cycles stored', String(record.cycles.length));
}

(async () => {
  console.log('\nBackend: real handlers on the local Forge runtime, Jira answered by the JSM double\n');
  if (ISSUES > 0) await manyIssues();
  await longIssue();
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
