// The deployment-report web trigger (formats.md §9.4) run from the manifest on the local Forge runtime, as a
// pipeline calls it over HTTP: a signed report is recorded; every refusal answers a JSON error naming what is wrong
// and writes nothing to storage (nor queues anything); the secret is made and rotated by a Jira administrator only,
// shown once, and the previous one signs for an hour after a rotation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { createApp } from '../../src/app';
import { AppHost, installLocalForgeRuntime, KvsStore, loadAppManifest, runAs, type LocalForgeRuntime, type ProductRequest, type WebTriggerResponse } from '../../offline/forge-runtime';
import { JIRA_SCOPES } from '../../offline/jsm-double';
import { saveConfiguration } from '../../src/adapters/storage/config-store';
import { readCurrent } from '../../src/adapters/storage/environment-store';

const root = path.join(__dirname, '../..');
const nordlys = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const ADMIN = 'acc-mette';
const AGENT = 'acc-lars';
const START = Date.parse('2026-12-04T10:00:00Z');
const UAT = { customer: 'acme', environment: 'UAT', product: 'Payroll' };

let clock: { now: number };
let store: KvsStore;
let runtime: LocalForgeRuntime;
let host: AppHost;
let pushes: number;

async function jira(request: ProductRequest) {
  if (request.path === '/rest/api/3/mypermissions' && request.as !== 'app') {
    const permission = request.query.get('permissions') ?? '';
    const havePermission = permission === 'ADMINISTER' && request.as.accountId === ADMIN;
    return { status: 200, body: { permissions: { [permission]: { id: '0', key: permission, havePermission } } } };
  }
  return { status: 404, body: { errorMessages: [`not in this test: ${request.method} ${request.path}`] } };
}

beforeEach(async () => {
  clock = { now: START };
  const manifest = loadAppManifest(path.join(root, 'manifest.yml'));
  store = new KvsStore({ entities: manifest.entities, now: () => clock.now });
  pushes = 0;
  host = new AppHost({
    manifest,
    modules: { index: createApp({ now: () => clock.now }) as unknown as Record<string, unknown> },
    now: () => clock.now,
    accountType: () => 'licensed',
    installContext: 'ari:cloud:jira::site/cloud-1',
  });
  runtime = installLocalForgeRuntime({ kvs: store, manifest, products: { jira }, scopeTables: { jira: JIRA_SCOPES }, queue: () => void pushes++, now: () => clock.now });
  await runAs(ADMIN, () => saveConfiguration(nordlys, 0, ADMIN, START - 86_400_000));
});
afterEach(() => {
  runtime?.uninstall();
  store?.close();
});

type Envelope = { ok: boolean; data?: Record<string, unknown>; errors?: Array<{ code: string; message: string }> };
const admin = (functionKey: string, accountId = ADMIN): Promise<Envelope> => host.invokeResolver<Envelope>('contract-sla-admin', functionKey, {}, { accountId });

async function newSecret(): Promise<string> {
  const answer = await admin('admin/deployments/rotate-secret');
  if (!answer.ok) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.secret as string;
}

let nonces = 0;
interface Signed {
  method?: string;
  body: string;
  headers: Record<string, string[]>;
}

/** A request signed as the README tells a pipeline to: HMAC-SHA256 of `timestamp.nonce.body`, hex, `sha256=` in front. */
function signed(secret: string, report: unknown, options: { at?: number; nonce?: string; body?: string } = {}): Signed {
  const body = options.body ?? JSON.stringify(report);
  const timestamp = String(Math.floor((options.at ?? clock.now) / 1000));
  const nonce = options.nonce ?? `nonce-${String(++nonces).padStart(12, '0')}`;
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex')}`;
  return { body, headers: { 'Content-Type': ['application/json'], 'X-Contract-SLA-Timestamp': [timestamp], 'X-Contract-SLA-Nonce': [nonce], 'X-Contract-SLA-Signature': [signature] } };
}

async function send(request: Signed): Promise<WebTriggerResponse & { json: Record<string, unknown> }> {
  const response = await host.runWebTrigger('deployment-report', { method: request.method ?? 'POST', headers: request.headers, body: request.body });
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}

const REPORT = { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T09:55:00Z', by: 'payroll-release-pipeline' };

test('a signed report is recorded as the version the environment runs', async () => {
  const secret = await newSecret();
  const response = await send(signed(secret, REPORT));
  expect(response.statusCode).toBe(200);
  expect(response.headers).toEqual({ 'Content-Type': ['application/json'] });
  expect(response.json).toEqual({
    outcome: 'current',
    deployment: { ...UAT, version: '5.3.1', deployedAt: '2026-12-04T09:55:00.000Z' },
    current: { version: '5.3.1', deployedAt: '2026-12-04T09:55:00.000Z' },
  });
  expect(await runAs(ADMIN, () => readCurrent(UAT))).toMatchObject({ version: '5.3.1', source: 'pipeline', by: 'payroll-release-pipeline' });
});

test('an earlier deployment reported later is answered as superseded; the same deployment with a new nonce as a duplicate', async () => {
  const secret = await newSecret();
  await send(signed(secret, REPORT));
  expect((await send(signed(secret, { ...REPORT, version: '5.3.0', deployedAt: '2026-12-04T09:00:00Z' }))).json).toMatchObject({ outcome: 'superseded', current: { version: '5.3.1' } });
  expect((await send(signed(secret, REPORT))).json).toMatchObject({ outcome: 'duplicate' });
});

describe('refusals: a clear JSON error, and nothing stored or queued', () => {
  const cases: Array<[string, (secret: string) => Signed, number, string, string]> = [
    ['signed with another secret', () => signed('f'.repeat(64), REPORT), 401, 'bad-signature', ''],
    [
      'the body changed after signing',
      (secret) => {
        const request = signed(secret, REPORT);
        return { ...request, body: request.body.replace('5.3.1', '5.3.9') };
      },
      401,
      'bad-signature',
      '',
    ],
    ['unsigned', () => ({ body: JSON.stringify(REPORT), headers: { 'Content-Type': ['application/json'] } }), 401, 'unsigned', 'x-contract-sla-timestamp, x-contract-sla-nonce, x-contract-sla-signature missing'],
    [
      'no nonce',
      (secret) => {
        const request = signed(secret, REPORT);
        const { 'X-Contract-SLA-Nonce': _, ...headers } = request.headers;
        return { ...request, headers };
      },
      401,
      'unsigned',
      'x-contract-sla-nonce missing',
    ],
    ['a timestamp over 300 s old', (secret) => signed(secret, REPORT, { at: START - 301_000 }), 401, 'stale-timestamp', ''],
    ['a timestamp over 300 s ahead', (secret) => signed(secret, REPORT, { at: START + 301_000 }), 401, 'stale-timestamp', ''],
    ['a nonce too short to be one', (secret) => signed(secret, REPORT, { nonce: 'abc' }), 400, 'bad-nonce', ''],
    ['a body that is not JSON', (secret) => signed(secret, undefined, { body: 'version=5.3.1' }), 400, 'not-json', 'the body is not JSON'],
    ['a JSON list', (secret) => signed(secret, [REPORT]), 400, 'not-json', 'the body must be a JSON object'],
    ['no version', (secret) => signed(secret, { ...UAT }), 422, 'invalid', 'version: required'],
    ['an unknown field', (secret) => signed(secret, { ...REPORT, verison: '5.3.1' }), 422, 'invalid', 'verison: unknown field; did you mean "version"?'],
    ['a version that is none', (secret) => signed(secret, { ...REPORT, version: 'v5.3.1' }), 422, 'invalid', 'version: "v5.3.1" starts with "v"; write the version without it (5.3.1)'],
    ['an unknown customer', (secret) => signed(secret, { ...REPORT, customer: 'globex' }), 422, 'invalid', 'customer: unknown customer "globex"'],
    ['an unknown environment', (secret) => signed(secret, { ...REPORT, environment: 'Staging' }), 422, 'invalid', 'environment: unknown environment of acme "Staging"; expected one of Production, UAT'],
    ['an unknown product', (secret) => signed(secret, { ...REPORT, product: 'Fleet' }), 422, 'invalid', 'product: unknown product of acme UAT "Fleet"; expected one of Payroll'],
    ['a deployment in the future', (secret) => signed(secret, { ...REPORT, deployedAt: '2026-12-04T11:00:00Z' }), 422, 'invalid', 'deployedAt: 2026-12-04T11:00:00Z is in the future'],
    ['GET', (secret) => ({ ...signed(secret, REPORT), method: 'GET' }), 405, 'method-not-allowed', ''],
    ['a body over 16 KB', (secret) => signed(secret, { ...REPORT, by: 'x'.repeat(17_000) }), 413, 'too-large', ''],
  ];

  test.each(cases)('%s', async (_name, request, status, error, message) => {
    const secret = await newSecret();
    runtime.resetCounters();
    const response = await send(request(secret));
    expect(response.statusCode).toBe(status);
    expect(response.json).toMatchObject({ error });
    expect(response.json.message).toContain(message);
    expect(runtime.counters.storage.writeUnits).toBe(0);
    expect(pushes).toBe(0);
    expect(await runAs(ADMIN, () => readCurrent(UAT))).toBeUndefined();
  });

  test('every mistake of the body at once, each at its field', async () => {
    const response = await send(signed(await newSecret(), { customer: 'acme', environment: 'UAT', product: 'Payroll', version: 'latest', extra: 1, by: '' }));
    expect(response.json.errors).toEqual([
      { path: 'version', message: '"latest" is not a version: "latest" is not a number; a version is numbers separated by dots, such as 5.3.1, 5.3.0-rc.1 or 2024.10' },
      { path: 'by', message: "expected a name of at most 100 characters for who reports it (a pipeline's name)" },
      { path: 'extra', message: 'unknown field; known fields: customer, environment, product, version, deployedAt, by' },
    ]);
  });

  test('before an admin has made a secret, nothing is accepted', async () => {
    runtime.resetCounters();
    const response = await send(signed('0'.repeat(64), REPORT));
    expect(response).toMatchObject({ statusCode: 403, json: { error: 'no-secret' } });
    expect(runtime.counters.storage.writeUnits).toBe(0);
  });

  test('a request sent again is refused as a replay, and writes nothing', async () => {
    const request = signed(await newSecret(), REPORT);
    expect((await send(request)).statusCode).toBe(200);
    runtime.resetCounters();
    const again = await send(request);
    expect(again).toMatchObject({ statusCode: 409, json: { error: 'replay' } });
    expect(runtime.counters.storage.writeUnits).toBe(0);
  });
});

test('only a Jira administrator sees the URL and makes a secret; the secret is shown once, never by the status', async () => {
  expect(await admin('admin/deployments/status', AGENT)).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  expect(await admin('admin/deployments/rotate-secret', AGENT)).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  expect(await admin('admin/deployments/status')).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^http:\/\/localhost:3000\/x1\/[0-9a-f]{24}$/), secretSet: false, createdAt: null } });
  const secret = await newSecret();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  const status = await admin('admin/deployments/status');
  expect(status).toMatchObject({ ok: true, data: { secretSet: true, createdAt: START, createdBy: ADMIN, previousValidUntil: null } });
  expect(JSON.stringify(status)).not.toContain(secret);
});

test('after a rotation the previous secret signs for one hour, then it is refused', async () => {
  const first = await newSecret();
  clock.now += 60_000;
  const second = await newSecret();
  expect(second).not.toBe(first);
  expect(await admin('admin/deployments/status')).toMatchObject({ data: { previousValidUntil: START + 60_000 + 3_600_000 } });
  expect((await send(signed(first, { ...REPORT, deployedAt: undefined }))).statusCode).toBe(200);
  expect((await send(signed(second, { ...REPORT, version: '5.3.2', deployedAt: undefined }))).statusCode).toBe(200);
  clock.now += 3_600_000;
  runtime.resetCounters();
  expect(await send(signed(first, { ...REPORT, version: '5.3.3', deployedAt: undefined }))).toMatchObject({ statusCode: 401, json: { error: 'bad-signature' } });
  expect(runtime.counters.storage.writeUnits).toBe(0);
  expect((await send(signed(second, { ...REPORT, version: '5.3.3', deployedAt: undefined }))).statusCode).toBe(200);
});
