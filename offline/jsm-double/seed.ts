// The demo site: "Nordlys IT", a Danish service provider, runs the JSM project SUP for two customer organizations —
// ACME A/S (organization 12, the `acme` customer of examples/config.json, with Production and UAT) and Fjord
// Logistik ApS (13). Eight requests are spread over the last working days, each with the kind of history the SLA
// engine has to replay: public replies and internal notes from agents and customers, Waiting for customer and
// Waiting for release, a priority raised, one resolved, one resolved and reopened, one closed as Won't do, and one
// still untouched. Every instant is relative to `now`, so the demo always looks current.
import { DateTime } from 'luxon';
import { JsmDoubleError, type JsmDouble } from './jsm-double';

const ZONE = 'Europe/Copenhagen';

export const DEMO_ACCOUNTS = {
  mette: '712020:0b3f5e1c-8d2a-4c71-9e64-1f2a3b4c5d61',
  lars: '712020:6c9d2e8f-1a4b-4d3c-8e7f-2b1c0d9e8f72',
  sofie: 'qm:2f7c1e4a-5b3d-4a8e-9c6f-0d1e2f3a4b5c:5f8e2d1c0b9a8f7e6d5c4b3a',
  anders: 'qm:2f7c1e4a-5b3d-4a8e-9c6f-0d1e2f3a4b5c:6a9f3e2d1c0b9a8f7e6d5c4b',
  karen: 'qm:8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b:7b0a4f3e2d1c0b9a8f7e6d5c',
  jens: 'qm:8e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b:8c1b5a4f3e2d1c0b9a8f7e6d',
  nora: 'qm:4d2e6f8a-1b3c-4e5d-9f7a-2c4e6a8b0d1f:9d2c6b5a4f3e2d1c0b9a8f7e',
  /** A developer of the Payroll team (project PAY), who fixes what support hands over. */
  henrik: '712020:3e7a9c1d-5f2b-4a8e-b6d4-8c0e2f4a6b83',
} as const;

/** The Payroll development project (Jira Software): its issue types and statuses. */
export const DEMO_DEVELOPMENT = { project: 'PAY', bug: '10007', story: '10008', toDo: '10100', done: '10101' } as const;

export const DEMO_REQUEST_TYPES = { incident: '1', serviceRequest: '2', question: '3' } as const;

/** The site's fixed catalogue: users, organizations, SUP, its request types, workflow statuses and fields. */
export function seedCatalogue(double: JsmDouble): void {
  const a = DEMO_ACCOUNTS;
  const person = (accountId: string, displayName: string, email: string, accountType: 'atlassian' | 'customer') =>
    double.addUser({ accountId, displayName, emailAddress: email, accountType, timeZone: ZONE, locale: 'da_DK' });
  person(a.mette, 'Mette Hansen', 'mette.hansen@nordlys-it.dk', 'atlassian');
  person(a.lars, 'Lars Nielsen', 'lars.nielsen@nordlys-it.dk', 'atlassian');
  person(a.sofie, 'Sofie Jensen', 'sofie.jensen@acme.dk', 'customer');
  person(a.anders, 'Anders Pedersen', 'anders.pedersen@acme.dk', 'customer');
  person(a.karen, 'Karen Møller', 'karen.moller@fjordlogistik.dk', 'customer');
  person(a.jens, 'Jens Christensen', 'jens.christensen@fjordlogistik.dk', 'customer');
  // Fjell Shipping US, a member of the Fjell Group, works from New York: its organization is that site (§6).
  double.addUser({ accountId: a.nora, displayName: 'Nora Lindqvist', emailAddress: 'nora.lindqvist@fjellshipping.com', accountType: 'customer', timeZone: 'America/New_York', locale: 'en_US' });
  // Mette administers Jira itself (the site-wide Contract SLA configuration is hers to change).
  double.state.site.administrators = [a.mette];
  double.addOrganization({ id: '12', name: 'ACME A/S', memberAccountIds: [a.sofie, a.anders] });
  double.addOrganization({ id: '13', name: 'Fjord Logistik ApS', memberAccountIds: [a.karen, a.jens] });
  double.addOrganization({ id: '14', name: 'Fjell Shipping US — New York', memberAccountIds: [a.nora] });
  // The service managers hear of escalations (the demo configuration notifies this group).
  double.addGroup({ name: 'service-managers', members: [a.mette] });
  person(a.henrik, 'Henrik Dahl', 'henrik.dahl@nordlys-it.dk', 'atlassian');
  double.addProject({
    id: '10000', key: 'SUP', name: 'Nordlys Support', serviceDeskId: '1', administrators: [a.mette], agents: [a.lars, a.mette],
    workflow: ['1', '3', '10001', '10002', '5', '6'],
  });
  // Nordlys IT keeps each customer contract as an issue of a business project: its reminders are e-mails about it.
  double.addProject({ id: '10010', key: 'CON', name: 'Nordlys Contracts', serviceDeskId: '', projectTypeKey: 'business', administrators: [a.mette], agents: [a.mette] });
  double.addIssueType({ id: '10006', name: 'Task', description: 'A small, distinct piece of work.' });
  // The Payroll team develops in a Jira Software project: To Do → In Progress → Done, with its releases as versions.
  const dev = DEMO_DEVELOPMENT;
  double.addIssueType({ id: dev.bug, name: 'Bug', description: 'A problem or error.' });
  double.addIssueType({ id: dev.story, name: 'Story', description: 'Functionality or a feature expressed as a user goal.' });
  double.addProject({
    id: '10020', key: dev.project, name: 'Payroll', serviceDeskId: '', projectTypeKey: 'software', administrators: [a.mette], agents: [a.henrik, a.lars, a.mette],
    workflow: [dev.toDo, '3', dev.done], issueTypeIds: [dev.bug, dev.story],
  });
  double.addIssueLinkType({ id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' });
  double.addIssueType({ id: '10004', name: '[System] Incident', description: 'For system outages or incidents. Created by Jira Service Management.' });
  double.addIssueType({ id: '10005', name: '[System] Service request', description: 'For general requests. Created by Jira Service Management.' });
  double.addRequestType({ id: DEMO_REQUEST_TYPES.incident, name: 'Incident', description: 'Something is broken or not working as it should.', issueTypeId: '10004', serviceDeskId: '1' });
  double.addRequestType({ id: DEMO_REQUEST_TYPES.serviceRequest, name: 'Service request', description: 'Ask for a change, an account or an environment refresh.', issueTypeId: '10005', serviceDeskId: '1' });
  double.addRequestType({ id: DEMO_REQUEST_TYPES.question, name: 'Question', description: 'Ask how something works.', issueTypeId: '10005', serviceDeskId: '1' });
  double.addStatus({ id: '1', name: 'Open', category: 'new' });
  double.addStatus({ id: '3', name: 'In Progress', category: 'indeterminate' });
  double.addStatus({ id: '10001', name: 'Waiting for customer', category: 'indeterminate' });
  double.addStatus({ id: '10002', name: 'Waiting for release', category: 'indeterminate' });
  double.addStatus({ id: '5', name: 'Resolved', category: 'done' });
  double.addStatus({ id: '6', name: 'Closed', category: 'done' });
  double.addStatus({ id: DEMO_DEVELOPMENT.toDo, name: 'To Do', category: 'new' });
  double.addStatus({ id: DEMO_DEVELOPMENT.done, name: 'Done', category: 'done' });
  // Payroll's releases: 5.2.0 and 5.3.0 shipped, 5.3.1 (a patch) and 5.4.0 planned.
  double.addVersion(DEMO_DEVELOPMENT.project, { name: '5.2.0', released: true, releaseDate: '2026-09-14' });
  double.addVersion(DEMO_DEVELOPMENT.project, { name: '5.3.0', released: true, releaseDate: '2026-11-02' });
  double.addVersion(DEMO_DEVELOPMENT.project, { name: '5.3.1', released: false });
  double.addVersion(DEMO_DEVELOPMENT.project, { name: '5.4.0', released: false });
  ['Highest', 'High', 'Medium', 'Low', 'Lowest'].forEach((name, index) => double.addPriority({ id: String(index + 1), name }));
  double.addResolution({ id: '10000', name: 'Done', description: 'Work has been completed on this issue.' });
  double.addResolution({ id: '10001', name: "Won't do", description: 'This issue will not be actioned.' });
  double.addCustomField({ kind: 'organizations', id: 'customfield_10002', name: 'Organizations' });
  double.addCustomField({ kind: 'participants', id: 'customfield_10003', name: 'Request participants' });
  double.addCustomField({ kind: 'requestType', id: 'customfield_10010', name: 'Request Type' });
  double.addCustomField({
    kind: 'select',
    id: 'customfield_10060',
    name: 'Environment',
    options: ['Production', 'UAT', 'Test', 'Training'].map((value, index) => ({ id: String(10020 + index), value })),
  });
  double.addCustomField({
    kind: 'select',
    id: 'customfield_10061',
    name: 'Product',
    options: ['Payroll', 'Fleet', 'HR'].map((value, index) => ({ id: String(10030 + index), value })),
  });
}

/** `HH:mm` Copenhagen time on the n-th working day (Mon–Fri) before `now`'s date. */
function workingDay(now: number, daysBack: number, time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  let day = DateTime.fromMillis(now, { zone: ZONE }).startOf('day');
  for (let left = daysBack; left > 0; ) {
    day = day.minus({ days: 1 });
    if (day.weekday <= 5) left--;
  }
  return day.set({ hour, minute }).toMillis();
}

/** A change to the site and when it happens. */
export type DemoChange = { at: number; run: () => void };

/** Fills an empty double with the Nordlys IT demo site, its history ending before `now`. */
export function seedDemo(double: JsmDouble, now: number): void {
  if (double.state.projects.length > 0) throw new JsmDoubleError('seedDemo needs an empty JSM double');
  seedCatalogue(double);
  for (const change of demoRequests(double, now)) double.atTime(change.at, change.run);
  seedContracts(double, workingDay(now, 6, '08:00'));
}

/**
 * The eight requests of the demo's story (SUP-1 … SUP-8 on a site without history), spread over the last six working
 * days before `now`, the last raised two hours before it: the changes in time order, for the caller to write into
 * the past (seedDemo) or to play as the clock reaches them (the sandbox's history). Keys are those the site gives
 * the requests as they are raised, so the story holds after any number of earlier requests.
 */
export function demoRequests(double: JsmDouble, now: number): DemoChange[] {
  const a = DEMO_ACCOUNTS;
  const rt = DEMO_REQUEST_TYPES;
  const steps: DemoChange[] = [];
  const at = (daysBack: number, time: string, run: () => void) => steps.push({ at: workingDay(now, daysBack, time), run });
  // The n-th request of the story, by the key the site gave it when it was raised.
  const keys: string[] = [];
  const key = (n: number) => keys[n - 1]!;
  const raise = (input: Parameters<JsmDouble['createRequest']>[0]) => () => void keys.push(double.createRequest(input).key);

  // SUP-1: ACME production incident, answered, waited on the customer, resolved.
  at(6, '09:12', raise({
      requestTypeId: rt.incident, reporter: a.sofie, summary: 'Payroll export to the bank fails with a timeout',
      description: 'Since this morning the monthly payroll export stops after 30 seconds with "Gateway timeout".',
      fieldValues: { environment: 'Production', product: 'Payroll' }, priority: 'High', contractPriority: { priority: 'p2' },
    }),
  );
  at(6, '09:40', () => double.addComment(key(1), { author: a.lars, body: 'Thank you, Sofie. We are looking into the export now.', public: true }));
  at(6, '09:45', () => double.transition(key(1), 'In Progress', { by: a.lars }));
  at(6, '10:30', () => double.addComment(key(1), { author: a.lars, body: 'Bank gateway answers in 45 s; our proxy cuts at 30 s.', public: false }));
  at(6, '11:00', () => double.addComment(key(1), { author: a.lars, body: 'Could you send us the export log from today?', public: true }));
  at(6, '11:01', () => double.transition(key(1), 'Waiting for customer', { by: a.lars }));
  at(5, '08:30', () => double.addComment(key(1), { author: a.sofie, body: 'The log is attached. It failed again at 08:15.', public: true }));
  at(5, '08:45', () => double.transition(key(1), 'In Progress', { by: a.lars }));
  at(5, '14:00', () => double.addComment(key(1), { author: a.lars, body: 'Fixed: the proxy timeout is raised in 5.2.1, deployed to Production.', public: true }));
  at(5, '14:02', () => double.transition(key(1), 'Resolved', { by: a.lars }));

  // SUP-2: ACME UAT service request, now waiting for a release.
  at(5, '10:05', raise({
      requestTypeId: rt.serviceRequest, reporter: a.anders, summary: 'New user accounts for the UAT test round',
      description: 'Please create 12 test users for the 5.3 acceptance test.',
      fieldValues: { environment: 'UAT', product: 'Payroll' }, contractPriority: { priority: 'p2' },
    }),
  );
  at(5, '13:00', () => double.addComment(key(2), { author: a.mette, body: 'We will create the accounts once 5.3.0-rc2 is on UAT.', public: true }));
  at(4, '09:00', () => double.transition(key(2), 'In Progress', { by: a.mette }));
  at(4, '15:00', () => double.addComment(key(2), { author: a.mette, body: 'Blocked until rc2 ships (planned Thursday).', public: false }));
  at(4, '15:01', () => double.transition(key(2), 'Waiting for release', { by: a.mette }));

  // SUP-3: Fjord production incident, resolved, reopened by the customer, priority raised.
  at(4, '07:55', raise({
      requestTypeId: rt.incident, reporter: a.karen, summary: 'Fleet tracking map shows no vehicles',
      description: 'The live map has been empty since 07:30.', fieldValues: { environment: 'Production', product: 'Fleet' }, priority: 'High',
      contractPriority: { priority: 'yellow' },
    }),
  );
  at(4, '08:10', () => double.transition(key(3), 'In Progress', { by: a.lars }));
  at(4, '08:15', () => double.addComment(key(3), { author: a.lars, body: 'The GPS feed provider had an outage; we are reconnecting.', public: true }));
  at(4, '11:30', () => double.transition(key(3), 'Resolved', { by: a.lars }));
  at(3, '09:00', () => double.addComment(key(3), { author: a.karen, body: 'Trucks in Norway are still missing from the map.', public: true }));
  at(3, '09:20', () => double.transition(key(3), 'In Progress', { by: a.lars }));
  at(3, '09:25', () => double.setPriority(key(3), 'Highest', { by: a.lars }));
  // With the app installed, the agent also re-classifies the contract priority (Yellow → Red) through the app.
  if (double.customField('contract-priority')) at(3, '09:26', () => double.setFieldValue(key(3), 'contract-priority', 'red'));

  // SUP-4: ACME question, waiting for the customer's answer.
  at(3, '13:20', raise({
      requestTypeId: rt.question, reporter: a.sofie, summary: 'How do I add a new department in the HR module?',
      fieldValues: { environment: 'Production', product: 'HR' }, priority: 'Low', contractPriority: { priority: 'p2' },
    }),
  );
  at(3, '14:00', () => double.addComment(key(4), { author: a.mette, body: 'Should the department get its own cost centre?', public: true }));
  at(3, '14:01', () => double.transition(key(4), 'Waiting for customer', { by: a.mette }));

  // SUP-5: Fjord service request in progress, with a customer chasing an ETA.
  at(2, '10:00', raise({
      requestTypeId: rt.serviceRequest, reporter: a.jens, summary: 'Refresh the Test environment with production data',
      fieldValues: { environment: 'Test', product: 'Fleet' }, contractPriority: { priority: 'green' },
    }),
  );
  at(2, '10:30', () => double.addComment(key(5), { author: a.lars, body: 'Needs a DBA slot; asked Mette.', public: false }));
  at(2, '11:00', () => double.transition(key(5), 'In Progress', { by: a.lars }));
  at(1, '09:15', () => double.addComment(key(5), { author: a.jens, body: 'Any news on when the refresh will be done?', public: true }));
  at(1, '10:00', () => double.addComment(key(5), { author: a.lars, body: 'The refresh is scheduled for tonight at 22:00.', public: true }));

  // SUP-6: Fjord training question closed as Won't do.
  at(2, '15:00', raise({
      requestTypeId: rt.question, reporter: a.karen, summary: 'Cannot log in to the Training environment',
      fieldValues: { environment: 'Training', product: 'HR' }, priority: 'Lowest',
    }),
  );
  at(1, '11:00', () => double.addComment(key(6), { author: a.mette, body: 'Training has been retired; please use UAT for courses.', public: true }));
  at(1, '11:01', () => double.transition(key(6), 'Resolved', { by: a.mette, resolution: "Won't do" }));
  at(1, '11:05', () => double.transition(key(6), 'Closed', { by: a.mette }));

  // SUP-7: ACME production incident, only an internal note so far — the response goal is running.
  at(1, '08:05', raise({
      requestTypeId: rt.incident, reporter: a.anders, summary: 'Payslips show the wrong tax rate after the update',
      fieldValues: { environment: 'Production', product: 'Payroll' }, priority: 'Highest', participants: [a.sofie],
      contractPriority: { priority: 'p1' },
    }),
  );
  at(1, '08:20', () => double.addComment(key(7), { author: a.lars, body: 'Probably the 2026 tax table import; checking.', public: false }));

  // SUP-8: raised two hours ago, untouched.
  steps.push({
    at: now - 2 * 3_600_000,
    run: raise({
      requestTypeId: rt.incident, reporter: a.sofie, summary: 'UAT login page loads without styles',
      fieldValues: { environment: 'UAT', product: 'Payroll' }, contractPriority: { priority: 'p2' },
    }),
  });
  return steps.sort((x, y) => x.at - y.at);
}

/** CON-1, CON-2: the contracts behind ACME's and Fjord's production agreements (examples/nordlys-config.json). */
export function seedContracts(double: JsmDouble, at: number): void {
  const a = DEMO_ACCOUNTS;
  double.atTime(at, () => double.createIssue({ projectKey: 'CON', issueTypeId: '10006', summary: 'Contract ACME-2026-01: ACME A/S, production support', reporter: a.mette }));
  double.atTime(at, () => double.createIssue({ projectKey: 'CON', issueTypeId: '10006', summary: 'Contract FJ-2026-03: Fjord Logistik ApS, production support', reporter: a.mette }));
}
