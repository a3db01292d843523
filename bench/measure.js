// What a benchmark phase costs on the local Forge runtime and the JSM double, and how the figures are printed: shared
// by bench/escalations.js and bench/release.js.

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, figure, note = '') => console.log(`${label.padEnd(60)} ${figure.padStart(16)}  ${note}`);
const heading = (text) => console.log(`\n${text}`);
const pct = (part, whole) => `${fmt((100 * part) / whole, 1)} %`;

const { jiraPoints, JsmDouble, seedDemo } = require('../offline/jsm-double');
const { APP_UUID } = require('../src/app-identity');
const { CONTRACT_PRIORITY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY } = require('../src/timeline/site-fields');

/**
 * The demo site (its catalogue, SUP, CON and PAY) without its requests, with the app's fields as installing it creates
 * them: where a benchmark raises its own requests on `clock` before the app is installed.
 */
function emptyDemoSite(clock, at) {
  const double = new JsmDouble({ clock: () => clock.now, appId: APP_UUID, timeZone: 'Europe/Copenhagen' });
  double.registerAppField({ key: NEXT_DEADLINE_FIELD_KEY, name: 'Next SLA deadline', type: 'datetime' });
  double.registerAppField({ key: CONTRACT_PRIORITY_FIELD_KEY, name: 'Contract priority', type: 'string' });
  seedDemo(double, at);
  double.state.issues.length = 0;
  return double;
}

/** Counts Jira calls and points by endpoint around the runtime's __forge_fetch__ (every SDK call goes through it). */
function instrument(host) {
  const routes = {};
  const inner = globalThis.__forge_fetch__;
  globalThis.__forge_fetch__ = async (descriptor, target, init) => {
    if (descriptor.remote !== 'jira') return inner(descriptor, target, init);
    const response = await inner(descriptor, target, init);
    const { pathname } = new URL(target, 'http://jira.invalid');
    // Priced per call as the limiter prices it (the counter's difference would mix in calls made meanwhile).
    const text = await response.clone().text();
    const points = jiraPoints({ method: (init?.method ?? 'GET').toUpperCase(), path: pathname }, { status: response.status, body: text === '' ? null : JSON.parse(text) });
    const endpoint = `${(init?.method ?? 'GET').toUpperCase()} ${pathname.replace(/\/issue\/[^/]+/, '/issue/{issue}').replace(/\/properties\/[^/]+/, '/properties/{key}').replace(/\/comment\/[^/]+\/properties/, '/comment/{id}/properties')}`;
    const figures = (routes[endpoint] ??= { calls: 0, points: 0 });
    figures.calls++;
    figures.points += points;
    return response;
  };
  const snapshot = () => ({
    readUnits: host.runtime.counters.storage.readUnits,
    writeUnits: host.runtime.counters.storage.writeUnits,
    byOperation: structuredClone(host.runtime.counters.storage.byOperation),
    points: host.jiraRateLimit.counters.points,
    routes: structuredClone(routes),
    notifications: host.double.notifications.length,
    cpu: process.cpuUsage(),
    wall: process.hrtime.bigint(),
  });
  return async function measure(phase) {
    const before = snapshot();
    const result = await phase();
    const after = snapshot();
    const cpu = process.cpuUsage(before.cpu);
    const diff = (x, y) => Object.fromEntries(Object.entries(x).map(([name, f]) => [name, Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v - (y[name]?.[k] ?? 0)]))]).filter(([, f]) => Object.values(f).some((v) => v !== 0)));
    return {
      result,
      cost: {
        readUnits: after.readUnits - before.readUnits,
        writeUnits: after.writeUnits - before.writeUnits,
        storage: diff(after.byOperation, before.byOperation),
        points: after.points - before.points,
        routes: diff(after.routes, before.routes),
        notifications: after.notifications - before.notifications,
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs: Number(after.wall - before.wall) / 1e6,
      },
    };
  };
}

function storageRows(cost) {
  for (const [operation, { requests, readUnits, writeUnits }] of Object.entries(cost.storage).sort((x, y) => y[1].requests - x[1].requests)) {
    row(`  ${operation}`, fmt(requests), `requests; ${fmt(readUnits)} read / ${fmt(writeUnits)} write units`);
  }
}

function jiraRows(cost) {
  for (const [endpoint, { calls, points }] of Object.entries(cost.routes).sort((x, y) => y[1].calls - x[1].calls)) row(`  ${endpoint}`, `${fmt(calls)} / ${fmt(points)}`, 'calls / points');
}

module.exports = { fmt, row, heading, pct, instrument, storageRows, jiraRows, emptyDemoSite };
