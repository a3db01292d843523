// `report` (spec §5): the shipped examples reproduced in process through main() and once through the real bin, the
// options, and every kind of bad input as one clear line per error with exit code 2.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

const root = path.join(__dirname, '../..');
const examples = path.join(root, 'examples');
const config = path.join(examples, 'config.json');
const timelines = path.join(examples, 'timelines-nov.jsonl');
const expectedJson = JSON.parse(readFileSync(path.join(examples, 'report-acme-prod-2026-11.json'), 'utf8')) as unknown;
const expectedCsv = readFileSync(path.join(examples, 'report-acme-prod-2026-11.csv'), 'utf8');
const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-report-'));
const NOVEMBER = ['--config', config, '--agreement', 'acme-prod', '--month', '2026-11'];

/** Runs main() and keeps stdout exactly as the process would write it: text lines get their newline, bytes none. */
function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: string[] = [];
  const code = main(argv, (t) => out.push(typeof t === 'string' ? Buffer.from(`${t}\n`, 'utf8') : Buffer.from(t)), (t) => err.push(t));
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: err.join('\n') };
}

function file(name: string, content: string): string {
  const target = path.join(scratch, name);
  writeFileSync(target, content);
  return target;
}

const exampleLines = readFileSync(timelines, 'utf8').trim().split('\n');

describe('the shipped examples', () => {
  test('JSON: field for field, printed as simulate prints (two-space indentation, one final newline)', () => {
    const result = cli('report', ...NOVEMBER, '--timelines', timelines);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout) as unknown;
    expect(printed).toStrictEqual(expectedJson);
    expect(result.stdout).toBe(`${JSON.stringify(printed, null, 2)}\n`);
  });

  test('CSV: byte for byte', () => {
    expect(cli('report', ...NOVEMBER, '--timelines', timelines, '--format', 'csv')).toEqual({ code: 0, stdout: expectedCsv, stderr: '' });
  });

  test('--format json is the default written out', () => {
    expect(JSON.parse(cli('report', ...NOVEMBER, '--timelines', timelines, '--format', 'json').stdout)).toStrictEqual(expectedJson);
  });

  test('--at defaults to the end of the period: giving it explicitly changes nothing', () => {
    const result = cli('report', ...NOVEMBER, '--timelines', timelines, '--at', '2026-12-01T00:00:00+01:00');
    expect(JSON.parse(result.stdout)).toStrictEqual(expectedJson);
  });

  test('CRLF line ends, blank lines and a last line without newline read the same', () => {
    const messy = file('messy.jsonl', `\r\n${exampleLines.slice(0, 4).join('\r\n')}\r\n   \r\n\n${exampleLines.slice(4).join('\n')}`);
    expect(cli('report', ...NOVEMBER, '--timelines', messy, '--format', 'csv').stdout).toBe(expectedCsv);
  });

  test('a timeline longer than the reading chunk is read whole', () => {
    // 1 MiB chunks: a line of ~1.5 MiB (a long history of internal comments) spans two of them.
    const long = JSON.parse(exampleLines[2]!) as { events: unknown[] };
    const comments = Array.from({ length: 20_000 }, () => ({ at: '2026-11-09T14:30:00+01:00', type: 'comment', visibility: 'internal', author: 'customer' }));
    long.events.splice(1, 0, ...comments);
    const lines = [...exampleLines];
    lines[2] = JSON.stringify(long);
    expect(lines[2]!.length).toBeGreaterThan(1 << 20);
    const result = cli('report', ...NOVEMBER, '--timelines', file('long.jsonl', `${lines.join('\n')}\n`), '--format', 'csv');
    expect(result).toEqual({ code: 0, stdout: expectedCsv, stderr: '' });
  });
});

describe('options', () => {
  test('--internal adds the internal goal to goals and cycles', () => {
    const result = JSON.parse(cli('report', ...NOVEMBER, '--timelines', timelines, '--internal').stdout) as typeof expectedJson & {
      goals: Array<{ goal: string }>;
      cycles: Array<{ issue: string; goal: string }>;
    };
    expect(result.goals.map((g) => g.goal)).toEqual(['response', 'resolution', 'update', 'triage-ola']);
    expect(result.goals[3]).toEqual({ goal: 'triage-ola', internal: true, closed: 7, met: 3, breached: 3, cancelled: 1, compliance: 0.5 });
    // SUP-21: 30 min on Friday 30 Oct, then Monday 08:00–08:30 local reaches the hour; cancelled at 10:00 by the resolution.
    expect(result.cycles.find((c) => c.issue === 'SUP-21' && c.goal === 'triage-ola')).toEqual({
      issue: 'SUP-21', goal: 'triage-ola', cycle: 1, internal: true, outcome: 'breached', startedAt: '2026-10-30T14:00:00Z',
      endedAt: '2026-11-02T09:00:00Z', targetSeconds: 3600, elapsedSeconds: 9000, breachedAt: '2026-11-02T07:30:00Z', priority: 'p2',
    });
    // In input order, then goal order: SUP-21's triage row comes after its resolution and update rows.
    expect(result.cycles.slice(0, 3).map((c) => `${c.issue} ${c.goal}`)).toEqual(['SUP-21 resolution', 'SUP-21 update', 'SUP-21 triage-ola']);
  });

  test('--at inside the month: later events are not applied, requests are still counted from the whole timelines', () => {
    const result = JSON.parse(cli('report', ...NOVEMBER, '--timelines', timelines, '--at', '2026-11-20T00:00:00+01:00').stdout) as {
      requests: unknown;
      goals: Array<{ goal: string; closed: number; met: number; breached: number; cancelled: number }>;
      cycles: Array<{ issue: string }>;
    };
    expect(result.requests).toEqual((expectedJson as { requests: unknown }).requests);
    // SUP-26 and SUP-27 were created after 20 Nov: nothing of theirs is evaluated yet.
    expect(new Set(result.cycles.map((c) => c.issue))).toEqual(new Set(['SUP-21', 'SUP-22', 'SUP-23', 'SUP-24', 'SUP-25']));
    expect(result.goals.map((g) => [g.goal, g.closed, g.met, g.breached, g.cancelled])).toEqual([
      ['response', 4, 3, 1, 0],
      ['resolution', 6, 5, 1, 0],
      ['update', 9, 4, 1, 4],
    ]);
  });

  test('CSV quotes a field with a comma or a quote, doubling the quotes; null stays an empty cell', () => {
    const odd = JSON.parse(exampleLines[2]!) as { issue: { key: string } };
    odd.issue.key = 'SUP-"23",b';
    const result = cli('report', ...NOVEMBER, '--timelines', file('odd.jsonl', JSON.stringify(odd)), '--format', 'csv');
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'issue,goal,cycle,internal,outcome,startedAt,endedAt,targetSeconds,elapsedSeconds,breachedAt,priority',
      '"SUP-""23"",b",response,1,false,breached,2026-11-09T13:00:00Z,2026-11-10T09:00:00Z,7200,14400,2026-11-09T15:00:00Z,p2',
      '"SUP-""23"",b",resolution,1,false,met,2026-11-09T13:00:00Z,2026-11-11T10:00:00Z,57600,46800,,p2',
    ]);
  });

  test('an empty timelines file gives a report of zeros with every goal listed', () => {
    const result = JSON.parse(cli('report', ...NOVEMBER, '--timelines', file('empty.jsonl', '')).stdout) as { requests: unknown; goals: unknown; cycles: unknown };
    expect(result.requests).toEqual({ created: 0, resolved: 0, open: { total: 0, byStatus: {}, byPriority: {} } });
    expect(result.goals).toEqual(['response', 'resolution', 'update'].map((goal) => ({ goal, internal: false, closed: 0, met: 0, breached: 0, cancelled: 0, compliance: null })));
    expect(result.cycles).toEqual([]);
    expect(cli('report', ...NOVEMBER, '--timelines', file('empty.jsonl', ''), '--format', 'csv').stdout).toBe(`${expectedCsv.split('\n')[0]}\n`);
  });
});

describe('bad input exits 2 with one clear line per error, nothing on stdout and no stack trace', () => {
  const dir = path.join(scratch, 'a-directory');
  mkdirSync(dir, { recursive: true });
  const missing = path.join(scratch, 'missing.jsonl');
  const usage = /^usage: /;

  test.each<[string, string[], Array<string | RegExp>]>([
    ['an unknown agreement, naming the known ones', ['--config', config, '--agreement', 'nope', '--month', '2026-11', '--timelines', timelines], [`--agreement: ${config} has no agreement "nope" (agreements: acme-prod)`]],
    ['a missing agreement', ['--config', config, '--month', '2026-11', '--timelines', timelines], ['--agreement is required', usage]],
    ['a missing month', ['--config', config, '--agreement', 'acme-prod', '--timelines', timelines], ['--month is required', usage]],
    ['month 13', [...NOVEMBER.slice(0, 4), '--month', '2026-13', '--timelines', timelines], ['--month: "2026-13" is not a month written YYYY-MM with the month 01–12, such as 2026-11']],
    ['month 00', [...NOVEMBER.slice(0, 4), '--month', '2026-00', '--timelines', timelines], [/^--month: "2026-00" is not a month/]],
    ['a one-digit month', [...NOVEMBER.slice(0, 4), '--month', '2026-1', '--timelines', timelines], [/^--month: "2026-1" is not a month/]],
    ['a date instead of a month', [...NOVEMBER.slice(0, 4), '--month', '2026-11-01', '--timelines', timelines], [/^--month: "2026-11-01" is not a month/]],
    ['a month in words', [...NOVEMBER.slice(0, 4), '--month', 'November', '--timelines', timelines], [/^--month: "November" is not a month/]],
    ['a bad --at', [...NOVEMBER, '--timelines', timelines, '--at', 'tomorrow'], ['--at: "tomorrow" is not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00']],
    ['an --at without offset', [...NOVEMBER, '--timelines', timelines, '--at', '2026-11-20T00:00:00'], [/^--at: "2026-11-20T00:00:00" is not an ISO-8601 instant/]],
    ['a bad --format', [...NOVEMBER, '--timelines', timelines, '--format', 'xml'], ['--format: "xml" is not one of json, csv']],
    ['a missing --timelines', [...NOVEMBER], ['--timelines is required', usage]],
    ['a missing timelines file', [...NOVEMBER, '--timelines', missing], [`${missing}: cannot read: no such file`]],
    ['a directory as the timelines file', [...NOVEMBER, '--timelines', dir], [`${dir}: cannot read: is a directory`]],
    ['--internal with a value', [...NOVEMBER, '--timelines', timelines, '--internal=yes'], [/--internal/, usage]],
  ])('%s', (_name, argv, expected) => {
    const result = cli('report', ...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(expected.length);
    expected.forEach((line, i) => (typeof line === 'string' ? expect(lines[i]).toBe(line) : expect(lines[i]).toMatch(line)));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('bad lines are named by line number, every problem of a line on its own line, even lines of other agreements', () => {
    const other = JSON.parse(exampleLines[8]!) as { issue: { created: string } }; // SUP-29 belongs to no agreement
    other.issue.created = 'yesterday';
    const lines = [
      exampleLines[0],
      'not json',
      exampleLines[1],
      JSON.stringify(other),
      JSON.stringify({ issue: { key: 'SUP-90', created: '2026-11-02T09:00:00Z' }, events: [{ at: 'soon', type: 'created' }, { at: '2026-11-02T09:00:00Z', type: 'email' }] }),
      '[1, 2]',
      '',
      exampleLines[2],
    ];
    const input = file('bad.jsonl', `${lines.join('\n')}\n`);
    const result = cli('report', ...NOVEMBER, '--timelines', input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${escape(input)}:2: not valid JSON: `)),
      `${input}:4: issue.created: "yesterday" is not an ISO-8601 instant with an offset`,
      `${input}:5: events[0].at: "soon" is not an ISO-8601 instant with an offset`,
      `${input}:5: events[1].type: unknown event type "email"; expected one of created, status, comment, resolution, priority, field, impact, urgency`,
      `${input}:6: (root): expected an issue timeline (a JSON object), got a list`,
    ]);
  });

  test('a flood of bad lines is cut after 20 errors, with the number of bad lines left unnamed', () => {
    const lines = Array.from({ length: 35 }, (_, i) => (i % 5 === 0 ? exampleLines[0] : `{"issue": ${i}}`));
    const input = file('flood.jsonl', lines.join('\n'));
    const result = cli('report', ...NOVEMBER, '--timelines', input);
    expect(result.code).toBe(2);
    const errors = result.stderr.split('\n');
    expect(errors).toHaveLength(21);
    expect(errors[0]).toBe(`${input}:2: issue: expected an object, got 1`);
    expect(errors[19]).toBe(`${input}:25: issue: expected an object, got 24`);
    // 28 bad lines (every fifth line is good), 20 named.
    expect(errors[20]).toBe(`${input}: … and 8 more bad lines`);
  });
});

describe('the installed bin', () => {
  const bin = path.join(root, 'bin/contract-sla.js');
  test.each([
    ['json', (stdout: string) => expect(JSON.parse(stdout)).toStrictEqual(expectedJson)],
    ['csv', (stdout: string) => expect(stdout).toBe(expectedCsv)],
  ])('prints the example report as %s and exits 0', (format, check) => {
    const run = spawnSync(process.execPath, [bin, 'report', ...NOVEMBER, '--timelines', timelines, '--format', format], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    check(run.stdout);
  });

  test('exits 2 on a bad month with the message alone', () => {
    const run = spawnSync(process.execPath, [bin, 'report', ...NOVEMBER.slice(0, 4), '--month', '2026-13', '--timelines', timelines], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', '--month: "2026-13" is not a month written YYYY-MM with the month 01–12, such as 2026-11\n']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
