// The shipped example request SUP-17 (examples/) as the issue panel resolver answers for it on Monday 23 November
// 2026 at 14:00 UTC (15:00 in Copenhagen, where ACME's office calendar runs), seen by an agent in London.
import type { AgreementView, IssuePanelView, ObligationView } from '../../../static/shared/views';

export const NOW = Date.parse('2026-11-23T14:00:00Z');
export const VIEWER_ZONE = 'Europe/London';

const office = { id: 'cph-office', name: 'Copenhagen office hours', timezone: 'Europe/Copenhagen' };
const always = { id: 'always', name: '24x7', timezone: 'UTC' };

export const obligations: ObligationView[] = [
  {
    goal: 'response', goalName: 'Time to first response', cycle: 1, internal: false, state: 'completed',
    startedAt: '2026-11-23T08:00:00Z', endedAt: '2026-11-23T08:40:00Z', targetSeconds: 7200, elapsedSeconds: 2400, remainingSeconds: 4800,
    breached: false, breachedAt: null, deadline: null, calendar: office, pausedBy: null, atRisk: false,
    escalations: [{ id: 'response-10m', threshold: '10 minutes before the deadline', reachedAt: null, dueAt: null }],
  },
  {
    goal: 'resolution', goalName: 'Time to resolution', cycle: 1, internal: false, state: 'running',
    startedAt: '2026-11-23T08:00:00Z', endedAt: null, targetSeconds: 14400, elapsedSeconds: 10500, remainingSeconds: 3900,
    breached: false, breachedAt: null, deadline: '2026-11-23T15:05:00Z', calendar: office, pausedBy: null, atRisk: false,
    escalations: [
      { id: 'resolution-75', threshold: '75 % of the time used', reachedAt: null, dueAt: '2026-11-23T14:05:00Z' },
      { id: 'resolution-overdue-2h', threshold: '2 hours overdue', reachedAt: null, dueAt: '2026-11-23T17:05:00Z' },
    ],
  },
  {
    goal: 'update', goalName: 'Keep the customer informed', cycle: 2, internal: false, state: 'running',
    startedAt: '2026-11-23T08:40:00Z', endedAt: null, targetSeconds: 28800, elapsedSeconds: 8100, remainingSeconds: 20700,
    breached: false, breachedAt: null, deadline: '2026-11-24T11:45:00Z', calendar: office, pausedBy: null, atRisk: false,
    escalations: [],
  },
  {
    goal: 'triage-ola', goalName: 'Triage (internal)', cycle: 1, internal: true, state: 'completed',
    startedAt: '2026-11-23T08:00:00Z', endedAt: '2026-11-23T12:05:00Z', targetSeconds: 3600, elapsedSeconds: 3600, remainingSeconds: 0,
    breached: false, breachedAt: null, deadline: null, calendar: office, pausedBy: null, atRisk: false,
    escalations: [],
  },
];

const numericModel = [
  { id: 'p1', name: '1 – Critical', rank: 1, colour: '#C9372C', description: 'Production down' },
  { id: 'p2', name: '2 – High', rank: 2 },
];

export const agreement: AgreementView = {
  id: 'acme-prod',
  name: 'ACME Production',
  customer: { id: 'acme', name: 'ACME A/S' },
  environment: 'Production',
  products: ['Payroll'],
  priorityModel: { id: 'numeric', name: '1–5' },
  priority: { id: 'p2', name: '2 – High', rank: 2 },
  priorityChoices: numericModel,
  calendar: office,
  why: [
    'Customer ACME A/S (JSM organization 12)',
    'Environment Production',
    'Product Payroll is covered (Payroll)',
    'Valid from 1 Jan 2026; the request was created Mon 23 Nov 2026, 09:00',
    'Priority 2 – High of model 1–5 (rank 2)',
  ],
  matrix: null,
};

export const running: IssuePanelView = {
  supplierObligations: [],
  earlierCycles: [],
  issueKey: 'SUP-17',
  computedAt: '2026-11-23T13:59:30Z',
  configVersion: 3,
  agreement,
  howToFix: [],
  guidance: {
    state: 'running',
    text: 'Resolve the request by 15:05 (16:05 Europe/Copenhagen) — 1 h 5 m of business time left',
    goal: 'resolution',
    cycle: 1,
    deadline: '2026-11-23T15:05:00Z',
    remainingSeconds: 3900,
    alsoDue: [],
  },
  obligations,
  escalation: {
    level: 'none',
    reached: [],
    next: { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-75', threshold: '75 % of the time used', at: '2026-11-23T14:05:00Z' },
  },
};

const resolution75 = { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-75', threshold: '75 % of the time used' };
const overdue2h = { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-overdue-2h', threshold: '2 hours overdue' };

/** Five minutes later than the example: 75 % of the resolution time is used, and the service managers were told. */
export const escalated: IssuePanelView = {
  ...running,
  obligations: [
    obligations[0]!,
    { ...obligations[1]!, escalations: [{ ...obligations[1]!.escalations[0]!, reachedAt: '2026-11-23T14:05:00Z', dueAt: null }, obligations[1]!.escalations[1]!] },
    obligations[2]!,
    obligations[3]!,
  ],
  escalation: { level: 'reached', reached: [{ ...resolution75, at: '2026-11-23T14:05:00Z' }], next: { ...overdue2h, at: '2026-11-23T17:05:00Z' } },
};

/** After the agent raised it to P1: resolution now runs on the 24x7 calendar with a 4 h target, already over. */
export const raisedToP1: IssuePanelView = {
  ...running,
  computedAt: '2026-11-23T14:00:05Z',
  agreement: {
    ...agreement,
    priority: { id: 'p1', name: '1 – Critical', rank: 1 },
    why: [...agreement.why.slice(0, 4), 'Priority 1 – Critical of model 1–5 (rank 1)'],
  },
  guidance: {
    state: 'breached',
    text: 'Resolve the request — overdue since 12:00, 2 h of business time over',
    goal: 'resolution',
    cycle: 1,
    deadline: '2026-11-23T12:00:00Z',
    remainingSeconds: -7200,
    alsoDue: [],
  },
  obligations: [
    obligations[0]!,
    {
      ...obligations[1]!,
      targetSeconds: 14400, elapsedSeconds: 21600, remainingSeconds: -7200,
      breached: true, breachedAt: '2026-11-23T12:00:00Z', deadline: '2026-11-23T12:00:00Z', calendar: always,
      escalations: [
        { id: 'resolution-75', threshold: '75 % of the time used', reachedAt: '2026-11-23T14:00:00Z', dueAt: null },
        { id: 'resolution-overdue-2h', threshold: '2 hours overdue', reachedAt: '2026-11-23T14:00:00Z', dueAt: null },
      ],
    },
    obligations[2]!,
    obligations[3]!,
  ],
  escalation: { level: 'breached', reached: [{ ...resolution75, at: '2026-11-23T14:00:00Z' }, { ...overdue2h, at: '2026-11-23T14:00:00Z' }], next: null },
};

/** The customer was asked for details: the resolution clock stands still. */
export const waitingForCustomer: IssuePanelView = {
  ...running,
  guidance: {
    state: 'paused',
    text: 'Resolve the request — paused while the request is "Waiting for customer"',
    goal: 'resolution',
    cycle: 1,
    deadline: null,
    remainingSeconds: 3900,
    alsoDue: [],
  },
  obligations: [
    obligations[0]!,
    { ...obligations[1]!, state: 'paused', deadline: null, pausedBy: { kind: 'status', status: 'Waiting for customer' }, escalations: obligations[1]!.escalations.map((e) => ({ ...e, dueAt: null })) },
    obligations[3]!,
  ],
  escalation: { level: 'none', reached: [], next: null },
};

/** A request from an organization no customer is linked to. */
export const noAgreement: IssuePanelView = {
  supplierObligations: [],
  earlierCycles: [],
  issueKey: 'SUP-23',
  computedAt: '2026-11-23T13:58:00Z',
  configVersion: 3,
  agreement: null,
  howToFix: [
    "Add the request's JSM organization to a customer on the Contract SLA admin page (customer → organization id)",
    'Fill in the Environment field of the request',
  ],
  guidance: { state: 'none', text: 'No agreement applies to this request', goal: null, cycle: null, deadline: null, remainingSeconds: null, alsoDue: [] },
  obligations: [],
  escalation: { level: 'none', reached: [], next: null },
};
