import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { DEFAULT_AT_RISK_PERCENT, atRiskPercentOf, isAtRisk } from '../../src/engine/at-risk';

const example = (): Record<string, unknown> => JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')) as Record<string, unknown>;
const issues = (bundle: unknown): string[] => {
  const result = validateBundle(bundle);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('what people see: the at-risk share and the goals’ names for customers (formats.md §8)', () => {
  it.each<[string, unknown, string[]]>([
    ['absent: valid, the default', undefined, []],
    ['a share', { atRiskPercent: 75 }, []],
    ['a share with a fraction', { atRiskPercent: 87.5 }, []],
    ['nothing at all', { atRiskPercent: 0 }, ['settings.atRiskPercent: 0 is not a percentage above 0 and below 100']],
    ['the whole target', { atRiskPercent: 100 }, ['settings.atRiskPercent: 100 is not a percentage above 0 and below 100']],
    ['text', { atRiskPercent: '80' }, ['settings.atRiskPercent: expected a number, got "80"']],
    ['a misspelt field', { atRiskPercnt: 80 }, ['settings.atRiskPercnt: unknown field; did you mean "atRiskPercent"?']],
  ])('settings: %s', (_, settings, expected) => {
    const bundle = example();
    if (settings !== undefined) bundle.settings = settings;
    expect(issues(bundle)).toEqual(expected);
  });

  it('takes a customer label on a goal, and refuses one that is not text', () => {
    const bundle = example() as { goals: Array<Record<string, unknown>> };
    bundle.goals[0]!.customerLabel = 'We answer you';
    expect(issues(bundle)).toEqual([]);
    bundle.goals[0]!.customerLabel = 3;
    expect(issues(bundle)).toEqual(['goals[0].customerLabel: expected a string, got 3']);
  });

  it.each<[string, { state: 'running' | 'paused' | 'completed'; breached: boolean; elapsedMs: number; targetMs: number }, number, boolean]>([
    ['just below the share', { state: 'running', breached: false, elapsedMs: 79_999, targetMs: 100_000 }, 80, false],
    ['at the share', { state: 'running', breached: false, elapsedMs: 80_000, targetMs: 100_000 }, 80, true],
    ['breached is red, not amber', { state: 'running', breached: true, elapsedMs: 120_000, targetMs: 100_000 }, 80, false],
    ['paused is not at risk', { state: 'paused', breached: false, elapsedMs: 90_000, targetMs: 100_000 }, 80, false],
    ['closed is not at risk', { state: 'completed', breached: false, elapsedMs: 95_000, targetMs: 100_000 }, 80, false],
    ['a share with a fraction', { state: 'running', breached: false, elapsedMs: 87_500, targetMs: 100_000 }, 87.5, true],
  ])('%s', (_, o, percent, expected) => expect(isAtRisk(o, percent)).toBe(expected));

  it('uses the configured share, else the default', () => {
    const bundle = example() as never as Parameters<typeof atRiskPercentOf>[0];
    expect(atRiskPercentOf(bundle)).toBe(DEFAULT_AT_RISK_PERCENT);
    expect(atRiskPercentOf({ ...bundle, settings: { atRiskPercent: 60 } })).toBe(60);
  });
});
