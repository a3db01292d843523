// A calendar compiled to sorted open intervals (epoch ms) with running totals of open time, so that
// `add` and `between` are binary searches rather than walks over days or minutes (spec §3, "Business time").
// Intervals are generated one local year at a time into a window of contiguous years, as far as a computation
// needs. The window holds a bounded number of intervals: beyond it, whole years are counted from their open time
// alone (computed without materialising their intervals), so time and memory stay bounded on any valid calendar.
import { holidayRulesForYear, type HolidayRule } from './holidays';
import { parseTimeOfDay } from './time-of-day';
import type { Calendar, HolidayCollection, OpeningInterval, Weekday } from './types';
import { isKnownZone, offsetAt, offsetsNear, wallClockToInstant, wallClockToInstantBy } from './zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Date.getUTCDay() order. */
const WEEKDAY_OF_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** How far a single computation may make the calendar reach, so a calendar that never opens fails instead of looping. */
export const REACH_YEARS = 200;
/** The years calendars are computed for: anything outside is refused as beyond reach, never computed. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
/**
 * Opening intervals the window may hold (about 56 bytes each while it is built): 200 years of office hours, or
 * about three years of one-minute windows every other minute; further years are counted by their totals.
 */
export const MAX_WINDOW_INTERVALS = 1_000_000;
/** Years any window may span whatever its intervals: an instant's local year and one either side. */
const MIN_WINDOW_YEARS = 3;
/** Days before a year whose intervals may still reach into it (a DST gap at the year's end moves them forward). */
const LEAD_DAYS = 3;

/** Minutes-after-midnight intervals, already parsed. */
type DayHours = ReadonlyArray<readonly [number, number]>;

function parseHours(hours: OpeningInterval[]): DayHours {
  return hours.map(([start, end]) => [parseTimeOfDay(start) ?? 0, parseTimeOfDay(end, true) ?? 0] as const);
}

const openMinutesOf = new WeakMap<DayHours, number>();

/** Open minutes of a day's hours, overlaps counted once; remembered for the weekdays' hours, used every week. */
function openMinutes(hours: DayHours): number {
  let minutes = openMinutesOf.get(hours);
  if (minutes === undefined) {
    minutes = countOpenMinutes(hours);
    openMinutesOf.set(hours, minutes);
  }
  return minutes;
}

function countOpenMinutes(hours: DayHours): number {
  return unionLength(hours.filter(([s, e]) => e > s));
}

/** Open time of flat [start, end, …] intervals inside [from, to), overlaps counted once. */
function openWithin(flat: number[], from: number, to: number): number {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) {
    const s = Math.max(flat[i]!, from);
    const e = Math.min(flat[i + 1]!, to);
    if (e > s) pairs.push([s, e]);
  }
  return unionLength(pairs);
}

/** The length of the union of non-empty intervals. */
function unionLength(pairs: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...pairs].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= reach) continue;
    total += e - Math.max(s, reach);
    reach = e;
  }
  return total;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Adds [s, e) to a sorted list of disjoint intervals, as a union: touching or overlapping windows (overnight shifts,
 * DST-shifted hours) become one. Intervals usually arrive in order; a year's last ones can lie past the next year's
 * first when a gap moved them there (Kiritimati skipped 31 December 1994: that Saturday's hours land after Sunday
 * 1 January's), and those are put in their place.
 */
function unionInto(merged: number[], s: number, e: number): void {
  const n = merged.length;
  if (n === 0 || s >= merged[n - 2]!) {
    if (n > 0 && s <= merged[n - 1]!) {
      if (e > merged[n - 1]!) merged[n - 1] = e;
    } else {
      merged.push(s, e);
    }
    return;
  }
  // Out of order: take off the intervals starting after s, add it, and put them back in order.
  let k = n - 2;
  while (k >= 0 && merged[k]! > s) k -= 2;
  const later = merged.splice(k + 2);
  unionInto(merged, s, e);
  for (let i = 0; i < later.length; i += 2) unionInto(merged, later[i]!, later[i + 1]!);
}

function utcYear(t: number): number {
  return new Date(t).getUTCFullYear();
}

export class CalendarRangeError extends RangeError {}

/**
 * What converting a local year's hours needs: its days, the zone's offset at each day's noon (from five days before
 * the year to three after it, so every day from LEAD_DAYS before the year on can tell whether a DST change is near),
 * and the offsets around the days near one.
 */
interface YearPlan {
  year: number;
  /** Local midnight of 1 January written as UTC (Date.UTC). */
  first: number;
  days: number;
  /** Offsets at noon of days −5 … days + 2, at index day + 5. */
  noon: number[];
  /** Offsets around the current run of days near a DST change, with the days they serve. */
  near?: { offset: (instant: number) => number; firstDay: number; lastDay: number };
}

/** Noon samples before a plan's first day: LEAD_DAYS, and two more for telling whether the earliest is near a change. */
const PLAN_LEAD = LEAD_DAYS + 2;

export interface CalendarLimits {
  /** Opening intervals the window may hold; tests lower it to exercise the counting by years. */
  windowIntervals?: number;
}

export class BusinessCalendar {
  readonly id: string;
  readonly timezone: string;
  private readonly week: Record<Weekday, DayHours>;
  private readonly collections: HolidayCollection[];
  private readonly windowIntervals: number;
  /** Opening intervals in an ordinary week: the estimate of a year not yet compiled. */
  private readonly weeklyIntervals: number;

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

  private readonly yearStarts = new Map<number, number>();
  private readonly yearTotals = new Map<number, number>();
  private readonly holidayRules = new Map<number, Map<string, HolidayRule>>();
  private plan: YearPlan | undefined;

  constructor(calendar: Calendar, collections: HolidayCollection[], limits: CalendarLimits = {}) {
    this.id = calendar.id;
    this.timezone = calendar.timezone;
    this.collections = collections;
    this.windowIntervals = limits.windowIntervals ?? MAX_WINDOW_INTERVALS;
    const week = {} as Record<Weekday, DayHours>;
    for (const day of WEEKDAY_OF_UTC_DAY) week[day] = parseHours(calendar.week[day] ?? []);
    this.week = week;
    this.weeklyIntervals = WEEKDAY_OF_UTC_DAY.reduce((sum, day) => sum + week[day].length, 0);
  }

  /** The instant at which business time counted from `from` reaches `duration` ms (spec §3 `add`). */
  add(from: number, duration: number): number {
    this.cover(from);
    if (duration <= 0) return this.firstOpenFrom(from);
    const goal = this.position(from) + duration;
    while (this.openInWindow() < goal) {
      if (!this.extendForward(from)) return this.addByYears(from, goal);
    }
    const j = this.firstReaching(goal);
    // The end of interval j is reached at cumEnd[j]; walking back from there lands exactly on a closing
    // instant when the goal is reached at closing time, as the spec asks.
    return this.ends[j]! - (this.cumEnd[j]! - goal);
  }

  /** Business milliseconds inside `[a, b)`; negative when b < a. */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    if (this.coverSpan(a, b)) return this.position(b) - this.position(a);
    return this.betweenByYears(a, b);
  }

  /** The open intervals meeting `[from, to)`, clipped to it: for previews of the next openings. */
  openings(from: number, to: number): Array<[number, number]> {
    if (to <= from) return [];
    if (!this.coverSpan(from, to)) {
      throw new CalendarRangeError(`calendar ${this.id}: too many openings between ${new Date(from).toISOString()} and ${new Date(to).toISOString()} to list`);
    }
    const out: Array<[number, number]> = [];
    for (let i = this.firstEndingAfter(from); i < this.starts.length && this.starts[i]! < to; i++) {
      out.push([Math.max(this.starts[i]!, from), Math.min(this.ends[i]!, to)]);
    }
    return out;
  }

  /** Opening intervals compiled and held now: at most MAX_WINDOW_INTERVALS, or three years' when those are more. */
  get heldIntervals(): number {
    let held = 0;
    for (const intervals of this.yearIntervals.values()) held += intervals.length / 2;
    return held;
  }

  /** Whether the calendar is open at an instant. */
  isOpen(at: number): boolean {
    this.cover(at);
    const idx = this.firstEndingAfter(at);
    return idx < this.starts.length && this.starts[idx]! <= at;
  }

  /** `add(from, 0)`: the first open instant at or after `from`. */
  private firstOpenFrom(from: number): number {
    let idx = this.firstEndingAfter(from);
    while (idx === this.starts.length) {
      if (!this.extendForward(from)) return this.firstOpenInYearsAfter(from);
      idx = this.firstEndingAfter(from);
    }
    const start = this.starts[idx]!;
    return start > from ? start : from;
  }

  /** Open time from the start of the window to its last interval's end. */
  private openInWindow(): number {
    return this.cumEnd.length === 0 ? 0 : this.cumEnd[this.cumEnd.length - 1]!;
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

  // ---- the window of compiled years ----

  /** Makes the window contain instant t (its local year and one either side). */
  private cover(t: number): void {
    if (this.lastYear >= this.firstYear && t >= this.coverStart && t < this.coverEnd) return;
    const year = this.localYear(t);
    this.coverYears(year - 1, year + 1);
  }

  /**
   * Makes the window contain [a, b] (their local years, and the one before, whose last intervals may reach into
   * a's) when it can hold the years between them; false when it cannot.
   */
  private coverSpan(a: number, b: number): boolean {
    if (this.lastYear >= this.firstYear && a >= this.coverStart && b < this.coverEnd) return true;
    return this.coverYears(this.localYear(a) - 1, this.localYear(b));
  }

  /**
   * Makes the window contain the years first–last: grown to include them when it can hold the whole span, else
   * moved to them alone; false when even they are too many intervals to hold.
   */
  private coverYears(first: number, last: number): boolean {
    this.checkReach(first, last);
    if (this.firstYear <= first && last <= this.lastYear) return true;
    if (this.lastYear < this.firstYear) {
      if (!this.fits(first, last)) return false;
      this.setYears(first, last);
      return true;
    }
    const hullFirst = Math.min(this.firstYear, first);
    const hullLast = Math.max(this.lastYear, last);
    if (this.fits(hullFirst, hullLast)) this.setYears(hullFirst, hullLast);
    else if (this.fits(first, last)) this.setYears(first, last);
    else return false;
    return true;
  }

  /** One more year at the window's end for a computation starting at `from`; false when the window is full. */
  private extendForward(from: number): boolean {
    const next = this.lastYear + 1;
    this.checkReach(this.localYear(from) - 1, next);
    if (!this.fits(this.firstYear, next)) return false;
    this.setYears(this.firstYear, next);
    return true;
  }

  /** Throws when a computation would reach beyond REACH_YEARS or outside the years calendars are computed for. */
  private checkReach(first: number, last: number): void {
    if (last - first + 1 > REACH_YEARS || first < FIRST_YEAR || last > LAST_YEAR) {
      throw new CalendarRangeError(
        `calendar ${this.id}: the computation reaches beyond ${REACH_YEARS} years of opening hours (${first}–${last}); ` +
          'is the calendar ever open, and are the instants and durations plausible?',
      );
    }
  }

  /** Whether a window of these years stays within its bound of intervals (a few years always do). */
  private fits(first: number, last: number): boolean {
    if (last - first + 1 > REACH_YEARS) return false;
    if (last - first + 1 <= MIN_WINDOW_YEARS) return true;
    let intervals = 0;
    const estimate = Math.ceil((this.weeklyIntervals * 366) / 7);
    for (let year = first; year <= last; year++) {
      const compiled = this.yearIntervals.get(year);
      intervals += compiled ? compiled.length / 2 : estimate;
      if (intervals > this.windowIntervals) return false;
    }
    return true;
  }

  private setYears(first: number, last: number): void {
    // Years left outside the window are dropped: memory follows the window, not the calendar's history.
    for (const year of this.yearIntervals.keys()) if (year < first || year > last) this.yearIntervals.delete(year);
    const merged: number[] = [];
    for (let year = first; year <= last; year++) {
      let intervals = this.yearIntervals.get(year);
      if (!intervals) {
        intervals = this.compileYear(year);
        this.yearIntervals.set(year, intervals);
      }
      for (let i = 0; i < intervals.length; i += 2) unionInto(merged, intervals[i]!, intervals[i + 1]!);
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
    this.coverStart = this.yearStart(first);
    this.coverEnd = this.yearStart(last + 1);
  }

  // ---- whole years beyond the window ----

  /** [a, b) across more years than the window holds: the ends from the window, the years between from their totals. */
  private betweenByYears(a: number, b: number): number {
    const first = this.localYear(a);
    const last = this.localYear(b);
    const head = this.openInLocalYear(first, a, this.yearStart(first + 1));
    let middle = 0;
    for (let year = first + 1; year < last; year++) middle += this.openInYear(year);
    return head + middle + this.openInLocalYear(last, this.yearStart(last), b);
  }

  /** Open time in [a, b), both within one local year, from a window of that year and the one before it. */
  private openInLocalYear(year: number, a: number, b: number): number {
    this.coverYears(year - 1, year);
    return this.position(b) - this.position(a);
  }

  /** The rest of an `add` whose goal lies beyond what the window holds: whole years are skipped by their totals. */
  private addByYears(from: number, goal: number): number {
    let remaining = goal - this.position(this.coverEnd);
    let year = this.lastYear + 1;
    for (;;) {
      this.checkReach(this.localYear(from) - 1, year);
      const open = this.openInYear(year);
      if (open > 0 && remaining <= open) break;
      remaining -= open;
      year++;
    }
    this.coverYears(year - 1, year);
    const target = this.position(this.yearStart(year)) + remaining;
    const j = this.firstReaching(target);
    return this.ends[j]! - (this.cumEnd[j]! - target);
  }

  /** `add(from, 0)` when the window holds no opening after `from`: the first opening of a later year. */
  private firstOpenInYearsAfter(from: number): number {
    let year = this.lastYear + 1;
    for (;;) {
      this.checkReach(this.localYear(from) - 1, year);
      if (this.openInYear(year) > 0) break;
      year++;
    }
    this.coverYears(year - 1, year);
    const start = this.yearStart(year);
    const first = this.starts[this.firstEndingAfter(start)]!;
    return first > start ? first : start;
  }

  /** The local year an instant falls in. */
  private localYear(t: number): number {
    const year = utcYear(t);
    if (t < this.yearStart(year)) return year - 1;
    return t >= this.yearStart(year + 1) ? year + 1 : year;
  }

  /** The instant local 1 January of a year begins. */
  private yearStart(year: number): number {
    let start = this.yearStarts.get(year);
    if (start === undefined) {
      start = wallClockToInstant(this.timezone, Date.UTC(year, 0, 1));
      this.yearStarts.set(year, start);
    }
    return start;
  }

  /**
   * Open time of a local year, [1 January, next 1 January), without materialising its intervals: a day far from any
   * DST change adds its hours' length (its intervals are its own), the days near one are converted and counted
   * once, together with those of the last days before the year, which a DST gap may move into it.
   */
  private openInYear(year: number): number {
    let total = this.yearTotals.get(year);
    if (total !== undefined) return total;
    const plan = this.planOf(year);
    total = 0;
    const shifted: number[] = [];
    for (let d = -LEAD_DAYS; d < plan.days; d++) {
      const fixed = this.isFixed(plan, d);
      if (d < 0 && fixed) continue;
      const hours = this.hoursOfDay(plan, d);
      if (hours.length === 0) continue;
      if (fixed) total += openMinutes(hours) * MINUTE;
      else this.convertDay(plan, d, hours, shifted);
    }
    total += openWithin(shifted, this.yearStart(year), this.yearStart(year + 1));
    this.yearTotals.set(year, total);
    return total;
  }

  // ---- compiling a year ----

  /** Open intervals of one local year as a flat [start, end, start, end, …] list of instants, sorted. */
  private compileYear(year: number): number[] {
    const plan = this.planOf(year);
    const out: number[] = [];
    for (let d = 0; d < plan.days; d++) {
      const hours = this.hoursOfDay(plan, d);
      if (hours.length > 0) this.convertDay(plan, d, hours, out);
    }
    return sortPairs(out);
  }

  private planOf(year: number): YearPlan {
    if (this.plan?.year === year) return this.plan;
    const first = Date.UTC(year, 0, 1);
    const days = Math.round((Date.UTC(year + 1, 0, 1) - first) / DAY);
    // One offset sample per day (at noon): a day whose neighbourhood shows a single offset has no DST change and
    // converts by subtraction; only the few days near a change need the zone's rules.
    const noon: number[] = [];
    for (let d = -PLAN_LEAD; d < days + 3; d++) noon.push(offsetAt(this.timezone, first + d * DAY + DAY / 2));
    this.plan = { year, first, days, noon };
    return this.plan;
  }

  /** Whether day d of the plan is at least two days from any DST change (one offset from d − 2 to d + 2). */
  private isFixed(plan: YearPlan, d: number): boolean {
    const i = d + PLAN_LEAD;
    const offset = plan.noon[i]!;
    return plan.noon[i - 2] === offset && plan.noon[i - 1] === offset && plan.noon[i + 1] === offset && plan.noon[i + 2] === offset;
  }

  /** The hours of day d of the plan (d < 0: the last days of the year before), holidays applied. */
  private hoursOfDay(plan: YearPlan, d: number): DayHours {
    const date = new Date(plan.first + d * DAY);
    const year = date.getUTCFullYear();
    const key = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    return this.hoursOn(WEEKDAY_OF_UTC_DAY[date.getUTCDay()]!, this.rulesOf(year).get(key));
  }

  private rulesOf(year: number): Map<string, HolidayRule> {
    let rules = this.holidayRules.get(year);
    if (!rules) {
      rules = holidayRulesForYear(this.collections, year);
      this.holidayRules.set(year, rules);
    }
    return rules;
  }

  /** Appends day d's intervals as instants; an interval a DST gap makes empty or reversed is dropped (spec §3). */
  private convertDay(plan: YearPlan, d: number, hours: DayHours, out: number[]): void {
    const local = plan.first + d * DAY;
    let toInstant: (wall: number) => number;
    if (this.isFixed(plan, d)) {
      const offset = plan.noon[d + PLAN_LEAD]!;
      toInstant = (wall) => wall - offset * MINUTE;
    } else {
      const offset = this.offsetsAround(plan, d);
      toInstant = (wall) => wallClockToInstantBy(offset, wall);
    }
    for (const [startMinute, endMinute] of hours) {
      const s = toInstant(local + startMinute * MINUTE);
      const e = toInstant(local + endMinute * MINUTE);
      if (e > s) out.push(s, e);
    }
  }

  /**
   * The zone's offsets around day d, which is near a DST change: found once for the run of such days it starts
   * (from three days before it to three after the run, all that converting their times asks about).
   */
  private offsetsAround(plan: YearPlan, d: number): (instant: number) => number {
    if (plan.near && d >= plan.near.firstDay && d <= plan.near.lastDay) return plan.near.offset;
    let last = d;
    while (last + 1 < plan.days && !this.isFixed(plan, last + 1)) last++;
    const from = plan.first + (d - 3) * DAY + DAY / 2;
    const to = plan.first + (last + 3) * DAY + DAY / 2;
    plan.near = { offset: offsetsNear(this.timezone, from, to), firstDay: d, lastDay: last };
    return plan.near.offset;
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

/**
 * Sorts a flat interval list by start, in place and stably: an insertion sort, since the list is in order but for
 * the few intervals a DST change moves past their neighbours (a no-op for ordinary calendars).
 */
function sortPairs(flat: number[]): number[] {
  for (let i = 2; i < flat.length; i += 2) {
    const s = flat[i]!;
    if (s >= flat[i - 2]!) continue;
    const e = flat[i + 1]!;
    let j = i - 2;
    while (j >= 0 && flat[j]! > s) {
      flat[j + 2] = flat[j]!;
      flat[j + 3] = flat[j + 1]!;
      j -= 2;
    }
    flat[j + 2] = s;
    flat[j + 3] = e;
  }
  return flat;
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
