import { describeTarget, formatSeconds } from '../../../static/admin/src/format';
import { nextInterval } from '../../../static/admin/src/IntervalListEditor';
import { renameEntity, renameEnvironment, renamePriority } from '../../../static/admin/src/model';
import { segmentsOf, withoutPrefix } from '../../../static/admin/src/paths';
import { describePath } from '../../../static/admin/src/places';
import { fromTimelineJson, toTimelineJson } from '../../../static/admin/src/timeline';
import { calendarUsage, goalUsage, listInWords } from '../../../static/admin/src/usage';
import { exampleBundle, readExample } from './backend';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

describe('admin page helpers', () => {
  it.each([
    ['PT4H', '4 hours of business time'],
    ['PT30M', '30 minutes of business time'],
    ['P1DT2H', '26 hours of business time (a day is 24 hours)'],
    ['PT1H30M15S', '1 hour 30 minutes 15 seconds of business time'],
    ['PT0S', 'no time at all (due immediately)'],
  ])('describes %s as %s', (text, words) => expect(describeTarget(text)).toBe(words));

  it('does not describe what the engine would refuse', () => {
    expect(describeTarget('P1M')).toBeUndefined();
    expect(describeTarget('4 hours')).toBeUndefined();
  });

  it('formats seconds, overdue ones with a minus', () => {
    expect(formatSeconds(10_500)).toBe('2 h 55 m');
    expect(formatSeconds(-1_800)).toBe('−30 m');
    expect(formatSeconds(0)).toBe('0 s');
  });

  it('strips the resolver prefix from paths', () => {
    expect(withoutPrefix('bundle.calendars[0].week.mon[1]', 'bundle')).toBe('calendars[0].week.mon[1]');
    expect(withoutPrefix('bundle', 'bundle')).toBe('(root)');
    expect(withoutPrefix('payload.at', 'bundle')).toBeUndefined();
    expect(segmentsOf('calendars[0].week.mon[1]')).toEqual(['calendars', 0, 'week', 'mon', 1]);
  });

  it('names where a path is', () => {
    const bundle = exampleBundle();
    expect(describePath(bundle, 'calendars[0].week.mon[1]')).toBe('Calendar “Copenhagen office hours” › Monday interval 2');
    expect(describePath(bundle, 'agreements[0].escalations[1].when.remaining')).toBe('Agreement “ACME Production” › escalation 2, remaining');
    expect(describePath(bundle, 'agreements[0]')).toBe('Agreement “ACME Production”');
    expect(describePath(bundle, 'version')).toBe('version');
    expect(describePath(bundle, '(root)')).toBe('The configuration');
  });

  it('proposes the next interval after the last one', () => {
    expect(nextInterval([])).toEqual(['09:00', '17:00']);
    expect(nextInterval([['08:00', '12:00']])).toEqual(['12:00', '13:00']);
    expect(nextInterval([['08:00', '23:30']])).toEqual(['', '']);
  });

  it('carries renames to every reference', () => {
    const bundle = exampleBundle();
    renameEntity(bundle, 'goal', 0, 'first-response');
    renamePriority(bundle, 0, 0, 'critical');
    renameEnvironment(bundle, 0, 0, 'Prod');
    renameEntity(bundle, 'priorityModel', 0, 'one-to-five');
    const agreement = bundle.agreements[0]!;
    expect(agreement.targets.map((t) => t.goal).slice(0, 2)).toEqual(['first-response', 'first-response']);
    expect(agreement.targets.map((t) => t.priorities)).toEqual([['critical'], ['p2'], ['critical'], undefined, ['critical', 'p2'], undefined]);
    expect(agreement.environment).toBe('Prod');
    expect(agreement.priorityModel).toBe('one-to-five');
  });

  it('leaves references alone when the old id was a duplicate', () => {
    const bundle = exampleBundle();
    bundle.calendars.push({ ...bundle.calendars[0]! });
    renameEntity(bundle, 'calendar', 2, 'copy');
    expect(bundle.agreements[0]!.calendar).toBe('cph-office');
  });

  it('says where entries are used', () => {
    const bundle = exampleBundle();
    expect(calendarUsage(bundle, 'cph-office')).toEqual(['agreement “ACME Production”']);
    expect(goalUsage(bundle, 'update')).toEqual(['target row 5 of agreement “ACME Production”']);
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('round-trips the example timeline through the form', () => {
    const json = JSON.parse(readExample('timeline-sup-17.json')) as Record<string, unknown>;
    expect(toTimelineJson(fromTimelineJson(json)!)).toEqual(json);
  });

  it('writes a cleared resolution as null and leaves out empty optional fields', () => {
    const json = toTimelineJson({
      issue: { key: 'SIM-1', created: '2026-11-23T09:00:00Z', product: '', priority: 'p1' },
      events: [
        { at: '2026-11-23T09:00:00Z', type: 'created', status: '' },
        { at: '2026-11-23T10:00:00Z', type: 'resolution', to: '' },
      ],
    });
    expect(json).toEqual({
      issue: { key: 'SIM-1', created: '2026-11-23T09:00:00Z', priority: 'p1' },
      events: [
        { at: '2026-11-23T09:00:00Z', type: 'created' },
        { at: '2026-11-23T10:00:00Z', type: 'resolution', to: null },
      ],
    });
  });
});
