// Resolvers are invoked through their UI module: open to licensed users, and to customers only where the module
// declares unlicensedAccess; payloads ≤ 500 KB, responses ≤ 5 MB, and 25 s (here shortened) of running time.
import { InvocationFailure } from '../../../offline/forge-runtime';
import { FIXTURE_MODULES, fixtures, installFixture, sleep } from './app-fixture';

const setup = fixtures();

async function failure(promise: Promise<unknown>): Promise<InvocationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvocationFailure) return error;
    throw error;
  }
  throw new Error('expected the invocation to fail');
}

it('calls the resolver with the call, the context Forge builds and the caller as principal', async () => {
  const f = setup();
  f.app.panelResolver = () => ({ ok: true });
  const result = await f.host.invokeResolver('agent-panel', 'issue/read', { key: 'SUP-1' }, { accountId: 'agent', extension: { type: 'jira:issuePanel' } });
  expect(result).toEqual({ ok: true });
  expect(f.calls.panelResolver?.[0]).toEqual([
    { call: { functionKey: 'issue/read', payload: { key: 'SUP-1' } }, context: { extension: { type: 'jira:issuePanel' }, moduleKey: 'agent-panel', accountType: 'licensed' } },
    { principal: { accountId: 'agent' }, installContext: 'ari:cloud:jira::site/cloud-1' },
  ]);
});

it('refuses a customer on a module without unlicensedAccess, and serves them where the module allows customers', async () => {
  const f = setup();
  const refused = await failure(f.host.invokeResolver('agent-panel', 'issue/read', {}, { accountId: 'customer' }));
  expect(refused.code).toBe('MODULE_NOT_AVAILABLE');
  expect(refused.message).toMatch(/not available to customer users/);
  expect(f.calls.panelResolver).toEqual([]);
  f.app.portalResolver = () => 'hello';
  expect(await f.host.invokeResolver('portal-panel', 'portal/read', {}, { accountId: 'customer' })).toBe('hello');
  expect((f.calls.portalResolver?.[0]?.[0] as { context: { accountType: string } }).context.accountType).toBe('customer');
  expect((await failure(f.host.invokeResolver('portal-panel', 'portal/read', {}, { accountId: 'guest' }))).code).toBe('MODULE_NOT_AVAILABLE');
  expect((await failure(f.host.invokeResolver('portal-panel', 'portal/read', {}, {}))).code).toBe('MODULE_NOT_AVAILABLE');
});

it('refuses a module the manifest does not declare', async () => {
  const f = setup();
  expect((await failure(f.host.invokeResolver('nope', 'x', {}, { accountId: 'agent' }))).code).toBe('MODULE_NOT_FOUND');
});

it('refuses a payload over 500 KB and a response over 5 MB', async () => {
  const f = setup();
  expect((await failure(f.host.invokeResolver('agent-panel', 'x', { blob: 'x'.repeat(500_000) }, { accountId: 'agent' }))).code).toBe('PAYLOAD_TOO_LARGE');
  expect(f.calls.panelResolver).toEqual([]);
  f.app.panelResolver = () => 'x'.repeat(5_000_001);
  expect((await failure(f.host.invokeResolver('agent-panel', 'x', {}, { accountId: 'agent' }))).code).toBe('RESPONSE_TOO_LARGE');
});

it('fails an invocation that outlives its time limit', async () => {
  const f = setup({ timeLimits: { resolver: 30 } });
  f.app.panelResolver = async () => {
    await sleep(200);
    return 'too late';
  };
  const timedOut = await failure(f.host.invokeResolver('agent-panel', 'slow', {}, { accountId: 'agent' }));
  expect(timedOut.code).toBe('FUNCTION_TIME_OUT');
  f.app.panelResolver = () => 'quick';
  expect(await f.host.invokeResolver('agent-panel', 'fast', {}, { accountId: 'agent' })).toBe('quick');
});

it('refuses to install an app whose manifest names a handler the app does not export', () => {
  const functions = FIXTURE_MODULES.function.map((fn) => (fn.key === 'on-event' ? { ...fn, handler: 'index.missing' } : fn));
  expect(() => installFixture({ modules: { function: functions } })).toThrow(/the handler index.missing is not exported/);
});
