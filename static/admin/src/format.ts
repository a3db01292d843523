// How times and durations read on the admin page: the engine's one wording module, and its duration grammar, so a
// hint never disagrees with the validator nor the simulator with the issue panel.
import { DateTime } from 'luxon';
import { parseDuration } from '../../../src/engine/duration';
import { businessDurationInWords, formatBusinessDuration, formatDateTime } from '../../../src/engine/wording';
import { isKnownZone } from '../../shared/format';

/** `PT4H` → `4 hours`, `P1DT2H` → `26 hours (a day is 24 hours)`; undefined when the text is not a duration. */
export function describeTarget(text: string): string | undefined {
  const ms = parseDuration(text.trim());
  if (ms === undefined) return undefined;
  if (ms < 1000) return 'no time at all (due immediately)';
  const words = businessDurationInWords(ms);
  // Admins read "P1D" as a working day; the spec says it is 24 hours of business time, so say so.
  return /D/.test(text) ? `${words} of business time (a day is 24 hours)` : `${words} of business time`;
}

/** Seconds as `1 h 20 m`, as the issue panel says them; negative amounts (overdue) with a minus sign. */
export function formatSeconds(seconds: number): string {
  return (seconds < 0 ? '−' : '') + formatBusinessDuration(seconds * 1000);
}

/** A zone the engine knows, else UTC, so formatting never throws on a half-typed zone. */
export function safeZone(zone: string | undefined): string {
  return zone && isKnownZone(zone) ? zone : 'UTC';
}

/** `Mon 23 Nov 2026, 09:00` in the given zone. */
export function formatInstant(iso: string, zone: string | undefined): string {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : formatDateTime(instant, safeZone(zone));
}

/** The current instant as the resolvers accept it, to the minute: `2026-11-23T14:00:00Z`. */
export function nowInstant(now = Date.now()): string {
  return new Date(Math.floor(now / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
}

/** An ISO instant plus some minutes, keeping the offset it was written with (or undefined when it is not one). */
export function addMinutes(iso: string, minutes: number): string | undefined {
  const at = DateTime.fromISO(iso, { setZone: true });
  return at.isValid ? (at.plus({ minutes }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? undefined) : undefined;
}

/** Epoch milliseconds of a stored `savedAt` (a number) or of ISO text, as readable text in the viewer's zone. */
export function formatSavedAt(savedAt: number | string | null | undefined, zone: string): string {
  if (savedAt === null || savedAt === undefined) return 'never';
  const date = new Date(savedAt);
  return Number.isNaN(date.getTime()) ? String(savedAt) : formatInstant(date.toISOString(), zone);
}

/** The current minute in a zone, with its offset, as an admin reads and types it: `2026-11-23T15:00:00+01:00`. */
export function nowIn(zone: string, now = Date.now()): string {
  return DateTime.fromMillis(Math.floor(now / 60_000) * 60_000, { zone: safeZone(zone) }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? nowInstant(now);
}
