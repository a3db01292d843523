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
  const fast = parseInstantAt(text, 0, text.length);
  if (fast !== undefined) return fast;
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

// ---- Fast paths for the batch CLI: the common shapes without regular expressions or Date objects. ----

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date object needed. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Value of two ASCII digits at i, or -1. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The instant written in `text` between `start` and `end`, when it has one of the common shapes: seconds with
 * optional milliseconds, then `Z`, `±hh:mm` or `±hhmm` (`2026-11-23T09:00:00Z`, Jira's `2026-11-23T09:00:00.000+0100`);
 * undefined for any other shape (parseInstant's regular expression handles those). Reading in place lets the batch
 * CLI parse a line without cutting it into strings, and the event path parse thousands of Jira timestamps quickly.
 */
export function parseInstantAt(text: string, start: number, end: number): number | undefined {
  const c = start;
  if (end - c < 20) return undefined;
  if (text.charCodeAt(c + 4) !== 45 || text.charCodeAt(c + 7) !== 45 || text.charCodeAt(c + 10) !== 84 || text.charCodeAt(c + 13) !== 58 || text.charCodeAt(c + 16) !== 58) {
    return undefined;
  }
  const century = two(text, c);
  const yy = two(text, c + 2);
  const month = two(text, c + 5);
  const day = two(text, c + 8);
  const hour = two(text, c + 11);
  const minute = two(text, c + 14);
  const second = two(text, c + 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  let i = c + 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    const hundreds = text.charCodeAt(i + 1) - 48;
    const rest = two(text, i + 2);
    if (hundreds < 0 || hundreds > 9 || rest < 0) return undefined;
    millis = hundreds * 100 + rest;
    i += 4;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 && i + 1 === end) {
    // Z
  } else if ((zone === 43 || zone === 45) && (i + 6 === end || i + 5 === end)) {
    const colon = i + 6 === end;
    const oh = two(text, i + 1);
    const om = two(text, colon ? i + 4 : i + 3);
    if ((colon && text.charCodeAt(i + 3) !== 58) || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  const year = century * 100 + yy;
  if (!isRealDate(year, month, day)) return undefined;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

const datePrefixes = new Map<number, Uint8Array>();
const DAY_SECONDS = 86_400;
/** Days of 0000-01-01 and 10000-01-01 since the epoch: the range where the text has a four-digit year. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_897;
/** Bytes of `YYYY-MM-DDTHH:MM:SSZ`. */
export const INSTANT_LENGTH = 20;

/** `YYYY-MM-DDT` of a day as ASCII bytes, memoised: deadlines fall on a few thousand distinct days. */
function datePrefix(day: number): Uint8Array {
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    const text = new Date(day * DAY_SECONDS * 1000).toISOString();
    prefix = new Uint8Array(11);
    for (let i = 0; i < 11; i++) prefix[i] = text.charCodeAt(i);
    if (datePrefixes.size < 100_000) datePrefixes.set(day, prefix);
  }
  return prefix;
}

function writeTwo(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = 48 + Math.floor(value / 10);
  bytes[at + 1] = 48 + (value % 10);
}

/**
 * Writes `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds, truncated) as ASCII at `offset`; returns false when the
 * instant is outside years 0000–9999 and has no such text. The batch CLI writes its output this way.
 */
export function writeInstant(bytes: Uint8Array, offset: number, ms: number): boolean {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / DAY_SECONDS);
  if (!(day >= FIRST_DAY && day < LAST_DAY)) return false;
  bytes.set(datePrefix(day), offset);
  let rest = seconds - day * DAY_SECONDS;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  writeTwo(bytes, offset + 11, hours);
  bytes[offset + 13] = 58;
  writeTwo(bytes, offset + 14, minutes);
  bytes[offset + 16] = 58;
  writeTwo(bytes, offset + 17, rest - minutes * 60);
  bytes[offset + 19] = 90;
  return true;
}

const scratch = new Uint8Array(INSTANT_LENGTH);

/** `YYYY-MM-DDTHH:MM:SSZ`: whole seconds (truncated), always UTC. */
export function formatInstant(ms: number): string {
  if (!writeInstant(scratch, 0, ms)) return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const b = scratch;
  // Twenty plain arguments: spreading the array goes through its iterator, which costs ten times as much.
  return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!, b[8]!, b[9]!, b[10]!, b[11]!, b[12]!, b[13]!, b[14]!, b[15]!, b[16]!, b[17]!, b[18]!, b[19]!);
}
