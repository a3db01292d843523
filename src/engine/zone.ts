// Wall-clock time in a named IANA zone → instant, with the spec's rules for DST gaps and overlaps.
// luxon supplies the zone rules; the host's own time zone is never consulted.
import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

// UTC has no rules to look up; answering it directly spares building an Intl formatter, which costs more
// than a small batch of deadlines.
const zones = new Map<string, Zone | null>([
  ['UTC', FixedOffsetZone.utcInstance],
  ['Etc/UTC', FixedOffsetZone.utcInstance],
]);

function zoneNamed(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    // "UTC" is accepted by IANAZone as well; an invalid name yields isValid === false.
    const candidate = IANAZone.create(name);
    zone = candidate.isValid ? candidate : null;
    zones.set(name, zone);
  }
  return zone;
}

export function isKnownZone(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && zoneNamed(name) !== null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A zone's offset (minutes east of UTC) at an instant. */
export function offsetAt(zoneName: string, instant: number): number {
  const zone = zoneNamed(zoneName);
  if (!zone) throw new RangeError(`unknown time zone ${zoneName}`);
  return zone.offset(instant);
}

/**
 * The instant of a wall-clock time. `localMs` is the wall-clock time written as if it were UTC
 * (Date.UTC(y, m, d, h, min)). In a spring-forward gap the time moves forward by the gap (02:30 → 03:30);
 * in a fall-back overlap it means its first occurrence.
 */
export function wallClockToInstant(zoneName: string, localMs: number): number {
  const zone = zoneNamed(zoneName);
  if (!zone) throw new RangeError(`unknown time zone ${zoneName}`);
  // Offsets a day either side bracket any single transition near this wall-clock time.
  const before = zone.offset(localMs - DAY);
  const after = zone.offset(localMs + DAY);
  const early = localMs - before * MINUTE;
  if (before === after) {
    // No transition nearby in the usual case; still confirm, for zones that changed twice in two days.
    if (zone.offset(early) === before) return early;
  }
  const late = localMs - after * MINUTE;
  const earlyValid = zone.offset(early) === before;
  const lateValid = zone.offset(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // A gap: keep the offset in force before it, which moves the time forward by the gap's length.
  return early;
}
