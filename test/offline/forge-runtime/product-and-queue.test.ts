// @forge/api product requests and @forge/events queue pushes reach the pluggable handlers, with the caller's
// identity taken from the invocation context.
import api, { asApp, asUser, getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import { InternalServerError, InvalidPushSettingsError, PayloadTooBigError, Queue, RateLimitError, TooManyEventsError } from '@forge/events';
import { runAs, ScopeTable, type ProductRequest, type QueuePushRequest } from '../../../offline/forge-runtime';
import { useLocalRuntime } from './helpers';

const SOURCE = 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/';
/** The endpoints this tiny Jira double answers, with the scopes the fixture manifest declares. */
const scopes = new ScopeTable([
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', classic: ['read:jira-work'], granular: [], source: SOURCE },
  { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', classic: ['write:jira-work'], granular: [], source: SOURCE },
  { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/comment', classic: ['write:jira-work'], granular: [], source: SOURCE },
  { method: 'GET', path: '/rest/api/3/myself', classic: ['read:jira-user'], granular: [], source: SOURCE },
]);

const jiraCalls: ProductRequest[] = [];
const pushes: QueuePushRequest[] = [];

const harness = useLocalRuntime({
  identity: { appId: 'app-123', environmentId: 'env-1' },
  scopeTables: { jira: scopes },
  products: {
    // A tiny Jira double: one issue, and a comment endpoint that echoes what it was sent.
    jira: async (request) => {
      jiraCalls.push(request);
      if (request.method === 'GET' && request.path === '/rest/api/3/issue/SUP-1') {
        return { status: 200, body: { key: 'SUP-1', fields: { summary: 'Printer on fire' }, expand: request.query.get('expand') } };
      }
      if (request.method === 'POST' && request.path === '/rest/api/3/issue/SUP-1/comment') return { status: 201, body: { id: '10001', echo: request.body } };
      if (request.method === 'PUT') return { status: 204, body: undefined };
      return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
    },
  },
  queue: (push) => {
    pushes.push(push);
  },
});

beforeEach(() => {
  jiraCalls.length = 0;
  pushes.length = 0;
});

describe('requestJira', () => {
  it('serves asApp() with the JSON the handler returns', async () => {
    const response = await asApp().requestJira(route`/rest/api/3/issue/${'SUP-1'}?expand=${'names'}`, { headers: { Accept: 'application/json' } });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ key: 'SUP-1', fields: { summary: 'Printer on fire' }, expand: 'names' });
    expect(jiraCalls).toEqual([expect.objectContaining({ method: 'GET', path: '/rest/api/3/issue/SUP-1', as: 'app', body: undefined })]);
    expect(jiraCalls[0]?.headers.accept).toBe('application/json');
    expect(harness.runtime.counters.productRequests).toBe(1);
  });

  it('passes the body and the calling user for asUser() inside runAs', async () => {
    const response = await runAs('user-42', () =>
      asUser().requestJira(route`/rest/api/3/issue/SUP-1/comment`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'Escalated' }),
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: '10001', echo: { body: 'Escalated' } });
    expect(jiraCalls[0]).toEqual(expect.objectContaining({ method: 'POST', body: { body: 'Escalated' }, as: { accountId: 'user-42' } }));
  });

  it('uses an explicit asUser(accountId) of the invoking user and surfaces error statuses and empty bodies', async () => {
    const missing = await runAs('user-7', () => asUser('user-7').requestJira(route`/rest/api/3/issue/${'NOPE-1'}`));
    expect(missing.ok).toBe(false);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as unknown).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    expect(jiraCalls[0]?.as).toEqual({ accountId: 'user-7' });
    const updated = await api.asApp().requestJira(route`/rest/api/3/issue/SUP-1`, { method: 'PUT', body: '{}' });
    expect(updated.status).toBe(204);
    expect(await updated.text()).toBe('');
  });

  it('refuses a call the declared scopes do not cover with the gateway\'s 401, before it reaches Jira', async () => {
    const refused = await runAs('user-42', () => asUser().requestJira(route`/rest/api/3/myself`));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect(jiraCalls).toHaveLength(0);
  });

  it('refuses an endpoint the scope table does not know, naming it', async () => {
    const refused = await asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('GET /rest/api/3/serverInfo needs: add it to the jira scope table with its source');
    expect(jiraCalls).toHaveLength(0);
  });

  it('lets asUser(accountId) impersonate another user offline only with scopes declared allowImpersonation', async () => {
    const offline = await asUser('user-7').requestJira(route`/rest/api/3/issue/SUP-1`);
    expect(offline.status).toBe(401);
    expect(jiraCalls).toHaveLength(0);
  });

  it('refuses asUser() outside any user invocation, as the platform does', async () => {
    await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(NeedsAuthenticationError);
    expect(jiraCalls).toHaveLength(0);
  });

  it('reports the installation identity and the invocation through getAppContext', async () => {
    const context = await runAs('user-1', async () => getAppContext());
    expect(String(context.appAri)).toBe('ari:cloud:ecosystem::app/app-123');
    expect(String(context.environmentAri)).toBe('ari:cloud:ecosystem::environment/app-123/env-1');
    expect(context.invocationId).toMatch(/[0-9a-f-]{36}/);
    expect(context.invocationRemainingTimeInMillis()).toBeGreaterThan(0);
  });
});

describe('Queue.push', () => {
  it('hands what the SDK sends to the queue handler', async () => {
    const queue = new Queue({ key: 'sla-recalc' });
    const { jobId } = await queue.push([{ body: { issueKey: 'SUP-1' } }, { body: { issueKey: 'SUP-2' }, delayInSeconds: 60 }]);
    expect(pushes).toEqual([
      {
        queueName: 'sla-recalc',
        jobId,
        type: 'avi:forge:app:event',
        schema: 'ari:cloud:ecosystem::forge/app-event-2',
        payload: [{ body: { issueKey: 'SUP-1' } }, { body: { issueKey: 'SUP-2' }, delayInSeconds: 60 }],
        time: expect.any(String),
      },
    ]);
    expect(harness.runtime.counters.queuePushes).toBe(1);
  });

  it('refuses, with the SDK\'s own errors, what the SDK would not send and the service would not take', async () => {
    const queue = new Queue({ key: 'sla-recalc' });
    const many = Array.from({ length: 51 }, (_, i) => ({ body: { i } }));
    await expect(queue.push(many)).rejects.toBeInstanceOf(TooManyEventsError);
    await expect(queue.push({ body: { blob: 'x'.repeat(201 * 1024) } })).rejects.toBeInstanceOf(PayloadTooBigError);
    await expect(queue.push({ body: {}, delayInSeconds: 901 })).rejects.toBeInstanceOf(InvalidPushSettingsError);
    expect(pushes).toHaveLength(0);
  });

  it('refuses a push the SDK was bypassed for, and one to a queue no consumer module reads', async () => {
    const post = (queueName: string, payload: unknown[]) =>
      (globalThis as unknown as { __forge_fetch__: (d: unknown, p: string, i: unknown) => Promise<Response> }).__forge_fetch__(
        { type: 'fpp', provider: 'app', remote: 'stargate' },
        '/webhook/queue/publish/ctx/env/app/1',
        { method: 'POST', body: JSON.stringify({ queueName, jobId: 'j', type: 'avi:forge:app:event', schema: 's', payload, time: '' }) },
      );
    expect((await post('sla-recalc', Array.from({ length: 51 }, () => ({ body: {} })))).status).toBe(400);
    expect((await post('sla-recalc', [{ body: { blob: 'x'.repeat(201 * 1024) } }])).status).toBe(413);
    expect((await post('sla-recalc', [{ body: {}, delayInSeconds: 901 }])).status).toBe(400);
    await expect(new Queue({ key: 'nobody-reads-this' }).push({ body: {} })).rejects.toBeInstanceOf(InternalServerError);
    expect(pushes).toHaveLength(0);
  });

  it('takes 500 events a minute per installation, then answers 429 (RateLimitError) until the clock moves on', async () => {
    const queue = new Queue({ key: 'sla-recalc' });
    const fifty = Array.from({ length: 50 }, (_, i) => ({ body: { i } }));
    for (let i = 0; i < 10; i += 1) await queue.push(fifty);
    await expect(queue.push({ body: {} })).rejects.toBeInstanceOf(RateLimitError);
    harness.clock.now += 60_000;
    await queue.push({ body: {} });
    expect(pushes).toHaveLength(11);
  });
});
