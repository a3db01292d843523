// Fault injection: the next matching storage or product operation fails, either before it happens (nothing changes)
// or after it (the write lands, the app gets the error).
import { asApp, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { ScopeTable, type ProductRequest } from '../../../offline/forge-runtime';
import { rejection, useLocalRuntime } from './helpers';

const SOURCE = 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/';
const served: ProductRequest[] = [];
const properties = new Map<string, unknown>();

const harness = useLocalRuntime({
  scopeTables: {
    jira: new ScopeTable([
      { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', classic: ['read:jira-work'], granular: [], source: SOURCE },
      { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', classic: ['write:jira-work'], granular: [], source: SOURCE },
    ]),
  },
  products: {
    // A property store: PUT keeps the body, GET answers it.
    jira: async (request) => {
      served.push(request);
      if (request.method === 'PUT') {
        properties.set(request.path, request.body);
        return { status: 200, body: undefined };
      }
      return properties.has(request.path) ? { status: 200, body: { value: properties.get(request.path) } } : { status: 404, body: { errorMessages: ['no'], errors: {} } };
    },
  },
});

beforeEach(() => {
  served.length = 0;
  properties.clear();
});

const entity = () => kvs.entity<{ issueKey: string }>('obligation');

describe('storage faults', () => {
  it('before: the operation is refused and nothing is written', async () => {
    harness.runtime.faults.inject({ target: 'kvs', operation: 'set', status: 500 });
    const refused = await rejection(kvs.set('a', 1));
    expect([refused.code, refused.responseDetails?.status]).toEqual(['INTERNAL_SERVER_ERROR', 500]);
    expect(await kvs.get('a')).toBeUndefined();
    await kvs.set('a', 2);
    expect(await kvs.get('a')).toBe(2);
  });

  it('after: the write lands although the app is told it failed', async () => {
    harness.runtime.faults.inject({ target: 'kvs', operation: 'set', entity: 'obligation', when: 'after', status: 503 });
    const refused = await rejection(entity().set('o1', { issueKey: 'SUP-1' }));
    expect([refused.code, refused.responseDetails?.status]).toEqual(['SERVICE_UNAVAILABLE', 503]);
    expect(await entity().get('o1')).toEqual({ issueKey: 'SUP-1' });
  });

  it('matches by entity and key, leaving other operations alone', async () => {
    harness.runtime.faults.inject({ target: 'kvs', entity: 'obligation', key: /^o2/, status: 500 });
    await kvs.set('o2', 'plain kvs is another space');
    await entity().set('o1', { issueKey: 'SUP-1' });
    expect((await rejection(entity().get('o2'))).code).toBe('INTERNAL_SERVER_ERROR');
    expect(harness.runtime.faults.pending()).toEqual([]);
  });

  it('fails a transaction after it committed, and a batch before it ran', async () => {
    harness.runtime.faults.inject({ target: 'kvs', operation: 'transact', when: 'after', status: 500 });
    await expect(kvs.transact().set('t1', 1).set('o9', { issueKey: 'SUP-9' }, { entityName: 'obligation' }).execute()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect([await kvs.get('t1'), await entity().get('o9')]).toEqual([1, { issueKey: 'SUP-9' }]);
    harness.runtime.faults.inject({ target: 'kvs', operation: 'batchSet', key: 'b2', status: 503 });
    await expect(kvs.batchSet([{ key: 'b1', value: 1 }, { key: 'b2', value: 2 }])).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect([await kvs.get('b1'), await kvs.get('b2')]).toEqual([undefined, undefined]);
  });

  it('fails a delete after it happened, and a batch get before it read', async () => {
    await kvs.set('d1', 1);
    harness.runtime.faults.inject({ target: 'kvs', operation: 'delete', key: 'd1', when: 'after', status: 500 });
    await expect(kvs.delete('d1')).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(await kvs.get('d1')).toBeUndefined();
    await kvs.set('g1', 1);
    harness.runtime.faults.inject({ target: 'kvs', operation: 'batchGet', status: 503 });
    await expect(kvs.batchGet([{ key: 'g1' }])).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(harness.runtime.counters.storage.byOperation['/api/v1/batch/get']).toBeUndefined();
  });

  it('answers 429 with Retry-After, as many times as asked', async () => {
    harness.runtime.faults.inject({ target: 'kvs', operation: ['get', 'query'], status: 429, retryAfterSeconds: 7, times: 2 });
    const fetch = (globalThis as unknown as { __forge_fetch__: (d: unknown, p: string, i: unknown) => Promise<Response> }).__forge_fetch__;
    const answer = await fetch({ type: 'kvs' }, '/api/v1/get', { method: 'POST', body: JSON.stringify({ key: 'x' }) });
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '7']);
    expect(await answer.json()).toEqual({ code: 'RATE_LIMIT_EXCEEDED', message: expect.any(String) });
    expect((await rejection(kvs.query().getMany())).code).toBe('RATE_LIMIT_EXCEEDED');
    expect(await kvs.get('x')).toBeUndefined();
  });

  it('lets the first matching operations through when asked to skip them', async () => {
    harness.runtime.faults.inject({ target: 'kvs', operation: 'set', status: 500, skip: 2 });
    await kvs.set('s1', 1);
    await kvs.set('s2', 2);
    expect((await rejection(kvs.set('s3', 3))).code).toBe('INTERNAL_SERVER_ERROR');
    expect(harness.runtime.faults.pending()).toEqual([]);
    expect([await kvs.get('s1'), await kvs.get('s2'), await kvs.get('s3')]).toEqual([1, 2, undefined]);
  });
});

describe('product faults', () => {
  it('before: Jira never sees the request', async () => {
    harness.runtime.faults.inject({ target: 'product', method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', status: 503 });
    const answer = await asApp().requestJira(route`/rest/api/3/issue/SUP-1/properties/sla`);
    expect(answer.status).toBe(503);
    expect(served).toEqual([]);
  });

  it('after: Jira applied the write, the app receives the error', async () => {
    harness.runtime.faults.inject({ target: 'product', method: 'PUT', path: /\/properties\//, when: 'after', status: 500 });
    const put = await asApp().requestJira(route`/rest/api/3/issue/SUP-1/properties/sla`, { method: 'PUT', body: JSON.stringify({ rank: 1 }) });
    expect(put.status).toBe(500);
    const read = await asApp().requestJira(route`/rest/api/3/issue/SUP-1/properties/sla`);
    expect(await read.json()).toEqual({ value: { rank: 1 } });
  });

  it('answers 429 with Retry-After', async () => {
    harness.runtime.faults.inject({ target: 'product', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', status: 429, retryAfterSeconds: 30 });
    const answer = await asApp().requestJira(route`/rest/api/3/issue/SUP-1/properties/sla`);
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '30']);
    expect((await asApp().requestJira(route`/rest/api/3/issue/SUP-1/properties/sla`)).status).toBe(404);
  });
});
