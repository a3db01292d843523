// Test helpers for the business-time suite: compact calendars, and instants/durations written as text.
// `at`, `iso` and `dur` are deliberately independent of src/engine/instant.ts and duration.ts, so that
// an expectation never depends on the code under test.
import { BusinessCalendar, CalendarSet } from '../../src/engine/calendar';
import { WEEKDAYS, type Calendar, type HolidayCollection, type HolidayPreset, type OpeningInterval, type Weekday } from '../../src/engine/types';

/**
 * Opening hours of one day as text: `'08:00-16:00'`, several intervals separated by spaces
 * (`'08:00-12:00 13:00-16:00'`), or `''` for closed.
 */
export type HoursText = string;

export interface CalendarDescription {
  zone: string;
  /** Keys: a weekday (`mon`), a range (`mon-thu`), or `daily`; later keys override earlier ones. */
  week: Record<string, HoursText>;
  /** A date-holidays preset, e.g. `{ country: 'DK', types: ['public'] }`. */
  preset?: HolidayPreset;
  /** Explicit holiday days: `YYYY-MM-DD` → replacement hours (`''` = closed all day). */
  days?: Record<string, HoursText>;
}

export function hours(text: HoursText): OpeningInterval[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(/[\s,]+/).map((pair) => {
    const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(pair);
    if (!m) throw new Error(`bad hours "${pair}"`);
    return [m[1]!, m[2]!];
  });
}

function weekdaysOf(key: string): Weekday[] {
  if (key === 'daily') return [...WEEKDAYS];
  const [first, last = first] = key.split('-') as [string, string?];
  const from = WEEKDAYS.indexOf(first as Weekday);
  const to = WEEKDAYS.indexOf(last as Weekday);
  if (from < 0 || to < from) throw new Error(`bad weekday key "${key}"`);
  return WEEKDAYS.slice(from, to + 1);
}

/** The validated `Calendar` and `HolidayCollection` shapes for a description. */
export function definitionOf(description: CalendarDescription, id = 'cal'): { calendar: Calendar; collections: HolidayCollection[] } {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as OpeningInterval[]])) as Record<Weekday, OpeningInterval[]>;
  for (const [key, text] of Object.entries(description.week)) {
    for (const day of weekdaysOf(key)) week[day] = hours(text);
  }
  const hasHolidays = description.preset !== undefined || description.days !== undefined;
  const collections: HolidayCollection[] = hasHolidays
    ? [
        {
          id: `${id}-holidays`,
          ...(description.preset ? { preset: description.preset } : {}),
          days: Object.entries(description.days ?? {}).map(([date, text]) =>
            text.trim() === '' ? { date } : { date, hours: hours(text) },
          ),
        },
      ]
    : [];
  return {
    calendar: { id, timezone: description.zone, week, holidays: collections.map((c) => c.id) },
    collections,
  };
}

/** A fresh, never queried calendar, built the way the engine builds one (through a CalendarSet). */
export function calendar(description: CalendarDescription): BusinessCalendar {
  const { calendar: definition, collections } = definitionOf(description);
  return new CalendarSet([definition], collections).get(definition.id);
}

// ---- Named calendars shared by the example-based tests ----

const OFFICE_WEEK = { 'mon-thu': '08:00-16:00', fri: '08:00-15:30' };
const DK_PUBLIC: HolidayPreset = { country: 'DK', types: ['public'] };

export const CALENDARS = {
  /** The spec's Copenhagen office: Danish public holidays, Christmas Eve closed, New Year's Eve 08–12. */
  cph: {
    zone: 'Europe/Copenhagen',
    week: OFFICE_WEEK,
    preset: DK_PUBLIC,
    days: { '2026-12-24': '', '2026-12-31': '08:00-12:00' },
  },
  /** The same weekly hours without any holidays. */
  cphWeekly: { zone: 'Europe/Copenhagen', week: OFFICE_WEEK },
  kolkata: { zone: 'Asia/Kolkata', week: { 'mon-fri': '09:30-18:00' } },
  /** Monday 22:00 to Tuesday 06:00, written as two intervals on two days. */
  overnight: { zone: 'Europe/Copenhagen', week: { mon: '22:00-24:00', tue: '00:00-06:00' } },
  alwaysUtc: { zone: 'UTC', week: { daily: '00:00-24:00' } },
  alwaysCph: { zone: 'Europe/Copenhagen', week: { daily: '00:00-24:00' } },
  alwaysNy: { zone: 'America/New_York', week: { daily: '00:00-24:00' } },
  alwaysLh: { zone: 'Australia/Lord_Howe', week: { daily: '00:00-24:00' } },
  /** 24x7 but closed on Danish public holidays. */
  alwaysDk: { zone: 'Europe/Copenhagen', week: { daily: '00:00-24:00' }, preset: DK_PUBLIC },
  nightCph: { zone: 'Europe/Copenhagen', week: { daily: '00:00-06:00' } },
  nightNy: { zone: 'America/New_York', week: { daily: '00:00-06:00' } },
  nightLh: { zone: 'Australia/Lord_Howe', week: { daily: '00:00-06:00' } },
  earlyCph: { zone: 'Europe/Copenhagen', week: { daily: '01:00-04:00' } },
  earlyNy: { zone: 'America/New_York', week: { daily: '01:00-04:00' } },
  earlyLh: { zone: 'Australia/Lord_Howe', week: { daily: '01:00-04:00' } },
} satisfies Record<string, CalendarDescription>;

export type CalendarName = keyof typeof CALENDARS;

const shared = new Map<CalendarName, BusinessCalendar>();

/**
 * The named calendar, one instance per test file: compiled years are kept between tests, as CalendarSet keeps
 * them in production. Tests about a calendar's first query use `freshCal`.
 */
export function cal(name: CalendarName): BusinessCalendar {
  let c = shared.get(name);
  if (!c) {
    c = calendar(CALENDARS[name]);
    shared.set(name, c);
  }
  return c;
}

/** A new, never queried instance of a named calendar. */
export function freshCal(name: CalendarName): BusinessCalendar {
  return calendar(CALENDARS[name]);
}

// ---- Instants and durations as text ----

const INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?(Z|[+-]\d\d:\d\d)$/;

/** Epoch ms of an ISO instant that carries an explicit offset (`2026-11-23T09:00:00+01:00`, `…Z`). */
export function at(text: string): number {
  const m = INSTANT.exec(text);
  if (!m) throw new Error(`not an instant with an offset: "${text}"`);
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone![0] === '-' ? -1 : 1;
    offsetMinutes = sign * (+zone!.slice(1, 3) * 60 + +zone!.slice(4, 6));
  }
  return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms === undefined ? 0 : +ms) - offsetMinutes * 60_000;
}

/** `YYYY-MM-DDTHH:MM:SSZ`; a result that is not a whole second keeps its milliseconds, so it cannot pass for one. */
export function iso(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const text = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${text.slice(0, 19)}Z` : text;
}

/** Milliseconds of `PnDTnHnMnS` (a day is 24 h). */
export function dur(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new Error(`not a duration: "${text}"`);
  const [, d = '0', h = '0', mi = '0', s = '0'] = m;
  return (((+d * 24 + +h) * 60 + +mi) * 60 + +s) * 1000;
}

/** Openings as UTC text pairs, for comparing with literal expectations. */
export function openingsIso(calendar: BusinessCalendar, from: string, to: string): Array<[string, string]> {
  return calendar.openings(at(from), at(to)).map(([s, e]) => [iso(s), iso(e)]);
}
