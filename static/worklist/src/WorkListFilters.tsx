// Narrow the work list to one customer, agreement, next goal or assignee, or to the requests waiting for a release
// (handed to development, the fix not yet on their environment). The choices are the values present among the
// project's open requests, so no filter can lead to a list that is empty by construction.
import type { WorkListAnswer } from '../../shared/views';

export interface Filters {
  customer: string;
  agreement: string;
  goal: string;
  assignee: string;
  waitingForRelease: boolean;
}

export const NO_FILTERS: Filters = { customer: '', agreement: '', goal: '', assignee: '', waitingForRelease: false };

/** The payload fields of the filters that are set ('' and false mean any). */
export function chosen(filters: Filters): Partial<Filters> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '' && value !== false)) as Partial<Filters>;
}

function Choice({ id, label, value, any, options, onChange }: { id: string; label: string; value: string; any: string; options: Array<{ value: string; label: string }>; onChange: (value: string) => void }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WorkListFilters({ options, filters, onChange }: { options: WorkListAnswer['options']; filters: Filters; onChange: (filters: Filters) => void }) {
  const set = (key: Exclude<keyof Filters, 'waitingForRelease'>) => (value: string) =>
    // Another customer offers other agreements: an agreement of the one before no longer applies.
    onChange(key === 'customer' ? { ...filters, customer: value, agreement: '' } : { ...filters, [key]: value });
  const named = (list: Array<{ id: string; name: string }>) => list.map((x) => ({ value: x.id, label: x.name }));
  return (
    <div className="filters" role="group" aria-label="Filters">
      <Choice id="filter-customer" label="Customer" any="All customers" value={filters.customer} options={named(options.customers)} onChange={set('customer')} />
      <Choice id="filter-agreement" label="Agreement" any="All agreements" value={filters.agreement} options={named(options.agreements)} onChange={set('agreement')} />
      <Choice id="filter-goal" label="Next goal" any="Any goal" value={filters.goal} options={named(options.goals)} onChange={set('goal')} />
      <Choice
        id="filter-assignee"
        label="Assignee"
        any="Anyone"
        value={filters.assignee}
        options={[{ value: 'me', label: 'Assigned to me' }, { value: 'unassigned', label: 'Unassigned' }, ...options.assignees.map((a) => ({ value: a.accountId, label: a.displayName }))]}
        onChange={set('assignee')}
      />
      <label className="filter filter--check">
        <input type="checkbox" checked={filters.waitingForRelease} onChange={(e) => onChange({ ...filters, waitingForRelease: e.target.checked })} data-testid="filter-waiting-for-release" /> Waiting for a release
      </label>
    </div>
  );
}
