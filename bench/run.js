#!/usr/bin/env node
// `npm run bench`: the engine's speed figures, printed (never asserted: tests do not time things).
//   node bench/run.js [--lines N] [--peer-lines N] [--timelines N]
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.join(__dirname, '..');
const { BusinessCalendar } = require(path.join(root, 'dist/engine/calendar.js'));
const { evaluate } = require(path.join(root, 'dist/engine/obligations.js'));
const { validateBundle } = require(path.join(root, 'dist/config/validate-bundle.js'));
const { validateTimeline } = require(path.join(root, 'dist/config/validate-timeline.js'));

const { values } = parseArgs({ options: { lines: { type: 'string' }, 'peer-lines': { type: 'string' }, timelines: { type: 'string' } } });
const LINES = Number(values.lines ?? 200_000);
const PEER_LINES = Number(values['peer-lines'] ?? LINES);
const TIMELINES = Number(values.timelines ?? 100_000);

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const row = (label, figure, target = '') => console.log(`${label.padEnd(58)} ${figure.padStart(18)}  ${target}`);

// A deterministic generator so every run measures the same inputs.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const weekdays = (hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] });
const officeUtc = { id: 'office-utc', name: 'Mon–Fri 09–17 UTC', timezone: 'UTC', week: weekdays([['09:00', '17:00']]), holidays: [] };
const example = JSON.parse(fs.readFileSync(path.join(root, 'examples/config.json'), 'utf8'));

function inProcess(label, calendar) {
  const rnd = random(1);
  const N = 2_000_000;
  const base = Date.UTC(2026, 0, 1);
  const froms = new Float64Array(4096);
  const durations = new Float64Array(4096);
  for (let i = 0; i < 4096; i++) {
    froms[i] = base + Math.floor(rnd() * 365 * 86400) * 1000;
    durations[i] = (1 + Math.floor(rnd() * 40 * 3600)) * 1000;
  }
  calendar.add(froms[0], 400 * 86400_000); // compile the span the loop needs, outside the timing
  let sink = 0;
  for (const [op, fn] of [
    ['add', (i) => calendar.add(froms[i & 4095], durations[i & 4095])],
    ['between', (i) => calendar.between(froms[i & 4095], froms[i & 4095] + durations[i & 4095] * 3)],
  ]) {
    for (let i = 0; i < 200_000; i++) sink += fn(i);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += fn(i);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    row(`${op} on compiled calendar (${label})`, `${fmt(N / seconds)} ops/s`, op === 'add' ? 'target ≥ 5,000,000' : '');
  }
  return sink;
}

function batchInput(dir) {
  const rnd = random(2);
  const base = Date.UTC(2026, 0, 1);
  const lines = [];
  for (let i = 0; i < LINES; i++) {
    const from = new Date(base + Math.floor(rnd() * 365 * 86400) * 1000).toISOString().slice(0, 19) + 'Z';
    const seconds = 1 + Math.floor(rnd() * 40 * 3600);
    lines.push(JSON.stringify({ from, duration: `PT${seconds}S` }));
  }
  const file = path.join(dir, 'batch.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const peerFile = path.join(dir, 'peer.jsonl');
  fs.writeFileSync(peerFile, lines.slice(0, PEER_LINES).join('\n') + '\n');
  return { file, peerFile };
}

/**
 * Runs a whole process with its output going to a file, as a batch user would redirect it; times it. The process
 * writes its own peak RSS through bench/max-rss.js (preloaded), so memory is measured without OS-specific tools.
 */
function timed(command, args, env) {
  const outFile = path.join(os.tmpdir(), `contract-sla-bench-${process.pid}.out`);
  const rssFile = path.join(os.tmpdir(), `contract-sla-bench-${process.pid}.rss`);
  const fd = fs.openSync(outFile, 'w');
  const t0 = process.hrtime.bigint();
  const result = spawnSync(command, ['-r', path.join(__dirname, 'max-rss.js'), ...args], {
    env: { ...process.env, ...env, CONTRACT_SLA_BENCH_RSS: rssFile },
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(fd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const output = fs.readFileSync(outFile, 'utf8');
  const lines = output.trim().split('\n');
  const peakRssMiB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
  fs.rmSync(outFile, { force: true });
  fs.rmSync(rssFile, { force: true });
  return { seconds, lines, output, peakRssMiB };
}

function batch(dir) {
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ version: 1, calendars: [officeUtc] }));
  const { file, peerFile } = batchInput(dir);
  const cli = path.join(root, 'bin/contract-sla.js');
  // Five runs, the median reported: a single process start is at the mercy of whatever else the machine does.
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(timed(process.execPath, [cli, 'time', 'add', '--config', config, '--calendar', 'office-utc', '--input', file], { TZ: 'UTC' }));
  runs.sort((a, b) => a.seconds - b.seconds);
  const ours = runs[2];
  const ourRate = LINES / ours.seconds;
  row(`batch CLI, ${fmt(LINES)} lines (whole process, median of 5)`, `${fmt(ourRate)} lines/s`, 'target ≥ 500,000');
  row('  wall time (median / best)', `${ours.seconds.toFixed(3)} / ${runs[0].seconds.toFixed(3)} s`);
  const peer = timed(process.execPath, [path.join(__dirname, 'peer-moment.js'), peerFile], { TZ: 'UTC' });
  const peerRate = PEER_LINES / peer.seconds;
  row(`moment-business-time, ${fmt(PEER_LINES)} of the same lines (whole process)`, `${fmt(peerRate)} lines/s`);
  row('  ratio (ours / peer)', `${(ourRate / peerRate).toFixed(0)}×`, 'target ≥ 100×');
  let same = 0;
  for (let i = 0; i < PEER_LINES; i++) if (peer.lines[i] === ours.lines[i]) same++;
  // The peer answers the next opening where the spec answers the closing instant, so a few lines differ by design.
  row('  answers identical to the peer', `${((100 * same) / PEER_LINES).toFixed(2)} %`);
}

// ---- report: an agreement's month over 100,000 timelines of several agreements ----

/** The example bundle with three more agreements (other customers, an environment, another priority model). */
function reportBundle() {
  const bundle = structuredClone(example);
  bundle.customers.push(
    { id: 'globex', name: 'Globex', environments: [{ name: 'Production', products: [] }] },
    { id: 'initech', name: 'Initech', environments: [{ name: 'Production', products: [] }, { name: 'Staging', products: [] }] },
  );
  const agreement = (id, customer, environment, priorityModel, calendar, targets) => ({
    id, customer, environment, products: [], validFrom: '2026-01-01', validTo: null, priorityModel, calendar, targets,
  });
  bundle.agreements.push(
    agreement('acme-uat', 'acme', 'UAT', 'numeric', 'cph-office', [{ goal: 'response', target: 'PT8H' }, { goal: 'resolution', target: 'PT40H' }]),
    agreement('globex-prod', 'globex', 'Production', 'traffic', 'always', [
      { goal: 'response', priorities: ['red'], target: 'PT1H' },
      { goal: 'response', target: 'PT4H' },
      { goal: 'resolution', target: 'PT24H' },
      { goal: 'update', target: 'PT12H' },
    ]),
    agreement('initech-prod', 'initech', 'Production', 'numeric', 'cph-office', [
      { goal: 'response', target: 'PT2H' },
      { goal: 'resolution', target: 'PT16H' },
      { goal: 'triage-ola', target: 'PT1H' },
    ]),
  );
  if (!validateBundle(bundle).ok) throw new Error('the report benchmark bundle is invalid');
  return bundle;
}

/**
 * Seeded timelines from October to December 2026: 40 % of them acme-prod's (the reported agreement), the rest
 * spread over three other agreements and a few with none. Each has a few events: a reply, work, sometimes a wait
 * for the customer or a priority change, usually a resolution, now and then a reopening.
 */
function reportTimelines(file) {
  const rnd = random(4);
  const kinds = [
    [0.4, 'acme', 'Production', ['p1', 'p2']],
    [0.55, 'acme', 'UAT', ['p1', 'p2']],
    [0.75, 'globex', 'Production', ['red', 'yellow', 'green']],
    [0.95, 'initech', 'Production', ['p1', 'p2']],
    [1, 'initech', 'Staging', ['p2']],
  ];
  const base = Date.parse('2026-10-01T00:00:00Z');
  const text = (ms) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const fd = fs.openSync(file, 'w');
  let chunk = [];
  for (let i = 0; i < TIMELINES; i++) {
    const roll = rnd();
    const [, customer, environment, priorities] = kinds.find(([share]) => roll < share);
    const priority = pick(priorities);
    let status = 'Open';
    let t = base + Math.floor(rnd() * 92 * 1440) * 60_000;
    const created = text(t);
    const events = [{ at: created, type: 'created', status: 'Open' }];
    const later = (maxHours) => (t += (1 + Math.floor(rnd() * maxHours * 60)) * 60_000);
    if (rnd() < 0.85) events.push({ at: text(later(30)), type: 'comment', visibility: 'public', author: 'agent' });
    const move = (to, maxHours) => {
      events.push({ at: text(later(maxHours)), type: 'status', from: status, to });
      status = to;
    };
    if (rnd() < 0.6) move('In Progress', 8);
    if (rnd() < 0.25) {
      move('Waiting for customer', 6);
      events.push({ at: text(later(48)), type: 'comment', visibility: 'public', author: 'customer' });
      move('In Progress', 2);
    }
    if (rnd() < 0.15) {
      events.push({ at: text(later(12)), type: 'priority', from: priority, to: pick(priorities) });
    }
    if (rnd() < 0.8) {
      events.push({ at: text(later(60)), type: 'resolution', to: 'Done' });
      if (rnd() < 0.1) {
        events.push({ at: text(later(72)), type: 'resolution', to: null });
        events.push({ at: text(later(24)), type: 'resolution', to: 'Done' });
      }
    }
    const issue = { key: `SUP-${i + 1}`, requestType: rnd() < 0.5 ? 'Incident' : 'Service request', customer, environment, product: 'Payroll', priority, created };
    chunk.push(JSON.stringify({ issue, events }));
    if (chunk.length === 10_000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

function report(dir) {
  const config = path.join(dir, 'report-config.json');
  fs.writeFileSync(config, JSON.stringify(reportBundle()));
  const file = path.join(dir, 'timelines.jsonl');
  reportTimelines(file);
  const megabytes = fs.statSync(file).size / 2 ** 20;
  const cli = path.join(root, 'bin/contract-sla.js');
  const args = [cli, 'report', '--config', config, '--timelines', file, '--agreement', 'acme-prod', '--month', '2026-11'];
  for (const format of ['json', 'csv']) {
    // Three runs, the median reported (a run takes seconds; five would double the benchmark's time).
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(timed(process.execPath, [...args, '--format', format], { TZ: 'UTC' }));
    runs.sort((a, b) => a.seconds - b.seconds);
    const median = runs[1];
    row(`report CLI --format ${format}, ${fmt(TIMELINES)} timelines (whole process, median of 3)`, `${fmt(TIMELINES / median.seconds)} lines/s`);
    row('  wall time (median / best)', `${median.seconds.toFixed(3)} / ${runs[0].seconds.toFixed(3)} s`);
    row('  peak RSS (median run)', `${median.peakRssMiB.toFixed(0)} MiB`);
    if (format === 'json') {
      const result = JSON.parse(median.output);
      row(`  input ${megabytes.toFixed(1)} MiB; acme-prod's requests created in the month`, `${fmt(result.requests.created)}`);
      row('  cycles counted in the month', `${fmt(result.cycles.length)}`);
    }
  }
}

// ---- a long span on a dense calendar: 720 one-minute windows a day, 150 years ----

function longSpan(dir) {
  const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const windows = Array.from({ length: 720 }, (_, i) => [hhmm(2 * i), hhmm(2 * i + 1)]);
  const week = { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows, sat: windows, sun: windows };
  const config = path.join(dir, 'dense-config.json');
  fs.writeFileSync(config, JSON.stringify({ version: 1, calendars: [{ id: 'dense', timezone: 'Europe/Copenhagen', week }] }));
  const cli = path.join(root, 'bin/contract-sla.js');
  const run = timed(process.execPath, [cli, 'time', 'between', '--config', config, '--calendar', 'dense', '--from', '2000-01-01T00:00:00Z', '--to', '2150-01-01T00:00:00Z'], { TZ: 'UTC' });
  row('time between, 150 years of 720 windows a day (whole process)', `${run.seconds.toFixed(2)} s`, 'was 73 s and 2.6 GB');
  row('  peak RSS', `${run.peakRssMiB.toFixed(0)} MiB`);
}

function simulate() {
  const bundle = validateBundle(example);
  if (!bundle.ok) throw new Error('examples/config.json is invalid');
  const rnd = random(3);
  const events = [{ at: '2026-11-02T09:00:00+01:00', type: 'created', status: 'Open' }];
  let t = Date.parse('2026-11-02T08:00:00Z');
  const statuses = ['In Progress', 'Waiting for customer', 'In Progress', 'Waiting for release'];
  for (let i = 1; i < 1000; i++) {
    t += Math.floor(rnd() * 3 * 3600) * 1000;
    const at = new Date(t).toISOString();
    const kind = i % 7;
    if (kind === 0) events.push({ at, type: 'priority', from: 'p2', to: i % 14 === 0 ? 'p1' : 'p2' });
    else if (kind === 3) events.push({ at, type: 'status', from: 'x', to: statuses[i % statuses.length] });
    else if (kind === 5) events.push({ at, type: 'resolution', to: i % 10 === 5 ? 'Done' : null });
    else events.push({ at, type: 'comment', visibility: i % 2 ? 'public' : 'internal', author: i % 3 ? 'agent' : 'customer' });
  }
  const timeline = validateTimeline({
    issue: { key: 'SUP-1000', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: events[0].at },
    events,
  });
  if (!timeline.ok) throw new Error(JSON.stringify(timeline.issues.slice(0, 3)));
  const at = t + 3600_000;
  evaluate(bundle.value, timeline.value, at); // compiles the calendars once, as a long-lived function would
  const runs = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    evaluate(bundle.value, timeline.value, at);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  runs.sort((a, b) => a - b);
  const result = evaluate(bundle.value, timeline.value, at);
  row('simulate, 1,000 events (median of 200)', `${runs[100].toFixed(3)} ms`, 'target < 5 ms');
  row('  p95', `${runs[190].toFixed(3)} ms`);
  row('  cycles produced', `${result.obligations.length}`);
}

console.log(`Contract SLA benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);
// Whole processes first, while this one is still small: a large parent slows the start of every child.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-sla-bench-'));
try {
  batch(dir);
  report(dir);
  longSpan(dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
inProcess('Mon–Fri 09–17 UTC', new BusinessCalendar(officeUtc, []));
inProcess('Copenhagen + DK holidays', new BusinessCalendar(example.calendars[0], example.holidayCollections));
simulate();
