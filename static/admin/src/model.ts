// The configuration bundle as the forms edit it: the engine's own types (spec §1), new entries with sensible
// defaults, and renames that carry an id's references along so typing a better id never breaks an agreement.
import type {
  Action,
  ActionMatcher,
  ActionModel,
  Agreement,
  Calendar,
  ConfigBundle,
  Customer,
  Goal,
  HolidayCollection,
  PriorityModel,
  TargetRow,
  WeeklyHours,
} from '../../../src/engine/types';
import { WEEKDAYS } from '../../../src/engine/types';

export type { ConfigBundle } from '../../../src/engine/types';
export { WEEKDAYS };
export type { Weekday } from '../../../src/engine/types';

export const WEEKDAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

export const GOAL_ACTION_LISTS = ['start', 'stop', 'pause', 'resume', 'cancel'] as const;
export type GoalActionList = (typeof GOAL_ACTION_LISTS)[number];

export type { ConfigMeta, StoredConfigView as StoredConfig } from '../../../src/resolver-contract';

export function emptyBundle(): ConfigBundle {
  return { version: 1, holidayCollections: [], calendars: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [], agreements: [] };
}

/** A loaded bundle with every list present, so no form has to guard against an absent section. */
export function withAllSections(bundle: Partial<ConfigBundle> | undefined): ConfigBundle {
  return { ...emptyBundle(), ...(bundle ?? {}), version: 1 };
}

/** Edits work on a copy; the bundle is plain JSON, so a JSON round trip is an exact deep copy. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `base`, else `base-2`, `base-3`…: the first id not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

const ids = (list: Array<{ id: string }>): string[] => list.map((item) => item.id);

/** How an entry is named in explanations: its name in quotes, else its id. */
export function labelOf(entry: { id: string; name?: string }): string {
  return entry.name ? `“${entry.name}”` : `“${entry.id}”`;
}

/** The browser's zone is the likeliest office zone of whoever creates the calendar. */
function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function officeWeek(): WeeklyHours {
  const day = (): Array<[string, string]> => [['09:00', '17:00']];
  return { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] };
}

export function newCalendar(bundle: ConfigBundle): Calendar {
  return { id: uniqueId('calendar', ids(bundle.calendars)), name: 'New calendar', timezone: localZone(), week: officeWeek(), holidays: [] };
}

export function newHolidayCollection(bundle: ConfigBundle): HolidayCollection {
  return { id: uniqueId('holidays', ids(bundle.holidayCollections)), name: 'New holidays', days: [] };
}

export function newAction(bundle: ConfigBundle): Action {
  return { id: uniqueId('action', ids(bundle.actions)), name: 'New action', when: { event: 'created' } };
}

export function newActionModel(bundle: ConfigBundle): ActionModel {
  return { id: uniqueId('model', ids(bundle.actionModels)), name: 'New action model', pauseInStatuses: [] };
}

export function newGoal(bundle: ConfigBundle): Goal {
  return {
    id: uniqueId('goal', ids(bundle.goals)),
    name: 'New goal',
    actionModel: bundle.actionModels[0]?.id ?? '',
    internal: false,
    start: [],
    stop: [],
    pause: [],
    resume: [],
    cancel: [],
  };
}

export function newPriorityModel(bundle: ConfigBundle): PriorityModel {
  return { id: uniqueId('priorities', ids(bundle.priorityModels)), name: 'New priority model', priorities: [{ id: 'p1', name: 'Critical', rank: 1 }] };
}

export function newCustomer(bundle: ConfigBundle): Customer {
  return { id: uniqueId('customer', ids(bundle.customers)), name: 'New customer', environments: [{ name: 'Production', products: [] }] };
}

export function newAgreement(bundle: ConfigBundle): Agreement {
  const customer = bundle.customers[0];
  return {
    id: uniqueId('agreement', ids(bundle.agreements)),
    name: 'New agreement',
    customer: customer?.id ?? '',
    environment: customer?.environments[0]?.name ?? '',
    products: [],
    validFrom: new Date().toISOString().slice(0, 10),
    validTo: null,
    priorityModel: bundle.priorityModels[0]?.id ?? '',
    calendar: bundle.calendars[0]?.id ?? '',
    targets: [],
    escalations: [],
  };
}

export function newTargetRow(bundle: ConfigBundle): TargetRow {
  return { goal: bundle.goals[0]?.id ?? '', target: 'PT8H' };
}

/** A fresh matcher for an event type, with the one required filter of `field` present. */
export function matcherFor(event: ActionMatcher['event']): ActionMatcher {
  return event === 'field' ? { event, field: '' } : ({ event } as ActionMatcher);
}

// ---- renames ----

export type EntityKind = 'calendar' | 'holidayCollection' | 'action' | 'actionModel' | 'goal' | 'priorityModel' | 'customer' | 'agreement';

const LIST_OF: Record<EntityKind, keyof ConfigBundle> = {
  calendar: 'calendars',
  holidayCollection: 'holidayCollections',
  action: 'actions',
  actionModel: 'actionModels',
  goal: 'goals',
  priorityModel: 'priorityModels',
  customer: 'customers',
  agreement: 'agreements',
};

const replaceIn = (list: string[] | undefined, from: string, to: string): void => {
  list?.forEach((value, i) => {
    if (value === from) list[i] = to;
  });
};

/**
 * Changes the id of entry `index` of a section in `draft` and, when it was the only entry with the old id, every
 * reference to it as well (with a duplicate id the references were ambiguous; they are left for the validator).
 */
export function renameEntity(draft: ConfigBundle, kind: EntityKind, index: number, to: string): void {
  const list = draft[LIST_OF[kind]] as Array<{ id: string }>;
  const entry = list[index];
  if (!entry) return;
  const from = entry.id;
  entry.id = to;
  if (from === '' || from === to || list.some((other) => other.id === from)) return;
  switch (kind) {
    case 'calendar':
      for (const agreement of draft.agreements) {
        if (agreement.calendar === from) agreement.calendar = to;
        for (const row of agreement.targets) if (row.calendar === from) row.calendar = to;
      }
      for (const site of draft.customers.flatMap((c) => c.sites ?? [])) if (site.calendar === from) site.calendar = to;
      for (const supplier of draft.suppliers ?? []) {
        if (supplier.calendar === from) supplier.calendar = to;
        for (const row of supplier.targets) if (row.calendar === from) row.calendar = to;
      }
      break;
    case 'holidayCollection':
      for (const calendar of draft.calendars) replaceIn(calendar.holidays, from, to);
      break;
    case 'action':
      for (const goal of draft.goals) for (const name of GOAL_ACTION_LISTS) replaceIn(goal[name], from, to);
      break;
    case 'actionModel':
      for (const goal of draft.goals) if (goal.actionModel === from) goal.actionModel = to;
      break;
    case 'goal':
      for (const agreement of draft.agreements) {
        for (const row of agreement.targets) if (row.goal === from) row.goal = to;
        for (const escalation of agreement.escalations ?? []) if (escalation.goal === from) escalation.goal = to;
      }
      break;
    case 'priorityModel':
      for (const agreement of draft.agreements) if (agreement.priorityModel === from) agreement.priorityModel = to;
      break;
    case 'customer':
      for (const agreement of draft.agreements) if (agreement.customer === from) agreement.customer = to;
      // Members name their group by its id.
      for (const customer of draft.customers) if (customer.parent === from) customer.parent = to;
      break;
    case 'agreement':
      break; // nothing in the bundle refers to an agreement
  }
}

/** Renames a priority of a model and its mentions in the target rows of agreements on that model. */
export function renamePriority(draft: ConfigBundle, modelIndex: number, priorityIndex: number, to: string): void {
  const model = draft.priorityModels[modelIndex];
  const priority = model?.priorities[priorityIndex];
  if (!model || !priority) return;
  const from = priority.id;
  priority.id = to;
  if (from === '' || from === to || model.priorities.some((p) => p.id === from)) return;
  for (const agreement of draft.agreements) {
    if (agreement.priorityModel !== model.id) continue;
    for (const row of agreement.targets) replaceIn(row.priorities, from, to);
  }
  // The matrix's cells name the model's priorities too.
  for (const row of Object.values(model.matrix?.cells ?? {})) for (const [urgency, id] of Object.entries(row)) if (id === from) row[urgency] = to;
}

/** Renames a customer's environment and the agreements of that customer that name it. */
export function renameEnvironment(draft: ConfigBundle, customerIndex: number, environmentIndex: number, to: string): void {
  const customer = draft.customers[customerIndex];
  const environment = customer?.environments[environmentIndex];
  if (!customer || !environment) return;
  const from = environment.name;
  environment.name = to;
  if (from === '' || customer.environments.some((e) => e.name === from)) return;
  for (const agreement of draft.agreements) {
    if (agreement.customer === customer.id && agreement.environment === from) agreement.environment = to;
  }
}

/** Moves list[index] one place up (-1) or down (+1); out-of-range moves do nothing. */
export function move<T>(list: T[], index: number, by: -1 | 1): void {
  const other = index + by;
  if (index < 0 || other < 0 || index >= list.length || other >= list.length) return;
  [list[index], list[other]] = [list[other]!, list[index]!];
}

/** Sets an optional list, removing the key when empty: absent means "any" in the spec, an empty list would not. */
export function setOptionalList<K extends string>(target: { [key in K]?: string[] }, key: K, values: string[]): void {
  if (values.length === 0) delete target[key];
  else target[key] = values;
}
