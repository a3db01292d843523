// The command-line tool of spec §4, run in process through main() and, once per command, as the real bin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

const root = path.join(__dirname, '../..');
const examples = path.join(root, 'examples');
const config = path.join(examples, 'config.json');
const timeline = path.join(examples, 'timeline-sup-17.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-cli-'));

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  // A batch arrives as bytes with its lines' newlines; other output as one line of text.
  const code = main(argv, (t) => out.push(typeof t === 'string' ? t : Buffer.from(t).toString('latin1').replace(/\n$/, '')), (t) => err.push(t));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function file(name: string, content: string): string {
  const target = path.join(scratch, name);
  writeFileSync(target, content);
  return target;
}

describe('simulate reproduces every worked example field for field', () => {
  const cases = ['sup-17-at-2026-11-23T085000Z.json', 'sup-17-at-2026-11-23T140000Z.json', 'sup-17-at-2026-11-24T110000Z.json'];
  test.each(cases)('%s', (name) => {
    const example = JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as { at: string; expected: unknown };
    const result = cli('simulate', '--config', config, '--timeline', timeline, '--at', example.at);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toStrictEqual(example.expected);
  });
});

describe('business-time facts of the examples README', () => {
  test.each([
    [['time', 'add', '--calendar', 'cph-office', '--from', '2026-11-27T15:00:00+01:00', '--duration', 'PT1H'], '2026-11-30T07:30:00Z'],
    [['time', 'add', '--calendar', 'cph-office', '--from', '2026-12-30T15:00:00+01:00', '--duration', 'PT3H'], '2026-12-31T09:00:00Z'],
    [['time', 'add', '--calendar', 'cph-office', '--from', '2026-11-28T10:00:00+01:00', '--duration', 'PT0S'], '2026-11-30T07:00:00Z'],
    [['time', 'between', '--calendar', 'cph-office', '--from', '2026-11-23T00:00:00+01:00', '--to', '2026-11-30T00:00:00+01:00'], '142200'],
    [['time', 'add', '--calendar', 'always', '--from', '2026-11-23T23:59:59.900Z', '--duration', 'PT1S'], '2026-11-24T00:00:00Z'],
  ])('%j → %s', (argv, expected) => {
    expect(cli(...argv, '--config', config)).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  test('the batch form prints one deadline per input line, in order', () => {
    const input = file('batch.jsonl', [
      '{"from": "2026-11-27T15:00:00+01:00", "duration": "PT1H"}',
      '{"duration":"PT3H","from":"2026-12-30T15:00:00+01:00"}',
      '',
      '{"from":"2026-11-28T10:00:00+01:00","duration":"PT0S"}',
    ].join('\n'));
    expect(cli('time', 'add', '--config', config, '--calendar', 'cph-office', '--input', input)).toEqual({
      code: 0,
      stdout: '2026-11-30T07:30:00Z\n2026-12-31T09:00:00Z\n2026-11-30T07:00:00Z',
      stderr: '',
    });
  });

  test('validate accepts the shipped bundle', () => {
    expect(cli('validate', '--config', config)).toEqual({ code: 0, stdout: 'valid', stderr: '' });
  });
});

describe('bad input exits 2 with one clear line per error and no stack trace', () => {
  const bundle = JSON.parse(readFileSync(config, 'utf8')) as { calendars: Array<{ week: Record<string, string[][]> }> };
  const broken = structuredClone(bundle);
  broken.calendars[0]!.week.mon = [['09:00', '12:00'], ['11:00', '10:00']];
  const brokenFile = file('broken.json', JSON.stringify(broken));
  const far = structuredClone(bundle) as unknown as { agreements: Array<{ targets: Array<{ target: string }> }> };
  far.agreements[0]!.targets[3]!.target = 'P40000D';
  const farFile = file('far.json', JSON.stringify(far));

  test.each([
    ['a missing config file', ['validate', '--config', path.join(scratch, 'nope.json')], [`${path.join(scratch, 'nope.json')}: cannot read: no such file`]],
    ['a config that is not JSON', ['validate', '--config', file('bad.json', '{"version": 1,')], [/bad\.json: not valid JSON: /]],
    ['an invalid bundle, every error', ['validate', '--config', brokenFile], [/broken\.json: calendars\[0\]\.week\.mon\[1\]: end 10:00 is before start 11:00$/]],
    ['a target the engine cannot compute', ['validate', '--config', farFile], [/far\.json: agreements\[0\]\.targets\[3\]\.target: P40000D of business time on calendar cph-office \(≈ 39\.5 h a week\) would take about 466 years; /]],
    ['an unknown calendar id', ['time', 'add', '--config', config, '--calendar', 'nope', '--from', '2026-11-23T09:00:00Z', '--duration', 'PT1H'], [/^--calendar: .*has no calendar "nope" \(calendars: cph-office, always\)$/]],
    ['a bad instant', ['time', 'add', '--config', config, '--calendar', 'always', '--from', '2026-13-01T09:00:00Z', '--duration', 'PT1H'], ['--from: "2026-13-01T09:00:00Z" is not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00']],
    ['an instant without offset', ['time', 'between', '--config', config, '--calendar', 'always', '--from', '2026-11-23T09:00:00', '--to', '2026-11-24T09:00:00Z'], [/^--from: "2026-11-23T09:00:00" is not an ISO-8601 instant/]],
    ['a month duration', ['time', 'add', '--config', config, '--calendar', 'always', '--from', '2026-11-23T09:00:00Z', '--duration', 'P1M'], [/^--duration: duration "P1M" uses years, months or weeks/]],
    ['a duration in words', ['time', 'add', '--config', config, '--calendar', 'always', '--from', '2026-11-23T09:00:00Z', '--duration', 'one hour'], [/^--duration: "one hour" is not an ISO-8601 duration/]],
    ['reversed between', ['time', 'between', '--config', config, '--calendar', 'always', '--from', '2026-11-24T09:00:00Z', '--to', '2026-11-23T09:00:00Z'], [/^--to: .* is before --from/]],
    ['a missing option', ['simulate', '--config', config, '--timeline', timeline], [/^--at is required$/, /^usage: /]],
    ['an unknown option', ['validate', '--config', config, '--colour'], [/--colour/, /^usage: /]],
    ['an unknown command', ['frobnicate'], [/^unknown command "frobnicate"$/]],
    ['a timeline with a bad instant', ['simulate', '--config', config, '--timeline', file('t.json', JSON.stringify({ issue: { key: 'X-1', created: 'yesterday' }, events: [] })), '--at', '2026-11-23T09:00:00Z'], [/t\.json: issue\.created: .*yesterday/]],
  ])('%s', (_name, argv, expected) => {
    const result = cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expected.forEach((line, i) => (typeof line === 'string' ? expect(lines[i]).toBe(line) : expect(lines[i]).toMatch(line)));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a batch with bad lines names each line and prints no deadlines', () => {
    const input = file('bad-batch.jsonl', [
      '{"from":"2026-11-23T09:00:00Z","duration":"PT1H"}',
      '{"from":"2026-11-23T09:00:00","duration":"PT1H"}',
      'not json',
      '{"from":"2026-11-23T09:00:00Z","duration":"P1W"}',
    ].join('\n'));
    const result = cli('time', 'add', '--config', config, '--calendar', 'always', '--input', input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `${input}:2: from: "2026-11-23T09:00:00" is not an ISO-8601 instant with an offset`,
      `${input}:3: not valid JSON`,
      expect.stringMatching(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: duration: duration "P1W" uses years, months or weeks`)),
    ]);
  });

  test('a bundle with 100,000 bad intervals prints its first 20 errors and the number of the rest', () => {
    const flood = structuredClone(bundle);
    flood.calendars[0]!.week.mon = Array.from({ length: 100_000 }, () => ['09:00', '08:00']);
    const input = file('flood.json', JSON.stringify(flood));
    const result = cli('validate', '--config', input);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${input}: calendars[0].week.mon[0]: end 08:00 is before start 09:00`);
    expect(lines[19]).toBe(`${input}: calendars[0].week.mon[19]: end 08:00 is before start 09:00`);
    expect(lines[20]).toBe(`${input}: … and 99980 more errors`);
    flood.calendars[0]!.week.mon = Array.from({ length: 21 }, () => ['09:00', '08:00']);
    expect(cli('validate', '--config', file('flood-21.json', JSON.stringify(flood))).stderr.split('\n').at(-1)).toMatch(/: … and 1 more error$/);
  });

  test('a timeline with 50,000 bad events likewise', () => {
    const events = Array.from({ length: 50_000 }, (_, i) => ({ at: `day ${i}`, type: 'comment', visibility: 'public', author: 'agent' }));
    const input = file('flood-timeline.json', JSON.stringify({ issue: { key: 'SUP-1', created: '2026-11-23T09:00:00Z' }, events }));
    const result = cli('simulate', '--config', config, '--timeline', input, '--at', '2026-11-23T10:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(-2)).toEqual([`${input}: events[19].at: "day 19" is not an ISO-8601 instant with an offset`, `${input}: … and 49980 more errors`]);
  });
});

describe('the installed bin', () => {
  const bin = path.join(root, 'bin/contract-sla.js');
  test('prints the deadline and exits 0', () => {
    const run = spawnSync(process.execPath, [bin, 'time', 'add', '--config', config, '--calendar', 'cph-office', '--from', '2026-11-27T15:00:00+01:00', '--duration', 'PT1H'], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '2026-11-30T07:30:00Z\n', '']);
  });

  test('exits 2 on bad input with the message alone', () => {
    const run = spawnSync(process.execPath, [bin, 'validate', '--config', path.join(scratch, 'missing.json')], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `${path.join(scratch, 'missing.json')}: cannot read: no such file\n`]);
  });
});
