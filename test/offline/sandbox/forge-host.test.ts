// The Forge host wires the app to the platform from its manifest: events through the trigger filter, resolvers
// through their module and its licensing, Jira calls through the scope table, faults and rate limits. A fixture
// manifest keeps these tests about the platform (the app's code is never reached here, or not relied on).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { InvocationFailure } from '../../../offline/forge-runtime';
import { ForgeHost, type ForgeHostOptions } from '../../../offline/sandbox/forge-host';

const NOW = Date.parse('2026-11-26T09:00:00Z');

function manifest(scopes: string[], consumer = 'function: worker'): string {
  return `
modules:
  trigger:
    - key: issue-events
      function: on-issue-event
      events: [avi:jira:created:issue, avi:jira:updated:issue, avi:jira:commented:issue]
      filter:
        ignoreSelf: true
        expression: "event.issue.fields.project.projectTypeKey == 'software'"
  scheduledTrigger:
    - key: breach-watch
      function: on-schedule
      interval: fiveMinute
  consumer:
    - key: reevaluation-queue
      queue: reevaluation
      ${consumer}
  jira:issuePanel:
    - key: contract-sla-issue-panel
      resource: issue-panel
      resolver: { function: issue-panel-resolver }
      title: Contract SLA
  jiraServiceManagement:portalRequestDetailPanel:
    - key: contract-sla-portal-commitments
      resource: portal-detail
      resolver: { function: portal-resolver }
      title: Service commitments
  function:
    - { key: on-issue-event, handler: index.onIssueEvent }
    - { key: on-schedule, handler: index.onSchedule }
    - { key: worker, handler: index.onJob }
    - { key: issue-panel-resolver, handler: index.issuePanelResolver }
    - { key: portal-resolver, handler: index.portalResolver }
permissions:
  scopes: [${scopes.join(', ')}]
app:
  id: ari:cloud:ecosystem::app/b7a1c3e0-7d2f-4b8e-9c1a-2f3e4d5c6b7a
  storage:
    entities: []
`;
}

let dir: string;
let host: ForgeHost | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'forge-host-'));
});
afterEach(() => {
  host?.close();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(yaml: string, options: Partial<ForgeHostOptions> = {}): ForgeHost {
  const manifestPath = join(dir, 'manifest.yml');
  writeFileSync(manifestPath, yaml);
  host = new ForgeHost({ now: NOW, manifestPath, ...options });
  return host;
}

const SCOPES = ['read:jira-work', 'storage:app'];

it('refuses to install an app whose consumer still names a resolver (@forge/events 1.x)', () => {
  expect(() => start(manifest(SCOPES, 'resolver: { function: worker, method: reevaluate }'))).toThrow(/async-events-api-version-2-upgrade/);
});

it('delivers the site\'s events only through the trigger module\'s filter', async () => {
  const forge = start(manifest(SCOPES));
  forge.double.addComment('SUP-1', { author: DEMO_ACCOUNTS.lars, body: 'On it.', public: true });
  await forge.settle();
  expect(forge.eventLog).toEqual([]);
  expect(forge.app.log).toEqual([expect.objectContaining({ kind: 'trigger', moduleKey: 'issue-events', outcome: 'filtered', detail: 'expression-false' })]);
});

it('refuses a customer on a module that is not open to customers, before the app runs', async () => {
  const forge = start(manifest(SCOPES));
  const refusal = forge.invoke('portalResolver', 'portal/commitments', {}, { accountId: DEMO_ACCOUNTS.sofie, extension: {} });
  await expect(refusal).rejects.toBeInstanceOf(InvocationFailure);
  await expect(refusal).rejects.toMatchObject({ code: 'MODULE_NOT_AVAILABLE' });
});

it('checks the Custom UI\'s requestJira against the manifest\'s scopes and the scope table', async () => {
  const forge = start(manifest(SCOPES));
  const organizations = await forge.frontendRequestJira(DEMO_ACCOUNTS.lars, '/rest/servicedeskapi/organization', { method: 'GET' });
  expect(organizations.status).toBe(401);
  expect(await organizations.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  const issue = await forge.frontendRequestJira(DEMO_ACCOUNTS.lars, '/rest/api/3/issue/SUP-1?fields=summary', { method: 'GET' });
  expect(issue.status).toBe(200);
  expect(forge.jiraRateLimit.counters.points).toBe(2);
});

it('exposes fault injection and Jira\'s rate limit on the same calls', async () => {
  const forge = start(manifest(SCOPES), { jiraRateLimit: { pointsPerHour: 2 } });
  forge.faults.inject({ target: 'product', method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', status: 503, retryAfterSeconds: 5 });
  const faulted = await forge.frontendRequestJira(DEMO_ACCOUNTS.lars, '/rest/api/3/issue/SUP-1', { method: 'GET' });
  expect([faulted.status, faulted.headers.get('retry-after')]).toEqual([503, '5']);
  expect((await forge.frontendRequestJira(DEMO_ACCOUNTS.lars, '/rest/api/3/issue/SUP-1', { method: 'GET' })).status).toBe(200);
  const limited = await forge.frontendRequestJira(DEMO_ACCOUNTS.lars, '/rest/api/3/issue/SUP-1', { method: 'GET' });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
});
