// Cross-references of the bundle (spec §1): ids unique within their list, every reference naming an existing
// entry, target priorities from the agreement's priority model, the agreement's environment among its customer's,
// validTo after validFrom, escalations on goals the agreement has a target row for. Plain TypeScript on the raw
// input; values of the wrong type are skipped (zod reports them), and a reference to an entry that exists but is
// itself broken is not reported again.
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { isCalendarDate } from './leaf-rules';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf, type RawRecord } from './raw';

export interface Entry {
  index: number;
  record: RawRecord;
}

/** The first entry for each id; later ones are duplicates. */
export type Index = Map<string, Entry>;

export function indexById(list: unknown, path: PathSegment[], out: PathIssue[], key = 'id', noun = 'id'): Index {
  const index: Index = new Map();
  for (const [i, record] of recordsOf(list)) {
    const id = textOf(fieldOf(record, key));
    if (id === undefined) continue;
    const first = index.get(id);
    if (first === undefined) index.set(id, { index: i, record });
    else out.push(issueAt([...path, i, key], `duplicate ${noun} "${id}" (also ${formatPath([...path, first.index])})`, id));
  }
  return index;
}

/** Lists the known ids when there are few, so a typo is easy to spot. */
export function known(index: Index, noun: string): string {
  if (index.size === 0) return `; there are no ${noun}`;
  if (index.size > 10) return '';
  return `; known: ${[...index.keys()].join(', ')}`;
}

export function checkRef(value: unknown, index: Index, path: PathSegment[], noun: string, plural: string, out: PathIssue[]): Entry | undefined {
  const id = textOf(value);
  if (id === undefined) return undefined;
  const entry = index.get(id);
  if (entry === undefined) out.push(issueAt(path, `unknown ${noun} "${id}"${known(index, plural)}`, id));
  return entry;
}

interface Indexes {
  holidayCollections: Index;
  calendars: Index;
  priorityModels: Index;
  actions: Index;
  actionModels: Index;
  goals: Index;
  customers: Index;
}

const GOAL_ACTION_LISTS = ['start', 'stop', 'pause', 'resume', 'cancel'] as const;

export function priorityIds(model: RawRecord): Set<string> {
  const ids = new Set<string>();
  for (const [, priority] of recordsOf(fieldOf(model, 'priorities'))) {
    const id = textOf(fieldOf(priority, 'id'));
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

function checkTargetPriorities(
  priorities: unknown,
  modelId: string,
  model: RawRecord,
  models: Index,
  path: PathSegment[],
  out: PathIssue[],
): void {
  const own = priorityIds(model);
  itemsOf(priorities).forEach((value, k) => {
    const id = textOf(value);
    if (id === undefined || own.has(id)) return;
    const owner = [...models].find(([, entry]) => priorityIds(entry.record).has(id));
    const message =
      owner === undefined
        ? `unknown priority "${id}"; priority model "${modelId}" has ${[...own].join(', ') || 'no priorities'}`
        : `priority "${id}" belongs to priority model "${owner[0]}", not to the agreement's model "${modelId}"`;
    out.push(issueAt([...path, k], message, id));
  });
}

function checkAgreement(agreement: RawRecord, path: PathSegment[], ix: Indexes, out: PathIssue[]): void {
  const customer = checkRef(fieldOf(agreement, 'customer'), ix.customers, [...path, 'customer'], 'customer', 'customers', out);
  const modelId = textOf(fieldOf(agreement, 'priorityModel'));
  const model = checkRef(modelId, ix.priorityModels, [...path, 'priorityModel'], 'priority model', 'priority models', out);
  checkRef(fieldOf(agreement, 'calendar'), ix.calendars, [...path, 'calendar'], 'calendar', 'calendars', out);

  // A customer without environments listed accepts any environment name; otherwise it must be one of them.
  const environment = textOf(fieldOf(agreement, 'environment'));
  if (customer !== undefined && environment !== undefined) {
    const names = recordsOf(fieldOf(customer.record, 'environments'))
      .map(([, env]) => textOf(fieldOf(env, 'name')))
      .filter((name): name is string => name !== undefined);
    if (names.length > 0 && !names.includes(environment)) {
      const customerId = textOf(fieldOf(agreement, 'customer')) ?? '';
      out.push(issueAt([...path, 'environment'], `customer "${customerId}" has no environment "${environment}"; it has ${names.join(', ')}`, environment));
    }
  }

  const from = fieldOf(agreement, 'validFrom');
  const to = fieldOf(agreement, 'validTo');
  // Same-format dates compare correctly as text.
  if (isCalendarDate(from) && isCalendarDate(to) && to <= from) {
    out.push(issueAt([...path, 'validTo'], `${to} is not after validFrom ${from}`, to));
  }

  for (const [t, row] of recordsOf(fieldOf(agreement, 'targets'))) {
    const rowPath = [...path, 'targets', t];
    checkRef(fieldOf(row, 'goal'), ix.goals, [...rowPath, 'goal'], 'goal', 'goals', out);
    const calendar = fieldOf(row, 'calendar');
    if (calendar !== undefined) checkRef(calendar, ix.calendars, [...rowPath, 'calendar'], 'calendar', 'calendars', out);
    if (model !== undefined && modelId !== undefined) {
      checkTargetPriorities(fieldOf(row, 'priorities'), modelId, model.record, ix.priorityModels, [...rowPath, 'priorities'], out);
    }
  }
}

/** Goals the agreement's target rows measure, in row order, once each. */
function targetedGoals(agreement: RawRecord): string[] {
  const goals = recordsOf(fieldOf(agreement, 'targets'))
    .map(([, row]) => textOf(fieldOf(row, 'goal')))
    .filter((goal): goal is string => goal !== undefined);
  return [...new Set(goals)];
}

/** An escalation names a known goal the agreement has a target for; its id is unique within the agreement. */
function checkEscalationRefs(agreement: RawRecord, path: PathSegment[], goals: Index, out: PathIssue[]): void {
  const escalations = fieldOf(agreement, 'escalations');
  indexById(escalations, [...path, 'escalations'], out);
  const targeted = targetedGoals(agreement);
  for (const [e, escalation] of recordsOf(escalations)) {
    const goalPath = [...path, 'escalations', e, 'goal'];
    const goal = textOf(fieldOf(escalation, 'goal'));
    if (checkRef(goal, goals, goalPath, 'goal', 'goals', out) === undefined || targeted.includes(goal!)) continue;
    const others = targeted.length === 0 ? 'it has no target rows' : `goals with one: ${targeted.join(', ')}`;
    out.push(issueAt(goalPath, `goal "${goal!}" has no target row in this agreement; ${others}`, goal));
  }
}

export function checkReferences(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  const section = (name: string): unknown => fieldOf(bundle, name);
  const ix: Indexes = {
    holidayCollections: indexById(section('holidayCollections'), ['holidayCollections'], out),
    calendars: indexById(section('calendars'), ['calendars'], out),
    priorityModels: indexById(section('priorityModels'), ['priorityModels'], out),
    actions: indexById(section('actions'), ['actions'], out),
    actionModels: indexById(section('actionModels'), ['actionModels'], out),
    goals: indexById(section('goals'), ['goals'], out),
    customers: indexById(section('customers'), ['customers'], out),
  };
  indexById(section('agreements'), ['agreements'], out);

  for (const [i, calendar] of recordsOf(section('calendars'))) {
    itemsOf(fieldOf(calendar, 'holidays')).forEach((value, k) =>
      checkRef(value, ix.holidayCollections, ['calendars', i, 'holidays', k], 'holiday collection', 'holiday collections', out),
    );
  }
  for (const [i, model] of recordsOf(section('priorityModels'))) {
    indexById(fieldOf(model, 'priorities'), ['priorityModels', i, 'priorities'], out);
  }
  for (const [i, goal] of recordsOf(section('goals'))) {
    checkRef(fieldOf(goal, 'actionModel'), ix.actionModels, ['goals', i, 'actionModel'], 'action model', 'action models', out);
    for (const list of GOAL_ACTION_LISTS) {
      itemsOf(fieldOf(goal, list)).forEach((value, k) => checkRef(value, ix.actions, ['goals', i, list, k], 'action', 'actions', out));
    }
  }
  for (const [i, customer] of recordsOf(section('customers'))) {
    indexById(fieldOf(customer, 'environments'), ['customers', i, 'environments'], out, 'name', 'environment');
  }
  for (const [i, agreement] of recordsOf(section('agreements'))) {
    checkAgreement(agreement, ['agreements', i], ix, out);
    checkEscalationRefs(agreement, ['agreements', i], ix.goals, out);
  }
  return out;
}
