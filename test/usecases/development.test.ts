// Development integration on the strict local runtime and the JSM double (formats.md §9.5): an agent hands an ACME UAT
// request over to Payroll development, the developer fixes it in 5.3.1, and deployments to ACME's environments tell
// the customer once — whatever order the fix and the deployments arrive in, twice, at once, rolled back, or with a
// worker dying after the comment.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import type { DevelopmentPanel, EnvironmentOverview, PortalCommitments } from '../../src/resolver-contract';
import { CLAIM_MS } from '../../src/usecases/carry-out-escalations';
import { releaseTargets, releaseToEnvironment } from '../../src/usecases/release-notices';
import { writeLink } from '../../src/adapters/storage/development-store';
import { watchedFix } from '../../src/engine/development';
import { settled } from '../../src/usecases/follow-development';
import { JiraClient } from '../../src/adapters/jira/client';
import { runAs } from '../../offline/forge-runtime';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const nordlys = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const admin = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

let host: ForgeHost;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  expect(await host.invoke('adminResolver', 'admin/config/save', { bundle: nordlys, expectedVersion: 0 }, admin)).toMatchObject({ ok: true });
  await host.drainQueue();
  await host.replaySeededRequests();
});
afterEach(() => host.close());

type Envelope<T> = { ok: boolean; data: T; errors?: Array<{ code: string; message: string; path?: string }> };
const issueContext = (key: string) => {
  const issue = host.double.issueOrThrow(key);
  return { accountId: a.lars, extension: { issue: { id: issue.id, key: issue.key }, project: { key: 'SUP' } } };
};
const panel = (key: string) => host.invoke<Envelope<DevelopmentPanel>>('issuePanelResolver', 'issue/development', {}, issueContext(key));
const handOver = (key: string, payload: unknown) => host.invoke<Envelope<DevelopmentPanel>>('issuePanelResolver', 'issue/development/hand-over', payload, issueContext(key));
const deploy = async (environment: string, version: string) => {
  host.advance(60_000);
  const answer = await host.invoke<Envelope<unknown>>('adminResolver', 'admin/environments/set-version', { customer: 'acme', environment, product: 'Payroll', version }, admin);
  expect(answer).toMatchObject({ ok: true });
  await host.drainQueue();
};
const appComments = (key: string) => host.double.issueOrThrow(key).comments.filter((c) => c.author === host.double.state.site.appAccountId && c.jsdPublic);
const statusOf = (key: string) => host.double.status(host.double.issueOrThrow(key).statusId).name;
const fix = async (devKey: string, version: string) => {
  host.double.startDevelopment(devKey, a.henrik);
  host.double.setFixVersions(devKey, [version], a.henrik);
  host.double.resolveDevelopmentIssue(devKey, a.henrik);
  await host.settle();
  await host.drainQueue();
};
const progress = async (key: string) => {
  const issue = host.double.issueOrThrow(key);
  const answer = await host.invoke<Envelope<PortalCommitments>>('portalResolver', 'portal/commitments', {}, { accountId: a.sofie, moduleKey: 'contract-sla-portal-commitments', extension: { request: { key: issue.key } } });
  return answer.data.progress;
};

test('hand over, fix in 5.3.1, UAT deployed 5.3.0 (nothing) then 5.3.1: the customer is told once and the request resolved', async () => {
  const before = await panel('SUP-8');
  expect(before.data).toMatchObject({ terms: { project: 'PAY', projectName: 'Payroll', waitingStatus: 'Waiting for release', resolveWhenAvailable: true }, canHandOver: true, environment: 'UAT', product: 'Payroll', environmentVersion: '5.3.0-rc1', link: null });
  // The hand-over form starts from the request's own summary.
  expect(before.data.draftSummary).toBe(host.double.issueOrThrow('SUP-8').summary);
  expect(before.data.draftSummary).not.toBe('');

  const handed = await handOver('SUP-8', { mode: 'create', description: 'The login page loads without styles on UAT.' });
  expect(handed.ok).toBe(true);
  expect(handed.data.link).toMatchObject({ key: 'PAY-1', stage: 'handed-over', statusCategory: 'new', fix: null });
  expect(handed.data.canHandOver).toBe(false);
  const dev = host.double.issueOrThrow('PAY-1');
  expect([dev.summary, dev.reporter]).toEqual(['UAT login page loads without styles', a.lars]);
  expect(dev.description).toContain('Environment: UAT');
  expect(dev.description).toContain('Product: Payroll 5.3.0-rc1 (the version UAT runs now)');
  expect(host.double.linksOf(dev)).toHaveLength(1);
  expect(statusOf('SUP-8')).toBe('Waiting for release');
  // The agreement's goals pause in the waiting status: no clock runs while development works.
  const obligations = await host.invoke<Envelope<{ obligations: Array<{ state: string }> }>>('issuePanelResolver', 'issue/obligations', {}, issueContext('SUP-8'));
  expect(obligations.data.obligations.filter((o) => o.state === 'running')).toEqual([]);
  expect(obligations.data.obligations.some((o) => o.state === 'paused')).toBe(true);
  expect(await progress('SUP-8')).toBe('Handed to our development team');

  host.double.startDevelopment('PAY-1', a.henrik);
  host.double.setFixVersions('PAY-1', ['5.3.1'], a.henrik);
  await host.settle();
  expect((await panel('SUP-8')).data.link).toMatchObject({ stage: 'in-development', assignee: 'Henrik Dahl', fixVersions: ['5.3.1'], fix: null, stageText: 'In development: PAY-1 (In Progress, Henrik Dahl) — planned for 5.3.1' });
  expect(await progress('SUP-8')).toBe('In development');

  host.double.resolveDevelopmentIssue('PAY-1', a.henrik);
  await host.settle();
  await host.drainQueue();
  expect((await panel('SUP-8')).data.link).toMatchObject({ stage: 'fixed', fix: '5.3.1', stageText: 'Fixed in Payroll 5.3.1 — UAT runs 5.3.0-rc1, waiting for the update' });
  expect(await progress('SUP-8')).toBe('Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated');
  // The admin's overview lists it under ACME UAT, where it waits.
  const overview = await host.invoke<Envelope<EnvironmentOverview>>('adminResolver', 'admin/environments/overview', {}, admin);
  const waitingAt = (environment: string) => overview.data.environments.find((e) => e.customer === 'acme' && e.environment === environment)?.waiting;
  expect([waitingAt('UAT'), waitingAt('Production')]).toEqual([[{ issueKey: 'SUP-8', product: 'Payroll', devKey: 'PAY-1', fix: '5.3.1' }], []]);

  await deploy('UAT', '5.3.0');
  expect(appComments('SUP-8')).toEqual([]);
  await deploy('UAT', '5.3.1');
  expect(appComments('SUP-8').map((c) => JSON.stringify(c.body))).toEqual([expect.stringContaining('The fix is available on your UAT environment (5.3.1) — please test.')]);
  expect(statusOf('SUP-8')).toBe('Resolved');
  // The app resolved it (an event the app does not receive): its record says so at once, and it leaves the work list.
  const record = await host.invoke<Envelope<{ obligations: Array<{ goal: string; state: string }> }>>('issuePanelResolver', 'issue/obligations', {}, issueContext('SUP-8'));
  expect(record.data.obligations.find((o) => o.goal === 'resolution')?.state).toBe('completed');
  const after = (await panel('SUP-8')).data.link!;
  expect(after).toMatchObject({ stage: 'resolved', notices: [{ environment: 'UAT', version: '5.3.1', resolved: true }] });
  expect(after.environments).toEqual([{ environment: 'Production', version: '5.2.0', reached: false }, { environment: 'UAT', version: '5.3.1', reached: true }]);
  expect(await progress('SUP-8')).toBe('The fix is available on your UAT environment (5.3.1) — please test');

  // The same deployment again, a rollback and a redeploy: nothing more is said.
  await deploy('UAT', '5.3.1');
  await deploy('UAT', '5.3.0');
  await deploy('UAT', '5.3.1');
  expect(appComments('SUP-8')).toHaveLength(1);
}, 60_000);

test('a deployment before the fix is known: the fix event finds UAT running it and tells the customer then', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await deploy('UAT', '5.3.1');
  expect(appComments('SUP-8')).toEqual([]);
  await fix('PAY-1', '5.3.1');
  expect(appComments('SUP-8')).toHaveLength(1);
  expect(statusOf('SUP-8')).toBe('Resolved');
  // The development issue changes again (a fix version added): still one notice.
  host.double.setFixVersions('PAY-1', ['5.3.1', '5.4.0'], a.henrik);
  await host.settle();
  await host.drainQueue();
  expect(appComments('SUP-8')).toHaveLength(1);
}, 60_000);

test('another environment reaching the fix first is mentioned once; the request waits for its own', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  await deploy('Production', '5.3.1');
  await deploy('Production', '5.3.1');
  expect(appComments('SUP-8').map((c) => JSON.stringify(c.body))).toEqual([expect.stringContaining('The fix is also available on your Production environment (5.3.1).')]);
  expect(statusOf('SUP-8')).toBe('Waiting for release');
  expect((await panel('SUP-8')).data.link?.stage).toBe('fixed');
}, 60_000);

test('two releases of the same environment at once (two pipelines, two workers) tell the customer once', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await handOver('SUP-2', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  await fix('PAY-2', '5.3.0');
  host.advance(60_000);
  // The registry says UAT runs 5.3.1; two workers release it at the same moment.
  await host.invoke('adminResolver', 'admin/environments/set-version', { customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1' }, admin);
  const target = { customer: 'acme', environment: 'UAT', product: 'Payroll' };
  const clock = { now: () => host.clock.now };
  const reports = await Promise.all(['worker-a', 'worker-b'].map((runId) => runAs(undefined, () => releaseToEnvironment(target, new JiraClient(), clock, runId))));
  await host.drainQueue();
  expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(2);
  expect(appComments('SUP-8')).toHaveLength(1);
  expect(appComments('SUP-2')).toHaveLength(1);
  expect([statusOf('SUP-8'), statusOf('SUP-2')]).toEqual(['Resolved', 'Resolved']);
}, 60_000);

test('a worker dying after the comment: the next one finds the comment and only resolves', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  host.faults.inject({ target: 'product', method: 'POST', path: /\/rest\/api\/3\/issue\/SUP-8\/comment$/, when: 'after', status: 500 });
  host.advance(60_000);
  await host.invoke('adminResolver', 'admin/environments/set-version', { customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1' }, admin);
  await host.drainQueue();
  expect(appComments('SUP-8')).toHaveLength(1);
  expect(statusOf('SUP-8')).toBe('Waiting for release');
  host.advance(CLAIM_MS + 120_000);
  await host.drainQueue();
  expect(appComments('SUP-8')).toHaveLength(1);
  expect(statusOf('SUP-8')).toBe('Resolved');
}, 60_000);

test('a worker dying after resolving: the next one finds the request resolved and leaves it there', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  host.faults.inject({ target: 'product', method: 'POST', path: /\/rest\/api\/3\/issue\/SUP-8\/transitions$/, when: 'after', status: 500 });
  host.advance(60_000);
  await host.invoke('adminResolver', 'admin/environments/set-version', { customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1' }, admin);
  await host.drainQueue();
  expect(statusOf('SUP-8')).toBe('Resolved');
  host.advance(CLAIM_MS + 120_000);
  await host.drainQueue();
  // Not moved on to Closed (also a done status) by a second resolution; one comment; the panel says resolved.
  expect(statusOf('SUP-8')).toBe('Resolved');
  expect(appComments('SUP-8')).toHaveLength(1);
  expect((await panel('SUP-8')).data.link?.stage).toBe('resolved');
}, 60_000);

test('every way a deployment is recorded releases: a CSV import and a signed pipeline report', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  host.advance(60_000);
  const csv = 'customer,environment,product,version\nacme,Production,Payroll,5.3.1\nacme,UAT,Payroll,5.3.0\n';
  expect(await host.invoke('adminResolver', 'admin/environments/import', { csv }, admin)).toMatchObject({ ok: true, data: { rows: 2, current: 2 } });
  // One release job for the whole file (a 500-row file would otherwise push 500 events at once).
  const releases = host.app.queue.pending().filter((q) => (q.event.body as { kind?: string }).kind === 'release');
  expect(releases.map((q) => q.event.body)).toEqual([{ kind: 'release', targets: [{ customer: 'acme', environment: 'Production', product: 'Payroll' }, { customer: 'acme', environment: 'UAT', product: 'Payroll' }] }]);
  await host.drainQueue();
  expect(appComments('SUP-8').map((c) => JSON.stringify(c.body))).toEqual([expect.stringContaining('also available on your Production environment (5.3.1)')]);

  const { data } = await host.invoke<Envelope<{ secret: string }>>('adminResolver', 'admin/deployments/rotate-secret', {}, admin);
  host.advance(60_000);
  const body = JSON.stringify({ customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1', by: 'payroll-release' });
  const timestamp = String(Math.floor(host.clock.now / 1000));
  const nonce = 'release-test-nonce-0001';
  const signature = `sha256=${createHmac('sha256', data.secret).update(`${timestamp}.${nonce}.${body}`).digest('hex')}`;
  const answer = await host.app.runWebTrigger('deployment-report', {
    method: 'POST', body,
    headers: { 'Content-Type': ['application/json'], 'X-Contract-SLA-Timestamp': [timestamp], 'X-Contract-SLA-Nonce': [nonce], 'X-Contract-SLA-Signature': [signature] },
  });
  expect(answer.statusCode).toBe(200);
  await host.drainQueue();
  expect(appComments('SUP-8')).toHaveLength(2);
  expect(statusOf('SUP-8')).toBe('Resolved');
}, 60_000);

test('refusals: a key that is none, an issue that does not exist, a service request; handing over twice', async () => {
  expect(await handOver('SUP-8', { mode: 'link', key: 'not a key' })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.key' }] });
  expect(await handOver('SUP-8', { mode: 'link', key: 'PAY-99' })).toMatchObject({ ok: false, errors: [{ path: 'payload.key', message: 'PAY-99 does not exist or you cannot see it' }] });
  expect(await handOver('SUP-8', { mode: 'link', key: 'SUP-3' })).toMatchObject({ ok: false, errors: [{ path: 'payload.key', message: expect.stringContaining('is a service request') }] });
  expect(host.double.linksOf(host.double.issueOrThrow('SUP-8'))).toEqual([]);
  expect(statusOf('SUP-8')).toBe('Open');
  host.double.createIssue({ projectKey: 'PAY', issueTypeId: '10007', summary: 'Styles missing after login', reporter: a.henrik });
  expect(await handOver('SUP-8', { mode: 'link', key: 'pay-1' })).toMatchObject({ ok: true, data: { link: { key: 'PAY-1' } } });
  expect(await handOver('SUP-8', { mode: 'create' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('was handed over to PAY-1 already') }] });
  expect(host.double.state.issues.filter((i) => i.key.startsWith('PAY-'))).toHaveLength(1);
}, 60_000);

test('a fix version that is no version is shown, never guessed at; a renamed or merged version is followed without an issue event', async () => {
  await handOver('SUP-8', { mode: 'create' });
  host.double.addVersion('PAY', { name: 'Next sprint' });
  await fix('PAY-1', 'Next sprint');
  expect((await panel('SUP-8')).data.link).toMatchObject({ stage: 'in-development', fix: null, fixProblem: expect.stringContaining('"Next sprint" is not a version') });
  expect(await progress('SUP-8')).toBe('In development');

  host.double.renameVersion('PAY', 'Next sprint', '5.4.0-rc.1', a.henrik);
  await host.settle();
  await host.drainQueue();
  expect((await panel('SUP-8')).data.link).toMatchObject({ stage: 'fixed', fix: '5.4.0-rc.1', fixProblem: null });

  host.double.mergeVersion('PAY', '5.4.0-rc.1', '5.3.1', a.henrik);
  await host.settle();
  await host.drainQueue();
  expect((await panel('SUP-8')).data.link).toMatchObject({ fixVersions: ['5.3.1'], fix: '5.3.1' });
  await deploy('UAT', '5.3.1');
  expect(appComments('SUP-8')).toHaveLength(1);
}, 60_000);

test('the work list shows the development issue and filters the requests waiting for a release', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  const list = (payload: unknown) => host.invoke<Envelope<{ items: Array<{ issueKey: string; development: { key: string; stageText: string } | null }>; matching: number }>>('worklistResolver', 'worklist/list', payload, { accountId: a.lars, extension: { project: { key: 'SUP' } } });
  const all = await list({});
  expect(all.data.items.find((i) => i.issueKey === 'SUP-8')?.development).toEqual({ key: 'PAY-1', stageText: 'Fixed in Payroll 5.3.1 — waiting for UAT to be updated' });
  expect(all.data.items.find((i) => i.issueKey === 'SUP-7')?.development).toBeNull();
  const waiting = await list({ waitingForRelease: true });
  expect(waiting.data.items.map((i) => i.issueKey)).toEqual(['SUP-8']);
  await deploy('UAT', '5.3.1');
  expect((await list({ waitingForRelease: true })).data.matching).toBe(0);
}, 60_000);

test('a release runs in slices: when a run has used its time, the rest is queued with its place and told by the next', async () => {
  const devIssue = host.double.createIssue({ projectKey: 'PAY', issueTypeId: '10007', summary: 'Styles missing', reporter: a.henrik, fixVersions: ['5.3.1'] });
  host.double.resolveDevelopmentIssue(devIssue.key, a.henrik);
  const requests = Array.from({ length: 60 }, (_, n) =>
    host.double.createRequest({ requestTypeId: '1', reporter: a.sofie, summary: `UAT defect ${n + 1}`, fieldValues: { environment: 'UAT', product: 'Payroll' }, contractPriority: { priority: 'p2' } }),
  );
  await host.settle();
  const watched = watchedFix(['5.3.1'], 'done');
  await runAs(undefined, async () => {
    for (const request of requests) {
      const link = settled({
        issueId: request.id, issueKey: request.key, projectKey: 'SUP', customer: 'acme', environment: 'UAT', product: 'Payroll', agreement: 'acme-uat',
        devKey: devIssue.key, devId: devIssue.id, devProject: 'PAY', devSummary: devIssue.summary, devStatus: 'Done', devCategory: 'done',
        fixVersions: ['5.3.1'], fix: watched.fix!, fixKey: watched.fixKey!, stage: 'fixed', notices: [], handedOverAt: host.clock.now, handedOverBy: a.lars, updatedAt: host.clock.now,
      });
      expect(await writeLink(link, undefined)).toBeDefined();
    }
  });
  // UAT runs 5.3.1; its release is run here by a worker whose clock passes ten minutes at every look.
  host.advance(60_000);
  await host.invoke('adminResolver', 'admin/environments/set-version', { customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1' }, admin);
  host.app.queue.clear();
  const told = () => requests.filter((r) => appComments(r.key).length > 0).length;
  let minutes = 0;
  const slow = { now: () => host.clock.now + (minutes += 11) * 60_000 };
  const report = await runAs(undefined, () => releaseTargets([{ customer: 'acme', environment: 'UAT', product: 'Payroll' }], new JiraClient(), slow, 'slow-run'));
  expect(report).toMatchObject({ continued: true, read: 50, sent: 50 });
  expect(told()).toBe(50);
  const continued = host.app.queue.pending().map((q) => q.event.body as { kind: string; targets: unknown[]; cursor?: string }).filter((b) => b.kind === 'release');
  expect(continued).toEqual([{ kind: 'release', targets: [{ customer: 'acme', environment: 'UAT', product: 'Payroll' }], cursor: expect.any(String) }]);
  await host.drainQueue();
  expect(told()).toBe(60);
}, 120_000);

test('two agents handing the same request over at once: one development issue, the other told', async () => {
  const [first, second] = await Promise.all([handOver('SUP-8', { mode: 'create' }), handOver('SUP-8', { mode: 'create' })]);
  expect([first, second].filter((answer) => answer.ok)).toHaveLength(1);
  expect([first, second].find((answer) => !answer.ok)?.errors?.[0]?.message).toMatch(/is being handed over by someone else right now|was handed over to PAY-1 already/);
  expect(host.double.state.issues.filter((i) => i.key.startsWith('PAY-'))).toHaveLength(1);
}, 60_000);

test('a request an agent resolved meanwhile is told, and left in its status', async () => {
  await handOver('SUP-8', { mode: 'create' });
  await fix('PAY-1', '5.3.1');
  host.double.transition('SUP-8', 'Resolved', { by: a.lars });
  await host.settle();
  await deploy('UAT', '5.3.1');
  expect(appComments('SUP-8')).toHaveLength(1);
  expect(statusOf('SUP-8')).toBe('Resolved');
}, 60_000);
