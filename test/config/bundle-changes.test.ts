import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { changeSentence, describeChanges } from '../../src/config/bundle-changes';
import type { ConfigBundle } from '../../src/engine/types';

const example = (): ConfigBundle => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'examples', 'config.json'), 'utf8')) as ConfigBundle;
const sentences = (before: ConfigBundle, after: ConfigBundle): string[] => describeChanges(before, after).map(changeSentence);

describe('what changed between two configuration bundles', () => {
  it.each<[string, (b: ConfigBundle) => void, string[]]>([
    ['nothing', () => undefined, []],
    [
      'a target of an agreement',
      (b) => void (b.agreements[0]!.targets[2]!.target = 'PT6H'),
      ['Agreement “ACME Production”: target row 3, target PT4H → PT6H'],
    ],
    [
      'an interval of a calendar and its name',
      (b) => {
        b.calendars[0]!.week.mon = [['08:00', '15:00']];
        b.calendars[0]!.name = 'Office';
      },
      ['Calendar “Office”: name Copenhagen office hours → Office', 'Calendar “Office”: Monday interval 1 ["08:00","16:00"] → ["08:00","15:00"]'],
    ],
    [
      'an escalation added and a priority list changed',
      (b) => {
        b.agreements[0]!.escalations.push({ id: 'late', goal: 'update', when: { overdue: 'PT0S' }, notify: ['assignee'] });
        b.agreements[0]!.targets[1]!.priorities = ['p1', 'p2'];
      },
      [
        'Agreement “ACME Production”: target row 2, priorities ["p2"] → ["p1","p2"]',
        'Agreement “ACME Production”: escalation 4 added ({"id":"late","goal":"update","when":{"overdue":"PT0S"},"notify":["assignee"]})',
      ],
    ],
    [
      'an optional field removed',
      (b) => void delete b.agreements[0]!.escalations[0]!.comment,
      ['Agreement “ACME Production”: escalation 1, comment removed (was {"visibility":"internal","text":"75 % of the resolution time is used"})'],
    ],
    [
      'entries added, removed and reordered, matched by id',
      (b) => {
        b.goals.reverse();
        b.calendars = b.calendars.filter((c) => c.id !== 'always');
        b.customers.push({ id: 'globex', name: 'Globex', environments: [] });
      },
      ['Calendar “24x7” removed', 'Goals reordered', 'Customer “Globex” added'],
    ],
  ])('%s', (_, change, expected) => {
    const before = example();
    const after = example();
    change(after);
    expect(sentences(before, after)).toEqual(expected);
  });

  it('gives each change the bundle path of its field, for the page to go to', () => {
    const after = example();
    after.agreements[0]!.targets[2]!.target = 'PT6H';
    expect(describeChanges(example(), after)).toEqual([
      { entry: 'Agreement “ACME Production”', field: 'targets[2].target', path: 'agreements[0].targets[2].target', kind: 'changed', before: 'PT4H', after: 'PT6H' },
    ]);
  });

  it('cuts long values to one short line', () => {
    const after = example();
    after.goals[0]!.guidance = 'x'.repeat(200);
    const [change] = describeChanges(example(), after);
    expect(change!.after).toHaveLength(80);
    expect(change!.after!.endsWith('…')).toBe(true);
  });

  it('finds no change exactly when the bundles are equal, and every change from an empty bundle is an addition', () => {
    const names = fc.constantFrom('PT1H', 'PT2H', 'PT4H', 'PT16H');
    fc.assert(
      fc.property(fc.array(names, { minLength: 6, maxLength: 6 }), (targets) => {
        const after = example();
        after.agreements[0]!.targets.forEach((row, i) => void (row.target = targets[i]!));
        const changes = describeChanges(example(), after);
        const differing = example().agreements[0]!.targets.filter((row, i) => row.target !== targets[i]).length;
        expect(changes).toHaveLength(differing);
        expect(describeChanges(after, after)).toEqual([]);
      }),
    );
    const empty: ConfigBundle = { version: 1, holidayCollections: [], calendars: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [], agreements: [] };
    const all = describeChanges(empty, example());
    expect(all.every((c) => c.kind === 'added' && c.field === '')).toBe(true);
    expect(all).toHaveLength(
      (['holidayCollections', 'calendars', 'priorityModels', 'actions', 'actionModels', 'goals', 'customers', 'agreements'] as const).reduce((n, k) => n + (example()[k]?.length ?? 0), 0),
    );
  });
});
