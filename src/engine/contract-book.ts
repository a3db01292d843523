// Every contract of a bundle in one list (§6): each agreement's, in bundle order, then each supplier's, with the zone
// its dates are read in, the key that names it (`agreement:ID`, `supplier:ID`, as in reminder keys) and whether a
// later agreement renews it. What the CLI's `contracts`, the app's reminders and its contracts page all read.
import type { ConfigBundle, Contract } from './types';

export interface ContractEntry {
  /** `agreement:ID` or `supplier:ID`: names the contract in reminder keys and the app's ledger. */
  key: string;
  kind: 'agreement' | 'supplier';
  /** The agreement's or the supplier's id. */
  id: string;
  /** The agreement's or the supplier's name (its id when it has none). */
  name: string;
  /** Agreements: the customer's id and name. */
  customer?: { id: string; name: string };
  contract: Contract;
  /** The agreement calendar's zone; a supplier's calendar's, else UTC. */
  zone: string;
  /** Agreements: the agreement that renews this one (`renews`), or null. */
  renewedBy: string | null;
}

export function contractBook(bundle: ConfigBundle): ContractEntry[] {
  const zoneOf = (calendar: string | undefined): string => bundle.calendars.find((c) => c.id === calendar)?.timezone ?? 'UTC';
  const agreements = bundle.agreements.flatMap((agreement): ContractEntry[] => {
    if (!agreement.contract) return [];
    const customer = bundle.customers.find((c) => c.id === agreement.customer);
    return [
      {
        key: `agreement:${agreement.id}`,
        kind: 'agreement',
        id: agreement.id,
        name: agreement.name ?? agreement.id,
        customer: { id: agreement.customer, name: customer?.name ?? agreement.customer },
        contract: agreement.contract,
        zone: zoneOf(agreement.calendar),
        renewedBy: bundle.agreements.find((a) => a.renews === agreement.id)?.id ?? null,
      },
    ];
  });
  const suppliers = (bundle.suppliers ?? []).flatMap((supplier): ContractEntry[] =>
    supplier.contract
      ? [{ key: `supplier:${supplier.id}`, kind: 'supplier', id: supplier.id, name: supplier.name ?? supplier.id, contract: supplier.contract, zone: zoneOf(supplier.calendar), renewedBy: null }]
      : [],
  );
  return [...agreements, ...suppliers];
}
