// offsetsNear answers a zone's offsets around a DST change from transitions it finds once; converting wall-clock
// times with it must give exactly what asking the zone each time gives (spec §3: gaps move forward, overlaps mean
// the first occurrence). Checked on every quarter hour of the days around each change, in zones with unusual ones.
import { offsetAt, offsetsNear, wallClockToInstant, wallClockToInstantBy } from '../../src/engine/zone';

const DAY = 86_400_000;
const QUARTER = 15 * 60_000;

/** [zone, year]: ordinary DST, half-hour DST, DST at midnight, a skipped day at a year's end, a day skipped mid-year. */
const ZONE_YEARS: Array<[string, number]> = [
  ['Europe/Copenhagen', 2026],
  ['America/New_York', 2026],
  ['Australia/Lord_Howe', 2026],
  ['America/Santiago', 2022],
  ['America/Havana', 2024],
  ['Asia/Tehran', 2021],
  ['Africa/Casablanca', 2025],
  ['Antarctica/Troll', 2026],
  ['Europe/Dublin', 2026],
  ['America/St_Johns', 2026],
  ['Pacific/Apia', 2011],
  ['Pacific/Kiritimati', 1994],
  ['Europe/Moscow', 2011],
  ['Asia/Kolkata', 1945],
];

/** Local dates (as UTC midnights) whose noon offset differs from the next day's, in a year. */
function changeDays(zone: string, year: number): number[] {
  const days: number[] = [];
  for (let day = Date.UTC(year, 0, 1) - 2 * DAY; day < Date.UTC(year + 1, 0, 3); day += DAY) {
    if (offsetAt(zone, day + DAY / 2) !== offsetAt(zone, day + DAY + DAY / 2)) days.push(day);
  }
  return days;
}

describe.each(ZONE_YEARS)('%s in %i', (zone, year) => {
  const days = changeDays(zone, year);

  test('has a change to check', () => {
    expect(days.length).toBeGreaterThan(0);
  });

  test('every quarter hour of the days around each change converts as the zone converts it', () => {
    const differences: string[] = [];
    for (const day of days) {
      const offset = offsetsNear(zone, day - 3 * DAY, day + 4 * DAY);
      for (let wall = day - DAY; wall <= day + 3 * DAY; wall += QUARTER) {
        const expected = wallClockToInstant(zone, wall);
        const actual = wallClockToInstantBy(offset, wall);
        if (actual !== expected) differences.push(`${new Date(wall).toISOString()} → ${new Date(actual).toISOString()}, not ${new Date(expected).toISOString()}`);
      }
    }
    expect(differences).toEqual([]);
  });

  test('offsets at and beside each transition are the zone’s own, inside and outside the span', () => {
    for (const day of days) {
      const from = day - 3 * DAY;
      const to = day + 4 * DAY;
      const offset = offsetsNear(zone, from, to);
      const probes = [from - DAY, from, to, to + DAY];
      // The transitions themselves: the first millisecond of each new offset, and the one before it.
      for (let t = from; t < to; t += QUARTER) if (offsetAt(zone, t) !== offsetAt(zone, t + QUARTER)) {
        let lo = t;
        let hi = t + QUARTER;
        while (hi - lo > 1) {
          const mid = lo + Math.floor((hi - lo) / 2);
          if (offsetAt(zone, mid) === offsetAt(zone, t)) lo = mid;
          else hi = mid;
        }
        probes.push(lo, hi);
      }
      expect(probes.map(offset)).toEqual(probes.map((t) => offsetAt(zone, t)));
    }
  });
});
