// Customer groups and sites (§6): a parent names another customer, parents never form a cycle and stack at most
// five deep; site ids are unique across all customers (a request names its site alone), a site's calendar exists,
// and no JSM organization is two customers or sites (the timeline mapping reads customer and site from it).
import { checkRef, indexById, type Index } from './bundle-references';
import { formatPath, issueAt, type PathIssue } from './issues';
import { fieldOf, recordsOf, textOf, type RawRecord } from './raw';

/** Groups above a customer at most: a group of groups of companies is deep already. */
export const MAX_GROUP_DEPTH = 5;

function checkParents(bundle: RawRecord, customers: Index, out: PathIssue[]): void {
  const parentOf = new Map<string, string>();
  for (const [i, customer] of recordsOf(fieldOf(bundle, 'customers'))) {
    const id = textOf(fieldOf(customer, 'id'));
    const parent = fieldOf(customer, 'parent');
    if (parent === undefined) continue;
    const path = ['customers', i, 'parent'];
    if (id !== undefined && parent === id) {
      out.push(issueAt(path, 'a customer cannot be its own group', parent));
      continue;
    }
    if (checkRef(parent, customers, path, 'customer', 'customers', out) !== undefined && id !== undefined && customers.get(id)?.index === i) {
      parentOf.set(id, parent as string);
    }
  }
  const reported = new Set<string>();
  for (const [i, customer] of recordsOf(fieldOf(bundle, 'customers'))) {
    const id = textOf(fieldOf(customer, 'id'));
    if (id === undefined || !parentOf.has(id) || customers.get(id)?.index !== i) continue;
    const chain = [id];
    let next = parentOf.get(id);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = parentOf.get(next);
    }
    if (next !== undefined) {
      // A cycle: reported once, at the customer of the cycle listed first.
      const cycle = chain.slice(chain.indexOf(next));
      const key = [...cycle].sort().join('\n');
      if (reported.has(key)) continue;
      reported.add(key);
      const first = cycle.reduce((a, b) => (customers.get(a)!.index <= customers.get(b)!.index ? a : b));
      const from = cycle.indexOf(first);
      const loop = [...cycle.slice(from), ...cycle.slice(0, from), first].map((c) => `"${c}"`);
      out.push(issueAt(['customers', customers.get(first)!.index, 'parent'], `groups form a cycle: ${loop.join(' → ')}`, parentOf.get(first)));
    } else if (chain.length - 1 > MAX_GROUP_DEPTH) {
      out.push(issueAt(['customers', i, 'parent'], `${chain.length - 1} groups above this customer (${chain.slice(1).join(' → ')}); at most ${MAX_GROUP_DEPTH} are allowed`, parentOf.get(id)));
    }
  }
}

function checkSites(bundle: RawRecord, calendars: Index, out: PathIssue[]): void {
  const sites = new Map<string, string>();
  const organizations = new Map<string, string>();
  for (const [i, customer] of recordsOf(fieldOf(bundle, 'customers'))) {
    const organization = textOf(fieldOf(customer, 'organizationId'));
    if (organization !== undefined && !organizations.has(organization)) organizations.set(organization, formatPath(['customers', i]));
  }
  for (const [i, customer] of recordsOf(fieldOf(bundle, 'customers'))) {
    for (const [s, site] of recordsOf(fieldOf(customer, 'sites'))) {
      const path = ['customers', i, 'sites', s];
      const id = textOf(fieldOf(site, 'id'));
      if (id !== undefined) {
        const first = sites.get(id);
        if (first === undefined) sites.set(id, formatPath(path));
        else out.push(issueAt([...path, 'id'], `duplicate site "${id}" (also ${first}); site ids are unique across all customers`, id));
      }
      const calendar = fieldOf(site, 'calendar');
      if (calendar !== undefined) checkRef(calendar, calendars, [...path, 'calendar'], 'calendar', 'calendars', out);
      const organization = textOf(fieldOf(site, 'organizationId'));
      if (organization === undefined) continue;
      const owner = organizations.get(organization);
      if (owner === undefined) organizations.set(organization, formatPath(path));
      else out.push(issueAt([...path, 'organizationId'], `organization "${organization}" is already ${owner}; one organization is one customer or one site`, organization));
    }
  }
}

export function checkGroupsAndSites(bundle: RawRecord, out: PathIssue[]): void {
  const customers = indexById(fieldOf(bundle, 'customers'), ['customers'], []);
  const calendars = indexById(fieldOf(bundle, 'calendars'), ['calendars'], []);
  checkParents(bundle, customers, out);
  checkSites(bundle, calendars, out);
}
