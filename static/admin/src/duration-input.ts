// Durations as admins type them: `1h30m`, `90m`, `2 h`, `45 min`, `30s`, or ISO-8601 (`PT1H30M`, `pt4h`, `P1DT2H`).
// The bundle keeps ISO-8601 (the spec's format), so what people type becomes ISO the moment it reads as a duration;
// anything else is kept as typed, for the validator to name.
import { parseDuration } from '../../../src/engine/duration';

const PEOPLE = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/i;

/** `PT1H30M` for 5,400 seconds; `PT0S` for none. Hours are not folded into days: a day reads as a working day. */
export function isoFromSeconds(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/** The ISO-8601 form of what an admin typed, or undefined when it is not a duration (yet). */
export function isoDuration(typed: string): string | undefined {
  const text = typed.trim();
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  if (/^P/.test(upper)) return parseDuration(upper) === undefined ? undefined : upper;
  const match = PEOPLE.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return undefined;
  const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0)) as [number, number, number];
  const total = hours * 3600 + minutes * 60 + seconds;
  return Number.isSafeInteger(total * 1000) ? isoFromSeconds(total) : undefined;
}
