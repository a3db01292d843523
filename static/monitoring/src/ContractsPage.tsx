// The contracts page (jira:globalPage): every customer agreement and supplier contract the viewer may see, with its
// state, its term, the next date its manager acts on and its reminders — sortable by any column and filtered by
// state, kind and words. Dates are the contract's own local dates; the last reminder's instant is in the viewer's zone.
import { useMemo, useState } from 'react';
import { calendarDateIn, daysBetweenDates, formatCalendarDate, formatCalendarPeriod } from '../../../src/engine/wording';
import { call } from '../../shared/api';
import { Button, Loading, Lozenge, ProblemMessage, SectionMessage, type LozengeAppearance } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { RequestLink } from '../../shared/RequestLink';
import { SortHeader, type ColumnOrder } from '../../shared/SortHeader';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { ContractReminderView, ContractRowView, ContractsView, NextDateKind } from '../../shared/views';

type State = ContractRowView['state'];
export type ContractOrder = 'next' | 'contract' | 'party' | 'state' | 'end' | 'owner';
type Order = ColumnOrder<ContractOrder>;

const STATES: State[] = ['preliminary', 'active', 'expiring', 'expired', 'terminated'];
const STATE_LABEL: Record<State, string> = { preliminary: 'Preliminary', active: 'Active', expiring: 'Expiring', expired: 'Expired', terminated: 'Terminated' };
const STATE_APPEARANCE: Record<State, LozengeAppearance> = { preliminary: 'new', active: 'success', expiring: 'moved', expired: 'removed', terminated: 'default' };
const NEXT_LABEL: Record<NextDateKind, string> = { start: 'starts', notice: 'notice deadline', end: 'last day' };

const fetchContracts = (): Promise<ContractsView> => call('contracts/list');

/** Text compare for sorting; missing values sort last whichever the direction. */
function compareText(a: string | null, b: string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a.localeCompare(b, 'en-GB', { sensitivity: 'base' });
  return descending ? -order : order;
}

function sortKey(row: ContractRowView, by: ContractOrder): string | null {
  switch (by) {
    case 'next':
      return row.next?.date ?? null;
    case 'contract':
      return `${row.number} ${row.name}`;
    case 'party':
      return row.party.name;
    case 'state':
      return String(STATES.indexOf(row.state));
    case 'end':
      return row.term.lastDay;
    case 'owner':
      return row.owner.name ?? row.owner.accountId;
  }
}

/** The rows as ordered: by the chosen column, then by the next date, then by contract number (a stable order). */
export function orderContracts(rows: ContractRowView[], order: Order): ContractRowView[] {
  return [...rows].sort(
    (a, b) => compareText(sortKey(a, order.by), sortKey(b, order.by), order.descending) || compareText(a.next?.date ?? null, b.next?.date ?? null, false) || compareText(a.number, b.number, false),
  );
}

export interface ContractFilters {
  state: State | '';
  kind: ContractRowView['kind'] | '';
  text: string;
}

export function filterContracts(rows: ContractRowView[], filters: ContractFilters): ContractRowView[] {
  const words = filters.text.trim().toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filters.state && row.state !== filters.state) return false;
    if (filters.kind && row.kind !== filters.kind) return false;
    const haystack = [row.number, row.name, row.party.name, row.owner.name ?? '', row.issueKey ?? ''].join(' ').toLocaleLowerCase('en-GB');
    return words.every((w) => haystack.includes(w));
  });
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function ReminderLine({ reminder, zone, now }: { reminder: ContractReminderView; zone: string; now: number }) {
  const anchor = reminder.before === 'notice' ? 'the notice deadline' : 'the last day';
  const last = reminder.last;
  return (
    <li data-testid="contract-reminder">
      {formatCalendarPeriod(reminder.offset)} before {anchor}
      {reminder.next ? `: next ${formatLocalTime(reminder.next.at, zone, now)}` : ': none left'}
      {last && (
        <span className="subtle">
          {' '}
          · {last.state === 'sent' ? `sent ${formatLocalTime(last.sentAt ?? last.lastAttemptAt, zone, now)}${last.late ? ' (late)' : ''}` : last.state === 'failed' ? `refused by Jira, tried again ${last.retryAt ? formatLocalTime(last.retryAt, zone, now) : 'later'}` : 'asked of Jira, not confirmed'}
        </span>
      )}
    </li>
  );
}

function ContractRow({ row, zone, now }: { row: ContractRowView; zone: string; now: number }) {
  const today = calendarDateIn(now, row.timezone);
  return (
    <tr data-testid="contract-row" className={`contracts-row contracts-row--${row.state}`}>
      <td>
        <strong>{row.number}</strong>
        <div className="subtle">{row.name}</div>
        {row.issueKey && <RequestLink issueKey={row.issueKey} className="monitoring__key" />}
      </td>
      <td>
        {row.party.name}
        <div className="subtle">{row.kind === 'supplier' ? 'Supplier (underpinning contract)' : 'Customer agreement'}</div>
      </td>
      <td>
        <Lozenge appearance={STATE_APPEARANCE[row.state]}>{STATE_LABEL[row.state]}</Lozenge>
        {row.renewedBy && <div className="subtle">renewed by {row.renewedBy}</div>}
      </td>
      <td>
        {formatCalendarDate(row.term.start)} – {row.term.lastDay ? formatCalendarDate(row.term.lastDay) : 'open-ended'}
        <div className="subtle">{row.renewal === 'automatic' ? 'renews automatically' : 'renewed by hand'}</div>
        {row.noticeDeadline && <div className="subtle">notice by {formatCalendarDate(row.noticeDeadline)}</div>}
      </td>
      <td data-testid="contract-next">
        {row.next ? (
          <>
            {formatCalendarDate(row.next.date)}
            <div className="subtle">
              {NEXT_LABEL[row.next.kind]}, {inDays(daysBetweenDates(today, row.next.date))}
            </div>
          </>
        ) : (
          <span className="subtle">nothing left to do</span>
        )}
      </td>
      <td>{row.owner.name ?? <span className="subtle">{row.owner.accountId}</span>}</td>
      <td>
        {row.reminders.length === 0 ? (
          <span className="subtle">none</span>
        ) : (
          <ul className="contracts-reminders">
            {row.reminders.map((r) => (
              <ReminderLine key={r.id} reminder={r} zone={zone} now={now} />
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function ContractsTable({ rows, zone, now }: { rows: ContractRowView[]; zone: string; now: number }) {
  const [order, setOrder] = useState<Order>({ by: 'next', descending: false });
  const ordered = useMemo(() => orderContracts(rows, order), [rows, order]);
  const header = (label: string, by: ContractOrder) => <SortHeader label={label} by={by} order={order} onOrder={setOrder} />;
  return (
    <table className="contracts-table">
      <thead>
        <tr>
          {header('Contract', 'contract')}
          {header('With', 'party')}
          {header('State', 'state')}
          {header('Term', 'end')}
          {header('Next date', 'next')}
          {header('Owner', 'owner')}
          <th scope="col">Reminders</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((row) => (
          <ContractRow key={row.key} row={row} zone={zone} now={now} />
        ))}
      </tbody>
    </table>
  );
}

export function ContractsPage() {
  const zone = useViewerTimezone();
  const contracts = useResource<ContractsView>(zone ? fetchContracts : null);
  const [filters, setFilters] = useState<ContractFilters>({ state: '', kind: '', text: '' });
  const view = contracts.data;
  const shown = useMemo(() => (view ? filterContracts(view.contracts, filters) : []), [view, filters]);
  if (!zone || !view) {
    if (contracts.error !== null) {
      if (hasCode(contracts.error, 'NOT_CONFIGURED')) {
        return (
          <SectionMessage appearance="information" title="Contract SLA is not set up yet">
            <p>{messagesOf(contracts.error).join(' ')}</p>
          </SectionMessage>
        );
      }
      return (
        <ProblemMessage title="The contracts could not be loaded" error={contracts.error}>
          <Button onClick={() => void contracts.reload()}>Try again</Button>
        </ProblemMessage>
      );
    }
    return <Loading label="Reading the contracts…" />;
  }
  const now = contracts.receivedAt;
  const set = (change: Partial<ContractFilters>) => setFilters((f) => ({ ...f, ...change }));
  return (
    <main className="contracts-page">
      <header className="toolbar">
        <h2>Contracts</h2>
        <span className="subtle" data-testid="contracts-count">
          {shown.length === view.contracts.length ? `${view.contracts.length} contracts` : `${shown.length} of ${view.contracts.length} contracts`}
        </span>
        <Button onClick={() => void contracts.reload()} disabled={contracts.loading}>
          {contracts.loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </header>
      <div className="contracts-controls">
        <label>
          Search
          <input type="search" value={filters.text} placeholder="Number, name, customer, owner" onChange={(e) => set({ text: e.target.value })} />
        </label>
        <label>
          State
          <select value={filters.state} onChange={(e) => set({ state: e.target.value as ContractFilters['state'] })}>
            <option value="">All states</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={filters.kind} onChange={(e) => set({ kind: e.target.value as ContractFilters['kind'] })}>
            <option value="">Customers and suppliers</option>
            <option value="agreement">Customer agreements</option>
            <option value="supplier">Supplier contracts</option>
          </select>
        </label>
      </div>
      {contracts.error !== null && <ProblemMessage title="The latest refresh failed; this is the one before" error={contracts.error} />}
      {view.contracts.length === 0 ? (
        <p className="subtle" data-testid="contracts-empty">
          No agreement or supplier carries contract data you may see. A Jira administrator adds a contract (number, owner, dates, notice period) to an agreement on the Contract SLA admin page.
        </p>
      ) : shown.length === 0 ? (
        <p className="subtle" data-testid="contracts-none-match">
          No contract matches these filters.
        </p>
      ) : (
        <ContractsTable rows={shown} zone={zone} now={now} />
      )}
    </main>
  );
}
