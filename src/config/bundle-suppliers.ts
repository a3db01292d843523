// Suppliers (§6): unique ids, known calendars; a supplier's target rows name its own goals, priorities of the
// bundle's models and a calendar (the row's or the supplier's); a goal names a known supplier and is never shown to
// the customer; and a supplier's goal is never targeted in a customer's agreement (its rows belong to the supplier).
import { checkRef, indexById, priorityIds, type Index } from './bundle-references';
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { fieldOf, itemsOf, recordsOf, textOf, type RawRecord } from './raw';

/** A supplier goal's supplier, by goal id (first of duplicates). */
function supplierGoals(bundle: RawRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, goal] of recordsOf(fieldOf(bundle, 'goals'))) {
    const id = textOf(fieldOf(goal, 'id'));
    const supplier = textOf(fieldOf(goal, 'supplier'));
    if (id !== undefined && supplier !== undefined && !out.has(id)) out.set(id, supplier);
  }
  return out;
}

function checkSupplierRow(row: RawRecord, supplier: RawRecord, supplierId: string | undefined, path: PathSegment[], ix: { goals: Index; calendars: Index; priorities: Set<string> }, owners: Map<string, string>, out: PathIssue[]): void {
  const goal = textOf(fieldOf(row, 'goal'));
  if (checkRef(goal, ix.goals, [...path, 'goal'], 'goal', 'goals', out) !== undefined && supplierId !== undefined) {
    const owner = owners.get(goal!);
    if (owner === undefined) out.push(issueAt([...path, 'goal'], `goal "${goal!}" is a customer goal; its target rows belong in agreements (a supplier's goal names the supplier: "supplier": "${supplierId}")`, goal));
    else if (owner !== supplierId) out.push(issueAt([...path, 'goal'], `goal "${goal!}" is supplier "${owner}"'s, not "${supplierId}"'s`, goal));
  }
  itemsOf(fieldOf(row, 'priorities')).forEach((value, k) => {
    const id = textOf(value);
    if (id !== undefined && !ix.priorities.has(id)) {
      out.push(issueAt([...path, 'priorities', k], `unknown priority "${id}"; the priority models have ${[...ix.priorities].join(', ') || 'no priorities'}`, id));
    }
  });
  const calendar = fieldOf(row, 'calendar');
  if (calendar !== undefined) checkRef(calendar, ix.calendars, [...path, 'calendar'], 'calendar', 'calendars', out);
  else if (fieldOf(supplier, 'calendar') === undefined) out.push(issueAt(path, 'no calendar measures this row; give it a calendar or give the supplier one'));
}

export function checkSuppliers(bundle: RawRecord, out: PathIssue[]): void {
  const suppliers = indexById(fieldOf(bundle, 'suppliers'), ['suppliers'], out);
  const goals = indexById(fieldOf(bundle, 'goals'), ['goals'], []);
  const calendars = indexById(fieldOf(bundle, 'calendars'), ['calendars'], []);
  const priorities = new Set<string>();
  for (const [, model] of recordsOf(fieldOf(bundle, 'priorityModels'))) for (const id of priorityIds(model)) priorities.add(id);
  const owners = supplierGoals(bundle);

  for (const [i, goal] of recordsOf(fieldOf(bundle, 'goals'))) {
    const supplier = fieldOf(goal, 'supplier');
    if (supplier === undefined) continue;
    checkRef(supplier, suppliers, ['goals', i, 'supplier'], 'supplier', 'suppliers', out);
    if (fieldOf(goal, 'internal') === false) {
      out.push(issueAt(['goals', i, 'internal'], "a supplier's goal is never shown to the customer; leave internal out or set it to true", false));
    }
  }
  for (const [i, supplier] of recordsOf(fieldOf(bundle, 'suppliers'))) {
    const calendar = fieldOf(supplier, 'calendar');
    if (calendar !== undefined) checkRef(calendar, calendars, ['suppliers', i, 'calendar'], 'calendar', 'calendars', out);
    const id = textOf(fieldOf(supplier, 'id'));
    for (const [t, row] of recordsOf(fieldOf(supplier, 'targets'))) {
      checkSupplierRow(row, supplier, id, ['suppliers', i, 'targets', t], { goals, calendars, priorities }, owners, out);
    }
  }
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    for (const [t, row] of recordsOf(fieldOf(agreement, 'targets'))) {
      const goal = textOf(fieldOf(row, 'goal'));
      const owner = goal === undefined ? undefined : owners.get(goal);
      if (owner === undefined) continue;
      const where = suppliers.get(owner);
      const rows = where === undefined ? `supplier "${owner}"` : formatPath(['suppliers', where.index, 'targets']);
      out.push(issueAt(['agreements', i, 'targets', t, 'goal'], `goal "${goal!}" is supplier "${owner}"'s; its target rows belong in ${rows}`, goal));
    }
  }
}
