import fc from 'fast-check';
import { contractPriorityText, priorityIdOf } from '../../src/timeline/contract-priority';

describe('the Contract priority field: the name for people, the id for the replay', () => {
  it.each([
    ['p1', '1 – Critical', '1 – Critical [p1]'],
    ['red', 'Red', 'Red [red]'],
    ['p3', undefined, 'p3'],
    ['p4', 'p4', 'p4'],
    ['x', 'Priority [old]', 'Priority [old] [x]'],
  ])('%s named %j is shown as %j', (id, name, text) => {
    expect(contractPriorityText(id, name)).toBe(text);
    expect(priorityIdOf(text)).toBe(id);
  });

  it('reads a bare id written before names were shown as that id', () => {
    expect(priorityIdOf('p2')).toBe('p2');
    expect(priorityIdOf('yellow')).toBe('yellow');
  });

  it('always gives back the id it was written with', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(fc.property(id, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (priority, name) => expect(priorityIdOf(contractPriorityText(priority, name))).toBe(priority)));
  });
});
