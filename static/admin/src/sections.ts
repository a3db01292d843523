// The sections of the configuration bundle, each edited on a tab of its own: how the page names them and one entry.
import type { ConfigBundle } from './model';

/**
 * The sections with a tab of forms; the settings (§8) are edited where they apply (the at-risk share on the Goals
 * tab). Suppliers (§6) are optional in the bundle: their tab adds the list with the first one.
 */
export type SectionKey = Exclude<keyof ConfigBundle, 'version' | 'settings'>;

export interface Section {
  id: SectionKey;
  /** The tab's label. */
  label: string;
  /** One entry, as the error summary names it: `Calendar “Office”`. */
  noun: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'calendars', label: 'Calendars', noun: 'Calendar' },
  { id: 'holidayCollections', label: 'Holiday collections', noun: 'Holiday collection' },
  { id: 'actions', label: 'Actions', noun: 'Action' },
  { id: 'actionModels', label: 'Action models', noun: 'Action model' },
  { id: 'goals', label: 'Goals', noun: 'Goal' },
  { id: 'priorityModels', label: 'Priority models', noun: 'Priority model' },
  { id: 'customers', label: 'Customers', noun: 'Customer' },
  { id: 'agreements', label: 'Agreements', noun: 'Agreement' },
  { id: 'suppliers', label: 'Suppliers', noun: 'Supplier' },
];
