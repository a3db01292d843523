// A plan of realistic service-desk activity on the demo site: customers of ACME and Fjord raise requests in office
// hours, agents answer, ask and wait, resolve, are sometimes late, re-classify a priority or see a request reopened.
// The plan is plain data, the same for a seed: the sandbox's first start (offline/sandbox/history.ts), tests and
// benchmarks play it live, step by step as the clock moves, so the app sees every event as it happens.
import { DateTime } from 'luxon';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from './seed';
import type { JsmDouble } from './jsm-double';

const ZONE = 'Europe/Copenhagen';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One thing that happens to the request planned as number `ref` (0-based, in order of creation). */
export type PlannedStep =
  | { at: number; kind: 'create'; ref: number; reporter: string; requestTypeId: string; summary: string; environment: string; product: string; priority: string }
  | { at: number; kind: 'comment'; ref: number; author: string; public: boolean; body: string }
  | { at: number; kind: 'status'; ref: number; status: string; by: string }
  | { at: number; kind: 'priority'; ref: number; priority: string; by: string }
  | { at: number; kind: 'assign'; ref: number; assignee: string; by: string };

export interface HistoryOptions {
  /** Requests are raised on the working days in [from, to); nothing planned happens at or after `to`. */
  from: number;
  to: number;
  /** Same seed, same plan. */
  seed: number;
  /** On average, per working day. */
  requestsPerDay: number;
}

/** A small, fast, seedable generator (mulberry32): the plan must not depend on Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const a = DEMO_ACCOUNTS;
const CUSTOMERS = [
  { account: a.sofie, organization: 'acme' },
  { account: a.anders, organization: 'acme' },
  { account: a.karen, organization: 'fjord' },
  { account: a.jens, organization: 'fjord' },
] as const;
const AGENTS = [a.lars, a.mette];

const SUMMARIES: Record<string, string[]> = {
  Payroll: ['Payroll export to the bank fails', 'Payslips show the wrong holiday pay', 'Pension deduction missing for new hires', 'Salary run stops at step 4', 'Tax card import rejected', 'Overtime not carried to the payslip'],
  Fleet: ['Vehicles missing from the live map', 'Driver app cannot sync routes', 'Fuel report shows last week', 'Tachograph upload fails', 'Geofence alerts arrive late', 'Trailer list empty after update'],
  HR: ['New department cannot be added', 'Holiday balance wrong after import', 'Manager cannot approve absence', 'Employee photo upload fails', 'Onboarding checklist missing steps', 'Org chart shows old managers'],
};
const ASKS = ['Could you send us a screenshot of the error?', 'Which users are affected?', 'Can you confirm the time it last happened?', 'Could you try again after clearing the cache?'];
const ANSWERS = ['Here is the screenshot.', 'It affects the whole finance team.', 'It happened again at 09:10 today.', 'Still the same after clearing the cache.'];
const REPLIES = ['Thank you, we are looking into it now.', 'We have reproduced the problem and are working on a fix.', 'A colleague is on it; we will update you shortly.'];
const FIXES = ['Fixed and deployed; please confirm on your side.', 'The configuration is corrected; it works again.', 'Resolved with the patch released today.'];
const NOTES = ['Looks like the integration timeout again.', 'Checked the logs: started after the last deploy.', 'Asked the vendor for details.'];

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/** Weighted choice: `[[value, weight], …]`. */
function weighted<T>(next: () => number, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** The instant, moved into office hours (Mon–Fri 08:00–16:00 in Copenhagen) when it falls outside them. */
function inOfficeHours(instant: number, next: () => number): number {
  let t = DateTime.fromMillis(instant, { zone: ZONE });
  if (t.hour >= 16) t = t.plus({ days: 1 }).set({ hour: 8, minute: Math.floor(next() * 50), second: 0, millisecond: 0 });
  else if (t.hour < 8) t = t.set({ hour: 8, minute: Math.floor(next() * 50), second: 0, millisecond: 0 });
  while (t.weekday > 5) t = t.plus({ days: 1 }).set({ hour: 8, minute: Math.floor(next() * 50), second: 0, millisecond: 0 });
  return t.toMillis();
}

/** The working days (Mon–Fri) in [from, to), each at its local midnight. */
function workingDays(from: number, to: number): DateTime[] {
  const days: DateTime[] = [];
  for (let day = DateTime.fromMillis(from, { zone: ZONE }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) if (day.weekday <= 5) days.push(day);
  return days;
}

/** The plan, steps in time order (requests numbered in order of creation). */
export function planHistory(options: HistoryOptions): PlannedStep[] {
  const next = random(options.seed);
  const steps: PlannedStep[] = [];
  let ref = 0;
  for (const day of workingDays(options.from, options.to)) {
    const count = Math.round(options.requestsPerDay * (0.4 + 1.2 * next()));
    for (let i = 0; i < count; i++) {
      const created = day.set({ hour: 7, minute: 30 }).toMillis() + Math.floor(next() * 9.5 * 60) * MINUTE;
      if (created < options.from || created >= options.to) continue;
      planRequest(ref++, created, next, steps);
    }
  }
  return steps.filter((step) => step.at < options.to).sort((x, y) => x.at - y.at || x.ref - y.ref);
}

function planRequest(ref: number, created: number, next: () => number, steps: PlannedStep[]): void {
  const customer = pick(next, CUSTOMERS);
  const acme = customer.organization === 'acme';
  const environment = acme ? weighted(next, [['Production', 7], ['UAT', 3]] as const) : weighted(next, [['Production', 6], ['Test', 3], ['Training', 1]] as const);
  const product = acme ? weighted(next, [['Payroll', 8], ['HR', 2]] as const) : weighted(next, [['Fleet', 6], ['HR', 4]] as const);
  const requestTypeId = weighted(next, [[DEMO_REQUEST_TYPES.incident, 5], [DEMO_REQUEST_TYPES.serviceRequest, 3], [DEMO_REQUEST_TYPES.question, 2]] as const);
  const priority = acme ? weighted(next, [['p1', 1], ['p2', 4], ['p3', 8], ['p4', 5], ['p5', 2]] as const) : weighted(next, [['red', 1], ['yellow', 4], ['green', 5]] as const);
  const urgent = priority === 'p1' || priority === 'red';
  const agent = pick(next, AGENTS);
  steps.push({ at: created, kind: 'create', ref, reporter: customer.account, requestTypeId, summary: pick(next, SUMMARIES[product]!), environment, product, priority });
  // The first public reply: minutes for urgent requests, hours otherwise; one in eight is late.
  const late = next() < 0.125;
  const replyAfter = (urgent ? 5 + next() * 20 : 20 + next() * 150) * MINUTE * (late ? 6 : 1);
  let t = inOfficeHours(created + replyAfter, next);
  // The agent who answers takes the request first, so the desk's figures can be read by assignee. No draw of the
  // generator: the plan's requests and times are those of the same seed without it.
  steps.push({ at: t - 3 * MINUTE, kind: 'assign', ref, assignee: agent, by: agent });
  if (next() < 0.3) steps.push({ at: t - 2 * MINUTE, kind: 'comment', ref, author: agent, public: false, body: pick(next, NOTES) });
  steps.push({ at: t, kind: 'comment', ref, author: agent, public: true, body: pick(next, REPLIES) });
  steps.push({ at: t + MINUTE, kind: 'status', ref, status: 'In Progress', by: agent });
  t += 2 * MINUTE;
  if (next() < 0.1) {
    const raised = acme ? ({ p2: 'p1', p3: 'p2', p4: 'p3', p5: 'p4' } as Record<string, string>)[priority] : ({ yellow: 'red', green: 'yellow' } as Record<string, string>)[priority];
    if (raised) steps.push({ at: t + 20 * MINUTE, kind: 'priority', ref, priority: raised, by: agent });
  }
  if (next() < 0.35) {
    t = inOfficeHours(t + (30 + next() * 180) * MINUTE, next);
    steps.push({ at: t, kind: 'comment', ref, author: agent, public: true, body: pick(next, ASKS) });
    steps.push({ at: t + MINUTE, kind: 'status', ref, status: 'Waiting for customer', by: agent });
    t = inOfficeHours(t + (2 + next() * 40) * HOUR, next);
    steps.push({ at: t, kind: 'comment', ref, author: customer.account, public: true, body: pick(next, ANSWERS) });
    steps.push({ at: t + 10 * MINUTE, kind: 'status', ref, status: 'In Progress', by: agent });
    t += 11 * MINUTE;
  }
  // One in ten stays open; the rest are fixed after hours to days (later still when it went badly).
  if (next() < 0.1) return;
  const fixAfter = (urgent ? 1 + next() * 6 : 2 + next() * 30) * HOUR * (late ? 2 : 1);
  t = inOfficeHours(t + fixAfter, next);
  steps.push({ at: t, kind: 'comment', ref, author: agent, public: true, body: pick(next, FIXES) });
  steps.push({ at: t + MINUTE, kind: 'status', ref, status: 'Resolved', by: agent });
  if (next() < 0.08) {
    t = inOfficeHours(t + (3 + next() * 30) * HOUR, next);
    steps.push({ at: t, kind: 'comment', ref, author: customer.account, public: true, body: 'It is happening again.' });
    steps.push({ at: t + 15 * MINUTE, kind: 'status', ref, status: 'In Progress', by: agent });
    t = inOfficeHours(t + (2 + next() * 20) * HOUR, next);
    steps.push({ at: t, kind: 'comment', ref, author: agent, public: true, body: pick(next, FIXES) });
    steps.push({ at: t + MINUTE, kind: 'status', ref, status: 'Resolved', by: agent });
  }
}

/** Carries out one step on the site; the contract priority is re-classified as the app does it (its own field). */
export function applyStep(double: JsmDouble, step: PlannedStep, keys: string[]): void {
  switch (step.kind) {
    case 'create': {
      const issue = double.createRequest({
        requestTypeId: step.requestTypeId,
        reporter: step.reporter,
        summary: step.summary,
        fieldValues: { environment: step.environment, product: step.product },
        contractPriority: { priority: step.priority },
      });
      keys[step.ref] = issue.key;
      return;
    }
    case 'comment':
      double.addComment(keys[step.ref]!, { author: step.author, body: step.body, public: step.public });
      return;
    case 'status':
      double.transition(keys[step.ref]!, step.status, { by: step.by });
      return;
    case 'priority':
      if (double.customField('contract-priority')) double.setFieldValue(keys[step.ref]!, 'contract-priority', step.priority);
      return;
    case 'assign':
      double.assign(keys[step.ref]!, step.assignee, { by: step.by });
      return;
  }
}
