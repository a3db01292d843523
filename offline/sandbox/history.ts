// The first start's three months of history, lived rather than written into the past: the site starts on the first
// working morning three months before the clock's start, when Nordlys IT installs Contract SLA and Mette saves the
// configuration (without the monthly reports); a month later she schedules the reports; meanwhile ACME's and Fjord's
// customers raise requests in office hours that the agents answer, wait on, resolve and sometimes let breach
// (offline/jsm-double/history-plan.ts, a seeded plan), and in the last week the demo's own story plays out. The
// clock moves from one change to the next through liveUntil, so the breach watch, the contract reminders, the
// daily report schedule (which issues and delivers each month's reports on their day) and the queued jobs run at
// their instants, and the strict local runtime's per-minute storage limits pass as they would on Forge.
import { DateTime } from 'luxon';
import { isValidAt } from '../../src/engine/agreement';
import type { ConfigBundle } from '../../src/engine/types';
import { applyStep, DEMO_ACCOUNTS, demoRequests, planHistory, seedCatalogue, seedContracts, type DemoChange, type JsmDouble, type PlannedStep } from '../jsm-double';
import type { ForgeHost } from './forge-host';
import { liveUntil } from './moving-clock';
import { invokeContext, SITE_TIMEZONE } from './surfaces';

/** Where the clock starts on a first start with history unless told: Monday 7 December 2026, 10:00 in Copenhagen. */
export const HISTORY_CLOCK_START = DateTime.fromISO('2026-12-07T10:00', { zone: SITE_TIMEZONE }).toMillis();
/** Calendar months of history before the month the clock starts in. */
export const HISTORY_MONTHS = 3;
/** The same seed gives the same history (requests, replies, breaches) on every first start. */
export const HISTORY_SEED = 2026;
/** Requests raised on an average working day, across ACME and Fjord: about 290 in three months. */
export const HISTORY_REQUESTS_PER_DAY = 4.5;

/** 08:00 on the first working day of the month `monthsBack` before `start`'s, in the site's zone. */
function firstWorkingMorning(start: number, monthsBack: number): number {
  let day = DateTime.fromMillis(start, { zone: SITE_TIMEZONE }).startOf('month').minus({ months: monthsBack });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 8 }).toMillis();
}

/** When a site with history begins: the morning the app is installed, three months before the clock's start. */
export function historyBegins(start: number): number {
  return firstWorkingMorning(start, HISTORY_MONTHS);
}

const DAY_MS = 86_400_000;
/** A request the plan leaves open for longer than this is closed before the clock's start (see staleRequestsClosed). */
const STALE_AFTER_DAYS = 14;

/**
 * The plan leaves one request in ten open, which over a month is a queue; over three months it would be a desk
 * that forgets its customers. A request still open two weeks after it was raised is closed by its agent 10 to 17
 * days after it was raised, on a working day in office hours (a step after its last one), so the open requests at
 * the start are the recent ones. Deterministic: the days and hours follow from the request's number.
 */
function staleRequestsClosed(plan: readonly PlannedStep[], start: number): PlannedStep[] {
  const requests = new Map<number, { created: number; last: number; status: string; agent: string }>();
  for (const step of plan) {
    if (step.kind === 'create') {
      requests.set(step.ref, { created: step.at, last: step.at, status: 'Open', agent: DEMO_ACCOUNTS.lars });
      continue;
    }
    const request = requests.get(step.ref)!;
    request.last = step.at;
    if (step.kind === 'status') request.status = step.status;
    if (step.kind === 'status' || step.kind === 'priority' || step.kind === 'assign') request.agent = step.by;
  }
  const closing: PlannedStep[] = [];
  for (const [ref, request] of requests) {
    if (request.status === 'Resolved' || request.created >= start - STALE_AFTER_DAYS * DAY_MS) continue;
    let day = DateTime.fromMillis(Math.max(request.created + (10 + (ref % 8)) * DAY_MS, request.last + DAY_MS), { zone: SITE_TIMEZONE });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const at = day.set({ hour: 9 + (ref % 6), minute: (ref * 7) % 60, second: 0, millisecond: 0 }).toMillis();
    if (at >= start - DAY_MS) continue;
    closing.push({ at, kind: 'comment', ref, author: request.agent, public: true, body: 'We are closing this request: the fix is in the latest release. Tell us if it comes back.' });
    closing.push({ at: at + 60_000, kind: 'status', ref, status: 'Resolved', by: request.agent });
  }
  return closing;
}

/**
 * The plan without the requests raised for an environment whose agreements are not in force that day (a start the
 * demo's agreements do not cover, say after Fjord's ends on 1 March 2027): customers do not raise requests under a
 * contract they no longer have. Requests for an environment no agreement names (Fjord's Training) stay: a site has
 * those too, and the work list flags them.
 */
function withinAgreements(double: JsmDouble, bundle: ConfigBundle, plan: readonly PlannedStep[]): PlannedStep[] {
  const dropped = new Set<number>();
  for (const step of plan) {
    if (step.kind !== 'create') continue;
    const organization = double.organizationsOf(step.reporter)[0]?.id;
    const customer = bundle.customers.find((c) => c.organizationId === organization)?.id;
    const agreements = bundle.agreements.filter((a) => a.customer === customer && a.environment === step.environment);
    const zone = (agreement: (typeof agreements)[number]) => bundle.calendars.find((c) => c.id === agreement.calendar)?.timezone ?? SITE_TIMEZONE;
    if (agreements.length > 0 && !agreements.some((a) => isValidAt(a, step.at, zone(a)))) dropped.add(step.ref);
  }
  return plan.filter((step) => !dropped.has(step.ref));
}

/** Saves a bundle through the admin page's resolver as Mette (a Jira administrator), and applies it. */
export async function saveConfiguration(host: ForgeHost, bundle: unknown, expectedVersion: number): Promise<void> {
  const admin = invokeContext(host.double, { surface: 'admin' }, DEMO_ACCOUNTS.mette);
  const saved = await host.invoke<{ ok: boolean; errors?: unknown }>('adminResolver', 'admin/config/save', { bundle, expectedVersion }, admin);
  if (!saved.ok) throw new Error(`the demo configuration was refused: ${JSON.stringify(saved.errors)}`);
  await host.drainQueue();
}

/** The configuration without its report schedules: what Mette saves on the day the app is installed. */
function withoutReportSchedules(config: unknown): unknown {
  const bundle = config as { agreements?: Array<Record<string, unknown>> };
  return { ...bundle, agreements: (bundle.agreements ?? []).map(({ report: _report, ...agreement }) => agreement) };
}

/**
 * Lives the months before `start` on a host whose clock stands at historyBegins(start) and whose site holds no
 * catalogue yet (ForgeHost with `seed: false`), and ends with the clock at `start`.
 */
export async function liveHistory(host: ForgeHost, config: unknown, start: number): Promise<void> {
  const installed = historyBegins(start);
  if (host.clock.now !== installed) throw new Error(`a history starting ${new Date(start).toISOString()} begins at ${new Date(installed).toISOString()}, not ${new Date(host.clock.now).toISOString()}`);
  seedCatalogue(host.double);
  seedContracts(host.double, installed);
  await saveConfiguration(host, withoutReportSchedules(config), 0);

  const keys: string[] = [];
  const plan = withinAgreements(host.double, config as ConfigBundle, planHistory({ from: installed, to: start, seed: HISTORY_SEED, requestsPerDay: HISTORY_REQUESTS_PER_DAY }));
  const planned: DemoChange[] = [...plan, ...staleRequestsClosed(plan, start)].map((step) => ({
    at: step.at,
    run: () => applyStep(host.double, step, keys),
  }));
  // A month in, Mette schedules the monthly reports: the schedule's first day then issues the first whole month.
  const schedulesAt = firstWorkingMorning(start, HISTORY_MONTHS - 1) + 3_600_000;
  const changes: Array<{ at: number; run: () => unknown }> = [...planned, ...demoRequests(host.double, start), { at: schedulesAt, run: () => saveConfiguration(host, config, 1) }];
  changes.sort((x, y) => x.at - y.at);
  for (const change of changes) {
    await liveUntil(host, change.at);
    await change.run();
    await host.settle();
    await host.drainQueue();
  }
  await liveUntil(host, start);
  await host.runSchedule();
}
