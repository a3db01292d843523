// The contracts page: every contract with its state, term, next date and reminders in words, soonest next date
// first; filters by words, state and kind; column headers order the rows, a second click reverses.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { GlobalPage, subPageOf } from '../../../static/monitoring/src/GlobalPage';
import { ContractsPage, filterContracts, orderContracts } from '../../../static/monitoring/src/ContractsPage';
import type { ContractRowView, ContractsView } from '../../../static/shared/views';
import { answer, callsTo, host, mocked, ok } from '../bridge-double';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

const NOW = Date.parse('2026-11-26T09:00:00Z');
const ZONE = 'Europe/Copenhagen';

function row(number: string, change: Partial<ContractRowView>): ContractRowView {
  return {
    key: `agreement:${number}`,
    kind: 'agreement',
    id: number.toLowerCase(),
    name: `${number} agreement`,
    party: { id: 'acme', name: 'ACME A/S' },
    number,
    owner: { accountId: 'a1', name: 'Mette Hansen' },
    issueKey: null,
    timezone: ZONE,
    state: 'active',
    renewal: 'manual',
    term: { start: '2026-01-01', end: '2027-01-01', lastDay: '2026-12-31' },
    noticeDeadline: null,
    next: null,
    renewedBy: null,
    reminders: [],
    ...change,
  };
}

const acme = row('ACME-2026-01', {
  issueKey: 'CON-1',
  renewal: 'automatic',
  noticeDeadline: '2026-12-01',
  next: { date: '2026-12-01', kind: 'notice' },
  reminders: [
    {
      id: 'notice-in-3-days',
      before: 'notice',
      offset: 'P3D',
      notify: ['owner'],
      next: { anchor: '2027-12-01', at: '2027-11-27T23:00:00Z' },
      last: { contract: 'agreement:acme-prod', number: 'ACME-2026-01', reminder: 'notice-in-3-days', before: 'notice', anchor: '2026-12-01', issueKey: 'CON-1', dueAt: '2026-11-27T23:00:00Z', state: 'sent', notify: 'done', recipients: ['a1'], attempts: 1, lastAttemptAt: '2026-11-27T23:00:00Z', retryAt: null, sentAt: '2026-11-27T23:00:00Z', late: false, lastError: null },
    },
  ],
});
const nordhost = row('NH-7', { kind: 'supplier', name: 'Nordhost Datacenter', party: { id: 'nordhost', name: 'Nordhost Datacenter' }, state: 'expiring', noticeDeadline: '2026-11-01', next: { date: '2026-12-31', kind: 'end' }, owner: { accountId: 'a2', name: null } });
const old = row('OLD-1', { state: 'expired', term: { start: '2025-01-01', end: '2026-01-01', lastDay: '2025-12-31' } });
const view: ContractsView = { at: '2026-11-26T09:00:00Z', contracts: [old, nordhost, acme] };

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

test.each([
  [{ by: 'next', descending: false }, ['ACME-2026-01', 'NH-7', 'OLD-1']],
  [{ by: 'next', descending: true }, ['NH-7', 'ACME-2026-01', 'OLD-1']],
  [{ by: 'contract', descending: false }, ['ACME-2026-01', 'NH-7', 'OLD-1']],
  [{ by: 'state', descending: false }, ['ACME-2026-01', 'NH-7', 'OLD-1']],
  [{ by: 'party', descending: true }, ['NH-7', 'ACME-2026-01', 'OLD-1']],
  [{ by: 'owner', descending: false }, ['NH-7', 'ACME-2026-01', 'OLD-1']],
] as const)('ordered by %j: %j (missing values last, ties by next date)', (order, numbers) => {
  expect(orderContracts(view.contracts, { ...order }).map((r) => r.number)).toEqual(numbers);
});

test.each([
  [{ state: '', kind: '', text: '' }, ['OLD-1', 'NH-7', 'ACME-2026-01']],
  [{ state: 'expiring', kind: '', text: '' }, ['NH-7']],
  [{ state: '', kind: 'supplier', text: '' }, ['NH-7']],
  [{ state: '', kind: '', text: 'acme con-1' }, ['ACME-2026-01']],
  [{ state: '', kind: '', text: 'mette' }, ['OLD-1', 'ACME-2026-01']],
  [{ state: 'active', kind: 'supplier', text: '' }, []],
] as const)('filtered by %j: %j', (filters, numbers) => {
  expect(filterContracts(view.contracts, { ...filters }).map((r) => r.number)).toEqual(numbers);
});

test('shows each contract in words, soonest first, and opens its issue', async () => {
  host({ timezone: ZONE });
  answer({ 'contracts/list': () => ok(view) });
  render(<ContractsPage />);
  const rows = await screen.findAllByTestId('contract-row');
  expect(callsTo('contracts/list')).toHaveLength(1);
  expect(screen.getByTestId('contracts-count').textContent).toBe('3 contracts');
  expect(rows[0]!.textContent).toBe(
    'ACME-2026-01ACME-2026-01 agreementCON-1ACME A/SCustomer agreementActive1 Jan 2026 – 31 Dec 2026renews automaticallynotice by 1 Dec 20261 Dec 2026notice deadline, in 5 daysMette Hansen3 days before the notice deadline: next Sun 28 Nov 2027 00:00 · sent Sat 28 Nov 00:00',
  );
  expect(rows[1]!.textContent).toMatch(/^NH-7Nordhost Datacenter.*Supplier \(underpinning contract\)Expiring.*31 Dec 2026last day, in 35 daysa2none$/);
  expect(rows[2]!.textContent).toMatch(/Expired.*nothing left to do/);
  fireEvent.click(within(rows[0]!).getByRole('link', { name: 'CON-1' }));
  expect(mocked.open).toHaveBeenCalledWith('/browse/CON-1');
});

test('narrows by state and kind, says when nothing matches, and reorders from the headers', async () => {
  host({ timezone: ZONE });
  answer({ 'contracts/list': () => ok(view) });
  render(<ContractsPage />);
  await screen.findAllByTestId('contract-row');
  fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'supplier' } });
  expect(screen.getByTestId('contracts-count').textContent).toBe('1 of 3 contracts');
  fireEvent.change(screen.getByLabelText('State'), { target: { value: 'active' } });
  expect(screen.getByTestId('contracts-none-match').textContent).toBe('No contract matches these filters.');
  fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
  fireEvent.change(screen.getByLabelText('Kind'), { target: { value: '' } });
  fireEvent.click(screen.getByTestId('sort-party'));
  fireEvent.click(screen.getByTestId('sort-party'));
  expect(screen.getAllByTestId('contract-row').map((r) => r.querySelector('strong')!.textContent)).toEqual(['NH-7', 'ACME-2026-01', 'OLD-1']);
  expect(screen.getByTestId('sort-party').closest('th')!.getAttribute('aria-sort')).toBe('descending');
});

test('the global page opens the sub-page its history names and follows the sidebar to the other', async () => {
  host({ timezone: ZONE });
  answer({ 'contracts/list': () => ok(view), 'monitoring/overview': () => ok({ at: view.at, horizonHours: 8, groupBy: 'customer', totals: { breached: 0, deadline: 0, escalation: 0, escalated: 0 }, groups: [], customers: [], truncated: false }) });
  let follow: (location: { pathname: string }) => void = () => undefined;
  mocked.createHistory.mockResolvedValue({ location: { pathname: '/contracts' }, listen: (listener: typeof follow) => ((follow = listener), () => undefined) });
  render(<GlobalPage />);
  await screen.findAllByTestId('contract-row');
  expect(callsTo('monitoring/overview')).toEqual([]);
  act(() => follow({ pathname: '/monitoring' }));
  await screen.findByTestId('monitoring-empty');
});

test.each([
  ['/contracts', 'contracts'],
  ['/contracts/', 'contracts'],
  ['/monitoring', 'monitoring'],
  ['/', 'monitoring'],
  ['/elsewhere', 'monitoring'],
])('the history location %s is the %s sub-page', (pathname, page) => {
  expect(subPageOf(pathname)).toBe(page);
});
