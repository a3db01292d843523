// Validation of an agreement's report schedule (formats.md §7): every mistake at its JSON path, all of them at once,
// and bundles without it validating to exactly what they did. Cases edit examples/nordlys-config.json, whose
// agreements are [0] acme-prod, [1] acme-uat (customer acme, organization 12), [2] fjord-prod, [3] fjord-test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import type { ConfigBundle } from '../../src/engine/types';
import { DELETE, editedCopy, type Edit } from './edit-json';

const nordlys = JSON.parse(readFileSync(path.join(__dirname, '../../examples/nordlys-config.json'), 'utf8')) as { agreements: Array<Record<string, unknown>> };
const withoutSchedules = editedCopy(nordlys, ...nordlys.agreements.map((_, i): Edit => [`agreements.${i}.report`, DELETE]));
const SCHEDULE = { day: 3, recipients: ['qm:sofie'], language: 'da', serviceDeskId: '1', requestTypeId: '4' };
const scheduled = (...edits: Edit[]): unknown => editedCopy(editedCopy(withoutSchedules, ['agreements.0.report', SCHEDULE]), ...edits);

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

test('a bundle without schedules validates to agreements without a report field', () => {
  expect(validOf(withoutSchedules).agreements.some((a) => 'report' in a)).toBe(false);
});

test('a schedule validates as written; the language defaults to English', () => {
  expect(validOf(scheduled()).agreements[0]!.report).toEqual(SCHEDULE);
  expect(validOf(scheduled(['agreements.0.report.language', DELETE])).agreements[0]!.report!.language).toBe('en');
});

test.each<[string, Edit[], string[]]>([
  ['a day no month lacks', [['agreements.0.report.day', 29]], ['agreements[0].report.day: expected a day of the month 1–28, got 29']],
  ['a day that is no whole number', [['agreements.0.report.day', 2.5]], ['agreements[0].report.day: expected a day of the month 1–28, got 2.5']],
  ['a day written as text', [['agreements.0.report.day', '3']], ['agreements[0].report.day: expected a day of the month 1–28, got "3"']],
  ['no day', [['agreements.0.report.day', DELETE]], ['agreements[0].report.day: required']],
  ['nobody to send it to', [['agreements.0.report.recipients', []]], ['agreements[0].report.recipients: sends the report to no one; expected at least one account id of the customer']],
  ['a blank recipient', [['agreements.0.report.recipients', ['qm:sofie', '  ']]], ['agreements[0].report.recipients[1]: must not be empty']],
  ['a recipient twice', [['agreements.0.report.recipients', ['qm:sofie', 'qm:anders', 'qm:sofie']]], ['agreements[0].report.recipients[2]: "qm:sofie" is listed twice']],
  ['a language the labels are not in', [['agreements.0.report.language', 'sv']], ['agreements[0].report.language: unknown report language "sv"; expected one of en, da']],
  ['a request type that is no JSM id', [['agreements.0.report.requestTypeId', 'Report']], ['agreements[0].report.requestTypeId: "Report" is not a JSM id; expected digits such as "4"']],
  ['no service desk', [['agreements.0.report.serviceDeskId', DELETE]], ['agreements[0].report.serviceDeskId: required']],
  [
    'a field of no schedule: internal goals are never in a customer report',
    [['agreements.0.report.internal', true]],
    ['agreements[0].report.internal: unknown field; known fields: day, recipients, language, serviceDeskId, requestTypeId, complianceTargets'],
  ],
  ['a misspelt field', [['agreements.0.report.recipents', []]], ['agreements[0].report.recipents: unknown field; did you mean "recipients"?']],
  ['a customer without an organization', [['customers.0.organizationId', DELETE]], ["agreements[0].report: the customer acme has no organizationId: a report is delivered to the customer's JSM organization"]],
])('%s', (_name, edits, expected) => {
  expect(issuesOf(scheduled(...edits))).toEqual(expected);
});

test('every mistake of every schedule at once, in document order', () => {
  const issues = issuesOf(
    scheduled(['agreements.0.report.day', 0], ['agreements.0.report.language', 'de'], ['agreements.2.report', { day: 1, recipients: ['x', 'x'], serviceDeskId: '1' }]),
  );
  expect(issues).toEqual([
    'agreements[0].report.day: expected a day of the month 1–28, got 0',
    'agreements[0].report.language: unknown report language "de"; expected one of en, da',
    'agreements[2].report.requestTypeId: required',
    'agreements[2].report.recipients[1]: "x" is listed twice',
  ]);
});

test('compliance targets: percentages of goals the report shows', () => {
  expect(validOf(scheduled(['agreements.0.report.complianceTargets', { response: 95, resolution: 90.5 }])).agreements[0]!.report!.complianceTargets).toEqual({ response: 95, resolution: 90.5 });
  expect(issuesOf(scheduled(['agreements.0.report.complianceTargets', { response: 0, resolution: 101, 'triage-ola': 90, refund: 80, update: '95' }]))).toEqual([
    'agreements[0].report.complianceTargets.response: 0 is not a percentage above 0 and at most 100',
    'agreements[0].report.complianceTargets.resolution: 101 is not a percentage above 0 and at most 100',
    'agreements[0].report.complianceTargets.update: expected a number, got "95"',
    "agreements[0].report.complianceTargets[\"triage-ola\"]: triage-ola is an internal goal: a customer's report never shows it",
    'agreements[0].report.complianceTargets.refund: the agreement has no target row for the goal "refund", so its report has no such goal',
  ]);
});
