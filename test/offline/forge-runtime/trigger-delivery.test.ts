// Product events reach the trigger function through the module's filter; a returned InvocationError is retried (at
// most four times, after retryAfter on the clock, with retryContext in the payload); a thrown error is not; a time-out
// is retried by the platform.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { MAX_TRIGGER_RETRIES } from '../../../offline/forge-runtime';
import { fixtures, issueEvent, sleep, type Fixture } from './app-fixture';

const setup = fixtures();

const delivered = (f: Fixture) => (f.calls.onEvent ?? []).map(([event]) => event as Record<string, unknown>);

describe('filters', () => {
  it('delivers a subscribed event with the install context, and nothing it is not subscribed to', async () => {
    const f = setup();
    f.host.deliver(issueEvent());
    f.host.deliver(issueEvent({ eventType: 'avi:jira:commented:issue' }));
    await f.host.settle();
    expect(f.calls.onEvent).toEqual([[issueEvent(), { installContext: 'ari:cloud:jira::site/cloud-1' }]]);
  });

  it('drops events the app caused itself (ignoreSelf)', async () => {
    const f = setup();
    f.host.deliver(issueEvent({ selfGenerated: true }));
    await f.host.settle();
    expect(delivered(f)).toEqual([]);
    expect(f.host.log).toEqual([expect.objectContaining({ moduleKey: 'issue-events', outcome: 'filtered', detail: 'ignore-self' })]);
  });

  it('drops events the expression is false for, and (IGNORE_AND_LOG) those it fails on, with a log line', async () => {
    const f = setup();
    const software = issueEvent({ issue: { id: '2', key: 'DEV-2', fields: { project: { key: 'DEV', projectTypeKey: 'software' } } } });
    const partial = issueEvent({ issue: { id: '3', key: 'SUP-3', fields: {} } });
    f.host.deliver(software);
    f.host.deliver(partial);
    await f.host.settle();
    expect(delivered(f)).toEqual([]);
    expect(f.host.log.map((entry) => entry.detail)).toEqual(['expression-false', expect.stringMatching(/filter.expression failed: the event has no property "project"/)]);
  });

  it('delivers an event the expression fails on when onError is RECEIVE_AND_LOG', async () => {
    const trigger = { key: 'all', function: 'on-event', events: ['avi:jira:updated:issue'], filter: { expression: "event.issue.fields.project.key == 'SUP'", onError: 'RECEIVE_AND_LOG' } };
    const f = setup({ modules: { trigger: [trigger] } });
    f.host.deliver(issueEvent({ issue: { id: '3', key: 'SUP-3', fields: {} } }));
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1);
    expect(f.host.log[0]?.detail).toMatch(/filter.expression failed/);
  });

  it('does not deliver an event over 200 kB', async () => {
    const f = setup();
    f.host.deliver(issueEvent({ changelog: { items: [{ field: 'description', toString: 'x'.repeat(200_001) }] } }));
    await f.host.settle();
    expect(delivered(f)).toEqual([]);
  });
});

describe('retries', () => {
  it('re-delivers after retryAfter on the clock, with retryContext, at most four times', async () => {
    const f = setup();
    f.app.onEvent = () => new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { page: 2 } });
    f.host.deliver(issueEvent());
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1);
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1);
    for (let retry = 1; retry <= MAX_TRIGGER_RETRIES; retry += 1) {
      f.clock.now += 60_000;
      await f.host.settle();
      expect(delivered(f)[retry]?.retryContext).toEqual({ retryCount: retry, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 2 } });
    }
    f.clock.now += 3_600_000;
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1 + MAX_TRIGGER_RETRIES);
    expect(f.host.log.at(-1)).toEqual(expect.objectContaining({ outcome: 'dropped' }));
  });

  it('lowers a retryAfter beyond 900 seconds to 900', async () => {
    const f = setup();
    let calls = 0;
    f.app.onEvent = () => (++calls === 1 ? new InvocationError({ retryAfter: 3_600, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }) : undefined);
    f.host.deliver(issueEvent());
    await f.host.settle();
    f.clock.now += 900_000;
    await f.host.settle();
    expect(calls).toBe(2);
  });

  it('does not retry an error the function throws, and reports it', async () => {
    const f = setup();
    f.app.onEvent = () => {
      throw new Error('boom');
    };
    f.host.deliver(issueEvent());
    await f.host.settle();
    f.clock.now += 3_600_000;
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1);
    expect(f.host.failures).toEqual([{ kind: 'trigger', moduleKey: 'issue-events', error: new Error('boom') }]);
    expect(f.host.pendingTriggerRetries).toBe(0);
  });

  it('treats a thrown InvocationError as a thrown error: the docs ask for it to be returned', async () => {
    const f = setup();
    f.app.onEvent = () => {
      throw new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    };
    f.host.deliver(issueEvent());
    await f.host.settle();
    f.clock.now += 60_000;
    await f.host.settle();
    expect(delivered(f)).toHaveLength(1);
    expect(f.host.failures).toHaveLength(1);
  });

  it('retries a time-out itself, as a platform-level error', async () => {
    const f = setup({ timeLimits: { trigger: 20 } });
    let calls = 0;
    f.app.onEvent = async () => {
      calls += 1;
      if (calls === 1) await sleep(100);
    };
    f.host.deliver(issueEvent());
    await f.host.settle();
    expect(f.host.failures.map((failure) => (failure.error as { code: string }).code)).toEqual(['FUNCTION_TIME_OUT']);
    f.clock.now += 15_000;
    await f.host.settle();
    expect(delivered(f)[1]?.retryContext).toEqual({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT', retryData: undefined });
  });
});
