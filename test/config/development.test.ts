// Validation of the development integration's bundle fields (formats.md §9): an agreement's development terms and
// the product versions of customers' environments, every mistake at its JSON path and all of them at once, and bundles
// without terms validating to exactly what they did. Cases edit examples/nordlys-config.json, whose agreements are
// [0] acme-prod, [1] acme-uat (both with terms), [2] fjord-prod, [3] fjord-test, [4] fjell-group-prod; its one action model pauses in
// "Waiting for customer" and "Waiting for release".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import type { ConfigBundle } from '../../src/engine/types';
import { DELETE, editedCopy, type Edit } from './edit-json';

const nordlys = JSON.parse(readFileSync(path.join(__dirname, '../../examples/nordlys-config.json'), 'utf8')) as { agreements: Array<Record<string, unknown>> };
const withoutTerms = editedCopy(nordlys, ...nordlys.agreements.map((_, i): Edit => [`agreements.${i}.development`, DELETE]));

function issuesOf(input: unknown): string[] {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected the bundle to be invalid');
  return result.issues.map(formatIssue);
}

function validOf(input: unknown): ConfigBundle {
  const result = validateBundle(input);
  if (!result.ok) throw new Error(`expected a valid bundle, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

test('the demo gives both ACME agreements terms: wait in "Waiting for release", resolve when available, project PAY', () => {
  const agreements = validOf(nordlys).agreements;
  expect(agreements.map((a) => [a.id, a.development])).toEqual([
    ['acme-prod', { waitingStatus: 'Waiting for release', resolveWhenAvailable: true, project: 'PAY' }],
    ['acme-uat', { waitingStatus: 'Waiting for release', resolveWhenAvailable: true, project: 'PAY' }],
    ['fjord-prod', undefined],
    ['fjord-test', undefined],
    ['fjell-group-prod', undefined],
  ]);
});

test('a bundle without terms validates to agreements without a development field, and otherwise to the same bundle', () => {
  const without = validOf(withoutTerms);
  expect(without.agreements.some((a) => 'development' in a)).toBe(false);
  const withTerms = validOf(nordlys);
  expect({ ...withTerms, agreements: withTerms.agreements.map(({ development: _, ...rest }) => rest) }).toEqual(without);
});

test('resolveWhenAvailable defaults to false', () => {
  expect(validOf(editedCopy(nordlys, ['agreements.0.development.resolveWhenAvailable', DELETE])).agreements[0]!.development).toEqual({
    waitingStatus: 'Waiting for release',
    resolveWhenAvailable: false,
    project: 'PAY',
  });
});

test.each<[string, Edit[], string[]]>([
  [
    'a waiting status the goals run in',
    [['agreements.0.development.waitingStatus', 'In Progress']],
    ['agreements[0].development.waitingStatus: the goals response, resolution, update, triage-ola do not pause in "In Progress", so their clock would run while development works; add it to the pauseInStatuses of the action model standard'],
  ],
  [
    'a waiting status one goal runs in',
    [
      ['actionModels.1', { id: 'fast', pauseInStatuses: ['Waiting for customer'] }],
      ['goals.3.actionModel', 'fast'],
    ],
    ['agreements[0].development.waitingStatus: the goal triage-ola does not pause in "Waiting for release", so its clock would run while development works; add it to the pauseInStatuses of the action model fast', 'agreements[1].development.waitingStatus: the goal triage-ola does not pause in "Waiting for release", so its clock would run while development works; add it to the pauseInStatuses of the action model fast'],
  ],
  ['a blank waiting status', [['agreements.0.development.waitingStatus', ' ']], ['agreements[0].development.waitingStatus: must not be empty']],
  ['no waiting status', [['agreements.0.development.waitingStatus', DELETE]], ['agreements[0].development.waitingStatus: required']],
  ['resolveWhenAvailable as text', [['agreements.0.development.resolveWhenAvailable', 'yes']], ['agreements[0].development.resolveWhenAvailable: expected true or false, got "yes"']],
  ['a project that is no key', [['agreements.1.development.project', 'Payroll']], ['agreements[1].development.project: "Payroll" is not a Jira project key; expected 2–10 upper-case letters, digits or underscores starting with a letter, such as "PAY"']],
  ['no project', [['agreements.1.development.project', DELETE]], ['agreements[1].development.project: required']],
  ['a misspelt field', [['agreements.0.development.waitingStaus', 'x']], ['agreements[0].development.waitingStaus: unknown field; did you mean "waitingStatus"?']],
  ['terms that are no object', [['agreements.0.development', 'PAY']], ['agreements[0].development: expected an object, got "PAY"']],
])('%s', (_name, edits, expected) => {
  expect(issuesOf(editedCopy(nordlys, ...edits))).toEqual(expected);
});

test('every mistake of every agreement at once (the structural ones of an agreement before those relating it to the bundle)', () => {
  expect(
    issuesOf(
      editedCopy(
        nordlys,
        ['agreements.0.development.project', 'pay'],
        ['agreements.0.development.waitingStatus', 'Open'],
        ['agreements.1.development.extra', 1],
        ['customers.0.environments.1.products.0.version', 'v5.3.0'],
      ),
    ),
  ).toEqual([
    'customers[0].environments[1].products[0].version: "v5.3.0" starts with "v"; write the version without it (5.3.0)',
    'agreements[0].development.project: "pay" is not a Jira project key; expected 2–10 upper-case letters, digits or underscores starting with a letter, such as "PAY"',
    'agreements[0].development.waitingStatus: the goals response, resolution, update, triage-ola do not pause in "Open", so their clock would run while development works; add it to the pauseInStatuses of the action model standard',
    'agreements[1].development.extra: unknown field; known fields: waitingStatus, resolveWhenAvailable, project',
  ]);
});

describe('environment versions', () => {
  test('every version in the examples reads as a version', () => {
    for (const file of ['nordlys-config.json', 'config.json', 'contracts-config.json']) {
      expect(validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples', file), 'utf8'))).ok).toBe(true);
    }
  });

  test.each([
    ['latest', '"latest" is not a version: "latest" is not a number'],
    ['5..3', '"5..3" has an empty number (two dots together, or a dot at an end)'],
    ['5.3.0-', '"5.3.0-" has an empty pre-release identifier'],
  ])('%s is refused at its path', (version, reason) => {
    const issues = issuesOf(editedCopy(nordlys, ['customers.1.environments.2.products.0.version', version]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(`customers[1].environments[2].products[0].version: ${reason}`);
  });

  test('a version that is no text', () => {
    expect(issuesOf(editedCopy(nordlys, ['customers.0.environments.0.products.0.version', 5.2]))).toEqual([
      'customers[0].environments[0].products[0].version: expected a version such as "5.3.1", got 5.2',
    ]);
  });

  test('a product without a version stays valid', () => {
    expect(validOf(editedCopy(nordlys, ['customers.0.environments.0.products.0.version', DELETE])).customers[0]!.environments[0]!.products[0]).toEqual({ name: 'Payroll' });
  });
});
