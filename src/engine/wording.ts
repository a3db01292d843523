// The one wording of times and durations: the engine's guidance, the views and every surface say "1 h 20 m",
// "14:30" and "Tue 24 Nov 14:30" through these functions, so a row and the sentence above it read alike.
// Business time is working time: it is counted in hours and minutes, never in days ("40 h", not "1 d 16 h": a
// business day of office hours is 8 hours, not 24). Instants are shown in an explicit zone, never the host's own.
import { DateTime } from 'luxon';

const LOCALE = 'en-GB';

/** The unit abbreviations of business time; a report in Danish says `1 t 20 m`. */
export interface DurationUnits {
  h: string;
  m: string;
  s: string;
}

const UNITS: DurationUnits = { h: 'h', m: 'm', s: 's' };

/** `1 h 20 m`, `45 m`, `40 h`, `30 s` under a minute; the sign is the caller's to say ("over", "left", "−"). */
export function formatBusinessDuration(ms: number, units: DurationUnits = UNITS): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} ${units.s}`;
  const minutes = Math.floor(totalSeconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} ${units.m}`;
  return rest === 0 ? `${hours} ${units.h}` : `${hours} ${units.h} ${rest} ${units.m}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The same amount in full words, for customers and for targets: `30 minutes`, `4 hours`, `1 hour 30 minutes`. */
export function businessDurationInWords(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours && plural(hours, 'hour'), minutes && plural(minutes, 'minute'), seconds && plural(seconds, 'second')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 minutes';
}

/** A moment as a person reads it in a zone: `14:30` on the day of `now`, `Tue 24 Nov 14:30` otherwise (with the year when it differs). */
export function formatLocalTime(instant: number, zone: string, now: number): string {
  const local = DateTime.fromMillis(instant, { zone });
  const today = DateTime.fromMillis(now, { zone });
  const time = local.toFormat('HH:mm');
  if (local.hasSame(today, 'day')) return time;
  return `${local.toFormat(local.hasSame(today, 'year') ? 'ccc d LLL' : 'ccc d LLL yyyy', { locale: LOCALE })} ${time}`;
}

/**
 * A moment in the viewer's zone and, when a calendar measuring it keeps another offset then, in the calendar's zone
 * too: `10:30 (09:30 UTC)`. Agents in one country serve customers in another; both clocks matter.
 */
export function formatInZones(instant: number, viewerZone: string, otherZone: string, now: number): string {
  const mine = formatLocalTime(instant, viewerZone, now);
  const offsetsDiffer = DateTime.fromMillis(instant, { zone: viewerZone }).offset !== DateTime.fromMillis(instant, { zone: otherZone }).offset;
  return offsetsDiffer ? `${mine} (${formatLocalTime(instant, otherZone, now)} ${otherZone})` : mine;
}

/** Wall-clock distance from now: `in 1 h 20 m`, `3 h ago`, `now` within a minute. */
export function formatRelative(instant: number, now: number): string {
  const ms = instant - now;
  if (Math.abs(ms) < 60_000) return 'now';
  return ms > 0 ? `in ${formatBusinessDuration(ms)}` : `${formatBusinessDuration(ms)} ago`;
}

/** A moment with its date, for records and history: `Mon 23 Nov 2026, 09:00` in the zone. */
export function formatDateTime(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('ccc d LLL yyyy, HH:mm', { locale: LOCALE });
}

/** A calendar date as people write it: `2026-01-01` → `1 Jan 2026` (the text itself when it is not a date). */
export function formatCalendarDate(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.isValid ? day.toFormat('d LLL yyyy', { locale: LOCALE }) : date;
}

/** A calendar period (§6) in words: `P3M` → `3 months`, `P1Y6M` → `1 year 6 months`, `P0D` → `0 days`. */
export function formatCalendarPeriod(period: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!m || period === 'P') return period;
  const units: Array<[string | undefined, string]> = [[m[1], 'year'], [m[2], 'month'], [m[3], 'week'], [m[4], 'day']];
  const parts = units.filter(([n]) => n !== undefined).map(([n, unit]) => `${Number(n)} ${unit}${Number(n) === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Whole days from one calendar date to another (`2026-12-04` → `2026-12-10` is 6; negative when earlier). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** The calendar date of an instant in a zone (`YYYY-MM-DD`). */
export function calendarDateIn(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate() ?? '';
}
