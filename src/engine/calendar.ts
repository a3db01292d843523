// A calendar compiled to sorted open intervals (epoch ms) with running totals of open time, so that
// `add` and `between` are binary searches rather than walks over days or minutes (spec §3, "Business time").
// Intervals are generated one local year at a time, as far as a computation needs, and kept contiguous.
import { holidayRulesForYear, type HolidayRule } from './holidays';
import { parseTimeOfDay } from './time-of-day';
import type { Calendar, HolidayCollection, OpeningInterval, Weekday } from './types';
import { isKnownZone, offsetAt, wallClockToInstant } from './zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Date.getUTCDay() order. */
const WEEKDAY_OF_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** How far a single computation may make the calendar reach, so a calendar that never opens fails instead of looping. */
const MAX_YEARS = 200;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** Minutes-after-midnight intervals, already parsed. */
type DayHours = ReadonlyArray<readonly [number, number]>;

function parseHours(hours: OpeningInterval[]): DayHours {
  return hours.map(([start, end]) => [parseTimeOfDay(start) ?? 0, parseTimeOfDay(end, true) ?? 0] as const);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export class CalendarRangeError extends RangeError {}

export class BusinessCalendar {
  readonly id: string;
  readonly timezone: string;
  private readonly week: Record<Weekday, DayHours>;
  private readonly collections: HolidayCollection[];

  /** Local years covered, inclusive; empty until the first query. */
  private firstYear = 0;
  private lastYear = -1;
  private readonly yearIntervals = new Map<number, number[]>();
  /** Instants where the covered span starts and ends (local midnights of Jan 1). */
  private coverStart = 0;
  private coverEnd = 0;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Open milliseconds before the end of interval i, counted from the start of the covered span. */
  private cumEnd = new Float64Array(0);

  constructor(calendar: Calendar, collections: HolidayCollection[]) {
    this.id = calendar.id;
    this.timezone = calendar.timezone;
    this.collections = collections;
    const week = {} as Record<Weekday, DayHours>;
    for (const day of WEEKDAY_OF_UTC_DAY) week[day] = parseHours(calendar.week[day] ?? []);
    this.week = week;
  }

  /** The instant at which business time counted from `from` reaches `duration` ms (spec §3 `add`). */
  add(from: number, duration: number): number {
    this.cover(from);
    let idx = this.firstEndingAfter(from);
    while (idx === this.starts.length) {
      this.extendForward();
      idx = this.firstEndingAfter(from);
    }
    const start = this.starts[idx]!;
    if (duration <= 0) return start > from ? start : from;
    const position = this.cumEnd[idx]! - (this.ends[idx]! - start) + (start > from ? 0 : from - start);
    const goal = position + duration;
    while (this.cumEnd[this.cumEnd.length - 1]! < goal) this.extendForward();
    const j = this.firstReaching(goal);
    // The end of interval j is reached at cumEnd[j]; walking back from there lands exactly on a closing
    // instant when the goal is reached at closing time, as the spec asks.
    return this.ends[j]! - (this.cumEnd[j]! - goal);
  }

  /** Business milliseconds inside `[a, b)`; negative when b < a. */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    this.cover(a);
    this.cover(b);
    return this.position(b) - this.position(a);
  }

  /** The open intervals meeting `[from, to)`, clipped to it: for previews of the next openings. */
  openings(from: number, to: number): Array<[number, number]> {
    if (to <= from) return [];
    this.cover(from);
    this.cover(to);
    const out: Array<[number, number]> = [];
    for (let i = this.firstEndingAfter(from); i < this.starts.length && this.starts[i]! < to; i++) {
      out.push([Math.max(this.starts[i]!, from), Math.min(this.ends[i]!, to)]);
    }
    return out;
  }

  /** Whether the calendar is open at an instant. */
  isOpen(at: number): boolean {
    this.cover(at);
    const idx = this.firstEndingAfter(at);
    return idx < this.starts.length && this.starts[idx]! <= at;
  }

  private position(t: number): number {
    const idx = this.firstEndingAfter(t);
    if (idx === this.starts.length) return idx === 0 ? 0 : this.cumEnd[idx - 1]!;
    const start = this.starts[idx]!;
    const before = this.cumEnd[idx]! - (this.ends[idx]! - start);
    return start >= t ? before : before + (t - start);
  }

  /** Index of the first interval whose end is after t (this.starts.length when none). */
  private firstEndingAfter(t: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the first interval whose running total reaches `goal`. */
  private firstReaching(goal: number): number {
    const cum = this.cumEnd;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= goal) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Makes the compiled span contain instant t. */
  private cover(t: number): void {
    if (this.lastYear < this.firstYear) {
      const year = new Date(t).getUTCFullYear();
      this.setYears(year - 1, year + 1);
      return;
    }
    if (t >= this.coverStart && t < this.coverEnd) return;
    const year = new Date(t).getUTCFullYear();
    if (t < this.coverStart) this.setYears(Math.min(this.firstYear - 1, year - 1), this.lastYear);
    else this.setYears(this.firstYear, Math.max(this.lastYear + 1, year + 1));
  }

  private extendForward(): void {
    this.setYears(this.firstYear, this.lastYear + 1);
  }

  private setYears(first: number, last: number): void {
    if (last - first + 1 > MAX_YEARS || first < FIRST_YEAR || last > LAST_YEAR) {
      throw new CalendarRangeError(
        `calendar ${this.id}: the computation reaches beyond ${MAX_YEARS} years of opening hours (${first}–${last}); ` +
          'is the calendar ever open, and are the instants and durations plausible?',
      );
    }
    const merged: number[] = [];
    for (let year = first; year <= last; year++) {
      let intervals = this.yearIntervals.get(year);
      if (!intervals) {
        intervals = this.compileYear(year);
        this.yearIntervals.set(year, intervals);
      }
      for (let i = 0; i < intervals.length; i += 2) {
        const s = intervals[i]!;
        const e = intervals[i + 1]!;
        const n = merged.length;
        // Union: touching or overlapping windows (overnight shifts, DST-shifted hours) become one.
        if (n > 0 && s <= merged[n - 1]!) {
          if (e > merged[n - 1]!) merged[n - 1] = e;
        } else {
          merged.push(s, e);
        }
      }
    }
    const count = merged.length / 2;
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    const cumEnd = new Float64Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = merged[2 * i]!;
      ends[i] = merged[2 * i + 1]!;
      total += ends[i]! - starts[i]!;
      cumEnd[i] = total;
    }
    this.starts = starts;
    this.ends = ends;
    this.cumEnd = cumEnd;
    this.firstYear = first;
    this.lastYear = last;
    this.coverStart = wallClockToInstant(this.timezone, Date.UTC(first, 0, 1));
    this.coverEnd = wallClockToInstant(this.timezone, Date.UTC(last + 1, 0, 1));
  }

  /** Open intervals of one local year as a flat [start, end, start, end, …] list of instants, sorted. */
  private compileYear(year: number): number[] {
    const rules = holidayRulesForYear(this.collections, year);
    const out: number[] = [];
    const first = Date.UTC(year, 0, 1);
    const next = Date.UTC(year + 1, 0, 1);
    const days = Math.round((next - first) / DAY);
    // One offset sample per day (at noon, ±2 days around the year): a day whose neighbourhood shows a single
    // offset has no DST change and converts by subtraction; only the few days near a change need the full rules.
    const samples: number[] = [];
    for (let d = -2; d < days + 2; d++) samples.push(offsetAt(this.timezone, first + d * DAY + DAY / 2));
    for (let d = 0; d < days; d++) {
      const local = first + d * DAY;
      const date = new Date(local);
      const weekday = WEEKDAY_OF_UTC_DAY[date.getUTCDay()]!;
      const key = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
      const hours = this.hoursOn(weekday, rules.get(key));
      if (hours.length === 0) continue;
      const offset = samples[d + 2]!;
      const fixed = samples[d] === offset && samples[d + 1] === offset && samples[d + 3] === offset && samples[d + 4] === offset;
      const toInstant = fixed
        ? (wall: number) => wall - offset * MINUTE
        : (wall: number) => wallClockToInstant(this.timezone, wall);
      for (const [startMinute, endMinute] of hours) {
        const s = toInstant(local + startMinute * MINUTE);
        const e = toInstant(local + endMinute * MINUTE);
        // A DST gap can make an interval empty or reversed: the spec drops it.
        if (e > s) out.push(s, e);
      }
    }
    return sortPairs(out);
  }

  private hoursOn(weekday: Weekday, rule: HolidayRule | undefined): DayHours {
    if (!rule) return this.week[weekday];
    if (rule.kind === 'hours') return parseHours(rule.hours);
    const closing = rule.minute;
    return this.week[weekday]
      .filter(([s]) => s < closing)
      .map(([s, e]) => [s, Math.min(e, closing)] as const);
  }
}

/** Sorts a flat interval list by start (a no-op for ordinary calendars, needed after DST shifts). */
function sortPairs(flat: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < flat.length; i += 2) if (flat[i]! < flat[i - 2]!) sorted = false;
  if (sorted) return flat;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  return pairs.flat();
}

/**
 * A calendar read in another zone is named `ID@ZONE` (`cph-office@America/New_York`) wherever a calendar id goes:
 * an obligation's `calendar`, the stored record, `CalendarSet.get`. IANA zone names never contain `@`.
 */
export function calendarKey(id: string, zone: string): string {
  return `${id}@${zone}`;
}

/** The calendar id and zone of a key; a plain id has no zone. */
export function splitCalendarKey(key: string): { id: string; zone?: string } {
  const at = key.lastIndexOf('@');
  return at <= 0 || at === key.length - 1 ? { id: key } : { id: key.slice(0, at), zone: key.slice(at + 1) };
}

/**
 * Compiles the calendars of a bundle on demand and keeps them: compilation is the expensive part. A key
 * `ID@ZONE` is the calendar read in another zone, compiled and kept once per calendar and zone.
 */
export class CalendarSet {
  private readonly compiled = new Map<string, BusinessCalendar>();

  constructor(
    private readonly calendars: Calendar[],
    private readonly collections: HolidayCollection[],
  ) {}

  get(key: string): BusinessCalendar {
    let calendar = this.compiled.get(key);
    if (!calendar) {
      const definition = this.definitionOf(key);
      if (!definition) throw new RangeError(`unknown calendar "${key}"`);
      const collections = definition.holidays
        .map((hid) => this.collections.find((h) => h.id === hid))
        .filter((h): h is HolidayCollection => h !== undefined);
      calendar = new BusinessCalendar(definition, collections);
      this.compiled.set(key, calendar);
    }
    return calendar;
  }

  has(key: string): boolean {
    return this.definitionOf(key) !== undefined;
  }

  /** A calendar by id, else by `ID@ZONE`: the same hours and holidays with another zone (an exact id wins). */
  private definitionOf(key: string): Calendar | undefined {
    const exact = this.calendars.find((c) => c.id === key);
    if (exact) return exact;
    const { id, zone } = splitCalendarKey(key);
    if (zone === undefined || !isKnownZone(zone)) return undefined;
    const base = this.calendars.find((c) => c.id === id);
    return base && { ...base, id: key, timezone: zone };
  }
}
