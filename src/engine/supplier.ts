// Suppliers (§6): underpinning contracts. A supplier's goals (`goal.supplier`) are measured like any goal, by
// actions such as entering and leaving "Waiting for supplier", against the supplier's own target rows and hours.
// Their cycles are kept apart from the customer's and are never shown to the customer.
import { matchingRow } from './agreement';
import type { ConfigBundle, Goal, Supplier, TargetRow } from './types';

const uses = new WeakMap<ConfigBundle, boolean>();

/** Whether any goal is a supplier's: only then does an evaluation carry `supplierObligations`. */
export function usesSuppliers(bundle: ConfigBundle): boolean {
  let answer = uses.get(bundle);
  if (answer === undefined) {
    answer = bundle.goals.some((g) => g.supplier !== undefined);
    uses.set(bundle, answer);
  }
  return answer;
}

export function supplierById(bundle: ConfigBundle, id: string): Supplier | undefined {
  return bundle.suppliers?.find((s) => s.id === id);
}

/** The supplier's first row for the goal matching the request type and the priority in force. */
export function supplierRowFor(supplier: Supplier, goal: Goal, requestType: string | undefined, priority: string | undefined): TargetRow | undefined {
  return matchingRow(supplier.targets, goal.id, requestType, priority);
}

/** The calendar measuring a supplier's row: the row's own, else the supplier's. */
export function supplierCalendar(supplier: Supplier, row: TargetRow): string | undefined {
  return row.calendar ?? supplier.calendar;
}
