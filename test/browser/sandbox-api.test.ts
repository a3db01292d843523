// The sandbox server's JSON endpoints without a browser: resolver calls are routed by surface with the caller as the
// principal, the control strip changes the site, moving the clock runs the breach watch, reset starts over, and the
// state survives a restart in the same folder.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_DEVELOPMENT } from '../../offline/jsm-double';
import { demoMorning } from '../../offline/sandbox/demo-site';
import { startSandbox, type SandboxServer } from '../../offline/sandbox/sandbox-server';
import type { RequestDetailView, SandboxStateView } from '../../offline/sandbox/api-types';
import { CLOCK_START } from './sandbox-harness';
import kvs from '@forge/kvs';
import { runAs } from '../../offline/forge-runtime';
import { DEPLOYMENT_SECRET_KEY } from '../../src/adapters/storage/deployment-secret';

jest.setTimeout(30_000);

let stateDir: string;
let server: SandboxServer;

async function call<T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}${url}`, method === 'GET' ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T };
}

type Envelope = { ok: boolean; data?: Record<string, unknown> & { guidance?: { state: string; text: string; alsoDue?: string[] } }; errors?: Array<{ code: string }> };

const invoke = (placement: Record<string, unknown>, as: string, functionKey: string, payload: unknown = {}) =>
  call<Envelope>('POST', '/api/invoke', { placement, as, functionKey, payload });

/** A P1 incident for ACME Production, with the portal panel's submission as JSM hands it over. */
const raiseP1 = () =>
  call<{ key: string; id: string }>('POST', '/api/requests', {
    reporter: 'sofie',
    requestTypeId: '1',
    summary: 'Payroll is down',
    environment: 'Production',
    product: 'Payroll',
    portalSubmission: { fields: [{ key: 'contract-priority-choice', value: { priority: 'p1', agreement: 'acme-prod' } }], isValid: true },
  });

const start = async (): Promise<void> => {
  server = await startSandbox({ port: 0, stateDir, clockStart: CLOCK_START });
};

describe('the server', () => {
  beforeEach(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'contract-sla-sandbox-api-'));
    await start();
  });

  afterEach(async () => {
    await server.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('a first start is the demo: the seeded site, the example configuration saved by Mette, the clock at its start', async () => {
    const { json: state } = await call<SandboxStateView>('GET', '/api/state');
    expect(state.now).toBe('2026-11-26T09:00:00.000Z');
    expect(state.people.map((p) => `${p.name}:${p.role}`)).toEqual(['mette:agent', 'lars:agent', 'sofie:customer', 'anders:customer', 'karen:customer', 'jens:customer', 'nora:customer', 'henrik:developer']);
    expect(state.requests).toHaveLength(8);
    expect(state.statuses).toEqual(['Open', 'In Progress', 'Waiting for customer', 'Waiting for release', 'Resolved']);
    // The developers' side: Payroll's versions, every customer environment's products, nothing handed over yet.
    expect(state.development.versions.map((v) => `${v.project} ${v.name}${v.released ? ' released' : ''}`)).toEqual(['PAY 5.2.0 released', 'PAY 5.3.0 released', 'PAY 5.3.1', 'PAY 5.4.0']);
    expect(state.development.targets).toContainEqual({ customer: 'acme', customerName: 'ACME A/S', environment: 'UAT', product: 'Payroll' });
    expect(state.development.targets).toHaveLength(8);
    expect(state.development.issues).toEqual([]);
    // Pipelines can report deployments from the start: the demo has its secret, made by Mette.
    expect((await invoke({ surface: 'admin' }, 'mette', 'admin/deployments/status')).json.data).toMatchObject({ secretSet: true, createdBy: DEMO_ACCOUNTS.mette });
    const history = await invoke({ surface: 'admin' }, 'mette', 'admin/config/history');
    expect((history.json.data as unknown as Array<{ version: number; savedBy: string }>).map((h) => [h.version, h.savedBy])).toEqual([[1, DEMO_ACCOUNTS.mette]]);
    // The seeded requests were replayed: an open one carries the app's "Next SLA deadline".
    const sup7 = await call<RequestDetailView>('GET', '/api/requests/SUP-7?as=lars');
    expect(sup7.json.nextSlaDeadline).not.toBeNull();
  });

  test('each surface reaches its own resolver, with the context of its module and the caller as principal', async () => {
    const panel = await invoke({ surface: 'issue-panel', issueKey: 'SUP-7' }, 'lars', 'issue/obligations', { timezone: 'Europe/Copenhagen' });
    expect(panel.json).toMatchObject({ ok: true, data: { issueKey: 'SUP-7' } });
    const list = await invoke({ surface: 'worklist' }, 'lars', 'worklist/list');
    expect(list.json.ok).toBe(true);
    // The portal surfaces call the portal resolver, which has no issue panel function.
    const wrong = await invoke({ surface: 'portal-detail', issueKey: 'SUP-7' }, 'sofie', 'issue/obligations');
    expect(wrong.json).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
    const commitments = await invoke({ surface: 'portal-detail', issueKey: 'SUP-7' }, 'sofie', 'portal/commitments');
    expect(commitments.json).toMatchObject({ ok: true, data: { request: 'SUP-7' } });

    const { json: context } = await call<Record<string, unknown>>('GET', '/api/context?surface=issue-panel&issueKey=SUP-7&as=lars');
    expect(context).toMatchObject({
      accountId: DEMO_ACCOUNTS.lars,
      timezone: 'Europe/Copenhagen',
      siteUrl: 'https://nordlys-it.atlassian.net',
      extension: { type: 'jira:issuePanel', issue: { key: 'SUP-7' }, project: { key: 'SUP' } },
    });
    const { json: create } = await call<Record<string, unknown>>('GET', '/api/context?surface=portal-create&requestTypeId=1&as=sofie');
    expect(create).toMatchObject({ accountType: 'customer', extension: { type: 'jiraServiceManagement:portalRequestCreatePropertyPanel', portal: { id: '1' }, request: { typeId: '1' } } });
  });

  test('who is asking decides what they get', async () => {
    // A customer never reaches the work list's resolver: Forge does not run the module for them.
    expect(await invoke({ surface: 'worklist' }, 'sofie', 'worklist/list')).toMatchObject({ status: 403, json: { code: 'MODULE_NOT_AVAILABLE' } });
    expect((await invoke({ surface: 'admin' }, 'lars', 'admin/config/get')).json).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
    expect((await invoke({ surface: 'portal-detail', issueKey: 'SUP-7' }, 'karen', 'portal/commitments')).json).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
    expect((await invoke({ surface: 'worklist' }, 'nobody', 'worklist/list')).status).toBe(400);
    // A customer reads their request without the agents' internal notes (SUP-7 has one), and not another's at all.
    const agent = await call<RequestDetailView>('GET', '/api/requests/SUP-7?as=lars');
    const customer = await call<RequestDetailView>('GET', '/api/requests/SUP-7?as=anders');
    expect(agent.json.comments.some((c) => !c.public)).toBe(true);
    expect(customer.json.comments.every((c) => c.public)).toBe(true);
    expect((await call('GET', '/api/requests/SUP-7?as=karen')).status).toBe(403);
  });

  test('the simulator replays a real request: its history from Jira gives what the app stored, and a change to try moves it', async () => {
    const admin = { surface: 'admin' };
    const loaded = await invoke(admin, 'mette', 'admin/request/timeline', { issueKey: 'sup-7' });
    expect(loaded.json).toMatchObject({ ok: true, data: { issueKey: 'SUP-7', timeline: { issue: { key: 'SUP-7', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p1' } } } });
    const timeline = (loaded.json.data as unknown as { timeline: { events: Array<{ type: string; visibility?: string; author?: string }> } }).timeline;
    expect(timeline.events.map((e) => [e.type, e.visibility, e.author])).toContainEqual(['comment', 'internal', 'agent']);

    const at = (await call<SandboxStateView>('GET', '/api/state')).json.now;
    const saved = (await invoke(admin, 'mette', 'admin/simulate', { timeline, at })).json.data as unknown as { agreement: string; next: { goal: string; deadline: string } };
    const stored = (await call<RequestDetailView>('GET', '/api/requests/SUP-7?as=lars')).json;
    expect(saved.agreement).toBe('acme-prod');
    expect(Date.parse(saved.next.deadline)).toBe(Date.parse(String(stored.nextSlaDeadline)));

    // What if that goal had eight hours? The same history, the edited configuration: a later deadline, nothing saved.
    const config = (await invoke(admin, 'mette', 'admin/config/get')).json.data as unknown as { version: number; bundle: { agreements: Array<{ id: string; targets: Array<{ goal: string; target: string }> }> } };
    for (const row of config.bundle.agreements.find((a) => a.id === 'acme-prod')!.targets) if (row.goal === saved.next.goal) row.target = 'PT8H';
    const tried = (await invoke(admin, 'mette', 'admin/simulate', { bundle: config.bundle, timeline, at })).json.data as unknown as { obligations: Array<{ goal: string; state: string; deadline: string }> };
    const same = tried.obligations.find((o) => o.goal === saved.next.goal && o.state === 'running')!;
    expect(Date.parse(same.deadline)).toBeGreaterThan(Date.parse(saved.next.deadline));
    expect(((await invoke(admin, 'mette', 'admin/config/get')).json.data as unknown as { version: number }).version).toBe(config.version);

    expect((await invoke(admin, 'mette', 'admin/request/timeline', { issueKey: 'SUP-999' })).json).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
    expect((await invoke(admin, 'mette', 'admin/request/timeline', { issueKey: 'nope' })).json).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.issueKey' }] });
    expect((await invoke(admin, 'lars', 'admin/request/timeline', { issueKey: 'SUP-7' })).json).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  });

  test('a write from another site is refused, as is one that is not JSON, and nothing happens', async () => {
    const before = (await call<SandboxStateView>('GET', '/api/state')).json.requests.length;
    // What a cross-site page can send without asking: a simple form post, or a fetch that names its own origin.
    const form = await fetch(`${server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ reporter: 'sofie', requestTypeId: '1', summary: 'CSRF' }) });
    expect(form.status).toBe(415);
    const foreign = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ reporter: 'sofie', requestTypeId: '1', summary: 'CSRF' }),
    });
    expect(foreign.status).toBe(403);
    expect((await call<SandboxStateView>('GET', '/api/state')).json.requests.length).toBe(before);
  });

  test('moving the clock runs the breach watch: a passed deadline is recorded without any event on the request', async () => {
    const { status, json: created } = await raiseP1();
    expect(status).toBe(201);
    const before = await call<RequestDetailView>('GET', `/api/requests/${created.key}?as=lars`);
    expect(before.json).toMatchObject({ nextSlaDeadline: '2026-11-26T09:30:00.000Z', breached: false });

    expect((await call('POST', '/api/clock', { by: 45 * 60_000 })).json).toEqual({ now: '2026-11-26T09:45:00.000Z' });
    const after = await call<RequestDetailView>('GET', `/api/requests/${created.key}?as=lars`);
    expect(after.json.breached).toBe(true);
    const panel = await invoke({ surface: 'issue-panel', issueKey: created.key }, 'lars', 'issue/obligations', { timezone: 'Europe/Copenhagen' });
    expect(panel.json.data?.guidance).toMatchObject({ state: 'breached' });
    expect(panel.json.data?.guidance?.text).toMatch(/^Reply to the customer — overdue since 10:30/);

    // A typed instant is Copenhagen wall-clock time; the clock never goes back.
    expect((await call('POST', '/api/clock', { to: '2026-11-26T11:00' })).json).toEqual({ now: '2026-11-26T10:00:00.000Z' });
    expect((await call('POST', '/api/clock', { to: '2026-11-26T10:00' })).status).toBe(400);
  });

  test('moving the clock makes escalations happen at their tick, each e-mail listed once in "Sent notifications"', async () => {
    const { json: created } = await raiseP1();
    const notificationsOf = async () => (await call<SandboxStateView>('GET', '/api/state')).json.notifications.filter((n) => n.issueKey === created.key);
    expect(await notificationsOf()).toEqual([]);

    // One move of an hour: the watch runs at 10:15 (half the reply time) and 10:35 (the reply breached at 10:30).
    await call('POST', '/api/clock', { by: 60 * 60_000 });
    const sent = await notificationsOf();
    expect(sent.map((n) => [n.at, n.subject])).toEqual([['2026-11-26T09:15:00.000Z', `${created.key}: Time to first response, 50 % of the time used`]]);
    expect(sent[0]!.recipients).toEqual([{ displayName: 'Mette Hansen', emailAddress: 'mette.hansen@nordlys-it.dk', why: 'group service-managers' }]);
    expect(sent[0]!.textBody).toContain('Thu 26 Nov 2026, 10:15');

    await call('POST', '/api/clock', { by: 5 * 60_000 });
    expect(await notificationsOf()).toHaveLength(1);
  });

  test("moving the clock past a contract reminder's date sends it at its hour, once, listed in \"Sent notifications\"", async () => {
    const contractMails = async () => (await call<SandboxStateView>('GET', '/api/state')).json.notifications.filter((n) => n.issueKey === 'CON-1');
    // ACME's contract has its notice deadline on 1 December; its reminder is due three days before, at 00:00 on 28 November.
    await call('POST', '/api/clock', { to: '2026-11-27T23:30' });
    expect(await contractMails()).toEqual([]);
    // One move of three days: the hourly run sends it at midnight, and never again.
    await call('POST', '/api/clock', { to: '2026-11-30T12:00' });
    const sent = await contractMails();
    expect(sent.map((n) => [n.at, n.subject])).toEqual([['2026-11-27T23:00:00.000Z', 'Contract ACME-2026-01: notice deadline 1 Dec 2026 (ACME A/S)']]);
    expect(sent[0]!.recipients).toEqual([{ displayName: 'Mette Hansen', emailAddress: 'mette.hansen@nordlys-it.dk', why: 'user' }]);
    await call('POST', '/api/clock', { by: 24 * 60 * 60_000 });
    expect(await contractMails()).toHaveLength(1);
  });

  test('the monitoring page and the dashboard gadget reach their resolver as their modules, the gadget with its settings', async () => {
    const { json: created } = await raiseP1();
    const page = await invoke({ surface: 'monitoring' }, 'mette', 'monitoring/overview', { horizonHours: 1 });
    expect(page.json.ok).toBe(true);
    const rows = (page.json.data as unknown as { groups: Array<{ rows: Array<{ issueKey: string; kind: string }> }> }).groups.flatMap((g) => g.rows);
    expect(rows.filter((r) => r.issueKey === created.key).map((r) => r.kind)).toEqual(['escalation', 'deadline', 'deadline']);
    expect((await invoke({ surface: 'monitoring' }, 'sofie', 'monitoring/overview', {})).json).toMatchObject({ error: expect.stringContaining('is not available to customer users') });

    const settings = JSON.stringify({ customers: ['fjord'], horizonHours: 4 });
    const { json: edit } = await call<{ moduleKey: string; extension: Record<string, unknown> }>('GET', `/api/context?surface=monitoring-gadget&entryPoint=edit&gadgetConfiguration=${encodeURIComponent(settings)}&as=mette`);
    expect(edit.moduleKey).toBe('contract-sla-monitoring-gadget');
    expect(edit.extension).toMatchObject({ type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: { customers: ['fjord'], horizonHours: 4 }, dashboard: { id: '10000' }, gadget: { id: '10100' } });
    const { json: shown } = await call<{ extension: Record<string, unknown> }>('GET', '/api/context?surface=monitoring-gadget&as=mette');
    expect(shown.extension.entryPoint).toBeUndefined();
    expect(shown.extension.gadgetConfiguration).toEqual({});
    const gadget = await invoke({ surface: 'monitoring-gadget', gadgetConfiguration: settings }, 'lars', 'monitoring/overview', { horizonHours: 4, customers: ['fjord'] });
    expect(gadget.json.ok).toBe(true);
  });

  test('the control strip comments and moves requests; the app follows (a reply completes, waiting pauses)', async () => {
    const { json: created } = await raiseP1();
    const refused = await call('POST', `/api/requests/${created.key}/comments`, { author: 'sofie', body: 'secret', public: false });
    expect(refused.status).toBe(400);
    await call('POST', '/api/clock', { by: 10 * 60_000 });
    expect((await call('POST', `/api/requests/${created.key}/comments`, { author: 'lars', body: 'On it.', public: true })).status).toBe(201);
    const replied = await invoke({ surface: 'issue-panel', issueKey: created.key }, 'lars', 'issue/obligations', { timezone: 'Europe/Copenhagen' });
    expect(replied.json.data?.guidance?.text).toBe('Resolve the request by 14:00 (13:00 UTC) — 3 h 50 m of business time left');
    expect(replied.json.data?.guidance?.alsoDue).toEqual(['Triage (internal) by 11:00 — 50 m of business time left']);

    expect((await call('POST', `/api/requests/${created.key}/transitions`, { status: 'Waiting for customer', by: 'lars' })).json).toMatchObject({ status: 'Waiting for customer' });
    const detail = await call<RequestDetailView>('GET', `/api/requests/${created.key}?as=sofie`);
    expect(detail.json).toMatchObject({ status: 'Waiting for customer', comments: [{ body: 'On it.', public: true, author: { displayName: 'Lars Nielsen', agent: true } }] });
    expect((await call('POST', `/api/requests/${created.key}/transitions`, { status: 'Nowhere' })).status).toBe(400);
  });

  test('the portal panel can hold the request back: JSM does not create it while the panel says it is not valid', async () => {
    const refused = await call('POST', '/api/requests', { reporter: 'sofie', requestTypeId: '1', summary: 'x', portalSubmission: { fields: [], isValid: false } });
    expect(refused.status).toBe(400);
    expect((await call<SandboxStateView>('GET', '/api/state')).json.requests).toHaveLength(8);
    expect((await call('POST', '/api/requests', { reporter: 'lars', requestTypeId: '1', summary: 'x' })).status).toBe(400);
  });

  test('a pipeline reports a deployment over HTTP to the web trigger URL the app is given, signed with the secret', async () => {
    const admin = { surface: 'admin' };
    const status = await invoke(admin, 'mette', 'admin/deployments/status');
    const url = status.json.data!.url as string;
    expect(url).toMatch(new RegExp(`^${server.url}/x1/[0-9a-f]{24}$`));
    const secret = (await invoke(admin, 'mette', 'admin/deployments/rotate-secret')).json.data!.secret as string;
    const body = JSON.stringify({ customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1', by: 'release' });
    const timestamp = String(Math.floor(CLOCK_START / 1000));
    const nonce = 'sandbox-nonce-0001';
    const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex')}`;
    const headers = { 'content-type': 'application/json', 'x-contract-sla-timestamp': timestamp, 'x-contract-sla-nonce': nonce, 'x-contract-sla-signature': signature };
    const first = await fetch(url, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'current', current: { version: '5.3.1' } });
    const again = await fetch(url, { method: 'POST', headers, body });
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([409, 'replay']);
    const overview = await invoke(admin, 'mette', 'admin/environments/overview');
    expect(JSON.stringify(overview.json.data)).toContain('"environment":"UAT","products":[{"product":"Payroll","version":"5.3.1","source":"pipeline","by":"release"');
    expect((await fetch(`${server.url}/x1/0000`, { method: 'POST', body })).status).toBe(404);
  });

  test("the strip plays the developers on a request's development issue, and a pipeline reporting deployments over HTTP", async () => {
    const { json: raised } = await call<{ key: string }>('POST', '/api/requests', { reporter: 'sofie', requestTypeId: '1', summary: 'Payslips show the wrong tax rate', environment: 'UAT', product: 'Payroll' });
    const work = (body: Record<string, unknown>) => call<{ key?: string; status?: string; error?: string }>('POST', `/api/requests/${raised.key}/development`, { by: 'henrik', ...body });
    expect(await work({ work: 'start' })).toEqual({ status: 400, json: { error: `${raised.key} has not been sent to development: send it from the Development section of its issue panel first` } });

    // Linked as the hand-over links it: the request relates to a Bug of PAY.
    const double = server.site.double;
    const bug = double.createIssue({ projectKey: DEMO_DEVELOPMENT.project, issueTypeId: DEMO_DEVELOPMENT.bug, summary: 'Payslips use last month’s tax rate', reporter: DEMO_ACCOUNTS.lars });
    double.linkIssues('Relates', raised.key, bug.key);
    const development = async () => (await call<SandboxStateView>('GET', '/api/state')).json.development.issues;
    expect(await development()).toEqual([{ request: raised.key, key: bug.key, summary: 'Payslips use last month’s tax rate', status: 'To Do', statusCategory: 'new', assignee: null, fixVersions: [] }]);

    expect(await work({ work: 'start' })).toEqual({ status: 200, json: { key: bug.key, id: bug.id, status: 'In Progress' } });
    expect((await work({ work: 'fix', versions: ['5.3.1'] })).status).toBe(200);
    expect(await work({ work: 'fix', versions: ['9.9.9'] })).toMatchObject({ status: 400, json: { error: expect.stringContaining('9.9.9') } });
    expect(await work({ work: 'fix', versions: [] })).toEqual({ status: 400, json: { error: 'versions: name at least one fix version, e.g. ["5.3.1"]' } });
    expect(await work({ work: 'deploy' })).toEqual({ status: 400, json: { error: 'work: "start", "fix" or "resolve", not "deploy"' } });
    expect(await work({ work: 'resolve' })).toMatchObject({ status: 200, json: { status: 'Done' } });
    expect(await development()).toEqual([expect.objectContaining({ key: bug.key, status: 'Done', statusCategory: 'done', assignee: 'Henrik Dahl', fixVersions: ['5.3.1'] })]);
    // The agent's issue view lists the link; the customer's portal never names the development issue.
    expect((await call<RequestDetailView>('GET', `/api/requests/${raised.key}?as=lars`)).json.links).toEqual([{ relation: 'relates to', key: bug.key, summary: 'Payslips use last month’s tax rate', status: 'Done', statusCategory: 'done' }]);
    expect((await call<RequestDetailView>('GET', `/api/requests/${raised.key}?as=sofie`)).json.links).toEqual([]);

    // A pipeline's report: signed, over HTTP, answered as the web trigger answers it — accepted, then a duplicate.
    const deploy = (version: string) => call<{ status: number; answer: Record<string, unknown> }>('POST', '/api/deployments', { customer: 'acme', environment: 'UAT', product: 'Payroll', version });
    expect((await deploy('5.3.0')).json).toMatchObject({ status: 200, answer: { outcome: 'current', deployment: { version: '5.3.0' }, current: { version: '5.3.0' } } });
    expect((await deploy('5.3.0')).json).toMatchObject({ status: 200, answer: { outcome: 'duplicate' } });
    expect((await deploy('five')).json).toMatchObject({ status: 422, answer: { error: 'invalid', errors: [{ path: 'version' }] } });
    const overview = await invoke({ surface: 'admin' }, 'mette', 'admin/environments/overview');
    expect(JSON.stringify(overview.json.data)).toContain('"environment":"UAT","products":[{"product":"Payroll","version":"5.3.0","source":"pipeline","by":"sandbox pipeline"');
    expect((await call('POST', '/api/deployments', { customer: 'acme', environment: 'UAT', version: '5.3.1' })).json).toEqual({ error: 'product is required' });

    // A site whose secret was never made (a state folder from before deployment reports): Deploy says what to do,
    // and nothing is reported.
    await runAs(undefined, () => kvs.deleteSecret(DEPLOYMENT_SECRET_KEY));
    expect(await deploy('5.3.1')).toEqual({ status: 409, json: { error: "The site has no deployment secret yet: create one on the admin page's Environments tab (as Mette), then deploy again" } });
    const after = await invoke({ surface: 'admin' }, 'mette', 'admin/environments/overview');
    expect(JSON.stringify(after.json.data)).toContain('"environment":"UAT","products":[{"product":"Payroll","version":"5.3.0"');
  });

  test('reset brings back the demo as a first start has it', async () => {
    await raiseP1();
    await call('POST', '/api/clock', { by: 24 * 3_600_000 });
    expect((await call('POST', '/api/reset')).json).toEqual({ now: '2026-11-26T09:00:00.000Z' });
    const { json: state } = await call<SandboxStateView>('GET', '/api/state');
    expect(state.requests.map((r) => r.key)).not.toContain('SUP-9');
    expect(state.requests).toHaveLength(8);
    const history = await invoke({ surface: 'admin' }, 'mette', 'admin/config/history');
    expect((history.json.data as unknown as unknown[]).length).toBe(1);
    // Numbering starts over with the fresh site.
    expect((await raiseP1()).json.key).toBe('SUP-9');
  });

  test('the site, the storage and the clock survive a restart in the same state folder', async () => {
    const { json: created } = await raiseP1();
    await call('POST', `/api/requests/${created.key}/comments`, { author: 'sofie', body: 'Still down.', public: true });
    await call('POST', '/api/clock', { by: 45 * 60_000 });
    await server.close();

    await start();
    const { json: state } = await call<SandboxStateView>('GET', '/api/state');
    expect(state.now).toBe('2026-11-26T09:45:00.000Z');
    const detail = await call<RequestDetailView>('GET', `/api/requests/${created.key}?as=lars`);
    expect(detail.json).toMatchObject({ summary: 'Payroll is down', breached: true, comments: [{ body: 'Still down.' }] });
    // The app's storage came back too: still one configuration version, and the breach it recorded.
    expect(((await invoke({ surface: 'admin' }, 'mette', 'admin/config/history')).json.data as unknown as unknown[]).length).toBe(1);
    const panel = await invoke({ surface: 'issue-panel', issueKey: created.key }, 'lars', 'issue/obligations', { timezone: 'Europe/Copenhagen' });
    expect(panel.json.data?.guidance).toMatchObject({ state: 'breached' });
  });

  test('the host page, the bridge and the built surfaces are served; the bridge comes before the app', async () => {
    const page = await fetch(`${server.url}/issue/SUP-7`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/sandbox/host.js');
    const bridge = await fetch(`${server.url}/sandbox/bridge.js`);
    expect(await bridge.text()).toContain('__bridge');
    const surface = await fetch(`${server.url}/apps/issue-panel/`);
    if (surface.status === 200) {
      const html = await surface.text();
      expect(html.indexOf('/sandbox/bridge.js')).toBeGreaterThan(-1);
      expect(html.indexOf('/sandbox/bridge.js')).toBeLessThan(html.indexOf('type="module"'));
    } else {
      expect(await surface.text()).toMatch(/not built yet/);
    }
    expect((await fetch(`${server.url}/apps/issue-panel/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/apps/nothing/`)).status).toBe(404);
  });
});

test('left to itself, the clock starts at 10:00 in Copenhagen on a working day', () => {
  // Thursday 26 November, late evening: that Thursday, 10:00.
  expect(new Date(demoMorning(Date.parse('2026-11-26T21:00:00Z'))).toISOString()).toBe('2026-11-26T09:00:00.000Z');
  // Sunday 22 November: Monday 23 November, 10:00.
  expect(new Date(demoMorning(Date.parse('2026-11-22T21:56:00Z'))).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  // Summer time: 10:00 in Copenhagen is 08:00 UTC.
  expect(new Date(demoMorning(Date.parse('2026-06-10T05:00:00Z'))).toISOString()).toBe('2026-06-10T08:00:00.000Z');
});
