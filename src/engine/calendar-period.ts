// Calendar periods (§6): contract notice periods, renewal terms and reminder offsets are written `P3M`, `P1Y`,
// `P2W`, `P30D`. They move dates, not business time: "three months' notice" is the same date three months earlier,
// whatever the opening hours. Dates are plain `YYYY-MM-DD` values; no zone is involved until a date becomes an instant.
import type { CalendarDate } from './types';

export interface CalendarPeriodParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const PERIOD = /^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,5})W)?(?:(\d{1,6})D)?$/;

/** The parts of `P1Y6M`, `P3M`, `P2W`, `P30D`, `P0D`; undefined for anything else (times of day included). */
export function parseCalendarPeriod(text: string): CalendarPeriodParts | undefined {
  if (text === 'P') return undefined;
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

export function isZeroPeriod(parts: CalendarPeriodParts): boolean {
  return parts.years === 0 && parts.months === 0 && parts.weeks === 0 && parts.days === 0;
}

/** Why a text is not a calendar period, in words an admin understands. */
export function explainBadCalendarPeriod(text: string): string {
  if (/^P.*T/.test(text)) return `"${text}" has a time part; a calendar period counts years, months, weeks and days, e.g. P3M or P30D`;
  return `"${text}" is not a calendar period such as P3M, P1Y, P2W or P30D`;
}

const DAY = 86_400_000;

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

function parseDate(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
}

function formatDate(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The date `times` periods after `date` (before it when negative). Years and months move first and a day past the
 * month's end becomes its last day (31 May − P3M = 28 Feb), then weeks and days. Multiplying the period rather than
 * repeating it keeps monthly terms on their day: 31 Jan + 2 × P1M = 31 Mar, not 28 Mar.
 */
export function addCalendarPeriod(date: CalendarDate, period: CalendarPeriodParts, times = 1): CalendarDate {
  const [year, month, day] = parseDate(date);
  const totalMonths = year * 12 + month + times * (period.years * 12 + period.months);
  const newYear = Math.floor(totalMonths / 12);
  const newMonth = totalMonths - newYear * 12;
  const clamped = Math.min(day, daysInMonth(newYear, newMonth));
  return formatDate(utc(newYear, newMonth, clamped) + times * (period.weeks * 7 + period.days) * DAY);
}

/** An upper bound of the period's length in days (a month as 31, a year as 366), for estimating counts of terms. */
export function longestDays(period: CalendarPeriodParts): number {
  return period.years * 366 + period.months * 31 + period.weeks * 7 + period.days;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const [ya, ma, da] = parseDate(a);
  const [yb, mb, db] = parseDate(b);
  return Math.round((utc(yb, mb, db) - utc(ya, ma, da)) / DAY);
}

/**
 * A calendar period in words: `P3M` → `3 months`, `P1Y2W` → `1 year and 2 weeks`, `P0D` → `0 days`. Calendar periods
 * move dates, so days are the right word here (business time is never said in days: wording.ts).
 */
export function formatCalendarPeriod(text: string): string {
  const parts = parseCalendarPeriod(text);
  if (parts === undefined) return text;
  const words = (['years', 'months', 'weeks', 'days'] as const)
    .filter((unit) => parts[unit] > 0)
    .map((unit) => `${parts[unit]} ${parts[unit] === 1 ? unit.slice(0, -1) : unit}`);
  if (words.length === 0) return '0 days';
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}
