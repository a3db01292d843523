import { editDistance, nearestName, unknownFieldMessage } from '../../src/config/nearest-name';

describe('editDistance', () => {
  test.each<[string, string, number]>([
    ['escalations', 'escalations', 0],
    ['escalatoins', 'escalations', 1], // two neighbours swapped
    ['ValidFrom', 'validFrom', 0], // letter case is no edit
    ['stopp', 'stop', 1],
    ['remainig', 'remaining', 1],
    ['priority', 'priorities', 3],
    ['', 'id', 2],
    ['ab', 'ba', 1],
    ['abc', 'ca', 3],
  ])('%s → %s: %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('nearestName', () => {
  const AGREEMENT = ['id', 'name', 'customer', 'environment', 'products', 'validFrom', 'validTo', 'priorityModel', 'calendar', 'targets', 'escalations'];
  const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  test.each<[string, readonly string[], string | undefined]>([
    ['escalatoins', AGREEMENT, 'escalations'],
    ['target', AGREEMENT, 'targets'],
    ['validfrom', AGREEMENT, 'validFrom'],
    ['calender', AGREEMENT, 'calendar'],
    ['validUntil', AGREEMENT, undefined],
    ['owner', AGREEMENT, undefined],
    ['ids', AGREEMENT, 'id'],
    ['monday', WEEK, 'mon'],
    ['thursday', WEEK, 'thu'],
    ['mo', WEEK, 'mon'],
    ['xyz', WEEK, undefined],
    ['to', ['at', 'type', 'visibility', 'author'], undefined], // two letters are too short to guess from
    ['customerGroups', ['customers', 'agreements'], undefined],
  ])('%s → %s', (word, names, expected) => {
    expect(nearestName(word, names)).toBe(expected);
  });

  test('the closest wins, then the first listed', () => {
    expect(nearestName('fron', ['to', 'from', 'front'])).toBe('from');
    expect(nearestName('bat', ['cat', 'bar'])).toBe('cat');
  });
});

test('unknownFieldMessage names the likely field, else every known one', () => {
  expect(unknownFieldMessage('escalatoins', ['targets', 'escalations'])).toBe('unknown field; did you mean "escalations"?');
  expect(unknownFieldMessage('owner', ['id', 'name'])).toBe('unknown field; known fields: id, name');
  expect(unknownFieldMessage('x', [])).toBe('unknown field; this object has no fields');
});
