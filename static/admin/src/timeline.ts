// The issue timeline the simulator replays (spec §2), as the form edits it: instants as typed text, optional
// fields possibly empty. `toTimelineJson` turns it into what the resolver expects.
import type { ConfigBundle } from './model';
import { addMinutes, nowIn } from './format';

export type EventType = 'created' | 'status' | 'comment' | 'resolution' | 'priority' | 'field';

export interface EventDraft {
  at: string;
  type: EventType;
  status?: string;
  from?: string | null;
  to?: string | null;
  toCategory?: string;
  visibility?: string;
  author?: string;
  field?: string;
}

export interface IssueDraft {
  key: string;
  requestType?: string;
  customer?: string;
  environment?: string;
  product?: string;
  priority?: string;
  created: string;
}

export interface TimelineDraft {
  issue: IssueDraft;
  events: EventDraft[];
}

/** A request created two hours ago, its instants written in the viewer's zone. */
export function emptyTimeline(zone: string, now = Date.now()): TimelineDraft {
  const created = nowIn(zone, now - 2 * 3_600_000);
  return { issue: { key: 'SIM-1', created }, events: [{ at: created, type: 'created', status: 'Open' }] };
}

/** A new event of a type, an hour after the last one, with the fields its type requires. */
export function newEvent(type: EventType, timeline: TimelineDraft): EventDraft {
  const last = timeline.events[timeline.events.length - 1]?.at ?? timeline.issue.created;
  const at = addMinutes(last, 60) ?? last;
  switch (type) {
    case 'created':
      return { at: timeline.issue.created, type, status: 'Open' };
    case 'status':
      return { at, type, to: '' };
    case 'comment':
      return { at, type, visibility: 'public', author: 'agent' };
    case 'resolution':
      return { at, type, to: 'Done' };
    case 'priority':
      return { at, type, to: '' };
    case 'field':
      return { at, type, field: '', to: '' };
  }
}

/** The fields each event type carries; anything else is dropped when the type changes or the JSON is built. */
const FIELDS: Record<EventType, Array<keyof EventDraft>> = {
  created: ['status'],
  status: ['from', 'to', 'toCategory'],
  comment: ['visibility', 'author'],
  resolution: ['to'],
  priority: ['from', 'to'],
  field: ['field', 'from', 'to'],
};

/**
 * The timeline as JSON for `admin/simulate`. Optional fields left empty are omitted (an empty product would be a
 * product named ""); a resolution's empty `to` means the resolution was cleared (null).
 */
export function toTimelineJson(draft: TimelineDraft): Record<string, unknown> {
  const issue: Record<string, unknown> = { key: draft.issue.key, created: draft.issue.created };
  for (const key of ['requestType', 'customer', 'environment', 'product', 'priority'] as const) {
    const value = draft.issue[key];
    if (value !== undefined && value !== '') issue[key] = value;
  }
  const events = draft.events.map((event) => {
    const out: Record<string, unknown> = { at: event.at, type: event.type };
    for (const key of FIELDS[event.type]) {
      const value = event[key];
      if (event.type === 'resolution' && key === 'to') out.to = value === '' || value === undefined ? null : value;
      else if (event.type === 'status' && key === 'to') out.to = value ?? '';
      else if (event.type === 'priority' && key === 'to') out.to = value ?? '';
      else if (value !== undefined && value !== null && value !== '') out[key] = value;
    }
    return out;
  });
  return { issue, events };
}

/** Reads pasted timeline JSON into the form; fields of the wrong type become text so nothing is lost silently. */
export function fromTimelineJson(value: unknown): TimelineDraft | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as { issue?: Record<string, unknown>; events?: unknown };
  const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  const issue = raw.issue ?? {};
  const events = Array.isArray(raw.events) ? raw.events : [];
  return {
    issue: {
      key: text(issue.key) ?? '',
      requestType: text(issue.requestType),
      customer: text(issue.customer),
      environment: text(issue.environment),
      product: text(issue.product),
      priority: text(issue.priority),
      created: text(issue.created) ?? '',
    },
    events: events.map((e): EventDraft => {
      const ev = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      const type = (Object.keys(FIELDS).includes(String(ev.type)) ? ev.type : 'created') as EventType;
      const out: EventDraft = { at: text(ev.at) ?? '', type };
      for (const key of FIELDS[type]) {
        if (key in ev) (out as unknown as Record<string, unknown>)[key] = ev[key] === null ? null : text(ev[key]);
      }
      return out;
    }),
  };
}

/** The issue fields an agreement implies: its customer, environment, a product and request type and priority it covers. */
export function issueForAgreement(bundle: ConfigBundle, agreementId: string, requestTypes: readonly string[], issue: IssueDraft): IssueDraft {
  const agreement = bundle.agreements.find((a) => a.id === agreementId);
  if (!agreement) return issue;
  const customer = bundle.customers.find((c) => c.id === agreement.customer);
  const environment = customer?.environments.find((e) => e.name === agreement.environment);
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const rowTypes = agreement.targets.find((r) => r.requestTypes && r.requestTypes.length > 0)?.requestTypes;
  return {
    ...issue,
    customer: agreement.customer,
    environment: agreement.environment,
    product: agreement.products[0] ?? environment?.products[0]?.name ?? '',
    requestType: rowTypes?.[0] ?? requestTypes[0] ?? issue.requestType ?? '',
    priority: model?.priorities[0]?.id ?? '',
  };
}
