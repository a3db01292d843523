// Every file in examples/ goes through the CLI command that reads it, so a field the validator does not know (a
// typo, or one of a newer format version) can never hide in a shipped example; likewise the JSON of docs/formats.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { formatIssue } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import { validateTimeline } from '../../src/config/validate-timeline';

const examples = path.join(__dirname, '../../examples');
const config = path.join(examples, 'config.json');

function cli(...argv: string[]): { code: number; stderr: string } {
  const err: string[] = [];
  const code = main(argv, () => undefined, (t) => err.push(t));
  return { code, stderr: err.join('\n') };
}

/** The command that reads an example file, by what the file holds. */
function commandFor(name: string): string[] | undefined {
  const file = path.join(examples, name);
  if (name === 'deadlines.jsonl') return ['time', 'add', '--config', config, '--calendar', 'cph-office', '--input', file];
  if (name.startsWith('timelines-')) return ['report', '--config', config, '--timelines', file, '--agreement', 'acme-prod', '--month', '2026-11'];
  if (!name.endsWith('.json')) return undefined;
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if ('version' in value) return ['validate', '--config', file];
  // The contract-management example (§6) has its own bundle.
  const bundle = name.includes('fju-') ? path.join(examples, 'contracts-config.json') : config;
  if ('issue' in value) return ['simulate', '--config', bundle, '--timeline', file, '--at', '2026-12-01T00:00:00Z'];
  return undefined;
}

/** Files that are outputs to compare against (each has its own test), not inputs. */
const OUTPUTS = /^(report-.*\.(json|csv)|(sup-17|fju-7)-at-.*\.json|README\.md)$/;

describe('every example input is accepted', () => {
  const inputs = readdirSync(examples).filter((name) => !OUTPUTS.test(name));

  test('each input file has a command that reads it', () => {
    expect(inputs.filter((name) => commandFor(name) === undefined)).toEqual([]);
    expect(inputs.length).toBeGreaterThanOrEqual(5);
  });

  test.each(inputs)('%s', (name) => {
    expect(cli(...commandFor(name)!)).toEqual({ code: 0, stderr: '' });
  });
});

describe('the JSON of docs/formats.md is valid', () => {
  // The binding text (§1–§5); the product extension after it shows excerpts, checked through examples/contracts-config.json.
  const full = readFileSync(path.join(__dirname, '../../docs/formats.md'), 'utf8');
  const spec = full.slice(0, full.indexOf('\n## 6.') > 0 ? full.indexOf('\n## 6.') : full.length);
  /** Its jsonc blocks without their `// …` comments (none of them holds "//" inside a string). */
  const blocks = [...spec.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!.replace(/\s\/\/.*$/gm, '')) as Record<string, unknown>);

  test('the bundle of §1', () => {
    const bundle = blocks.find((b) => 'version' in b);
    const result = validateBundle(bundle);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  test('the timeline of §2', () => {
    const timeline = blocks.find((b) => 'issue' in b && 'events' in b);
    const result = validateTimeline(timeline);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });
});
