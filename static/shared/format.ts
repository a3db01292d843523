// Times and durations as the surfaces show them: the engine's one wording module (src/engine/wording.ts), so a row and
// the guidance sentence above it read alike. The views hand the surfaces ISO instants and whole seconds; these adapt.
import { formatBusinessDuration, formatInZones as inZones, formatLocalTime as localTime, formatRelative as relative } from '../../src/engine/wording';
import { isKnownZone } from '../../src/engine/zone';

export { isKnownZone };

/** A moment as a person reads it in a zone: `14:30` on the day of `now`, `Tue 24 Nov 14:30` otherwise. */
export function formatLocalTime(iso: string, zone: string, now: number): string {
  return localTime(Date.parse(iso), zone, now);
}

/** A moment in the viewer's zone and, when the calendar measuring it keeps another offset, in the calendar's too. */
export function formatInZones(iso: string, viewerZone: string, otherZone: string, now: number): string {
  return inZones(Date.parse(iso), viewerZone, otherZone, now);
}

/** `1 h 20 m`, `45 m`, `40 h`, `30 s` for a number of seconds. */
export function formatDuration(seconds: number): string {
  return formatBusinessDuration(seconds * 1000);
}

/** Wall-clock distance from now: `in 1 h 20 m`, `3 h ago`, `now` within a minute. */
export function formatRelative(iso: string, now: number): string {
  return relative(Date.parse(iso), now);
}
