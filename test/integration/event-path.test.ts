// The whole backend on this machine: the real handlers and SDKs on the local Forge runtime, the JSM double as the
// site. Requests are raised, answered and left to breach; what is stored is checked against the engine itself.
import { ISSUE_PROPERTY, PORTAL_CHOICE_PROPERTY } from '../../src/app-identity';
import { evaluate } from '../../src/engine/obligations';
import { toEvaluationJson } from '../../src/engine/simulate-json';
import type { StatusCategory } from '../../src/engine/types';
import { JiraClient } from '../../src/adapters/jira/client';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { timelineFromJira } from '../../src/timeline/from-jira';
import { demoBundle, demoConfig } from '../fixtures/demo-config';

const config = demoConfig;
const bundle = demoBundle;

// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;
const project = { key: 'SUP', id: '10000' };

let host: ForgeHost;

async function configure(): Promise<void> {
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
}

async function record(key: string): Promise<IssueRecord> {
  const id = host.double.issue(key)!.id;
  const stored = await runAs(undefined, () => readIssueRecord(id));
  if (!stored) throw new Error(`no record for ${key}`);
  return stored;
}

/** The engine's own answer for the issue, from the same REST payloads, at the instant the record was computed. */
async function engineAnswer(key: string, at: number) {
  const jira = new JiraClient();
  const fields = await runAs(undefined, () => jira.listFields());
  const statuses = await runAs(undefined, () => jira.listStatuses());
  const site = (await import('../../src/timeline/site-fields')).discoverSiteFields(fields);
  const history = await runAs(undefined, () => jira.readIssueHistory(key, ['*all'], [PORTAL_CHOICE_PROPERTY]));
  const choice = history.issue.properties?.[PORTAL_CHOICE_PROPERTY] as { priority?: string } | undefined;
  const timeline = timelineFromJira(history, {
    fields: site,
    statusCategories: new Map(statuses.map((s) => [s.id, s.statusCategory.key as StatusCategory])),
    bundle,
    ...(choice?.priority ? { portalPriority: choice.priority } : {}),
  });
  return toEvaluationJson(evaluate(bundle, timeline, at));
}

async function panel(key: string, timezone = 'Europe/Copenhagen') {
  const issue = host.double.issue(key)!;
  return host.invoke<{ ok: boolean; data: { guidance: { state: string; text: string; deadline: string | null; alsoDue: string[] }; agreement: { id: string; why: string[] } | null; howToFix: string[]; obligations: Array<{ goal: string; state: string; breached: boolean; atRisk: boolean }> } }>(
    'issuePanelResolver', 'issue/obligations', { timezone }, { accountId: a.lars, extension: { issue: { id: issue.id, key }, project } });
}

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  await configure();
});
afterEach(() => host.close());

test('after the configuration is saved, every open seeded request is stored exactly as the engine evaluates it', async () => {
  // The service project's requests (the contracts project's issues never reach the app).
  const open = host.double.toJSON().issues.filter((i) => i.resolutionId === null && i.key.startsWith('SUP-'));
  expect(open.length).toBeGreaterThan(3);
  for (const issue of open) {
    const stored = await record(issue.key);
    const expected = await engineAnswer(issue.key, stored.computedAt);
    expect(stored.agreement || null).toBe(expected.agreement);
    expect(toEvaluationJson({ issue: issue.key, agreement: expected.agreement, obligations: decodeCycles(stored), next: null }).obligations).toEqual(expected.obligations);
  }
});

test('a customer raises a P1 incident; the agent is told to reply; the reply moves the guidance on', async () => {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down',
    fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' },
  });
  await host.settle();
  const first = await panel(created.key);
  // P1 response: 30 minutes around the clock, from 10:00 Copenhagen.
  expect(first.data.guidance).toMatchObject({ state: 'running', text: 'Reply to the customer by 10:30 (09:30 UTC) — 30 m of business time left', deadline: '2026-11-26T09:30:00Z' });
  expect(first.data.agreement?.id).toBe('acme-prod');
  // Said in words, in the agent's zone: no ISO text in a sentence.
  expect(first.data.agreement?.why).toContain('Valid from 1 Jan 2026; the request was created Thu 26 Nov 2026, 10:00');
  expect((await panel(created.key, 'America/New_York')).data.agreement?.why).toContain('Valid from 1 Jan 2026; the request was created Thu 26 Nov 2026, 04:00');

  host.advance(10 * 60_000);
  host.double.addComment(created.key, { author: a.lars, body: 'We are on it.', public: true });
  await host.settle();
  const stored = await record(created.key);
  expect(decodeCycles(stored).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed', elapsedMs: 600_000, breached: false });
  const after = await panel(created.key);
  // What the customer was promised comes first; triage (OLA, 1 h of office time), due sooner at 11:00, is named beside it.
  expect(after.data.guidance.text).toBe('Resolve the request by 14:00 (13:00 UTC) — 3 h 50 m of business time left');
  expect(after.data.guidance.alsoDue).toEqual(['Triage (internal) by 11:00 — 50 m of business time left']);
});

test('the clock passes a deadline with no event: the breach watch records the breach in storage and in Jira', async () => {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down',
    fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' },
  });
  await host.settle();
  expect((await record(created.key)).breached).toBe(false);
  expect(host.double.issue(created.key)!.properties[ISSUE_PROPERTY]).toMatchObject({ breached: 'no', nextDeadline: '2026-11-26T09:30:00Z', rank: 1 });

  host.advance(45 * 60_000);
  await host.runSchedule();
  const breached = await record(created.key);
  expect(breached.breached).toBe(true);
  expect(decodeCycles(breached).find((o) => o.goal === 'response')).toMatchObject({ breached: true, breachedAt: Date.parse('2026-11-26T09:30:00Z') });
  expect(host.double.issue(created.key)!.properties[ISSUE_PROPERTY]).toMatchObject({ breached: 'yes', nextDeadline: '2026-11-26T09:30:00Z' });
  const shown = await panel(created.key);
  expect(shown.data.guidance).toMatchObject({ state: 'breached', text: 'Reply to the customer — overdue since 10:30 (09:30 UTC), 15 m of business time over' });
});

test('duplicated and late events change nothing: the stored result depends on the history alone', async () => {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.question, reporter: a.anders, summary: 'Where is the payslip archive?',
    fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' },
  });
  host.double.addComment(created.key, { author: a.mette, body: 'In the archive menu.', public: true });
  await host.settle();
  const once = await record(created.key);
  const deliveries = host.eventLog.length;
  // The same events again, in reverse order, at the same instant.
  for (const { event } of [...host.eventLog].reverse().slice(0, 2)) await runAs(undefined, () => host.handlers.onIssueEvent(event as never));
  expect(host.eventLog).toHaveLength(deliveries);
  expect(await record(created.key)).toEqual(once);
});

test('an older history never overwrites a newer stored result', async () => {
  const { writeIssueRecord } = await import('../../src/adapters/storage/issue-store');
  const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'x', fieldValues: { environment: 'Production', product: 'Payroll' } });
  await host.settle();
  const current = await record(created.key);
  const stale: IssueRecord = { ...current, revision: current.revision - 60_000, nextGoal: 'stale' };
  expect(await runAs(undefined, () => writeIssueRecord(stale, current))).toBe(false);
  expect((await record(created.key)).nextGoal).toBe(current.nextGoal);
});

test('a request without an applicable agreement says so and how to fix it', async () => {
  const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.question, reporter: a.karen, summary: 'Training login', fieldValues: { environment: 'Training', product: 'HR' } });
  await host.settle();
  const shown = await panel(created.key);
  expect(shown.data.agreement).toBeNull();
  expect(shown.data.guidance).toMatchObject({ state: 'none', text: 'No agreement applies to this request' });
  expect(shown.data.howToFix).toEqual(['Create an agreement for Fjord Logistik ApS, environment Training']);

  // The agents' work list shows it too, flagged, last (nothing sets a deadline), and alone under "No agreement".
  type Answer = { data: { items: Array<{ issueKey: string; agreement: unknown; howToFix: string[] }>; unmeasured: number; options: { agreements: Array<{ id: string }> } } };
  const list = await host.invoke<Answer>('worklistResolver', 'worklist/list', { timezone: 'Europe/Copenhagen' }, { accountId: a.lars, extension: { project } });
  const row = list.data.items.find((i) => i.issueKey === created.key);
  expect(row).toMatchObject({ agreement: null, howToFix: ['Create an agreement for Fjord Logistik ApS, environment Training'] });
  expect(list.data.items.at(-1)!.howToFix.length).toBeGreaterThan(0);
  expect(list.data.unmeasured).toBeGreaterThanOrEqual(1);
  expect(list.data.options.agreements.map((x) => x.id)).toContain('none');
  const none = await host.invoke<Answer>('worklistResolver', 'worklist/list', { agreement: 'none' }, { accountId: a.lars, extension: { project } });
  expect(none.data.items.map((i) => i.issueKey)).toContain(created.key);
  expect(none.data.items.every((i) => i.agreement === null && i.howToFix.length > 0)).toBe(true);

  // Resolved, it leaves the list: nothing is left to fix on it.
  host.double.transition(created.key, 'Resolved', { by: a.lars, resolution: 'Done' });
  await host.settle();
  const after = await host.invoke<Answer>('worklistResolver', 'worklist/list', { agreement: 'none' }, { accountId: a.lars, extension: { project } });
  expect(after.data.items.map((i) => i.issueKey)).not.toContain(created.key);
});

test('what the customer was promised on the portal is what is measured, until an agent corrects the environment', async () => {
  // The form says UAT; the priority was chosen from ACME Production's model, with Production's times.
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'UAT', product: 'Payroll' },
    contractPriority: { priority: 'p1', agreement: 'acme-prod' },
  });
  await host.settle();
  const promised = await record(created.key);
  expect(promised).toMatchObject({ agreement: 'acme-prod', environment: 'Production', formEnvironment: 'UAT' });
  const shown = await panel(created.key);
  expect(shown.data.agreement?.why).toContain(
    'Environment Production, as the customer chose it with the priority on the portal (the request form says UAT; changing the Environment field corrects it)',
  );

  // An agent sets the Environment field to what was promised: the field and the measure agree, nothing is flagged.
  host.advance(5 * 60_000);
  host.double.setFieldValue(created.key, 'Environment', 'Production', { by: a.lars });
  await host.settle();
  const agreed = await record(created.key);
  expect(agreed).toMatchObject({ agreement: 'acme-prod', environment: 'Production' });
  expect(agreed.formEnvironment).toBeUndefined();
  // Any later change of the field is a correction, and counts.
  host.advance(5 * 60_000);
  host.double.setFieldValue(created.key, 'Environment', 'UAT', { by: a.lars });
  await host.settle();
  expect(await record(created.key)).toMatchObject({ agreement: 'acme-uat', environment: 'UAT' });

  // A choice naming an agreement the configuration does not have promises nothing: the form counts.
  const made = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Made up', fieldValues: { environment: 'UAT', product: 'Payroll' },
    contractPriority: { priority: 'p1', agreement: 'no-such-agreement' },
  });
  await host.settle();
  expect(await record(made.key)).toMatchObject({ agreement: 'acme-uat', environment: 'UAT' });
});

test('a goal past the at-risk share turns amber for agents and “due soon” for the customer, at the same moment', async () => {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' },
    contractPriority: { priority: 'p1', agreement: 'acme-prod' },
  });
  await host.settle();
  type Shown = { data: { obligations: Array<{ goal: string; atRisk: boolean }> } };
  const atRiskGoals = async (): Promise<string[]> => (await panel(created.key)).data.obligations.filter((o) => o.atRisk).map((o) => o.goal);
  // The reply is due within 30 minutes around the clock: at 23 minutes (77 %) it is not at risk, at 24 (80 %) it is.
  host.advance(23 * 60_000);
  expect(await atRiskGoals()).toEqual([]);
  host.advance(60_000);
  expect(await atRiskGoals()).toEqual(['response']);
  const list = await host.invoke<{ data: { items: Array<{ issueKey: string; atRisk: boolean; goals: Array<{ goal: string; state: string; remainingSeconds: number | null }> }>; goals: Array<{ id: string }> } }>(
    'worklistResolver', 'worklist/list', {}, { accountId: a.lars, extension: { project } },
  );
  const row = list.data.items.find((i) => i.issueKey === created.key)!;
  expect(row.atRisk).toBe(true);
  // The column per goal says the same: the reply at risk with 6 minutes left.
  expect(row.goals.find((g) => g.goal === 'response')).toEqual({ goal: 'response', state: 'at-risk', remainingSeconds: 360 });
  expect(list.data.goals.map((g) => g.id)).toEqual(expect.arrayContaining(['response', 'resolution', 'triage-ola']));
  const customer = await host.invoke<Shown>('portalResolver', 'portal/commitments', {}, {
    accountId: a.sofie, moduleKey: 'contract-sla-portal-commitments', extension: { request: { key: created.key }, portal: { id: '1' } },
  });
  expect(customer.data.obligations.find((o) => o.goal === 'response')?.atRisk).toBe(true);
});

test('a configuration change re-targets open cycles and leaves completed ones as they were reported', async () => {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Slow payroll', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' },
  });
  host.advance(20 * 60_000);
  host.double.addComment(created.key, { author: a.lars, body: 'Looking.', public: true });
  await host.settle();
  const changed = structuredClone(config) as { agreements: Array<{ id: string; targets: Array<{ goal: string; priorities?: string[]; target: string }> }> };
  for (const row of changed.agreements.find((x) => x.id === 'acme-prod')!.targets) if (row.goal === 'response' || row.goal === 'resolution') row.target = 'PT1H';
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: changed, expectedVersion: 1 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  expect(await host.drainQueue()).toBe(1);
  const cycles = decodeCycles(await record(created.key));
  expect(cycles.find((o) => o.goal === 'response')).toMatchObject({ state: 'completed', targetMs: 7_200_000 });
  expect(cycles.find((o) => o.goal === 'resolution')).toMatchObject({ state: 'running', targetMs: 3_600_000 });
  expect((await record(created.key)).configVersion).toBe(2);
});

test('deleting a request forgets its obligations', async () => {
  const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'x', fieldValues: { environment: 'Production', product: 'Payroll' } });
  await host.settle();
  await record(created.key);
  host.double.deleteIssue(created.key);
  await host.settle();
  expect(await runAs(undefined, () => readIssueRecord(created.id))).toBeUndefined();
});

describe('portal', () => {
  // Each portal resolver key belongs to its panel: the create form's priorities, the request's commitments.
  const panels: Record<string, string> = { 'portal/priorities': 'contract-sla-portal-priority', 'portal/commitments': 'contract-sla-portal-commitments' };
  const portal = (accountId: string, extension: Record<string, unknown>, key: string) =>
    host.invoke<{ ok: boolean; data?: Record<string, unknown>; errors?: Array<{ code: string }> }>('portalResolver', key, {}, { accountId, moduleKey: panels[key]!, extension });

  test("a customer sees their own organization's priorities with the times they promise", async () => {
    const acme = await portal(a.sofie, { portal: { id: '1' }, request: { typeId: DEMO_REQUEST_TYPES.incident } }, 'portal/priorities');
    const agreements = acme.data!.agreements as Array<{ agreement: { id: string }; priorities: Array<{ id: string; commitments: Array<{ words: string }> }> }>;
    expect(agreements.map((x) => x.agreement.id)).toEqual(['acme-prod', 'acme-uat']);
    expect(agreements[0]!.priorities[0]!.commitments.map((p) => p.words)).toEqual([
      'Time to first response within 30 minutes, around the clock',
      'Time to resolution within 4 hours, around the clock',
      'Keep the customer informed within 8 hours of business time',
    ]);
    // The agreement's own hours, said once for all its priorities.
    expect((acme.data!.agreements as Array<{ hours: string }>)[0]!.hours).toBe('Mon–Thu 08:00–16:00, Fri 08:00–15:30 (Europe/Copenhagen), closed on holidays');
    const fjord = await portal(a.karen, { portal: { id: '1' }, request: { typeId: DEMO_REQUEST_TYPES.incident } }, 'portal/priorities');
    const fjordAgreements = fjord.data!.agreements as Array<{ agreement: { id: string }; priorityModel: { id: string } }>;
    expect(fjordAgreements.map((x) => [x.agreement.id, x.priorityModel.id])).toEqual([['fjord-prod', 'traffic'], ['fjord-test', 'traffic']]);
  });

  test("a customer of another organization is refused a request's commitments; its own customer sees them without internal goals", async () => {
    const created = host.double.createRequest({
      requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' },
    });
    await host.settle();
    const other = await portal(a.karen, { request: { key: created.key } }, 'portal/commitments');
    expect(other).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
    const own = await portal(a.sofie, { request: { key: created.key } }, 'portal/commitments');
    const goals = (own.data!.obligations as Array<{ goal: string; internal: boolean }>).map((o) => o.goal);
    expect(goals).toEqual(['response', 'resolution', 'update']);
  });
});

describe('work list and re-classification', () => {
  test('the work list orders open requests across customers: breached first, then the nearest deadline, then rank', async () => {
    const p1 = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' } });
    await host.settle();
    host.advance(45 * 60_000);
    await host.runSchedule();
    const list = await host.invoke<{ ok: boolean; data: { items: Array<{ issueKey: string; breached: boolean; deadline: string | null; priority: { rank: number } | null }>; options: { customers: Array<{ id: string }> } } }>(
      'worklistResolver', 'worklist/list', { timezone: 'Europe/Copenhagen' }, { accountId: a.lars, extension: { project } });
    expect(list.ok).toBe(true);
    const items = list.data.items;
    const breached = items.filter((i) => i.breached);
    expect(breached.map((i) => i.issueKey)).toContain(p1.key);
    // The breached come first, longest overdue first; then the rest by deadline.
    expect(items.slice(0, breached.length)).toEqual(breached);
    expect(breached.map((i) => i.deadline)).toEqual([...breached.map((i) => i.deadline)].sort());
    const rest = items.slice(breached.length).filter((i) => i.deadline !== null);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.map((i) => i.deadline)).toEqual([...rest.map((i) => i.deadline)].sort());
    expect(list.data.options.customers.map((c) => c.id).sort()).toEqual(['acme', 'fjord']);
    const acmeOnly = await host.invoke<{ data: { items: Array<{ customer: { id: string } | null }>; options: { agreements: Array<{ id: string }> } } }>('worklistResolver', 'worklist/list', { customer: 'fjord' }, { accountId: a.lars, extension: { project } });
    expect(acmeOnly.data.items.every((i) => i.customer?.id === 'fjord')).toBe(true);
    // A customer chosen narrows the agreements offered to theirs.
    expect(acmeOnly.data.options.agreements.every((x) => x.id.startsWith('fjord') || x.id === 'none')).toBe(true);

    // Ordered by a column, a page at a time, with Jira's status; "me" is the caller.
    type Page = { data: { items: Array<{ issueKey: string; status: string | null; assignee: { accountId: string } | null; priority: { rank: number } | null }>; matching: number } };
    const byPriority = await host.invoke<Page>('worklistResolver', 'worklist/list', { order: 'priority', limit: 2 }, { accountId: a.lars, extension: { project } });
    expect(byPriority.data.items).toHaveLength(2);
    expect(byPriority.data.matching).toBe(items.length);
    const ranks = (await host.invoke<Page>('worklistResolver', 'worklist/list', { order: 'priority' }, { accountId: a.lars, extension: { project } })).data.items.map((i) => i.priority?.rank ?? Infinity);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(byPriority.data.items.every((i) => typeof i.status === 'string' && i.status.length > 0)).toBe(true);
    host.double.assign(p1.key, a.lars);
    await host.settle();
    const mine = await host.invoke<Page>('worklistResolver', 'worklist/list', { assignee: 'me' }, { accountId: a.lars, extension: { project } });
    expect(mine.data.items.map((i) => i.issueKey)).toContain(p1.key);
    expect(mine.data.items.every((i) => i.assignee?.accountId === a.lars)).toBe(true);
    expect(await host.invoke('worklistResolver', 'worklist/list', { order: 'mood' }, { accountId: a.lars, extension: { project } })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.order' }] });
  });

  test('an agent assigns a request to themself from the work list, as themself; Jira refuses what it refuses', async () => {
    const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Unassigned', fieldValues: { environment: 'Production', product: 'Payroll' } });
    await host.settle();
    const done = await host.invoke<{ ok: boolean; data: { assignee: string } }>('worklistResolver', 'worklist/assign-to-me', { issueKey: created.key }, { accountId: a.lars, extension: { project } });
    expect(done).toMatchObject({ ok: true, data: { assignee: a.lars } });
    expect(host.double.issueOrThrow(created.key).assignee).toBe(a.lars);
    expect((await record(created.key)).assignee).toBe(a.lars);
    const list = await host.invoke<{ data: { me: string; items: Array<{ issueKey: string; assignee: { accountId: string } | null }> } }>('worklistResolver', 'worklist/list', {}, { accountId: a.lars, extension: { project } });
    expect(list.data.me).toBe(a.lars);
    expect(list.data.items.find((i) => i.issueKey === created.key)?.assignee?.accountId).toBe(a.lars);
    // A key of another project, and a malformed one, are refused before Jira is asked.
    expect(await host.invoke('worklistResolver', 'worklist/assign-to-me', { issueKey: 'OTHER-1' }, { accountId: a.lars, extension: { project } })).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
    expect(await host.invoke('worklistResolver', 'worklist/assign-to-me', { issueKey: 'nope' }, { accountId: a.lars, extension: { project } })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.issueKey' }] });
  });

  test('a portal customer is refused the work list: the module is not open to customers, so the platform refuses before the app runs', async () => {
    await expect(host.invoke('worklistResolver', 'worklist/list', {}, { accountId: a.sofie, extension: { project } })).rejects.toMatchObject({ code: 'MODULE_NOT_AVAILABLE' });
  });

  test('a member of a group at its New York site answers the matrix on the portal; an agent changes an answer and the priority follows, in the history', async () => {
    const created = host.double.createRequest({
      requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.nora, summary: 'Export fails', fieldValues: { environment: 'Production', product: 'Payroll' },
      contractPriority: { priority: 'p2', agreement: 'fjell-group-prod', impact: 'company', urgency: 'today' },
    });
    await host.settle();
    const before = await record(created.key);
    // The group's agreement, the member as the customer, its site from its organization, the answers as given.
    expect(before).toMatchObject({ agreement: 'fjell-group-prod', customer: 'fjell-us', site: 'fjell-nyc', impact: 'company', urgency: 'today', priority: 'p2' });
    // Measured in New York: 2 business hours from 08:00 there (it is 04:00 in New York at 10:00 in Copenhagen).
    const response = () => decodeCycles(before).find((o) => o.goal === 'response')!;
    expect(response()).toMatchObject({ targetMs: 7_200_000, calendar: 'cph-office@America/New_York', deadline: Date.parse('2026-11-26T15:00:00Z') });
    const shown = (key: string) => host.double.issueOrThrow(created.key).customFields[host.double.customField(key)!.id];
    expect([shown('contract-impact'), shown('contract-urgency')]).toEqual(['The whole company [company]', 'Today [today]']);

    const extension = { issue: { id: created.id, key: created.key }, project };
    const bad = await host.invoke<{ ok: boolean; errors: Array<{ path: string }> }>('issuePanelResolver', 'issue/set-answers', { impact: 'everyone', urgency: 'today' }, { accountId: a.lars, extension });
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'payload.impact' }] });
    host.advance(5 * 60_000);
    const done = await host.invoke<{ ok: boolean; data: { agreement: { priority: { id: string }; why: string[]; matrix: { answers: unknown } } } }>('issuePanelResolver', 'issue/set-answers', { impact: 'company', urgency: 'stopped' }, { accountId: a.lars, extension });
    expect(done).toMatchObject({ ok: true, data: { agreement: { priority: { id: 'p1' }, matrix: { answers: { impact: 'company', urgency: 'stopped' } } } } });
    expect(done.data.agreement.why.slice(0, 2)).toEqual([
      'Customer Fjell Shipping US, a member of Fjell Group, which holds the agreement (Fjell Shipping US has none of its own for Production)',
      'Site New York office: measured in its hours (America/New_York)',
    ]);
    const after = await record(created.key);
    expect(after).toMatchObject({ priority: 'p1', impact: 'company', urgency: 'stopped' });
    // Re-targeted to p1's hour; the history has the agent's answer, so the next replay agrees.
    expect(decodeCycles(after).find((o) => o.goal === 'response')).toMatchObject({ targetMs: 3_600_000 });
    expect(shown('contract-urgency')).toBe('Work has stopped [stopped]');
    host.double.addComment(created.key, { author: a.lars, body: 'Looking.', public: false });
    await host.settle();
    expect((await record(created.key)).priority).toBe('p1');

    // The work list rolls up by group: the group is offered with its member, and choosing it lists the member's request.
    type Listed = { data: { items: Array<{ issueKey: string }>; options: { customers: Array<{ id: string; name: string }> } } };
    const all = await host.invoke<Listed>('worklistResolver', 'worklist/list', {}, { accountId: a.lars, extension: { project } });
    expect(all.data.options.customers.filter((c) => c.id.startsWith('fjell'))).toEqual([{ id: 'fjell', name: 'Fjell Group (group)' }, { id: 'fjell-us', name: 'Fjell Shipping US' }]);
    const group = await host.invoke<Listed>('worklistResolver', 'worklist/list', { customer: 'fjell' }, { accountId: a.lars, extension: { project } });
    expect(group.data.items.map((i) => i.issueKey)).toEqual([created.key]);
  });

  test("an agent re-classifies the contract priority from the agreement's model; the change is in the history and re-targets", async () => {
    const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Slow', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
    await host.settle();
    const extension = { issue: { id: created.id, key: created.key }, project };
    const bad = await host.invoke<{ ok: boolean; errors: Array<{ path: string; message: string }> }>('issuePanelResolver', 'issue/set-priority', { priority: 'red' }, { accountId: a.lars, extension });
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'payload.priority' }] });
    host.advance(5 * 60_000);
    const done = await host.invoke<{ ok: boolean; data: { agreement: { priority: { id: string } } } }>('issuePanelResolver', 'issue/set-priority', { priority: 'p1' }, { accountId: a.lars, extension });
    expect(done).toMatchObject({ ok: true, data: { agreement: { priority: { id: 'p1' } } } });
    const cycles = decodeCycles(await record(created.key));
    expect(cycles.find((o) => o.goal === 'response')).toMatchObject({ targetMs: 1_800_000 });
    // The issue panel is for agents: a customer account never reaches the resolver.
    await expect(host.invoke('issuePanelResolver', 'issue/set-priority', { priority: 'p2' }, { accountId: a.sofie, extension })).rejects.toMatchObject({ code: 'MODULE_NOT_AVAILABLE' });
    expect(decodeCycles(await record(created.key)).find((o) => o.goal === 'response')).toMatchObject({ targetMs: 1_800_000 });
  });

  test('the Contract priority field shows the customer’s portal choice by name, and an agent’s re-classification too; the replay reads the ids', async () => {
    const field = host.double.customField('contract-priority')!;
    const shown = (key: string) => host.double.issueOrThrow(key).customFields[field.id];
    const priorityChanges = (key: string) => host.double.issueOrThrow(key).histories.flatMap((h) => h.items.filter((i) => i.fieldId === field.id || i.field === field.name));
    const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Slow', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
    await host.settle();
    // Copied from the portal choice once, by name; copying the priority in force is no priority change.
    expect(shown(created.key)).toBe('2 – High [p2]');
    expect(priorityChanges(created.key)).toHaveLength(1);
    const stored = await record(created.key);
    expect(stored.priority).toBe('p2');
    // Another event computes the same: the field is not written again.
    host.double.addComment(created.key, { author: a.lars, body: 'Looking.', public: false });
    await host.settle();
    expect(priorityChanges(created.key)).toHaveLength(1);

    const extension = { issue: { id: created.id, key: created.key }, project };
    host.advance(5 * 60_000);
    await host.invoke('issuePanelResolver', 'issue/set-priority', { priority: 'p1' }, { accountId: a.lars, extension });
    expect(shown(created.key)).toBe('1 – Critical [p1]');
    expect((await record(created.key)).priority).toBe('p1');
    expect(decodeCycles(await record(created.key)).find((o) => o.goal === 'response')).toMatchObject({ targetMs: 1_800_000 });
  });

  test('a Contract priority written as a bare id before names were shown gets its name, and means the same', async () => {
    const field = host.double.customField('contract-priority')!;
    const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Old', fieldValues: { environment: 'Production', product: 'Payroll' } });
    host.double.setFieldValue(created.key, 'contract-priority', 'p1');
    await host.settle();
    expect(host.double.issueOrThrow(created.key).customFields[field.id]).toBe('1 – Critical [p1]');
    expect((await record(created.key)).priority).toBe('p1');
    expect(decodeCycles(await record(created.key)).find((o) => o.goal === 'response')).toMatchObject({ targetMs: 1_800_000 });
  });
});
