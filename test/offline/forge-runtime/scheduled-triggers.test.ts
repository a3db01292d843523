// Scheduled triggers run without a user and are never retried; two runs can overlap (a long run and the next tick,
// or a duplicated invocation), which the host can reproduce.
import { kvs } from '@forge/kvs';
import { fixtures, sleep } from './app-fixture';

const setup = fixtures();

it('calls the function with the scheduled-trigger request and a context without a principal', async () => {
  const f = setup();
  f.app.onSchedule = () => ({ statusCode: 204 });
  expect(await f.host.runScheduledTrigger()).toEqual({ moduleKey: 'sweep', result: { statusCode: 204 } });
  expect(f.calls.onSchedule?.[0]).toEqual([
    { context: { cloudId: 'cloud-1', moduleKey: 'sweep' }, contextToken: expect.any(String) },
    { principal: undefined, installContext: 'ari:cloud:jira::site/cloud-1' },
  ]);
});

it('records a failing run and never retries it, however far the clock moves', async () => {
  const f = setup();
  f.app.onSchedule = () => {
    throw new Error('sweep failed');
  };
  const run = await f.host.runScheduledTrigger();
  expect(run.error).toEqual(new Error('sweep failed'));
  f.clock.now += 3_600_000;
  await f.host.settle();
  await f.host.drainQueue();
  expect(f.calls.onSchedule).toHaveLength(1);
  expect(f.host.failures).toEqual([{ kind: 'scheduled', moduleKey: 'sweep', error: new Error('sweep failed') }]);
});

it('runs two overlapping invocations, so an app without a lease does its work twice', async () => {
  const f = setup();
  f.app.onSchedule = async () => {
    const done = ((await kvs.get('sweeps')) as number | undefined) ?? 0;
    await sleep(10);
    await kvs.set('sweeps', done + 1);
  };
  await f.host.runOverlappingScheduledTriggers(2);
  expect(f.calls.onSchedule).toHaveLength(2);
  // Both read 0 before either wrote: the count is 1, not 2 — the lost update an overlapping run causes.
  expect(await kvs.get('sweeps')).toBe(1);
});

it('lets an app that takes a lease (FAIL_IF_EXISTS with a TTL) do the work once', async () => {
  const f = setup();
  f.app.onSchedule = async () => {
    try {
      await kvs.set('sweep-lease', 'held', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 15, unit: 'MINUTES' } });
    } catch {
      return 'skipped';
    }
    await sleep(10);
    return 'swept';
  };
  const runs = await f.host.runOverlappingScheduledTriggers(2);
  expect(runs.map((run) => run.result).sort()).toEqual(['skipped', 'swept']);
});
