// `time add --input`: one deadline per JSON line. Built for throughput (hundreds of thousands of lines a second):
// lines in the shape JSON.stringify writes are read in place and answers are written as bytes, so a large batch
// allocates almost nothing per line; any other valid JSON line takes the general path.
import type { BusinessCalendar } from '../engine/calendar';
import { explainBadDuration, parseDurationAt } from '../engine/duration';
import { INSTANT_LENGTH, formatInstant, parseInstant, parseInstantAt, writeInstant } from '../engine/instant';
import { fail, MAX_REPORTED } from './errors';
import { MAX_BATCH_BYTES, readText } from './files';

const HEAD = '{"from":"';
const MIDDLE = '","duration":"';
const TAIL = '"}';

type Line = { from: number; duration: number } | { error: string };

/** The general path: any JSON object with string `from` and `duration`. */
function parseLine(line: string): Line {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'expected an object {"from": ISO, "duration": ISO_DURATION}' };
  }
  const { from, duration } = value as Record<string, unknown>;
  const fromMs = typeof from === 'string' ? parseInstant(from) : undefined;
  if (fromMs === undefined) return { error: `from: ${JSON.stringify(from) ?? 'missing'} is not an ISO-8601 instant with an offset` };
  const durationMs = typeof duration === 'string' ? parseDurationAt(duration, 0, duration.length) : undefined;
  if (durationMs === undefined) {
    return { error: `duration: ${typeof duration === 'string' ? explainBadDuration(duration) : `${JSON.stringify(duration) ?? 'missing'} is not an ISO-8601 duration`}` };
  }
  return { from: fromMs, duration: durationMs };
}

/** Where readCanonical leaves a line's values (no object per line: large batches allocate almost nothing). */
let lineFrom = 0;
let lineDuration = 0;

/** Whether `text` holds `expected` at `at`: a plain loop, cheaper than startsWith for these short fixed parts. */
function holds(text: string, at: number, expected: string): boolean {
  for (let i = 0; i < expected.length; i++) if (text.charCodeAt(at + i) !== expected.charCodeAt(i)) return false;
  return true;
}

/** The canonical shape read in place into lineFrom/lineDuration; false sends the line to the general path. */
function readCanonical(text: string, start: number, end: number): boolean {
  if (!holds(text, start, HEAD)) return false;
  const fromStart = start + HEAD.length;
  // A canonical instant is 20 characters (…Z) or 25 (…±hh:mm): its closing quote is at one of two places.
  let fromEnd = fromStart + 20;
  if (text.charCodeAt(fromEnd) !== 34) {
    fromEnd = fromStart + 25;
    if (text.charCodeAt(fromEnd) !== 34) return false;
  }
  if (!holds(text, fromEnd, MIDDLE)) return false;
  const durationStart = fromEnd + MIDDLE.length;
  const durationEnd = end - TAIL.length;
  // A quote inside the duration (another field after it) makes it no duration, so such lines fall through too.
  if (durationEnd <= durationStart || !holds(text, durationEnd, TAIL)) return false;
  const from = parseInstantAt(text, fromStart, fromEnd);
  const duration = parseDurationAt(text, durationStart, durationEnd);
  if (from === undefined || duration === undefined) return false;
  lineFrom = from;
  lineDuration = duration;
  return true;
}

/** The deadlines as ASCII bytes, one per line (each line ending in a newline), ready to write as they are. */
export function addBatch(calendar: BusinessCalendar, file: string): Uint8Array {
  const text = readText(file, MAX_BATCH_BYTES, 'an --input file (split a larger batch)');
  // Each answer is 21 bytes and each canonical line is longer, so half the input's length is usually enough.
  let buffer = new Uint8Array(Math.ceil(text.length / 2) + 64);
  let used = 0;
  const errors: string[] = [];
  let errorCount = 0;
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    lineNumber++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let from: number;
    let duration: number;
    if (readCanonical(text, start, end)) {
      from = lineFrom;
      duration = lineDuration;
      start = next;
    } else {
      const raw = text.slice(start, end);
      start = next;
      if (raw.trim() === '') continue;
      const line = parseLine(raw);
      if ('error' in line) {
        errorCount++;
        if (errors.length < MAX_REPORTED) errors.push(`${file}:${lineNumber}: ${line.error}`);
        continue;
      }
      from = line.from;
      duration = line.duration;
    }
    if (errorCount > 0) continue;
    if (used + 64 > buffer.length) {
      const grown = new Uint8Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    const deadline = calendar.add(from, duration);
    if (writeInstant(buffer, used, deadline)) {
      used += INSTANT_LENGTH;
    } else {
      const wide = formatInstant(deadline);
      for (let i = 0; i < wide.length; i++) buffer[used++] = wide.charCodeAt(i);
    }
    buffer[used++] = 10;
  }
  if (errorCount > errors.length) errors.push(`${file}: … and ${errorCount - errors.length} more bad lines`);
  if (errorCount > 0) fail(...errors);
  return buffer.subarray(0, used);
}
