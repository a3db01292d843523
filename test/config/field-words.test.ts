import { fieldInWords } from '../../src/config/field-words';

describe('a field of a configuration entry in words', () => {
  it.each([
    ['week.mon[1]', 'Monday interval 2'],
    ['week.sun', 'Sunday'],
    ['targets[2].target', 'target row 3, target'],
    ['targets[0].priorities[1]', 'target row 1, priority 2'],
    ['escalations[0].when.elapsedPercent', 'escalation 1, elapsed percent'],
    ['escalations[1].notify[0]', 'escalation 2, recipient 1'],
    ['escalations[1].comment.text', 'escalation 2, comment, text'],
    ['environments[0].products[1].version', 'environment 1, product 2, version'],
    ['validFrom', 'valid from'],
    ['priorities[0].id', 'priority 1, id'],
    ['holidays[2]', 'holiday 3'],
    ['requestTypes[0]', 'request type 1'],
    ['start[0]', 'start 1'],
    ['', ''],
  ])('%s → %s', (path, expected) => expect(fieldInWords(path)).toBe(expected));
});
