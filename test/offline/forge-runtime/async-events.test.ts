// Async events v2: the consumer function receives an AsyncEvent; delays and retries wait on the clock; a returned
// InvocationError is re-delivered with retryContext; a thrown error is retried with backoff; past the 24-hour
// retention window the event is dropped; pushes descending from one invocation stop at the cyclic limit.
import { InvocationError, InvocationErrorCode, InvocationLimitReachedError, Queue } from '@forge/events';
import { QUEUE_LIMITS, RETENTION_MS, runInvocation } from '../../../offline/forge-runtime';
import { fixtures, type Fixture } from './app-fixture';

const setup = fixtures();

const queue = () => new Queue({ key: 'work' });
const received = (f: Fixture) => (f.calls.worker ?? []).map(([event]) => event as Record<string, unknown>);

it('delivers an AsyncEvent (body, queueName, jobId, eventId; no retryContext) to the consumer function', async () => {
  const f = setup();
  const { jobId } = await queue().push({ body: { issueKey: 'SUP-1' } });
  expect(await f.host.drainQueue()).toBe(1);
  expect(f.calls.worker?.[0]).toEqual([
    { body: { issueKey: 'SUP-1' }, queueName: 'work', jobId, eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    { installContext: 'ari:cloud:jira::site/cloud-1' },
  ]);
});

it('holds a delayed event until the clock has moved past its delay', async () => {
  const f = setup();
  await queue().push([{ body: { n: 1 }, delayInSeconds: 600 }, { body: { n: 2 } }]);
  expect(await f.host.drainQueue()).toBe(1);
  expect(received(f).map((event) => event.body)).toEqual([{ n: 2 }]);
  f.clock.now += 599_000;
  expect(await f.host.drainQueue()).toBe(0);
  f.clock.now += 1_000;
  expect(await f.host.drainQueue()).toBe(1);
  expect(received(f)[1]).toEqual(expect.objectContaining({ body: { n: 1 }, delayInSeconds: 600 }));
});

it('runs the events the consumer pushes, when they are due', async () => {
  const f = setup();
  f.app.worker = async (event) => {
    const { n } = (event as { body: { n: number } }).body;
    if (n < 3) await queue().push({ body: { n: n + 1 } });
  };
  await queue().push({ body: { n: 1 } });
  expect(await f.host.drainQueue()).toBe(3);
});

it('re-delivers after a returned InvocationError, with retryContext and the retention window', async () => {
  const f = setup();
  let calls = 0;
  f.app.worker = () => (++calls < 3 ? new InvocationError({ retryAfter: 120, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { cursor: 'c2' } }) : undefined);
  const start = f.clock.now;
  await queue().push({ body: { n: 1 } });
  await f.host.drainQueue();
  f.clock.now += 119_000;
  expect(await f.host.drainQueue()).toBe(0);
  f.clock.now += 1_000;
  await f.host.drainQueue();
  f.clock.now += 120_000;
  await f.host.drainQueue();
  expect(received(f).map((event) => event.retryContext)).toEqual([
    undefined,
    { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 'c2' }, retentionWindow: { startTime: new Date(start).toISOString(), remainingTimeMs: RETENTION_MS - 120_000 } },
    { retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 'c2' }, retentionWindow: { startTime: new Date(start).toISOString(), remainingTimeMs: RETENTION_MS - 240_000 } },
  ]);
  expect(received(f).map((event) => event.eventId)).toEqual(Array(3).fill(received(f)[0]?.eventId));
  expect(f.host.queue.pending()).toEqual([]);
});

it('retries a consumer that throws (an app-level error) with backoff, and reports the error', async () => {
  const f = setup();
  let calls = 0;
  f.app.worker = () => {
    calls += 1;
    if (calls < 3) throw new Error(`attempt ${calls} failed`);
  };
  await queue().push({ body: {} });
  await f.host.drainQueue();
  f.clock.now += 15_000;
  await f.host.drainQueue();
  f.clock.now += 29_000;
  expect(await f.host.drainQueue()).toBe(0);
  f.clock.now += 1_000;
  await f.host.drainQueue();
  expect(calls).toBe(3);
  expect(received(f).map((event) => (event.retryContext as { retryCount: number; retryReason: string } | undefined)?.retryCount)).toEqual([undefined, 1, 2]);
  expect(f.host.failures.map((failure) => (failure.error as Error).message)).toEqual(['attempt 1 failed', 'attempt 2 failed']);
});

it('drops an event still failing when its 24-hour retention window is over', async () => {
  const f = setup();
  f.app.worker = () => new InvocationError({ retryAfter: 900, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  await queue().push({ body: { doomed: true } });
  for (let hour = 0; hour < 25 * 4; hour += 1) {
    await f.host.drainQueue();
    f.clock.now += 900_000;
  }
  // Every 15 minutes from enqueueing up to and including the 24th hour: 97 deliveries, then the window is over.
  expect(received(f)).toHaveLength(97);
  expect(f.host.queue.pending()).toEqual([]);
  expect(f.host.queue.dropped).toEqual([expect.objectContaining({ event: expect.objectContaining({ body: { doomed: true } }), reason: expect.stringMatching(/retention window exceeded/) })]);
});

it('stops a chain of pushes from one invocation at the cyclic invocation limit', async () => {
  setup();
  const chain = { pushes: QUEUE_LIMITS.cyclicPushes - 1 };
  await runInvocation({ chain }, () => queue().push({ body: {} }));
  await expect(runInvocation({ chain }, () => queue().push({ body: {} }))).rejects.toBeInstanceOf(InvocationLimitReachedError);
});
