// The watched fix, the stage and the words of formats.md §9.5, as tables.
import { agentStageText, customerProgress, developmentStage, reaches, releaseNoticeText, watchedFix, type DevelopmentWordsInput } from '../../src/engine/development';

describe('watchedFix: the lowest fix version that reads as a version, once development has finished', () => {
  test.each([
    [['5.3.1'], 'done', '5.3.1', null],
    [['5.4.0', '5.3.1', '5.3.1-rc.2'], 'done', '5.3.1-rc.2', null],
    [['5.3.10', '5.3.9'], 'done', '5.3.9', null],
    [['5.3.1'], 'indeterminate', null, null],
    [['5.3.1'], 'new', null, null],
    [[], 'done', null, 'development finished without a fix version'],
    [['Next sprint'], 'done', null, '"Next sprint" is not a version: "Next sprint" contains spaces; a version is written without them, such as 5.3.1, 5.3.0-rc.1 or 2024.10'],
    [['v5.3.1', '5.4.0'], 'done', '5.4.0', '"v5.3.1" is not a version: "v5.3.1" starts with "v"; write the version without it (5.3.1)'],
  ] as const)('%j in a %s status: %s', (versions, category, fix, problem) => {
    const watched = watchedFix(versions, category);
    expect([watched.fix, watched.problem]).toEqual([fix, problem]);
    expect(watched.fixKey === null).toBe(fix === null);
  });

  test("the fix's key orders as the versions do (what the deployments' index reads)", () => {
    const key = (v: string) => watchedFix([v], 'done').fixKey!;
    expect(key('5.3.0') < key('5.3.1-rc.1')).toBe(true);
    expect(key('5.3.1-rc.1') < key('5.3.1')).toBe(true);
    expect(key('5.3.1')).toBe(key('5.3.1.0'));
    expect(key('5.3.9') < key('5.3.10')).toBe(true);
  });
});

const base: DevelopmentWordsInput = {
  key: 'PAY-12', status: 'To Do', assignee: null, fixVersions: [], problem: null, product: 'Payroll', environment: 'UAT', environmentVersion: '5.3.0',
  category: 'new', fix: null, notices: [],
};
const told = { environment: 'UAT', version: '5.3.1', fix: '5.3.1', at: Date.parse('2026-12-04T09:00:00Z'), resolved: false };

describe('the stage, in the agent\'s and the customer\'s words', () => {
  test.each<[string, Partial<DevelopmentWordsInput>, string, string, string]>([
    ['not started', {}, 'handed-over', 'Handed over as PAY-12 (To Do) — development has not started', 'Handed to our development team'],
    ['in progress, planned', { category: 'indeterminate', status: 'In Progress', assignee: 'Henrik Dahl', fixVersions: ['5.3.1'] }, 'in-development', 'In development: PAY-12 (In Progress, Henrik Dahl) — planned for 5.3.1', 'In development'],
    ['done without a fix to watch', { category: 'done', status: 'Done', problem: 'development finished without a fix version' }, 'in-development', 'PAY-12 is Done but has no fix to watch: development finished without a fix version — ask development which release has it', 'In development'],
    ['fixed, UAT behind', { category: 'done', status: 'Done', fix: '5.3.1' }, 'fixed', 'Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update', 'Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated'],
    ['fixed, version not known', { category: 'done', fix: '5.3.1', environmentVersion: null }, 'fixed', 'Fixed in Payroll 5.3.1 — waiting for UAT to be updated', 'Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated'],
    ['only another environment told', { category: 'done', fix: '5.3.1', notices: [{ ...told, environment: 'Production' }] }, 'fixed', 'Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update', 'Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated'],
    ['available', { category: 'done', fix: '5.3.1', notices: [told] }, 'available', 'The fix 5.3.1 is available on UAT (5.3.1) — the customer was told on 2026-12-04', 'The fix is available on your UAT environment (5.3.1) — please test'],
    ['resolved', { category: 'done', fix: '5.3.1', notices: [{ ...told, version: '5.3.2', resolved: true }] }, 'resolved', 'Resolved: the fix 5.3.1 is available on UAT (5.3.2) — the customer was told on 2026-12-04', 'The fix is available on your UAT environment (5.3.2) — please test'],
    ['told of an earlier fix, the fix changed since', { category: 'done', fix: '5.3.2', notices: [told] }, 'fixed', 'Fixed in Payroll 5.3.2 — UAT runs 5.3.0, waiting for the update', 'Fixed in Payroll 5.3.2, waiting for your UAT environment to be updated'],
  ])('%s', (_name, change, stage, agent, customer) => {
    const input = { ...base, ...change };
    expect(developmentStage(input)).toBe(stage);
    expect(agentStageText(input)).toBe(agent);
    const progress = customerProgress(input);
    expect(progress).toBe(customer);
    expect(progress).not.toContain('PAY-12');
  });
});

test('release notices: the own environment (and the resolution), or another one mentioned', () => {
  expect(releaseNoticeText({ environment: 'UAT', version: '5.3.1', own: true, resolves: false })).toBe('The fix is available on your UAT environment (5.3.1) — please test.');
  expect(releaseNoticeText({ environment: 'UAT', version: '5.3.1', own: true, resolves: true })).toBe('The fix is available on your UAT environment (5.3.1) — please test. We have resolved this request; reply here if the problem is still there.');
  expect(releaseNoticeText({ environment: 'Production', version: '5.3.2', own: false, resolves: true })).toBe('The fix is also available on your Production environment (5.3.2).');
});

test.each([
  ['5.3.1', '5.3.1', true],
  ['5.3.2', '5.3.1', true],
  ['5.3.1.0', '5.3.1', true],
  ['5.3.1+build.7', '5.3.1', true],
  ['5.3.0', '5.3.1', false],
  ['5.3.1-rc.1', '5.3.1', false],
  ['5.4.0-rc.1', '5.3.1', true],
  ['latest', '5.3.1', false],
])('an environment on %s reaches a fix made in %s: %s', (version, fix, expected) => {
  expect(reaches(version, watchedFix([fix], 'done').fixKey)).toBe(expected);
});

test('nothing reaches a fix not known yet, and no version reaches anything', () => {
  expect(reaches('9.9.9', null)).toBe(false);
  expect(reaches(null, watchedFix(['5.3.1'], 'done').fixKey)).toBe(false);
});
