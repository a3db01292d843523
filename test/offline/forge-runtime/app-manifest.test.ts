// The manifest as the local platform reads it: what `forge deploy` and the platform would refuse fails to load,
// with the documentation page that says why.
import { readAppManifest } from '../../../offline/forge-runtime';

const base = {
  function: [
    { key: 'worker', handler: 'index.worker' },
    { key: 'on-event', handler: 'index.onEvent' },
    { key: 'panel', handler: 'index.panel' },
  ],
};

function manifest(modules: Record<string, unknown>, scopes: unknown = ['read:jira-work', 'storage:app']) {
  return () => readAppManifest({ modules: { ...base, ...modules }, permissions: { scopes } });
}

describe('consumers', () => {
  it('refuses the @forge/events 1.x form (resolver function + method), citing the upgrade guide', () => {
    const load = manifest({ consumer: [{ key: 'q', queue: 'work', resolver: { function: 'worker', method: 'run' } }] });
    expect(load).toThrow(/Forge resolvers are no longer used/);
    expect(load).toThrow(/async-events-api-version-2-upgrade/);
  });

  it('reads the v2 form, which names a function', () => {
    expect(manifest({ consumer: [{ key: 'q', queue: 'work', function: 'worker' }] })().consumers).toEqual([{ key: 'q', queue: 'work', function: 'worker' }]);
  });

  it('refuses a module naming a function that is not declared', () => {
    expect(manifest({ consumer: [{ key: 'q', queue: 'work', function: 'nope' }] })).toThrow(/function nope, which modules.function does not declare/);
  });
});

describe('triggers', () => {
  const trigger = (filter?: unknown, events = ['avi:jira:updated:issue']) => ({ trigger: [{ key: 't', function: 'on-event', events, ...(filter ? { filter } : {}) }] });

  it('refuses an event whose scope the app does not declare', () => {
    expect(manifest(trigger(), ['storage:app'])).toThrow(/avi:jira:updated:issue needs the scope read:jira-work/);
    expect(manifest(trigger(undefined, ['avi:jira:created:issuetype']))).toThrow(/manage:jira-configuration/);
  });

  it('accepts the granular alternative in full', () => {
    const granular = ['read:issue:jira', 'read:issue-type:jira', 'read:user:jira', 'read:project:jira', 'read:status:jira'];
    expect(manifest(trigger(), granular)().triggers[0]?.events).toEqual(['avi:jira:updated:issue']);
  });

  it('compiles the filter expression once, and refuses one it cannot evaluate', () => {
    const loaded = manifest(trigger({ ignoreSelf: true, expression: "event.issue.fields.project.projectTypeKey == 'service_desk'", onError: 'RECEIVE_AND_LOG' }))();
    expect(loaded.triggers[0]).toMatchObject({ ignoreSelf: true, onError: 'RECEIVE_AND_LOG' });
    expect(manifest(trigger({ expression: 'event.issue.fields.labels.some(l => l == "vip")' }))).toThrow(/cannot evaluate filter.expression/);
  });

  it('refuses an empty filter, an unknown onError, and onError without an expression', () => {
    expect(manifest(trigger({}))).toThrow(/at least one of appIsLicensed, ignoreSelf or expression/);
    expect(manifest(trigger({ expression: 'true', onError: 'RETRY' }))).toThrow(/onError must be one of/);
    expect(manifest(trigger({ ignoreSelf: true, onError: 'IGNORE' }))).toThrow(/only with filter.expression/);
  });
});

describe('functions, schedules, UI modules and scopes', () => {
  it('refuses a timeout outside 1-900 seconds and a schedule outside the four intervals', () => {
    expect(() => readAppManifest({ modules: { function: [{ key: 'f', handler: 'index.f', timeoutSeconds: 901 }] } })).toThrow(/timeoutSeconds/);
    expect(manifest({ scheduledTrigger: [{ key: 's', function: 'worker', interval: 'minute' }] })).toThrow(/fiveMinute, hour, day or week/);
    const six = Array.from({ length: 6 }, (_, i) => ({ key: `s${i}`, function: 'worker', interval: 'hour' }));
    expect(manifest({ scheduledTrigger: six })).toThrow(/at most 5 scheduled triggers/);
    const twoFast = [0, 1].map((i) => ({ key: `s${i}`, function: 'worker', interval: 'fiveMinute' }));
    expect(manifest({ scheduledTrigger: twoFast })).toThrow(/at most one scheduled trigger may run every fiveMinute/);
  });

  it('records each UI module\'s resolver function and who besides licensed users may use it', () => {
    const loaded = manifest({
      'jiraServiceManagement:portalRequestDetailPanel': [{ key: 'detail', resource: 'r', resolver: { function: 'panel' }, title: 'x', unlicensedAccess: ['customer'] }],
      'jira:issuePanel': [{ key: 'agent', resource: 'r', resolver: { function: 'panel' }, title: 'x' }],
    })();
    expect(loaded.uiModules.get('detail')).toEqual({ key: 'detail', type: 'jiraServiceManagement:portalRequestDetailPanel', resolverFunction: 'panel', unlicensedAccess: ['customer'] });
    expect(loaded.uiModules.get('agent')?.unlicensedAccess).toEqual([]);
    expect(manifest({ 'jira:issuePanel': [{ key: 'agent', resolver: { function: 'panel' }, unlicensedAccess: ['everyone'] }] })).toThrow(/unlicensedAccess/);
  });

  it('reads scopes declared as a list or as a map with allowImpersonation', () => {
    expect([...manifest({})().scopes]).toEqual(['read:jira-work', 'storage:app']);
    const mapped = manifest({}, { 'read:jira-work': { allowImpersonation: true }, 'write:jira-work': {}, 'storage:app': { allowImpersonation: false } })();
    expect([...mapped.scopes]).toEqual(['read:jira-work', 'write:jira-work', 'storage:app']);
    expect([...mapped.impersonationScopes]).toEqual(['read:jira-work']);
  });
});
