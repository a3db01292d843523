// Where an entry is still referenced. Deleting a referenced entry would leave the bundle invalid (and the backend
// refuses to save it), so the forms refuse the deletion up front and say where the entry is used.
import { GOAL_ACTION_LISTS, labelOf, type ConfigBundle } from './model';

const rowLabel = (index: number, agreement: { id: string; name?: string }): string => `target row ${index + 1} of agreement ${labelOf(agreement)}`;

export function calendarUsage(bundle: ConfigBundle, id: string): string[] {
  const out: string[] = [];
  for (const agreement of bundle.agreements) {
    if (agreement.calendar === id) out.push(`agreement ${labelOf(agreement)}`);
    agreement.targets.forEach((row, i) => {
      if (row.calendar === id) out.push(rowLabel(i, agreement));
    });
  }
  for (const customer of bundle.customers) for (const site of customer.sites ?? []) if (site.calendar === id) out.push(`site ${site.name ?? site.id} of ${labelOf(customer)}`);
  for (const supplier of bundle.suppliers ?? []) if (supplier.calendar === id || supplier.targets.some((row) => row.calendar === id)) out.push(`supplier ${labelOf(supplier)}`);
  return out;
}

export function holidayCollectionUsage(bundle: ConfigBundle, id: string): string[] {
  return bundle.calendars.filter((c) => (c.holidays ?? []).includes(id)).map((c) => `calendar ${labelOf(c)}`);
}

export function actionUsage(bundle: ConfigBundle, id: string): string[] {
  const out: string[] = [];
  for (const goal of bundle.goals) {
    const lists = GOAL_ACTION_LISTS.filter((list) => (goal[list] ?? []).includes(id));
    if (lists.length > 0) out.push(`goal ${labelOf(goal)} (${lists.join(', ')})`);
  }
  return out;
}

export function actionModelUsage(bundle: ConfigBundle, id: string): string[] {
  return bundle.goals.filter((g) => g.actionModel === id).map((g) => `goal ${labelOf(g)}`);
}

export function goalUsage(bundle: ConfigBundle, id: string): string[] {
  const out: string[] = [];
  for (const agreement of bundle.agreements) {
    agreement.targets.forEach((row, i) => {
      if (row.goal === id) out.push(rowLabel(i, agreement));
    });
    (agreement.escalations ?? []).forEach((escalation, i) => {
      if (escalation.goal === id) out.push(`escalation ${i + 1} (${escalation.id}) of agreement ${labelOf(agreement)}`);
    });
  }
  return out;
}

export function priorityModelUsage(bundle: ConfigBundle, id: string): string[] {
  return bundle.agreements.filter((a) => a.priorityModel === id).map((a) => `agreement ${labelOf(a)}`);
}

export function priorityUsage(bundle: ConfigBundle, modelId: string, priorityId: string): string[] {
  const out: string[] = [];
  for (const agreement of bundle.agreements) {
    if (agreement.priorityModel !== modelId) continue;
    agreement.targets.forEach((row, i) => {
      if (row.priorities?.includes(priorityId)) out.push(rowLabel(i, agreement));
    });
  }
  const cells = Object.values(bundle.priorityModels.find((m) => m.id === modelId)?.matrix?.cells ?? {}).flatMap((row) => Object.values(row));
  const inMatrix = cells.filter((id) => id === priorityId).length;
  if (inMatrix > 0) out.push(`${inMatrix} cell${inMatrix === 1 ? '' : 's'} of the impact × urgency matrix`);
  return out;
}

export function customerUsage(bundle: ConfigBundle, id: string): string[] {
  return [...bundle.agreements.filter((a) => a.customer === id).map((a) => `agreement ${labelOf(a)}`), ...bundle.customers.filter((c) => c.parent === id).map((c) => `member ${labelOf(c)}`)];
}

export function environmentUsage(bundle: ConfigBundle, customerId: string, environment: string): string[] {
  return bundle.agreements.filter((a) => a.customer === customerId && a.environment === environment).map((a) => `agreement ${labelOf(a)}`);
}

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
