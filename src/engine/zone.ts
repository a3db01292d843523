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
  return wallClockToInstantBy((instant) => zone.offset(instant), localMs);
}

/** wallClockToInstant with the zone's offsets from `offset` (minutes east of UTC at an instant). */
export function wallClockToInstantBy(offset: (instant: number) => number, localMs: number): number {
  // Offsets a day either side bracket any single transition near this wall-clock time.
  const before = offset(localMs - DAY);
  const after = offset(localMs + DAY);
  const early = localMs - before * MINUTE;
  if (before === after) {
    // No transition nearby in the usual case; still confirm, for zones that changed twice in two days.
    if (offset(early) === before) return early;
  }
  const late = localMs - after * MINUTE;
  const earlyValid = offset(early) === before;
  const lateValid = offset(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // A gap: keep the offset in force before it, which moves the time forward by the gap's length.
  return early;
}

/** How far apart offsets are sampled to find a zone's transitions: no zone changes and changes back within it. */
const SAMPLE_STEP = 6 * 3_600_000;

/** The first instant in (lo, hi] whose offset is not `offset`, given that hi's is not (offsets change on whole seconds). */
function transitionAfter(zone: Zone, lo: number, hi: number, offset: number): number {
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (zone.offset(mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * A zone's offset at an instant, answered from its transitions in `[from, to]`, which are found once (samples six
 * hours apart, then bisection to the millisecond), and from the zone itself outside that span. Converting the many
 * opening and closing times of the days around a DST change this way asks the zone a few dozen times instead of
 * several times per time.
 */
export function offsetsNear(zoneName: string, from: number, to: number): (instant: number) => number {
  const zone = zoneNamed(zoneName);
  if (!zone) throw new RangeError(`unknown time zone ${zoneName}`);
  const changes: number[] = [];
  const offsets = [zone.offset(from)];
  for (let lo = from; lo < to; ) {
    const hi = Math.min(lo + SAMPLE_STEP, to);
    const target = zone.offset(hi);
    // Several changes between two samples (rare) are found one after the other.
    for (let current = offsets[offsets.length - 1]!; current !== target; current = offsets[offsets.length - 1]!) {
      const at = transitionAfter(zone, changes.length > 0 && changes[changes.length - 1]! > lo ? changes[changes.length - 1]! : lo, hi, current);
      changes.push(at);
      offsets.push(zone.offset(at));
    }
    lo = hi;
  }
  return (instant) => {
    if (instant < from || instant > to) return zone.offset(instant);
    let k = 0;
    while (k < changes.length && changes[k]! <= instant) k++;
    return offsets[k]!;
  };
}
