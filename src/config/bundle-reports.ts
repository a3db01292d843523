// The rules of an agreement's report schedule (formats.md §7) that relate it to the rest of the bundle: the report
// goes to the customer's JSM organization, so the customer must name one; and a recipient is listed once. Plain
// TypeScript on the raw input, like the other cross-checks, so they are reported with every other mistake.
import { issueAt, type PathIssue } from './issues';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf } from './raw';

export function checkReports(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  const internalGoals = new Set(recordsOf(fieldOf(bundle, 'goals')).filter(([, g]) => fieldOf(g, 'internal') === true).map(([, g]) => textOf(fieldOf(g, 'id'))));
  const organizations = new Map<string, string | undefined>();
  for (const [, customer] of recordsOf(fieldOf(bundle, 'customers'))) {
    const id = textOf(fieldOf(customer, 'id'));
    if (id !== undefined) organizations.set(id, textOf(fieldOf(customer, 'organizationId')));
  }
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    const report = fieldOf(agreement, 'report');
    if (!isRecord(report)) continue;
    const customer = textOf(fieldOf(agreement, 'customer'));
    // An unknown customer is reported by the references check; one without an organization only here.
    if (customer !== undefined && organizations.has(customer) && !organizations.get(customer)?.trim()) {
      out.push(issueAt(['agreements', i, 'report'], `the customer ${customer} has no organizationId: a report is delivered to the customer's JSM organization`));
    }
    const measured = new Set(recordsOf(fieldOf(agreement, 'targets')).map(([, row]) => textOf(fieldOf(row, 'goal'))));
    const targets = fieldOf(report, 'complianceTargets');
    if (isRecord(targets)) {
      for (const goal of Object.keys(targets)) {
        const path = ['agreements', i, 'report', 'complianceTargets', goal];
        if (internalGoals.has(goal)) out.push(issueAt(path, `${goal} is an internal goal: a customer's report never shows it`));
        else if (!measured.has(goal)) out.push(issueAt(path, `the agreement has no target row for the goal ${JSON.stringify(goal)}, so its report has no such goal`));
      }
    }
    const seen = new Set<string>();
    itemsOf(fieldOf(report, 'recipients')).forEach((recipient, r) => {
      if (typeof recipient !== 'string' || recipient.trim() === '') return;
      if (seen.has(recipient)) out.push(issueAt(['agreements', i, 'report', 'recipients', r], `${JSON.stringify(recipient)} is listed twice`));
      seen.add(recipient);
    });
  }
  return out;
}
