// The development terms (formats.md §9.2) change nothing the CLI prints: simulate and report give the same output
// for the demo bundle with and without them, on timelines that wait in "Waiting for release".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, examples, file } from './contract-cli';

const nordlys = JSON.parse(readFileSync(path.join(examples, 'nordlys-config.json'), 'utf8')) as { agreements: Array<Record<string, unknown>> };
const withoutTerms = { ...nordlys, agreements: nordlys.agreements.map(({ development: _, ...agreement }) => agreement) };

const waitingForRelease = {
  issue: { key: 'SUP-40', requestType: 'Incident', customer: 'acme', environment: 'UAT', product: 'Payroll', priority: 'p2', created: '2026-11-23T09:00:00+01:00' },
  events: [
    { at: '2026-11-23T09:00:00+01:00', type: 'created', status: 'Open' },
    { at: '2026-11-23T09:30:00+01:00', type: 'comment', visibility: 'public', author: 'agent' },
    { at: '2026-11-23T10:00:00+01:00', type: 'status', from: 'Open', to: 'Waiting for release' },
  ],
};

test('the demo bundle has terms, and validate says it is valid', () => {
  expect(nordlys.agreements.filter((a) => a.development !== undefined)).toHaveLength(2);
  expect(cli('validate', '--config', file(nordlys)).stdout).toBe('valid');
});

test.each(['2026-11-23T12:00:00Z', '2026-11-25T12:00:00Z'])('simulate at %s prints the same with and without the terms', (at) => {
  const withTerms = cli('simulate', '--config', file(nordlys), '--timeline', file(waitingForRelease), '--at', at);
  const without = cli('simulate', '--config', file(withoutTerms), '--timeline', file(waitingForRelease), '--at', at);
  expect(withTerms.code).toBe(0);
  expect(withTerms.stdout).toBe(without.stdout);
  expect(JSON.parse(withTerms.stdout)).toMatchObject({ agreement: 'acme-uat' });
});

test('report prints the same with and without the terms', () => {
  const timelines = path.join(examples, 'timelines-nov.jsonl');
  const args = ['--timelines', timelines, '--agreement', 'acme-prod', '--month', '2026-11'];
  const withTerms = cli('report', '--config', file(nordlys), ...args);
  expect(withTerms.code).toBe(0);
  expect(withTerms.stdout).toBe(cli('report', '--config', file(withoutTerms), ...args).stdout);
});
