// Which dates of a year a calendar treats specially, from its holiday collections.
// National presets come from date-holidays; explicit days are the admin's own and override a preset on the same date.
import Holidays from 'date-holidays';
import type { HolidayCollection, OpeningInterval } from './types';

/** A date's replacement hours: `closedFrom` (minutes) closes the rest of an otherwise normal day. */
export type HolidayRule =
  | { kind: 'hours'; hours: OpeningInterval[] }
  | { kind: 'closedFrom'; minute: number };

const presets = new Map<string, Holidays>();

function presetFor(country: string): Holidays {
  let holidays = presets.get(country);
  if (!holidays) {
    const [code, state, region] = country.split('-');
    holidays = new Holidays();
    holidays.init(code as string, state as string, region as string);
    presets.set(country, holidays);
  }
  return holidays;
}

/** True when date-holidays knows the country (and state, when written `DE-BY`). */
export function isKnownHolidayCountry(country: string): boolean {
  const [code, state] = country.split('-');
  if (!code) return false;
  const countries = new Holidays().getCountries();
  if (!Object.prototype.hasOwnProperty.call(countries, code.toUpperCase())) return false;
  if (state === undefined) return true;
  const states = new Holidays().getStates(code) ?? {};
  return Object.prototype.hasOwnProperty.call(states, state.toUpperCase());
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
    const types = new Set(preset.types);
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
