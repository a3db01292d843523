import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IssueHistory } from '../../src/adapters/jira/types';
import type { ConfigBundle } from '../../src/engine/types';
import { measuredEnvironment } from '../../src/timeline/from-jira';

const bundle = JSON.parse(readFileSync(path.join(__dirname, '../../examples/nordlys-config.json'), 'utf8')) as ConfigBundle;
const FIELD = 'customfield_10060';

/** A request whose form said `form`, with the Environment field changed afterwards when `changed`. */
function history(form: string | undefined, changed = false): IssueHistory {
  return {
    issue: { id: '1', key: 'SUP-1', fields: form === undefined ? {} : { [FIELD]: { value: form } } },
    histories: changed ? [{ id: '9', created: '2026-11-26T10:00:00.000+0000', items: [{ field: 'Environment', fieldId: FIELD, from: null, fromString: 'UAT', to: null, toString: form ?? null }] }] : [],
    comments: [],
  } as unknown as IssueHistory;
}

describe('the environment a request is measured in', () => {
  it.each<[string, string | undefined, string | undefined, boolean, { environment?: string; form?: string }]>([
    ['no portal choice: the form', 'UAT', undefined, false, { environment: 'UAT' }],
    ['the choice agrees with the form', 'Production', 'acme-prod', false, { environment: 'Production' }],
    ['the choice promised Production, the form said UAT: Production, the form noted', 'UAT', 'acme-prod', false, { environment: 'Production', form: 'UAT' }],
    ['the form left empty: the choice', undefined, 'acme-uat', false, { environment: 'UAT' }],
    ['an agent changed the field since: the field', 'UAT', 'acme-prod', true, { environment: 'UAT' }],
    ['a choice of no known agreement: the form', 'UAT', 'no-such', false, { environment: 'UAT' }],
  ])('%s', (_, form, agreement, changed, expected) => {
    expect(measuredEnvironment(history(form, changed), { fields: { environment: FIELD }, bundle, ...(agreement ? { portalAgreement: agreement } : {}) })).toEqual(expected);
  });
});
