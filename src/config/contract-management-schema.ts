// The structure of the contract-management fields (formats.md §6) as zod schemas: priority matrices, customer
// groups and sites, contracts with reminders, suppliers. Every field is optional and, when absent, stays absent in
// the validated bundle, so a bundle without them validates to exactly what it did before. How fields relate
// (references, cycles, complete matrices, dates in order) is checked on the raw input in contract-management.ts.
import { z } from 'zod';
import { explainBadCalendarPeriod, parseCalendarPeriod } from '../engine/calendar-period';
import type { Contract, MeasureIn, PriorityMatrix, ReminderTarget, Site, Supplier } from '../engine/types';
import { describeValue } from './issues';
import { explainBadDate, explainBadTarget, explainBadZone, explainBlank } from './leaf-rules';
import { closedObject, oneOf, rule } from './zod-messages';

const id = z.string().min(1);
const label = z.string().optional();

const date = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : `expected a date YYYY-MM-DD, got ${describeValue(issue.input)}`) })
  .superRefine(rule(explainBadDate));

export function explainBadPeriod(text: string): string | undefined {
  return parseCalendarPeriod(text) === undefined ? explainBadCalendarPeriod(text) : undefined;
}

const REMINDER_TARGETS = 'expected owner, group:NAME or user:ACCOUNT_ID';

/** Who a contract reminder tells: its owner (the contract manager), a Jira group or an account. */
export function explainBadReminderTarget(text: string): string | undefined {
  if (text === 'owner') return undefined;
  const named = /^(group|user):(.*)$/s.exec(text);
  if (named) {
    if (named[2]!.trim() !== '') return undefined;
    return named[1] === 'group' ? `${JSON.stringify(text)} names no group; expected group:NAME` : `${JSON.stringify(text)} names no account; expected user:ACCOUNT_ID`;
  }
  return `unknown reminder recipient ${JSON.stringify(text)}; ${REMINDER_TARGETS}`;
}

const period = z.string().superRefine(rule(explainBadPeriod));

/** A Jira issue key: a project key (a capital letter, then capitals, digits or `_`) and the issue's number. */
export function explainBadIssueKey(text: string): string | undefined {
  return /^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$/.test(text) ? undefined : `${JSON.stringify(text)} is not a Jira issue key such as CON-12`;
}

const level = closedObject({ id, label: z.string().superRefine(rule(explainBlank)), description: label });

const cellsError = (issue: { input?: unknown }): string =>
  issue.input === undefined ? 'required' : `expected an object of impact ids, each an object of urgency ids to priority ids, got ${describeValue(issue.input)}`;

export const priorityMatrix = closedObject({
  impact: z.array(level),
  urgency: z.array(level),
  cells: z.record(z.string(), z.record(z.string(), z.string(), { error: cellsError }), { error: cellsError }),
});

export const site = closedObject({
  id,
  name: label,
  timezone: z.string().superRefine(rule(explainBadZone)),
  calendar: z.string().optional(),
  organizationId: z.string().optional(),
});

export const measureIn = oneOf(['calendar', 'site'], 'measureIn');

const reminder = closedObject({
  id,
  before: oneOf(['notice', 'end'], 'reminder anchor'),
  offset: period,
  notify: z
    .array(z.string().superRefine(rule(explainBadReminderTarget)).transform((target) => target as ReminderTarget))
    .min(1, { error: `notifies no one; ${REMINDER_TARGETS}, or leave notify out to tell the owner` })
    .default(() => ['owner' as const]),
});

export const contract = closedObject({
  number: z.string().superRefine(rule(explainBlank)),
  owner: z.string().superRefine(rule(explainBlank)),
  issue: z.string().superRefine(rule(explainBadIssueKey)).optional(),
  start: date,
  end: z
    .string({ error: (issue) => `expected a date YYYY-MM-DD or null, got ${describeValue(issue.input)}` })
    .superRefine(rule(explainBadDate))
    .nullable()
    .default(null),
  noticePeriod: period.optional(),
  renewal: oneOf(['automatic', 'manual'], 'renewal kind').default('manual'),
  renewalTerm: period.optional(),
  terminatedOn: date.optional(),
  reminders: z.array(reminder).default(() => []),
});

const supplierTarget = closedObject({
  goal: z.string(),
  requestTypes: z.array(z.string()).optional(),
  priorities: z.array(z.string()).optional(),
  target: z.string().superRefine(rule(explainBadTarget)),
  calendar: z.string().optional(),
});

export const supplier = closedObject({
  id,
  name: label,
  calendar: z.string().optional(),
  contract: contract.optional(),
  targets: z.array(supplierTarget).default(() => []),
});

// Compile-time proof that the parsed shapes are the engine's types.
const _shapes: [
  (m: z.output<typeof priorityMatrix>) => PriorityMatrix,
  (s: z.output<typeof site>) => Site,
  (m: z.output<typeof measureIn>) => MeasureIn,
  (c: z.output<typeof contract>) => Contract,
  (s: z.output<typeof supplier>) => Supplier,
] = [(m) => m, (s) => s, (m) => m, (c) => c, (s) => s];
void _shapes;
