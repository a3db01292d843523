// contract-sla: validate a bundle, compute business time, simulate an issue, report on an agreement (spec §4, §5),
// list contracts and their reminders (formats.md §6).
import { parseArgs } from 'node:util';
import type { BusinessCalendar } from '../engine/calendar';
import { explainBadDuration, parseDuration } from '../engine/duration';
import { cyclesCsv, toComplianceReportJson } from '../engine/compliance-report-json';
import { calendarsOf } from '../engine/obligations';
import { formatInstant, parseInstant } from '../engine/instant';
import { parseReportMonth, reportPeriod } from '../engine/report-period';
import { contractsAt } from '../engine/contracts-json';
import { toSimulateJson } from '../engine/simulate-extras';
import type { Agreement, ConfigBundle } from '../engine/types';
import { addBatch } from './batch';
import { fail, UsageError } from './errors';
import { readBundle, readTimeline } from './files';
import { reportFromTimelines } from './report';

const USAGE = `usage: contract-sla <command> [options]

  validate --config FILE
  time add --config FILE --calendar ID --from ISO --duration ISO_DURATION
  time add --config FILE --calendar ID --input FILE      (one {"from","duration"} JSON object per line)
  time between --config FILE --calendar ID --from ISO --to ISO
  simulate --config FILE --timeline FILE --at ISO
  report --config FILE --timelines FILE --agreement ID --month YYYY-MM [--at ISO] [--internal] [--format json|csv]
                                                         (one timeline per line; --at defaults to the month's end)
  contracts --config FILE --at ISO [--since ISO]         (contract states and reminders; --since: those due in (since, at])

Instants are ISO-8601 with an offset (2026-11-23T09:00:00+01:00); output is UTC, whole seconds.
Durations are ISO-8601 business time: PT30M, PT4H, P1DT2H (a day is 24 hours).`;

const OPTIONS = {
  config: { type: 'string' },
  calendar: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  duration: { type: 'string' },
  input: { type: 'string' },
  timeline: { type: 'string' },
  at: { type: 'string' },
  timelines: { type: 'string' },
  agreement: { type: 'string' },
  month: { type: 'string' },
  internal: { type: 'boolean' },
  format: { type: 'string' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The options that take a value. */
type TextOption = { [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K]['type'] extends 'string' ? K : never }[keyof typeof OPTIONS];

function required(options: Options, name: TextOption): string {
  const value = options[name];
  if (value === undefined || value === '') fail(`--${name} is required`, USAGE.split('\n')[0]!);
  return value;
}

function instantOption(options: Options, name: 'from' | 'to' | 'at' | 'since'): number {
  const text = required(options, name);
  const ms = parseInstant(text);
  if (ms === undefined) fail(`--${name}: "${text}" is not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00`);
  return ms;
}

function agreementOption(options: Options, file: string, bundle: ConfigBundle): Agreement {
  const id = required(options, 'agreement');
  const agreement = bundle.agreements.find((a) => a.id === id);
  if (!agreement) {
    const known = bundle.agreements.map((a) => a.id).join(', ') || 'none';
    fail(`--agreement: ${file} has no agreement "${id}" (agreements: ${known})`);
  }
  return agreement;
}

function monthOption(options: Options): string {
  const text = required(options, 'month');
  if (!parseReportMonth(text)) fail(`--month: "${text}" is not a month written YYYY-MM with the month 01–12, such as 2026-11`);
  return text;
}

const FORMATS = ['json', 'csv'] as const;

function formatOption(options: Options): (typeof FORMATS)[number] {
  const text = options.format ?? 'json';
  const format = FORMATS.find((f) => f === text);
  if (!format) fail(`--format: "${text}" is not one of ${FORMATS.join(', ')}`);
  return format;
}

function calendarOption(options: Options): BusinessCalendar {
  const file = required(options, 'config');
  const bundle = readBundle(file);
  const id = required(options, 'calendar');
  const calendars = calendarsOf(bundle);
  if (!calendars.has(id)) {
    const known = bundle.calendars.map((c) => c.id).join(', ') || 'none';
    fail(`--calendar: ${file} has no calendar "${id}" (calendars: ${known})`);
  }
  return calendars.get(id);
}

function run(argv: string[], out: (text: string) => void, write: (bytes: Uint8Array) => void): void {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const options = values as Options;
  const command = positionals.join(' ');
  if (options.help || command === '' || command === 'help') {
    out(USAGE);
    return;
  }
  switch (command) {
    case 'validate': {
      readBundle(required(options, 'config'));
      out('valid');
      return;
    }
    case 'time add': {
      const calendar = calendarOption(options);
      if (options.input !== undefined) {
        write(addBatch(calendar, options.input));
        return;
      }
      const from = instantOption(options, 'from');
      const text = required(options, 'duration');
      const duration = parseDuration(text);
      if (duration === undefined) fail(`--duration: ${explainBadDuration(text)}`);
      out(formatInstant(calendar.add(from, duration)));
      return;
    }
    case 'time between': {
      const calendar = calendarOption(options);
      const from = instantOption(options, 'from');
      const to = instantOption(options, 'to');
      if (to < from) fail(`--to: ${options.to} is before --from ${options.from}`);
      out(String(Math.floor(calendar.between(from, to) / 1000)));
      return;
    }
    case 'simulate': {
      const bundle = readBundle(required(options, 'config'));
      const timeline = readTimeline(required(options, 'timeline'));
      const at = instantOption(options, 'at');
      out(JSON.stringify(toSimulateJson(bundle, timeline, at), null, 2));
      return;
    }
    case 'contracts': {
      const bundle = readBundle(required(options, 'config'));
      const at = instantOption(options, 'at');
      const since = options.since === undefined ? undefined : instantOption(options, 'since');
      if (since !== undefined && since > at) fail(`--since: ${options.since} is after --at ${options.at}`);
      out(JSON.stringify(contractsAt(bundle, at, since), null, 2));
      return;
    }
    case 'report': {
      const file = required(options, 'config');
      const bundle = readBundle(file);
      const agreement = agreementOption(options, file, bundle);
      const month = monthOption(options);
      // The bundle is valid, so the agreement's calendar exists.
      const timezone = bundle.calendars.find((c) => c.id === agreement.calendar)!.timezone;
      const period = reportPeriod(month, timezone);
      const at = options.at === undefined ? period.to : instantOption(options, 'at');
      const format = formatOption(options);
      const timelines = required(options, 'timelines');
      const report = toComplianceReportJson(reportFromTimelines(bundle, agreement.id, period, at, { internal: options.internal === true }, timelines));
      if (format === 'csv') write(Buffer.from(cyclesCsv(report.cycles), 'utf8'));
      else out(JSON.stringify(report, null, 2));
      return;
    }
    default:
      fail(`unknown command "${command}"`, USAGE);
  }
}

/**
 * Runs the CLI; returns the exit code. Output goes through the given writers so tests can capture it: `stdout`
 * takes a line of text, or a batch's bytes (lines already ending in newlines, written as they are).
 */
export function main(
  argv: string[],
  stdout: (text: string | Uint8Array) => void = (t) => process.stdout.write(typeof t === 'string' ? `${t}\n` : t),
  stderr: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): number {
  try {
    run(argv, stdout, stdout);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(error.lines.join('\n'));
      return 2;
    }
    // parseArgs reports unknown or malformed options with a TypeError carrying a code.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      stderr(`${(error as Error).message}\n${USAGE.split('\n')[0]}`);
      return 2;
    }
    if (error instanceof RangeError) {
      stderr(error.message);
      return 2;
    }
    stderr(`contract-sla: internal error: ${(error as Error).message}`);
    return 1;
  }
}
