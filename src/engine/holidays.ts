// Which dates of a year a calendar treats specially, from its holiday collections.
// National presets come from date-holidays; explicit days are the admin's own and override a preset on the same date.
// This is the one place that uses date-holidays; it loads it only when a preset is used, because the library
// takes longer to load than the batch CLI takes to compute a hundred thousand deadlines.
import type HolidaysLibrary from 'date-holidays';
import type { HolidayCollection, OpeningInterval } from './types';

/** date-holidays' holiday types. */
export const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;

/** A date's replacement hours: `closedFrom` (minutes) closes the rest of an otherwise normal day. */
export type HolidayRule =
  | { kind: 'hours'; hours: OpeningInterval[] }
  | { kind: 'closedFrom'; minute: number };

type Holidays = HolidaysLibrary;
let library: (new () => Holidays) | undefined;

function createHolidays(): Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  library ??= require('date-holidays') as new () => Holidays;
  return new library();
}

const presets = new Map<string, Holidays>();

function presetFor(country: string): Holidays {
  let holidays = presets.get(country);
  if (!holidays) {
    const [code, state, region] = country.toUpperCase().split('-');
    holidays = createHolidays();
    holidays.init(code as string, state as string, region as string);
    presets.set(country, holidays);
  }
  return holidays;
}

// Own keys only: a code such as "constructor" or "__proto__" must not be found on Object.prototype.
function hasCode(table: Readonly<Record<string, string>> | undefined, code: string): boolean {
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, code);
}

const countryVerdicts = new Map<string, string | undefined>();

function explain(code: string): string | undefined {
  const catalogue = createHolidays();
  const parts = code.split('-').map((part) => part.toUpperCase());
  const [country = '', state, region] = parts;
  if (parts.length > 3 || !hasCode(catalogue.getCountries(), country)) {
    return `unknown country "${code}" for holiday presets; expected a code such as DK or DE-BY`;
  }
  // getStates/getRegions return undefined (despite their typings) for countries without subdivisions.
  const states = catalogue.getStates(country) as Record<string, string> | undefined;
  if (state !== undefined && !hasCode(states, state)) return `country ${country} has no state "${state}" for holiday presets`;
  const regions = state === undefined ? undefined : (catalogue.getRegions(country, state) as Record<string, string> | undefined);
  if (region !== undefined && !hasCode(regions, region)) {
    return `state ${country}-${state} has no region "${region}" for holiday presets`;
  }
  return undefined;
}

/**
 * Why a preset country code (`DK`, `DE-BY`, `DE-BY-A`, any letter case) is unknown to date-holidays;
 * undefined when it is fine (the engine would otherwise silently get no holidays).
 */
export function explainBadPresetCountry(code: string): string | undefined {
  if (countryVerdicts.has(code)) return countryVerdicts.get(code);
  const message = explain(code);
  // Bundles name a handful of countries; the bound only guards a long-lived process against junk input.
  if (countryVerdicts.size < 1000) countryVerdicts.set(code, message);
  return message;
}

/**
 * The special dates of one local year across the given collections, keyed `YYYY-MM-DD`.
 * Explicit days beat presets; between collections, the one listed first on the calendar wins.
 */
export function holidayRulesForYear(collections: HolidayCollection[], year: number): Map<string, HolidayRule> {
  const rules = new Map<string, HolidayRule>();
  const prefix = `${year}-`;
  for (const collection of collections) {
    for (const day of collection.days) {
      if (day.date.startsWith(prefix) && !rules.has(day.date)) {
        rules.set(day.date, { kind: 'hours', hours: day.hours ?? [] });
      }
    }
  }
  for (const collection of collections) {
    const preset = collection.preset;
    if (!preset) continue;
    const types = new Set<string>(preset.types);
    for (const holiday of presetFor(preset.country).getHolidays(year)) {
      if (types.size > 0 && !types.has(holiday.type)) continue;
      const date = holiday.date.slice(0, 10);
      if (rules.has(date)) continue;
      // Some holidays begin mid-day (German Christmas Eve from 14:00): the day is open until then.
      const [h, m] = holiday.date.slice(11, 16).split(':').map(Number);
      const minute = (h ?? 0) * 60 + (m ?? 0);
      rules.set(date, minute === 0 ? { kind: 'hours', hours: [] } : { kind: 'closedFrom', minute });
    }
  }
  return rules;
}
