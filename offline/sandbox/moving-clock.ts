// Time passing on the sandbox's site: moving the clock runs what Forge would have run meanwhile, each at its own
// instant, never all at once at the end — the breach watch on its five-minute ticks where something is due, the
// hourly contract reminders at the hours where one is due, the daily report schedule once each day, and the queued
// jobs when their delay is over. The control strip's clock moves and the first start's three months of history
// both go through here, so the platform's per-minute storage limits pass as they would on Forge.
import { DateTime } from 'luxon';
import { dueFailures } from '../../src/adapters/storage/failure-store';
import { dueRecords } from '../../src/adapters/storage/issue-store';
import { nextReminderWork } from '../../src/usecases/send-contract-reminders';
import { runAs } from '../forge-runtime';
import type { ForgeHost } from './forge-host';
import { SITE_TIMEZONE } from './surfaces';

const WATCH_INTERVAL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/**
 * When the daily report schedule runs, in the site's zone. Forge runs a `day` trigger once every 24 hours at an hour
 * of its choosing; the sandbox picks an early one, so a report due today has reached its customer by office hours.
 */
export const DAILY_RUN_HOUR = 5;

/**
 * Moves the clock to `target`, stopping at every instant where scheduled or queued work falls due on the way and
 * running it there; the site is settled at each stop. The clock never moves backwards.
 */
export async function liveUntil(host: ForgeHost, target: number): Promise<void> {
  for (;;) {
    const watch = await nextWatchTick(host, target);
    const reminders = await nextReminderTick(host, target);
    const daily = nextDailyRun(host.clock.now, target);
    const queued = nextQueuedJob(host, target);
    const stop = Math.min(watch ?? Infinity, reminders ?? Infinity, daily ?? Infinity, queued ?? Infinity);
    if (!Number.isFinite(stop)) break;
    host.advance(stop - host.clock.now);
    if (stop === watch) await host.runSchedule();
    if (stop === reminders) await host.runSchedule('contract-reminders');
    if (stop === daily) await host.runReportSchedule();
    await host.drainQueue();
  }
  host.advance(target - host.clock.now);
  await host.settle();
  await host.drainQueue();
}

/**
 * The first five-minute tick after now, and before `upTo`, at which the breach watch finds work: the earliest record
 * due (`watchAt`) or recorded failure due for a retry, rounded up to its tick. Undefined when nothing is due by then.
 */
async function nextWatchTick(host: ForgeHost, upTo: number): Promise<number | undefined> {
  const [records, failures] = await runAs(undefined, () => Promise.all([dueRecords(upTo), dueFailures(upTo, 1)]));
  const earliest = Math.min(records.records[0]?.watchAt ?? Infinity, failures[0]?.retryAt ?? Infinity);
  if (!Number.isFinite(earliest)) return undefined;
  const tick = Math.max(Math.ceil(earliest / WATCH_INTERVAL_MS) * WATCH_INTERVAL_MS, Math.floor(host.clock.now / WATCH_INTERVAL_MS) * WATCH_INTERVAL_MS + WATCH_INTERVAL_MS);
  return tick < upTo ? tick : undefined;
}

/**
 * The first hour after now, and up to `upTo`, at which the hourly contract reminders find work: a reminder owed and
 * not sent, or the next reminder's date, rounded up to its hour. Undefined when nothing is due by then.
 */
async function nextReminderTick(host: ForgeHost, upTo: number): Promise<number | undefined> {
  const next = await runAs(undefined, () => nextReminderWork(host.clock.now));
  if (next === undefined) return undefined;
  const tick = Math.max(Math.ceil(next / HOUR_MS) * HOUR_MS, Math.floor(host.clock.now / HOUR_MS) * HOUR_MS + HOUR_MS);
  return tick <= upTo ? tick : undefined;
}

/** The daily run after now, and up to `upTo`: DAILY_RUN_HOUR in the site's zone. */
export function nextDailyRun(now: number, upTo: number): number | undefined {
  const local = DateTime.fromMillis(now, { zone: SITE_TIMEZONE });
  let run = local.startOf('day').set({ hour: DAILY_RUN_HOUR });
  if (run.toMillis() <= now) run = run.plus({ days: 1 }).set({ hour: DAILY_RUN_HOUR });
  return run.toMillis() <= upTo ? run.toMillis() : undefined;
}

/** When the next queued job waiting for its delay falls due, after now and up to `upTo`. */
function nextQueuedJob(host: ForgeHost, upTo: number): number | undefined {
  const next = host.app.queue.pending().find((queued) => queued.dueAt > host.clock.now);
  return next !== undefined && next.dueAt <= upTo ? next.dueAt : undefined;
}
