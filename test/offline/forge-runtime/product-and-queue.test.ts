// @forge/api product requests and @forge/events queue pushes reach the pluggable handlers, with the caller's
// identity taken from the invocation context.
import api, { asApp, asUser, getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import { Queue } from '@forge/events';
import { runAs, type ProductRequest, type QueuePushRequest } from '../../../offline/forge-runtime';
import { useLocalRuntime } from './helpers';

const jiraCalls: ProductRequest[] = [];
const pushes: QueuePushRequest[] = [];

const harness = useLocalRuntime({
  identity: { appId: 'app-123', environmentId: 'env-1' },
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

  it('uses an explicit asUser(accountId) and surfaces error statuses and empty bodies', async () => {
    const missing = await asUser('user-7').requestJira(route`/rest/api/3/issue/${'NOPE-1'}`);
    expect(missing.ok).toBe(false);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as unknown).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    expect(jiraCalls[0]?.as).toEqual({ accountId: 'user-7' });
    const updated = await api.asApp().requestJira(route`/rest/api/3/issue/SUP-1`, { method: 'PUT', body: '{}' });
    expect(updated.status).toBe(204);
    expect(await updated.text()).toBe('');
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
});
