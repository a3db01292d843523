// The structure of the configuration bundle (spec §1) as zod schemas: types, required fields, closed word sets and
// single-value rules (times, dates, zones, durations, preset countries), plus the defaults that make every list
// present in the output. Anything that relates two values (interval order, references, duplicates) is checked in
// plain TypeScript on the raw input (bundle-hours.ts, bundle-references.ts) so it is reported even when some
// unrelated part of the bundle is structurally broken. Every object is closed: a field it does not know (a typo, or
// a field of a newer format version) is refused at its path rather than dropped.
import { z } from 'zod';
import type { ActionEvent, ConfigBundle, EscalationWhen, NotifyTarget } from '../engine/types';
import { HOLIDAY_TYPES, explainBadPresetCountry } from '../engine/holidays';
import { describeValue } from './issues';
import {
  explainBadDate,
  explainBadEnd,
  explainBadNotifyTarget,
  explainBadAtRiskPercent,
  explainBadPercent,
  explainBadStart,
  explainBadTarget,
  explainBadZone,
  explainBlank,
} from './leaf-rules';
import * as contractManagement from './contract-management-schema';
import { developmentTerms, productVersion } from './development-schema';
import { reportSchedule } from './report-schedule-schema';
import { closedObject, oneOf, rule } from './zod-messages';

const id = z.string().min(1);
const label = z.string().optional();
const strings = z.array(z.string());
/** A list that may be absent; a fresh array each time so callers can never share (and mutate) a default. */
const listOf = <T extends z.ZodType>(item: T) => z.array(item).default(() => []);

/** Matcher filters may name one value or several: `"to": "Done"` means `"to": ["Done"]`. */
const oneOrMany = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.string(), {
    error: (issue) => `expected a string or a list of strings, got ${describeValue(issue.input)}`,
  }),
);

const date = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : `expected a date YYYY-MM-DD, got ${describeValue(issue.input)}`) })
  .superRefine(rule(explainBadDate));

const optionalEndDate = z
  .string({ error: (issue) => `expected a date YYYY-MM-DD or null, got ${describeValue(issue.input)}` })
  .superRefine(rule(explainBadDate))
  .nullable()
  .default(null);

const interval = z.tuple([z.string().superRefine(rule(explainBadStart)), z.string().superRefine(rule(explainBadEnd))], {
  error: (issue) =>
    issue.input === undefined
      ? 'required'
      : `expected an interval ["HH:MM", "HH:MM"], got ${Array.isArray(issue.input) ? `a list of ${issue.input.length}` : describeValue(issue.input)}`,
});

/** A day's opening intervals; an absent day is closed. */
const day = listOf(interval);

const holidayCollection = closedObject({
  id,
  name: label,
  preset: closedObject({
    country: z.string().superRefine(rule(explainBadPresetCountry)),
    // Public holidays are what "closed on holidays" means unless the admin asks for more.
    types: z.array(oneOf(HOLIDAY_TYPES, 'holiday type')).default(() => ['public' as const]),
  }).optional(),
  days: listOf(closedObject({ date, name: label, hours: z.array(interval).optional() })),
});

const calendar = closedObject({
  id,
  name: label,
  timezone: z.string().superRefine(rule(explainBadZone)),
  week: closedObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  holidays: listOf(z.string()),
});

const priorityModel = closedObject({
  id,
  name: label,
  priorities: listOf(
    closedObject({ id, name: label, rank: z.number(), description: label, colour: label }),
  ),
  matrix: contractManagement.priorityMatrix.optional(),
});

const EVENTS = ['created', 'status', 'comment', 'resolution', 'priority', 'field'] as const satisfies readonly ActionEvent[];

/**
 * The event is checked first on its own so that an unknown one is reported at `when.event` with the list of
 * known events (a discriminated union alone would only say "no match" at `when`); the matcher's filters after.
 */
const when = z.looseObject({ event: oneOf(EVENTS, 'event') }).pipe(
  z.discriminatedUnion('event', [
    closedObject({ event: z.literal('created') }),
    closedObject({
      event: z.literal('status'),
      from: oneOrMany.optional(),
      to: oneOrMany.optional(),
      toCategory: oneOf(['new', 'indeterminate', 'done'], 'status category').optional(),
    }),
    closedObject({
      event: z.literal('comment'),
      visibility: oneOf(['public', 'internal'], 'visibility').optional(),
      author: oneOf(['agent', 'customer'], 'author').optional(),
    }),
    closedObject({ event: z.literal('resolution'), set: z.boolean().optional() }),
    closedObject({ event: z.literal('priority'), to: oneOrMany.optional() }),
    closedObject({ event: z.literal('field'), field: z.string(), to: oneOrMany.optional() }),
  ]),
);

const action = closedObject({ id, name: label, when });

const actionModel = closedObject({ id, name: label, pauseInStatuses: listOf(z.string()) });

const goal = closedObject({
  id,
  name: label,
  actionModel: z.string(),
  internal: z.boolean().default(false),
  start: listOf(z.string()),
  stop: listOf(z.string()),
  pause: listOf(z.string()),
  resume: listOf(z.string()),
  cancel: listOf(z.string()),
  guidance: label,
  customerLabel: label,
  supplier: z.string().optional(),
});

const settings = closedObject({
  atRiskPercent: z.number().superRefine(rule(explainBadAtRiskPercent)).optional(),
});

const customer = closedObject({
  id,
  name: label,
  organizationId: z.string().optional(),
  environments: listOf(
    closedObject({ name: z.string(), products: listOf(closedObject({ name: z.string(), version: productVersion.optional() })) }),
  ),
  parent: z.string().optional(),
  sites: z.array(contractManagement.site).optional(),
});

const targetRow = closedObject({
  goal: z.string(),
  requestTypes: strings.optional(),
  priorities: strings.optional(),
  target: z.string().superRefine(rule(explainBadTarget)),
  calendar: z.string().optional(),
});

/**
 * Each threshold is checked on its own here; that exactly one is given relates the three, so bundle-escalations.ts
 * checks it on the raw input, and every bundle that validates has exactly one.
 */
const escalationWhen = closedObject({
  elapsedPercent: z.number().superRefine(rule(explainBadPercent)).optional(),
  remaining: z.string().superRefine(rule(explainBadTarget)).optional(),
  overdue: z.string().superRefine(rule(explainBadTarget)).optional(),
}).transform((when) => when as EscalationWhen);

const escalation = closedObject({
  id,
  goal: z.string(),
  when: escalationWhen,
  notify: listOf(z.string().superRefine(rule(explainBadNotifyTarget)).transform((target) => target as NotifyTarget)),
  comment: closedObject({ visibility: oneOf(['internal', 'public'], 'visibility'), text: z.string().superRefine(rule(explainBlank)) }).optional(),
});

const agreement = closedObject({
  id,
  name: label,
  customer: z.string(),
  environment: z.string(),
  products: listOf(z.string()),
  validFrom: date,
  validTo: optionalEndDate,
  priorityModel: z.string(),
  calendar: z.string(),
  targets: listOf(targetRow),
  escalations: listOf(escalation),
  measureIn: contractManagement.measureIn.optional(),
  renews: z.string().optional(),
  contract: contractManagement.contract.optional(),
  report: reportSchedule.optional(),
  development: developmentTerms.optional(),
});

export const bundleSchema = closedObject(
  {
    version: z.literal(1, {
      error: (issue) => (issue.input === undefined ? 'required' : `unsupported version ${describeValue(issue.input)}; expected 1`),
    }),
    holidayCollections: listOf(holidayCollection),
    calendars: listOf(calendar),
    priorityModels: listOf(priorityModel),
    actions: listOf(action),
    actionModels: listOf(actionModel),
    goals: listOf(goal),
    customers: listOf(customer),
    agreements: listOf(agreement),
    suppliers: z.array(contractManagement.supplier).optional(),
    settings: settings.optional(),
  },
  { error: (issue) => `expected a configuration bundle (a JSON object), got ${describeValue(issue.input)}` },
);

/** The bundle's sections in document order, for ordering issues. */
export const BUNDLE_SECTIONS = [
  'version',
  'holidayCollections',
  'calendars',
  'priorityModels',
  'actions',
  'actionModels',
  'goals',
  'customers',
  'agreements',
  'suppliers',
  'settings',
] as const;

// Compile-time proof that what the schema produces is the engine's validated bundle type.
export type ParsedBundle = z.output<typeof bundleSchema>;
const _sameShape: (parsed: ParsedBundle) => ConfigBundle = (parsed) => parsed;
void _sameShape;
