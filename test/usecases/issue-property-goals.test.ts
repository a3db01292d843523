// The contract-sla issue property's per-goal values, for JQL and queues as JSM users know them from breached() and
// the SLA columns: which goals are breached, running, paused or met, and the next deadline of what the customer was
// promised beside the internal one. Played on the strict local runtime and the JSM double, through the event path
// and the breach watch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ISSUE_PROPERTY } from '../../src/app-identity';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const MINUTE = 60_000;
const demo = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const admin = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

let host: ForgeHost;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  expect(await host.invoke('adminResolver', 'admin/config/save', { bundle: demo, expectedVersion: 0 }, admin)).toMatchObject({ ok: true });
  await host.drainQueue();
});
afterEach(() => host.close());

type GoalValues = Record<'goalsBreached' | 'goalsRunning' | 'goalsPaused' | 'goalsMet', string[]> & { contractDeadline: string | null; internalDeadline: string | null };
const goalValues = (key: string): GoalValues => {
  const { goalsBreached, goalsRunning, goalsPaused, goalsMet, contractDeadline, internalDeadline } = host.double.issueOrThrow(key).properties[ISSUE_PROPERTY] as GoalValues;
  return { goalsBreached, goalsRunning, goalsPaused, goalsMet, contractDeadline, internalDeadline };
};
const atRisk = (key: string): string[] => (host.double.issueOrThrow(key).properties[ISSUE_PROPERTY] as { goalsAtRisk: string[] }).goalsAtRisk;

test('a goal turning at risk reaches queues without any event: the watch wakes at that instant', async () => {
  const request = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' },
    contractPriority: { priority: 'p1' },
  });
  await host.settle();
  expect(atRisk(request.key)).toEqual([]);
  // The reply is due within 30 minutes around the clock: 80 % is reached at 24 minutes.
  host.advance(23 * MINUTE);
  await host.runSchedule();
  expect(atRisk(request.key)).toEqual([]);
  host.advance(MINUTE);
  await host.runSchedule();
  expect(atRisk(request.key)).toEqual(['response']);
  // Answered, it is no longer at risk.
  host.double.addComment(request.key, { author: a.lars, body: 'On it', public: true });
  await host.settle();
  expect(atRisk(request.key)).toEqual([]);
});

test('each goal’s state and the promised and internal deadlines follow the request: raised, answered, breached, waiting', async () => {
  // ACME Production P1: reply within 30 minutes and resolve within 4 hours around the clock; triage (internal) within
  // an hour of office time.
  const request = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' },
    contractPriority: { priority: 'p1' },
  });
  await host.settle();
  expect(goalValues(request.key)).toEqual({
    goalsBreached: [], goalsRunning: ['resolution', 'response', 'triage-ola', 'update'], goalsPaused: [], goalsMet: [],
    contractDeadline: '2026-11-26T09:30:00Z', internalDeadline: '2026-11-26T10:00:00Z',
  });

  // Lars replies after ten minutes: the reply was on time.
  host.advance(10 * MINUTE);
  host.double.addComment(request.key, { author: a.lars, body: 'We are on it', public: true });
  await host.settle();
  const answered = goalValues(request.key);
  expect(answered.goalsMet).toEqual(['response']);
  expect(answered.goalsRunning).not.toContain('response');
  expect(answered.contractDeadline).not.toBe('2026-11-26T09:30:00Z');

  // Past the triage hour with nobody triaging: breached, and still running.
  host.advance(55 * MINUTE);
  await host.runSchedule();
  const late = goalValues(request.key);
  expect(late.goalsBreached).toEqual(['triage-ola']);
  expect(late.goalsRunning).toEqual(['resolution', 'triage-ola', 'update']);
  expect(late.internalDeadline).toBe('2026-11-26T10:00:00Z');
  expect(late.contractDeadline).toBe('2026-11-26T13:00:00Z');

  // Waiting for the customer parks the clocks: no running deadline; the breach stays on record.
  host.double.transition(request.key, 'Waiting for customer', { by: a.lars });
  await host.settle();
  expect(goalValues(request.key)).toEqual({
    goalsBreached: ['triage-ola'], goalsRunning: [], goalsPaused: ['resolution', 'triage-ola', 'update'], goalsMet: ['response'],
    contractDeadline: null, internalDeadline: null,
  });
});
