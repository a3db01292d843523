// The CLI's input files are bounded: only regular files are read (a device such as /dev/zero or a pipe would hang
// it), each up to a size (a bundle or timeline 10 MB, a batch 256 MB, a line of a JSON Lines file 10 MB), and bad
// input still exits 2 with one line naming the file.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

const root = path.join(__dirname, '../..');
const examples = path.join(root, 'examples');
const config = path.join(examples, 'config.json');
const timeline = path.join(examples, 'timeline-sup-17.json');
const timelines = path.join(examples, 'timelines-nov.jsonl');
const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-bounds-'));

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (t) => out.push(typeof t === 'string' ? t : Buffer.from(t).toString('latin1')), (t) => err.push(t));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A file of `size` bytes beginning with `head`, the rest a hole (zeros that take no disk space nor time to write). */
function sparse(name: string, size: number, head = ''): string {
  const target = path.join(scratch, name);
  const fd = openSync(target, 'w');
  writeSync(fd, head);
  writeSync(fd, ' ', size - 1);
  closeSync(fd);
  return target;
}

const fifo = path.join(scratch, 'fifo');
spawnSync('mkfifo', [fifo]);

const TIME_ADD = ['time', 'add', '--config', config, '--calendar', 'cph-office'];
const REPORT = ['report', '--config', config, '--agreement', 'acme-prod', '--month', '2026-11'];
const NOT_REGULAR = 'cannot read: not a regular file (a device, a pipe or a socket); give the path of a file';

describe('files that are no regular files are refused before they are opened', () => {
  test.each<[string, string[], string]>([
    ['--config /dev/zero', ['validate', '--config', '/dev/zero'], `/dev/zero: ${NOT_REGULAR}`],
    ['--config a pipe', ['validate', '--config', fifo], `${fifo}: ${NOT_REGULAR}`],
    ['--timeline /dev/zero', ['simulate', '--config', config, '--timeline', '/dev/zero', '--at', '2026-11-23T09:00:00Z'], `/dev/zero: ${NOT_REGULAR}`],
    ['--input /dev/zero', [...TIME_ADD, '--input', '/dev/zero'], `/dev/zero: ${NOT_REGULAR}`],
    ['--input a pipe', [...TIME_ADD, '--input', fifo], `${fifo}: ${NOT_REGULAR}`],
    ['--timelines /dev/zero', [...REPORT, '--timelines', '/dev/zero'], `/dev/zero: ${NOT_REGULAR}`],
    ['--timelines a pipe', [...REPORT, '--timelines', fifo], `${fifo}: ${NOT_REGULAR}`],
  ])('%s', (_what, argv, expected) => {
    expect(cli(...argv)).toEqual({ code: 2, stdout: '', stderr: expected });
  });
});

describe('files beyond their size are refused without being read', () => {
  const bigConfig = sparse('big-config.json', 10_000_001, '{"version": 1}');
  const bigTimeline = sparse('big-timeline.json', 12_345_678, readFileSync(timeline, 'utf8'));
  const bigBatch = sparse('big-batch.jsonl', 256_000_001, '{"from":"2026-11-27T15:00:00+01:00","duration":"PT1H"}\n');

  test.each<[string, string[], string]>([
    ['a bundle of 10 MB and a byte', ['validate', '--config', bigConfig], `${bigConfig}: too large: 10 MB; a configuration bundle may be at most 10 MB`],
    ['a timeline of 12.3 MB', ['simulate', '--config', config, '--timeline', bigTimeline, '--at', '2026-11-23T09:00:00Z'], `${bigTimeline}: too large: 12.3 MB; a timeline may be at most 10 MB`],
    ['a batch of 256 MB and a byte', [...TIME_ADD, '--input', bigBatch], `${bigBatch}: too large: 256 MB; an --input file (split a larger batch) may be at most 256 MB`],
  ])('%s', (_what, argv, expected) => {
    expect(cli(...argv)).toEqual({ code: 2, stdout: '', stderr: expected });
  });

  test('a bundle of exactly 10 MB is read (and judged on its content)', () => {
    const spaced = path.join(scratch, 'spaced-config.json');
    const bytes = readFileSync(config);
    writeFileSync(spaced, Buffer.concat([bytes, Buffer.alloc(10_000_000 - bytes.length, ' ')]));
    expect(cli('validate', '--config', spaced)).toEqual({ code: 0, stdout: 'valid', stderr: '' });
  });
});

describe('a timelines line beyond 10 MB is named and skipped; the others are still read', () => {
  test('its number, then the next bad line', () => {
    const [first, second] = readFileSync(timelines, 'utf8').split('\n');
    const input = path.join(scratch, 'long-line.jsonl');
    const fd = openSync(input, 'w');
    writeSync(fd, `${first}\n`);
    writeSync(fd, Buffer.alloc(10_000_001, 'x'));
    writeSync(fd, `\n${second}\n{"issue": 1}\n`);
    writeSync(fd, Buffer.alloc(12_000_000, 'y'));
    closeSync(fd);
    expect(cli(...REPORT, '--timelines', input)).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        `${input}:2: longer than 10 MB; a timeline may be at most 10 MB`,
        `${input}:4: issue: expected an object, got 1`,
        `${input}:5: longer than 10 MB; a timeline may be at most 10 MB`,
      ].join('\n'),
    });
  });

  test('a line of exactly 10 MB is read (and judged on its content)', () => {
    const input = path.join(scratch, 'ten-mb-line.jsonl');
    writeFileSync(input, `${'['.padEnd(9_999_999, ' ')}]\n`);
    expect(cli(...REPORT, '--timelines', input).stderr).toBe(`${input}:1: (root): expected an issue timeline (a JSON object), got an empty list`);
  });
});
