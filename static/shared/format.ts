// Times and durations as the surfaces show them, in an explicit zone (never the browser's own): the same words as the
// engine's guidance ("1 h 20 m", "14:30", "Tue 24 Nov 14:30") so a row and the sentence above it read alike.
import { formatBusinessDuration } from '../../src/engine/business-duration';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter a zone: numeric wall-clock fields plus the short weekday and month names. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: string;
  month: string;
  day: string;
  weekday: string;
  hour: string;
  minute: string;
  second: string;
}

function wallClock(instant: number, zone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) fields[part.type] = part.value;
  return {
    year: fields.year ?? '',
    month: fields.month ?? '',
    day: fields.day ?? '',
    weekday: fields.weekday ?? '',
    hour: fields.hour ?? '',
    minute: fields.minute ?? '',
    second: fields.second ?? '',
  };
}

/** Whether the runtime knows a zone name; a zone we cannot format in falls back to UTC rather than failing. */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Minutes a zone is ahead of UTC at an instant (DST-aware), from its wall clock. */
export function offsetMinutes(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(Number(w.year), MONTHS.indexOf(w.month), Number(w.day), Number(w.hour), Number(w.minute), Number(w.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** A moment as a person reads it in a zone: `14:30` on the day of `now`, `Tue 24 Nov 14:30` otherwise (with the year when it differs). */
export function formatLocalTime(iso: string, zone: string, now: number): string {
  const instant = Date.parse(iso);
  const local = wallClock(instant, zone);
  const today = wallClock(now, zone);
  const time = `${local.hour}:${local.minute}`;
  if (local.year === today.year && local.month === today.month && local.day === today.day) return time;
  const date = `${local.weekday} ${local.day} ${local.month}${local.year === today.year ? '' : ` ${local.year}`}`;
  return `${date} ${time}`;
}

/**
 * A moment in the viewer's zone and, when the calendar measuring it keeps another offset then, in the calendar's
 * zone too: `10:30 (09:30 UTC)`. Agents in one country serve customers in another; both clocks matter.
 */
export function formatInZones(iso: string, viewerZone: string, otherZone: string, now: number): string {
  const mine = formatLocalTime(iso, viewerZone, now);
  const instant = Date.parse(iso);
  if (offsetMinutes(instant, viewerZone) === offsetMinutes(instant, otherZone)) return mine;
  return `${mine} (${formatLocalTime(iso, otherZone, now)} ${otherZone})`;
}

/** `1 h 20 m`, `45 m`, `2 d 3 h`, `30 s` for a number of seconds: the engine's own wording. */
export function formatDuration(seconds: number): string {
  return formatBusinessDuration(seconds * 1000);
}

/** Wall-clock distance from now: `in 1 h 20 m`, `3 h ago`, `now` within a minute. */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return 'now';
  return seconds > 0 ? `in ${formatDuration(seconds)}` : `${formatDuration(seconds)} ago`;
}
