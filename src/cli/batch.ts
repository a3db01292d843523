// `time add --input`: one deadline per JSON line. Built for throughput: hundreds of thousands of lines a second.
import type { BusinessCalendar } from '../engine/calendar';
import { explainBadDuration, parseDuration } from '../engine/duration';
import { formatInstant, parseInstant } from '../engine/instant';
import { fail } from './errors';
import { readText } from './files';

/** The common line shape, matched without building an object; anything else goes through JSON.parse. */
const PLAIN_LINE = /^\s*\{\s*"from"\s*:\s*"([^"\\]*)"\s*,\s*"duration"\s*:\s*"([^"\\]*)"\s*\}\s*$/;
const MAX_REPORTED = 20;

function fields(line: string): { from: unknown; duration: unknown } | string {
  const m = PLAIN_LINE.exec(line);
  if (m) return { from: m[1], duration: m[2] };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object {"from": ISO, "duration": ISO_DURATION}';
  const record = value as Record<string, unknown>;
  return { from: record.from, duration: record.duration };
}

export function addBatch(calendar: BusinessCalendar, file: string): string {
  const lines = readText(file).split('\n');
  const out: string[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  const report = (line: number, message: string): void => {
    errorCount++;
    if (errors.length < MAX_REPORTED) errors.push(`${file}:${line}: ${message}`);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const parsed = fields(line);
    if (typeof parsed === 'string') {
      report(i + 1, parsed);
      continue;
    }
    const from = typeof parsed.from === 'string' ? parseInstant(parsed.from) : undefined;
    const duration = typeof parsed.duration === 'string' ? parseDuration(parsed.duration) : undefined;
    if (from === undefined) {
      report(i + 1, `from: ${JSON.stringify(parsed.from)} is not an ISO-8601 instant with an offset`);
      continue;
    }
    if (duration === undefined) {
      report(i + 1, `duration: ${typeof parsed.duration === 'string' ? explainBadDuration(parsed.duration) : `${JSON.stringify(parsed.duration)} is not an ISO-8601 duration`}`);
      continue;
    }
    if (errorCount === 0) out.push(formatInstant(calendar.add(from, duration)));
  }
  if (errorCount > errors.length) errors.push(`${file}: … and ${errorCount - errors.length} more bad lines`);
  if (errorCount > 0) fail(...errors);
  return out.join('\n');
}
