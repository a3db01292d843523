// The worked example of contract management (examples/contracts-config.json, examples/timeline-fju-7.json): simulate
// reproduces every field of the two evaluations in examples/, and the bundle validates. FJU-7 is Fjord Shipping
// US's request from its New York site, measured in New York's hours under the inherited Fjord Americas agreement;
// its impact answer raises it from p3 to p2 and it waits for the supplier Nordhost for a day.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, contractsConfig, examples } from './contract-cli';

const timeline = path.join(examples, 'timeline-fju-7.json');

describe('simulate reproduces the FJU-7 examples field for field', () => {
  test.each(['fju-7-at-2026-11-24T170000Z.json', 'fju-7-at-2026-11-25T160000Z.json'])('%s', (name) => {
    const example = JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as { at: string; expected: unknown };
    const result = cli('simulate', '--config', contractsConfig, '--timeline', timeline, '--at', example.at);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toStrictEqual(example.expected);
  });
});

test('the example bundle is valid', () => {
  expect(cli('validate', '--config', contractsConfig)).toEqual({ code: 0, stdout: 'valid', stderr: '' });
});

test("the example's New York site reads the Copenhagen calendar in New York's zone through time add", () => {
  // Monday 16:00 in New York: closed there until Tuesday 08:00 EST (13:00Z).
  expect(cli('time', 'add', '--config', contractsConfig, '--calendar', 'cph-office@America/New_York', '--from', '2026-11-23T16:00:00-05:00', '--duration', 'PT4H')).toEqual({
    code: 0, stdout: '2026-11-24T17:00:00Z', stderr: '',
  });
});
