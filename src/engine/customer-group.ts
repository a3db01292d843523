// Customer groups (§6): a customer may belong to a parent (a group of companies), which may belong to another.
// A member inherits its groups' agreements and sites; reports and the work list roll up by group.
import type { ConfigBundle, Customer } from './types';

/** Deeper than any group structure validation admits (it allows 5 groups above a customer); guards cycles. */
const MAX_LINEAGE = 16;

interface Groups {
  byId: ReadonlyMap<string, Customer>;
  lineages: Map<string, readonly string[]>;
  uses: boolean;
}

const byBundle = new WeakMap<ConfigBundle, Groups>();

function groupsOf(bundle: ConfigBundle): Groups {
  let groups = byBundle.get(bundle);
  if (!groups) {
    const byId = new Map<string, Customer>();
    for (const customer of bundle.customers) if (!byId.has(customer.id)) byId.set(customer.id, customer);
    groups = { byId, lineages: new Map(), uses: bundle.customers.some((c) => c.parent !== undefined) };
    byBundle.set(bundle, groups);
  }
  return groups;
}

/** Whether any customer belongs to a group: only then does anything here differ from a customer on its own. */
export function usesGroups(bundle: ConfigBundle): boolean {
  return groupsOf(bundle).uses;
}

export function customerById(bundle: ConfigBundle, id: string | undefined): Customer | undefined {
  return id === undefined ? undefined : groupsOf(bundle).byId.get(id);
}

/**
 * The customer, then its group, that group's group and so on, nearest first: `[member, parent, grandparent]`.
 * An id that is no customer is its own lineage. A cycle (which validation refuses) stops where it closes.
 */
export function lineageOf(bundle: ConfigBundle, customerId: string): readonly string[] {
  const groups = groupsOf(bundle);
  let lineage = groups.lineages.get(customerId);
  if (lineage) return lineage;
  const out = [customerId];
  let parent = groups.byId.get(customerId)?.parent;
  while (parent !== undefined && !out.includes(parent) && out.length < MAX_LINEAGE) {
    out.push(parent);
    parent = groups.byId.get(parent)?.parent;
  }
  lineage = out;
  groups.lineages.set(customerId, lineage);
  return lineage;
}

/** The top of a customer's lineage: the group a report or the work list rolls it up under (itself when in none). */
export function rollUpGroupOf(bundle: ConfigBundle, customerId: string): string {
  const lineage = lineageOf(bundle, customerId);
  return lineage[lineage.length - 1]!;
}

/** Every customer whose lineage contains the group (the group itself first), in bundle order after it. */
export function membersOf(bundle: ConfigBundle, groupId: string): string[] {
  const members = bundle.customers.filter((c) => c.id !== groupId && lineageOf(bundle, c.id).includes(groupId)).map((c) => c.id);
  return [groupId, ...members];
}
