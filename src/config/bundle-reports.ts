// The rules of an agreement's report schedule (formats.md §7) that relate it to the rest of the bundle: the report
// goes to the customer's JSM organization, so the customer must name one; and a recipient is listed once. Plain
// TypeScript on the raw input, like the other cross-checks, so they are reported with every other mistake.
import { issueAt, type PathIssue } from './issues';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf } from './raw';

export function checkReports(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
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
    const seen = new Set<string>();
    itemsOf(fieldOf(report, 'recipients')).forEach((recipient, r) => {
      if (typeof recipient !== 'string' || recipient.trim() === '') return;
      if (seen.has(recipient)) out.push(issueAt(['agreements', i, 'report', 'recipients', r], `${JSON.stringify(recipient)} is listed twice`));
      seen.add(recipient);
    });
  }
  return out;
}
