// Agreements inherited through customer groups (formats.md §6), as laws over random groups and agreements:
// the choice never leaves the customer's lineage, a member's own matching agreement always wins, the nearest
// group with a matching agreement wins over farther ones, the explained choice is the fast one, and without
// groups the choice is exactly the spec's §3 rule.
import fc from 'fast-check';
import { isValidAt, selectAgreement } from '../../src/engine/agreement';
import { chooseAgreement, explainAgreementChoice } from '../../src/engine/agreement-choice';
import { lineageOf } from '../../src/engine/customer-group';
import type { Agreement, ConfigBundle, Customer, TimelineIssue } from '../../src/engine/types';

const CUSTOMERS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const DATES = ['2026-01-01', '2026-06-01', '2027-01-01'];

/** Parents point only to customers listed earlier, so there is never a cycle (validation refuses them). */
const customersArb: fc.Arbitrary<Customer[]> = fc
  .tuple(...CUSTOMERS.map((_, i) => (i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: undefined }))))
  .map((parents) => CUSTOMERS.map((id, i) => ({ id, environments: [], ...(parents[i] === undefined ? {} : { parent: CUSTOMERS[parents[i]!] }) })));

const agreementArb: fc.Arbitrary<Omit<Agreement, 'id'>> = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  environment: fc.constantFrom('Production', 'UAT'),
  products: fc.constantFrom([], ['Payroll'], ['HR']),
  validFrom: fc.constantFrom(...DATES),
  validTo: fc.constantFrom(null, '2026-06-01', '2027-01-01', '2028-01-01'),
  priorityModel: fc.constant('m'),
  calendar: fc.constantFrom('cph', 'ny'),
  targets: fc.constant([]),
  escalations: fc.constant([]),
});

const bundleArb: fc.Arbitrary<ConfigBundle> = fc
  .tuple(customersArb, fc.array(agreementArb, { maxLength: 12 }))
  .map(([customers, agreements]) => ({
    version: 1,
    holidayCollections: [],
    calendars: [
      { id: 'cph', timezone: 'Europe/Copenhagen', week: { mon: [['08:00', '16:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] },
      { id: 'ny', timezone: 'America/New_York', week: { mon: [['08:00', '16:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] },
    ],
    priorityModels: [],
    actions: [],
    actionModels: [],
    goals: [],
    customers,
    agreements: agreements.map((a, i) => ({ ...a, id: `a${i}` })),
  }));

const issueArb: fc.Arbitrary<TimelineIssue> = fc.record({
  key: fc.constant('GRP-1'),
  customer: fc.constantFrom(...CUSTOMERS, 'stranger'),
  environment: fc.constantFrom('Production', 'UAT'),
  product: fc.constantFrom('Payroll', 'HR'),
  // Around the validity edges, where the zones disagree about the date.
  created: fc.constantFrom(...DATES, '2027-06-01').chain((date) => fc.integer({ min: -30, max: 30 }).map((hours) => Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000)),
});

/** Whether an agreement matches the issue by environment, product and validity (its customer aside). */
function matches(bundle: ConfigBundle, a: Agreement, issue: TimelineIssue): boolean {
  const zone = bundle.calendars.find((c) => c.id === a.calendar)!.timezone;
  return a.environment === issue.environment && (a.products.length === 0 || a.products.includes(issue.product!)) && isValidAt(a, issue.created, zone);
}

/** The spec's §3 rule, written plainly: among the customer's own matching agreements, one naming products, else the first. */
function specRule(bundle: ConfigBundle, issue: TimelineIssue, customer: string): Agreement | null {
  const own = bundle.agreements.filter((a) => a.customer === customer && matches(bundle, a, issue));
  return own.find((a) => a.products.length > 0) ?? own[0] ?? null;
}

describe('inheritance laws', () => {
  test('the explained choice is the fast choice', () => {
    fc.assert(
      fc.property(bundleArb, issueArb, (bundle, issue) => {
        expect(chooseAgreement(bundle, issue).agreement?.id ?? null).toBe(selectAgreement(bundle, issue)?.id ?? null);
      }),
      { numRuns: 1000 },
    );
  });

  test("never an agreement of a customer outside the issue's customer and its groups", () => {
    fc.assert(
      fc.property(bundleArb, issueArb, (bundle, issue) => {
        const chosen = selectAgreement(bundle, issue);
        if (chosen) expect(lineageOf(bundle, issue.customer!)).toContain(chosen.customer);
      }),
      { numRuns: 1000 },
    );
  });

  test("the nearest customer of the lineage with a matching agreement wins, by the spec's rule within it", () => {
    fc.assert(
      fc.property(bundleArb, issueArb, (bundle, issue) => {
        const lineage = lineageOf(bundle, issue.customer!);
        const nearest = lineage.find((customer) => specRule(bundle, issue, customer) !== null);
        expect(selectAgreement(bundle, issue)?.id ?? null).toBe(nearest === undefined ? null : specRule(bundle, issue, nearest)!.id);
        // A member's own matching agreement always wins.
        const own = specRule(bundle, issue, issue.customer!);
        if (own) expect(selectAgreement(bundle, issue)?.id).toBe(own.id);
      }),
      { numRuns: 1000 },
    );
  });

  test('without groups the choice is exactly the spec’s §3 rule', () => {
    fc.assert(
      fc.property(bundleArb, issueArb, (grouped, issue) => {
        const bundle = { ...grouped, customers: grouped.customers.map(({ parent: _parent, ...customer }) => customer) };
        expect(selectAgreement(bundle, issue)?.id ?? null).toBe(specRule(bundle, issue, issue.customer!)?.id ?? null);
      }),
      { numRuns: 500 },
    );
  });

  test('every agreement of the lineage is explained once; the chosen one first after the lineage', () => {
    fc.assert(
      fc.property(bundleArb, issueArb, (bundle, issue) => {
        const choice = chooseAgreement(bundle, issue);
        const lineage = lineageOf(bundle, issue.customer!);
        const ofLineage = bundle.agreements.filter((a) => lineage.includes(a.customer));
        expect(choice.considered.map((c) => c.agreement.id).sort()).toEqual(ofLineage.map((a) => a.id).sort());
        const lines = explainAgreementChoice(bundle, issue, choice);
        expect(lines).toHaveLength((lineage.length > 1 ? 1 : 0) + 1 + ofLineage.length - (choice.agreement ? 1 : 0));
        const verdict = lines[lineage.length > 1 ? 1 : 0]!;
        expect(verdict.startsWith(choice.agreement ? `${choice.agreement.id} applies: ` : 'No agreement applies: ')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
