// Instants cross every boundary as epoch milliseconds; text only at the edges (CLI, stores, UI).
// A hand-written parser because the batch CLI parses hundreds of thousands of instants per second.

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `year-month-day` is a real date of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (DAYS_IN_MONTH[month - 1] as number);
}

/**
 * Parses an ISO-8601 instant with an explicit offset (`Z`, `+01:00`, `+0100`, `+01`) to epoch milliseconds.
 * Returns undefined for anything else, including impossible dates and instants without an offset
 * (a wall-clock time alone does not name an instant).
 */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = m[6] === undefined ? 0 : +m[6];
  if (!isRealDate(year, month, day) || hour > 24 || minute > 59 || second > 59) return undefined;
  if (hour === 24 && (minute !== 0 || second !== 0 || m[7] !== undefined)) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  let offsetMinutes = 0;
  const zone = m[8]!;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** `YYYY-MM-DDTHH:MM:SSZ`: whole seconds (truncated), always UTC. */
export function formatInstant(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const iso = new Date(whole).toISOString();
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}
