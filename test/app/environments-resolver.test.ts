// The environment-version resolvers (formats.md §9.3) through the real getDefinitions(), on the local Forge runtime
// judged by the manifest: the overview starting from the bundle's versions, set-version and its history, the latest
// deployment current whatever order reports arrive in, CSV import recording everything or nothing, every mistake at
// its path with nothing stored, and only Jira administrators allowed.
import path from 'node:path';
import fc from 'fast-check';
import { createApp } from '../../src/app';
import { installLocalForgeRuntime, KvsStore, loadAppManifest, runAs, type LocalForgeRuntime, type ProductRequest } from '../../offline/forge-runtime';
import { JIRA_SCOPES } from '../../offline/jsm-double';
import { saveConfiguration } from '../../src/adapters/storage/config-store';
import { readCurrent } from '../../src/adapters/storage/environment-store';
import { checkDeployment } from '../../src/config/deployment-input';
import { recordDeployment } from '../../src/usecases/environment-versions';
import { demoBundle, demoConfig } from '../fixtures/demo-config';

const root = path.join(__dirname, '../..');
const nordlys = demoConfig;
const bundle = demoBundle;
const ADMIN = 'acc-mette';
const AGENT = 'acc-lars';
const NOW = Date.parse('2026-12-04T10:00:00Z');
const UAT = { customer: 'acme', environment: 'UAT', product: 'Payroll' };
const { adminResolver } = createApp({ now: () => NOW });

let store: KvsStore;
let runtime: LocalForgeRuntime;

async function jira(request: ProductRequest) {
  if (request.path === '/rest/api/3/mypermissions' && request.as !== 'app') {
    const permission = request.query.get('permissions') ?? '';
    const havePermission = permission === 'ADMINISTER' && request.as.accountId === ADMIN;
    return { status: 200, body: { permissions: { [permission]: { id: '0', key: permission, havePermission } } } };
  }
  if (request.path === '/rest/api/3/user/bulk') {
    const values = request.query.getAll('accountId').filter((id) => id === ADMIN).map((accountId) => ({ accountId, displayName: 'Mette Hansen', active: true }));
    return { status: 200, body: { startAt: 0, maxResults: 10, total: values.length, isLast: true, values } };
  }
  return { status: 404, body: { errorMessages: [`not in this test: ${request.method} ${request.path}`] } };
}

beforeEach(async () => {
  const manifest = loadAppManifest(path.join(root, 'manifest.yml'));
  store = new KvsStore({ entities: manifest.entities, now: () => NOW });
  runtime = installLocalForgeRuntime({ kvs: store, manifest, products: { jira }, scopeTables: { jira: JIRA_SCOPES }, queue: () => undefined });
  await configure();
  runtime.resetCounters();
});

const configure = () => runAs(ADMIN, () => saveConfiguration(nordlys, 0, ADMIN, NOW - 86_400_000));
afterEach(() => {
  runtime?.uninstall();
  store?.close();
});

type Envelope = { ok: boolean; data?: Record<string, unknown>; errors?: Array<{ code: string; message: string; path?: string }> };

function call(functionKey: string, payload: unknown, accountId = ADMIN): Promise<Envelope> {
  return runAs(accountId, () =>
    adminResolver({ call: { functionKey, payload }, context: { accountId, accountType: 'licensed', extension: { type: 'jira:adminPage' } } } as never, { principal: { accountId } }),
  ) as Promise<Envelope>;
}

async function ok(functionKey: string, payload: unknown): Promise<Record<string, unknown>> {
  const answer = await call(functionKey, payload);
  if (!answer.ok) throw new Error(`${functionKey}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

const uatPayroll = async () => (((await ok('admin/environments/overview', {})).environments as Array<{ customer: string; environment: string; products: Array<Record<string, unknown>> }>).find((e) => e.customer === 'acme' && e.environment === 'UAT')!.products[0]);

test('the overview starts from the bundle: every customer environment in its order, each product with its version', async () => {
  const data = await ok('admin/environments/overview', {});
  expect(data.environments).toEqual([
    { customer: 'acme', customerName: 'ACME A/S', environment: 'Production', products: [{ product: 'Payroll', version: '5.2.0', source: 'configuration' }], waiting: [] },
    { customer: 'acme', customerName: 'ACME A/S', environment: 'UAT', products: [{ product: 'Payroll', version: '5.3.0-rc1', source: 'configuration' }], waiting: [] },
    { customer: 'fjord', customerName: 'Fjord Logistik ApS', environment: 'Production', products: [{ product: 'Fleet', version: '3.8.1', source: 'configuration' }, { product: 'HR', version: '2.4.0', source: 'configuration' }], waiting: [] },
    { customer: 'fjord', customerName: 'Fjord Logistik ApS', environment: 'Test', products: [{ product: 'Fleet', version: '3.9.0-beta2', source: 'configuration' }], waiting: [] },
    { customer: 'fjord', customerName: 'Fjord Logistik ApS', environment: 'Training', products: [{ product: 'HR', version: '2.4.0', source: 'configuration' }], waiting: [] },
    { customer: 'fjell', customerName: 'Fjell Group', environment: 'Production', products: [{ product: 'Payroll', version: '5.2.0', source: 'configuration' }], waiting: [] },
    { customer: 'fjell-us', customerName: 'Fjell Shipping US', environment: 'Production', products: [{ product: 'Payroll', version: '5.2.0', source: 'configuration' }], waiting: [] },
  ]);
  expect(runtime.counters.storage.writeUnits).toBe(0);
});

test('an admin sets a version: it is current, shown with who set it, and its history says what it replaced', async () => {
  const set = await ok('admin/environments/set-version', { ...UAT, version: '5.3.0', deployedAt: '2026-12-04T09:30:00+01:00' });
  expect(set).toMatchObject({ outcome: 'current', current: { version: '5.3.0', source: 'admin', by: ADMIN, deployedAt: Date.parse('2026-12-04T08:30:00Z'), recordedAt: NOW } });
  expect(await uatPayroll()).toEqual({ product: 'Payroll', version: '5.3.0', source: 'admin', by: ADMIN, byName: 'Mette Hansen', deployedAt: Date.parse('2026-12-04T08:30:00Z'), recordedAt: NOW });
  const history = await ok('admin/environments/history', UAT);
  expect(history).toMatchObject({ ...UAT, starting: '5.3.0-rc1', entries: [{ version: '5.3.0', previous: '5.3.0-rc1', outcome: 'current', source: 'admin' }] });
});

test('without deployedAt the deployment is dated when it was set', async () => {
  expect(await ok('admin/environments/set-version', { ...UAT, version: '5.3.1' })).toMatchObject({ current: { deployedAt: NOW } });
});

test('the latest deployment is current whatever order reports arrive in; an earlier one reported late is history only', async () => {
  await ok('admin/environments/set-version', { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T09:00:00Z' });
  const late = await ok('admin/environments/set-version', { ...UAT, version: '5.3.0', deployedAt: '2026-12-03T09:00:00Z' });
  expect(late).toMatchObject({ outcome: 'superseded', current: { version: '5.3.1' } });
  const later = await ok('admin/environments/set-version', { ...UAT, version: '5.2.9', deployedAt: '2026-12-04T09:30:00Z' });
  expect(later).toMatchObject({ outcome: 'current', current: { version: '5.2.9' }, deployment: { previous: '5.3.1' } });
  const history = (await ok('admin/environments/history', UAT)).entries as Array<Record<string, unknown>>;
  expect(history.map((e) => [e.version, e.outcome])).toEqual([
    ['5.2.9', 'current'],
    ['5.3.1', 'superseded'],
    ['5.3.0', 'superseded'],
  ]);
});

test('the same deployment reported again is recorded once and writes nothing', async () => {
  const report = { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T09:00:00Z' };
  await ok('admin/environments/set-version', report);
  runtime.resetCounters();
  expect(await ok('admin/environments/set-version', report)).toMatchObject({ outcome: 'duplicate', current: { version: '5.3.1' } });
  expect(runtime.counters.storage.writeUnits).toBe(0);
  expect((await ok('admin/environments/history', UAT)).entries).toHaveLength(1);
});

test('law: any order of the same reports leaves the same deployment current and the same history', async () => {
  const reports = [
    { version: '5.3.0', deployedAt: '2026-12-01T09:00:00Z' },
    { version: '5.3.1', deployedAt: '2026-12-02T09:00:00Z' },
    { version: '5.3.1-rc.1', deployedAt: '2026-12-02T09:00:00Z' },
    { version: '5.2.0', deployedAt: '2026-12-03T09:00:00Z' },
    { version: '5.4.0', deployedAt: '2026-11-30T09:00:00Z' },
  ];
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(reports, { minLength: reports.length }), fc.array(fc.nat({ max: 4 }), { maxLength: 3 }), async (order, again) => {
      store.clear();
      await configure();
      await runAs(ADMIN, async () => {
        for (const r of [...order, ...again.map((i) => order[i]!)]) {
          const checked = checkDeployment(bundle, { ...UAT, ...r }, NOW);
          if (!checked.ok) throw new Error('valid report expected');
          await recordDeployment(bundle, checked.value, 'pipeline', 'ci', NOW);
        }
        // 5.2.0 was deployed last (a rollback): it runs now, whatever arrived first.
        expect(await readCurrent(UAT)).toMatchObject({ version: '5.2.0', deployedAt: Date.parse('2026-12-03T09:00:00Z') });
      });
      const history = (await ok('admin/environments/history', UAT)).entries as Array<Record<string, unknown>>;
      expect(history.map((e) => [e.version, e.outcome])).toEqual([
        ['5.2.0', 'current'],
        ['5.3.1', 'superseded'],
        ['5.3.1-rc.1', 'superseded'],
        ['5.3.0', 'superseded'],
        ['5.4.0', 'superseded'],
      ]);
    }),
    { numRuns: 25 },
  );
});

async function record(report: { version: string; deployedAt: string }, by = 'ci') {
  const checked = checkDeployment(bundle, { ...UAT, ...report }, NOW);
  if (!checked.ok) throw new Error('valid report expected');
  return runAs(ADMIN, () => recordDeployment(bundle, checked.value, 'pipeline', by, NOW));
}

test('five pipelines reporting at once: one deployment is current, the latest, and each report is in the history once', async () => {
  const reports = ['5.3.0', '5.3.1', '5.3.2', '5.2.9', '5.4.0-rc.1'].map((version, i) => ({ version, deployedAt: `2026-11-2${i + 1}T09:00:00Z` }));
  const outcomes = await Promise.all(reports.map((r) => record(r)));
  expect(outcomes.filter((o) => o.outcome === 'current').length).toBeGreaterThanOrEqual(1);
  expect(await runAs(ADMIN, () => readCurrent(UAT))).toMatchObject({ version: '5.4.0-rc.1' });
  const history = (await ok('admin/environments/history', UAT)).entries as Array<Record<string, unknown>>;
  expect(history.map((e) => [e.version, e.outcome])).toEqual([
    ['5.4.0-rc.1', 'current'],
    ['5.2.9', 'superseded'],
    ['5.3.2', 'superseded'],
    ['5.3.1', 'superseded'],
    ['5.3.0', 'superseded'],
  ]);
});

test('a report whose history entry failed after the current record landed is completed by the same report again', async () => {
  runtime.faults.inject({ target: 'kvs', operation: 'set', entity: 'environment-deployment', when: 'before', status: 400, code: 'BAD_REQUEST' });
  const report = { version: '5.3.1', deployedAt: '2026-12-04T09:00:00Z' };
  await expect(record(report)).rejects.toThrow();
  expect(await runAs(ADMIN, () => readCurrent(UAT))).toMatchObject({ version: '5.3.1' });
  expect((await ok('admin/environments/history', UAT)).entries).toEqual([]);
  expect(await record(report)).toMatchObject({ outcome: 'duplicate' });
  expect(((await ok('admin/environments/history', UAT)).entries as Array<Record<string, unknown>>).map((e) => [e.version, e.outcome, e.previous])).toEqual([['5.3.1', 'current', '5.3.0-rc1']]);
});

describe('set-version refuses, naming the field, and stores nothing', () => {
  test.each<[string, Record<string, unknown>, Array<{ path: string; message: string }>]>([
    ['a version that is none', { ...UAT, version: 'latest' }, [{ path: 'payload.version', message: '"latest" is not a version: "latest" is not a number; a version is numbers separated by dots, such as 5.3.1, 5.3.0-rc.1 or 2024.10' }]],
    ['a v in front', { ...UAT, version: 'v5.3.1' }, [{ path: 'payload.version', message: '"v5.3.1" starts with "v"; write the version without it (5.3.1)' }]],
    ['no version', { ...UAT }, [{ path: 'payload.version', message: 'required' }]],
    ['an unknown customer', { ...UAT, customer: 'acem', version: '5.3.1' }, [{ path: 'payload.customer', message: 'unknown customer "acem"; did you mean "acme"?' }]],
    ['an environment the customer lacks', { ...UAT, environment: 'Test', version: '5.3.1' }, [{ path: 'payload.environment', message: 'unknown environment of acme "Test"; expected one of Production, UAT' }]],
    ['a product the environment lacks', { ...UAT, product: 'Fleet', version: '5.3.1' }, [{ path: 'payload.product', message: 'unknown product of acme UAT "Fleet"; expected one of Payroll' }]],
    ['a deployment in the future', { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T10:30:00Z' }, [{ path: 'payload.deployedAt', message: '2026-12-04T10:30:00Z is in the future; a deployment is reported once it has happened' }]],
    ['an instant without an offset', { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T09:00:00' }, [{ path: 'payload.deployedAt', message: 'expected an ISO-8601 instant with an offset, such as 2026-12-04T09:30:00+01:00, got "2026-12-04T09:00:00"' }]],
    [
      'several mistakes at once',
      { customer: 'acme', environment: 'UAT', product: 7, version: '5..3' },
      [
        { path: 'payload.product', message: 'expected text, got 7' },
        { path: 'payload.version', message: '"5..3" has an empty number (two dots together, or a dot at an end); a version is numbers separated by dots, such as 5.3.1, 5.3.0-rc.1 or 2024.10' },
      ],
    ],
  ])('%s', async (_name, payload, errors) => {
    const answer = await call('admin/environments/set-version', payload);
    expect(answer).toEqual({ ok: false, errors: errors.map((e) => ({ code: 'INVALID', ...e })) });
    expect(runtime.counters.storage.writeUnits).toBe(0);
  });
});

test('only Jira administrators see or change environment versions', async () => {
  for (const [key, payload] of [
    ['admin/environments/overview', {}],
    ['admin/environments/history', UAT],
    ['admin/environments/set-version', { ...UAT, version: '5.3.1' }],
    ['admin/environments/import', { csv: 'customer,environment,product,version\nacme,UAT,Payroll,5.3.1\n' }],
  ] as const) {
    const answer = await call(key, payload, AGENT);
    expect(answer).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  }
  expect(runtime.counters.storage.writeUnits).toBe(0);
});

test('before any configuration is saved the registry says so', async () => {
  store.clear();
  expect(await call('admin/environments/overview', {})).toMatchObject({ ok: false, errors: [{ code: 'NOT_CONFIGURED' }] });
});

describe('CSV import', () => {
  test('a file records every row; rows without deployedAt are dated now; the same file again changes nothing', async () => {
    const csv = [
      'customer,environment,product,version,deployedAt',
      'acme,UAT,Payroll,5.3.1,2026-12-04T09:00:00+01:00',
      'acme,Production,Payroll,5.2.1,',
      '"fjord","Production","Fleet","3.8.2","2026-12-01T12:00:00Z"',
      'acme,UAT,Payroll,5.3.0,2026-12-01T09:00:00Z',
    ].join('\r\n');
    expect(await ok('admin/environments/import', { csv })).toEqual({ rows: 4, current: 3, superseded: 1, duplicate: 0 });
    expect(await uatPayroll()).toMatchObject({ version: '5.3.1', source: 'csv', by: ADMIN });
    runtime.resetCounters();
    expect(await ok('admin/environments/import', { csv })).toEqual({ rows: 4, current: 0, superseded: 0, duplicate: 4 });
    expect(runtime.counters.storage.writeUnits).toBe(0);
  });

  test('every mistake of the file is named by line and column, and nothing is recorded', async () => {
    const csv = [
      'customer,environment,product,version,deployedAt',
      'acme,UAT,Payroll,5.3.1,',
      'acme,UAT,Payroll,latest,',
      'acme,Staging,Payroll,5.3.1,2026-12-01T09:00:00Z',
      'fjord,Production,Fleet',
      '',
      'nobody,UAT,Payroll,v1,tomorrow',
      'acme,UAT,Payroll,5.3.2,',
    ].join('\n');
    const answer = await call('admin/environments/import', { csv });
    expect(answer).toEqual({
      ok: false,
      errors: [
        { code: 'INVALID', path: 'csv[3].version', message: '"latest" is not a version: "latest" is not a number; a version is numbers separated by dots, such as 5.3.1, 5.3.0-rc.1 or 2024.10' },
        { code: 'INVALID', path: 'csv[4].environment', message: 'unknown environment of acme "Staging"; expected one of Production, UAT' },
        { code: 'INVALID', path: 'csv[5]', message: 'expected 5 cells as the header names, got 3' },
        { code: 'INVALID', path: 'csv[7].customer', message: 'unknown customer "nobody"; expected one of acme, fjord, fjell, fjell-us' },
        { code: 'INVALID', path: 'csv[7].version', message: '"v1" starts with "v"; write the version without it (1)' },
        { code: 'INVALID', path: 'csv[7].deployedAt', message: 'expected an ISO-8601 instant with an offset, such as 2026-12-04T09:30:00+01:00, got "tomorrow"' },
        { code: 'INVALID', path: 'csv[8]', message: 'acme UAT Payroll is on line 2 too, and neither gives a deployedAt to say which came later' },
      ],
    });
    expect(runtime.counters.storage.writeUnits).toBe(0);
    expect(await uatPayroll()).toMatchObject({ version: '5.3.0-rc1', source: 'configuration' });
  });

  test.each<[string, string, Array<{ path: string; message: string }>]>([
    ['a header with a misspelt column', 'customer,environment,product,verison\nacme,UAT,Payroll,5.3.1', [
      { path: 'csv[1]', message: 'column 4 "verison" is unknown; did you mean "version"? known columns: customer, environment, product, version, deployedAt' },
      { path: 'csv[1]', message: 'the header has no version column' },
    ]],
    ['a header only', 'customer,environment,product,version\n', [{ path: 'csv', message: 'the file has a header but no rows' }]],
    ['an empty file', '', [{ path: 'csv', message: 'the file is empty; expected a header line such as customer,environment,product,version,deployedAt' }]],
    ['a quote never closed', 'customer,environment,product,version\nacme,"UAT,Payroll,5.3.1\n', [{ path: 'csv[2]', message: 'a quote opened on this line is never closed' }]],
    ['too many rows', `customer,environment,product,version,deployedAt\n${Array.from({ length: 501 }, (_, i) => `acme,UAT,Payroll,5.3.${i},2026-12-01T09:00:00Z`).join('\n')}`, [{ path: 'csv', message: 'the file has 501 rows; at most 500 are imported at once, split it' }]],
    ['two versions at one instant', 'customer,environment,product,version,deployedAt\nacme,UAT,Payroll,5.3.1,2026-12-01T09:00:00Z\nacme,UAT,Payroll,5.3.2,2026-12-01T10:00:00+01:00', [
      { path: 'csv[3]', message: 'acme UAT Payroll is on line 2 with another version at the same deployedAt' },
    ]],
  ])('%s', async (_name, csv, errors) => {
    expect(await call('admin/environments/import', { csv })).toEqual({ ok: false, errors: errors.map((e) => ({ code: 'INVALID', ...e })) });
    expect(runtime.counters.storage.writeUnits).toBe(0);
  });

  test('a file over 200 KB is refused before it is read', async () => {
    const csv = `customer,environment,product,version\n${'acme,UAT,Payroll,5.3.1\n'.repeat(9000)}`;
    expect(await call('admin/environments/import', { csv })).toEqual({ ok: false, errors: [{ code: 'INVALID', path: 'payload.csv', message: 'the file is larger than 200 KB; split it' }] });
  });
});
