// The admin page's Management tab: the figures of the resolver as totals, two titled charts and the same figures as a
// table; filters and the grouping ask again; a figure opens the requests behind it (each a link into Jira); the
// exports save the resolver's file.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ManagementReports, monthBefore, percent, type ManagementFigures } from '../../../static/admin/src/ManagementReports';
import { answer, callsTo, failed, host, mocked, ok } from '../bridge-double';
import { exampleBundle, ok as okAdmin, SAVED_AT, STORED_VERSION } from './backend';
import { renderAdmin } from './render';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

const NOW = Date.parse('2026-12-03T09:00:00Z');
const figures = (met: number, breached: number, cancelled = 0) => ({ met, breached, cancelled, closed: met + cancelled, compliance: met + breached === 0 ? null : met / (met + breached) });

const customerGroups = [
  { key: 'acme', label: 'ACME A/S', requests: { created: 14, resolved: 11, open: 3 }, contractual: figures(12, 1, 1), internal: figures(10, 3) },
  { key: 'fjord', label: 'Fjord Logistik ApS', requests: { created: 5, resolved: 5, open: 0 }, contractual: figures(0, 0), internal: figures(2, 0) },
];
const byCustomer: ManagementFigures = {
  from: '2026-09',
  to: '2026-11',
  months: ['2026-09', '2026-10', '2026-11'],
  groupings: {
    customer: customerGroups,
    group: customerGroups,
    environment: [],
    product: [],
    agreement: [],
    requestType: [],
    priority: [
      { key: '1', label: 'Rank 1 (Critical, Red)', requests: { created: 4, resolved: 4, open: 0 }, contractual: figures(3, 1), internal: figures(2, 0) },
      { key: '2', label: 'Rank 2 (High, Yellow)', requests: { created: 15, resolved: 12, open: 3 }, contractual: figures(9, 0, 1), internal: figures(10, 3) },
    ],
    goal: [
      { key: 'response', label: 'Time to first response', requests: null, contractual: figures(12, 1, 1), internal: figures(0, 0) },
      { key: 'triage', label: 'Triage (internal)', requests: null, contractual: figures(0, 0), internal: figures(12, 3) },
    ],
    assignee: [],
    month: [],
  },
  internalGoals: ['triage'],
  totals: { key: 'total', label: 'All', requests: { created: 19, resolved: 16, open: 3 }, contractual: figures(12, 1, 1), internal: figures(12, 3) },
  customers: [
    { id: 'acme', name: 'ACME A/S' },
    { id: 'fjord', name: 'Fjord Logistik ApS' },
  ],
  agreements: [
    { id: 'acme-prod', name: 'ACME production', customer: 'acme' },
    { id: 'fjord-std', name: 'Fjord standard', customer: 'fjord' },
  ],
};

const drillRow = {
  issueKey: 'SUP-17',
  summary: 'Payroll is down',
  month: '2026-11',
  agreement: 'acme-prod',
  customer: 'acme',
  priority: 'p1',
  assignee: 'Lars Nielsen',
  status: 'Done',
  goal: 'response',
  cycle: 1,
  internal: false,
  outcome: 'breached' as const,
  targetMs: 2 * 3_600_000,
  elapsedMs: 2 * 3_600_000 + 20 * 60_000,
  breachedAt: NOW,
};

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  host({ timezone: 'Europe/Copenhagen' });
});
afterEach(() => jest.restoreAllMocks());

test('the months before now, and compliance in per cent cut (never rounded up to a promise kept)', () => {
  expect(monthBefore(NOW, 1)).toBe('2026-11');
  expect(monthBefore(Date.parse('2026-01-15T00:00:00Z'), 3)).toBe('2025-10');
  expect(percent(12 / 13)).toBe('92.3 %');
  expect(percent(0.99999)).toBe('99.9 %');
  expect(percent(1)).toBe('100.0 %');
  expect(percent(null)).toBe('–');
});

test('totals, two titled charts and the table of the same figures, for the three months that ended last', async () => {
  answer({ 'admin/management/report': () => ok(byCustomer) });
  render(<ManagementReports />);
  const totals = await screen.findByTestId('management-totals');
  expect(callsTo('admin/management/report')).toEqual([{ from: '2026-09', to: '2026-11' }]);
  expect(within(totals).getByTestId('total-contractual').textContent).toBe('92.3 %Contractual compliance');
  expect(within(totals).getByTestId('total-internal').textContent).toBe('80.0 %Internal (OLA) compliance');
  expect(within(totals).getByTestId('total-open').textContent).toBe('3Open at the end of November 2026');
  expect(screen.getByTestId('management-period').textContent).toContain('September 2026 to November 2026');

  expect(screen.getByRole('figure', { name: 'Compliance by customer' })).toBeTruthy();
  expect(screen.getByRole('figure', { name: 'Goals met and breached by customer' })).toBeTruthy();

  const rows = screen.getAllByTestId('figures-row');
  expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
    ['ACME A/S', '14', '11', '3', '12', '1', '1', '13', '92.3 %', '10', '3', '0', '10', '76.9 %'],
    ['Fjord Logistik ApS', '5', '5', '0', '0', '0', '0', '0', '–', '2', '0', '0', '2', '100.0 %'],
  ]);
  expect([...screen.getByTestId('figures-total').querySelectorAll('td')].map((c) => c.textContent)).toEqual(['All', '19', '16', '3', '12', '1', '1', '13', '92.3 %', '12', '3', '0', '12', '80.0 %']);
  // A zero opens nothing.
  expect((within(rows[1]!).getAllByRole('button')[2] as HTMLButtonElement).disabled).toBe(true);
});

test('the filters ask again; the grouping and the kinds of goal are the same answer regrouped, without asking', async () => {
  answer({ 'admin/management/report': () => ok(byCustomer) });
  render(<ManagementReports />);
  await screen.findByTestId('management-totals');
  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'priority' } });
  expect(screen.getByRole('figure', { name: 'Compliance by priority' })).toBeTruthy();
  expect(screen.getAllByTestId('figures-row').map((r) => r.querySelector('th')!.textContent)).toEqual(['Rank 1 (Critical, Red)', 'Rank 2 (High, Yellow)']);
  fireEvent.click(screen.getByLabelText('Internal (OLA)'));
  expect(screen.queryByTestId('total-contractual')).toBeNull();
  expect(screen.getByTestId('total-internal').textContent).toBe('80.0 %Internal (OLA) compliance');
  expect(screen.getAllByTestId('figures-row')[1]!.querySelectorAll('td')).toHaveLength(3 + 5);
  // By goal, only the internal goals are the internal scope's.
  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'goal' } });
  expect(screen.getAllByTestId('figures-row').map((r) => r.querySelector('th')!.textContent)).toEqual(['Triage (internal)']);
  fireEvent.click(screen.getByLabelText('Contractual'));
  expect(screen.getAllByTestId('figures-row').map((r) => r.querySelector('th')!.textContent)).toEqual(['Time to first response']);
  expect(callsTo('admin/management/report')).toHaveLength(1);

  const region = screen.getByRole('region', { name: 'Management reports' });
  expect(region.getAttribute('aria-busy')).toBe('false');
  fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'fjord' } });
  // The figures on screen are the earlier filters' until the new ones arrive: said, and busy.
  expect(region.getAttribute('aria-busy')).toBe('true');
  expect(screen.getByTestId('management-period').textContent).toContain('updating…');
  expect(within(screen.getByLabelText('Agreement')).getAllByRole('option').map((o) => o.textContent)).toEqual(['All agreements', 'Fjord standard']);
  fireEvent.change(screen.getByLabelText('Agreement'), { target: { value: 'fjord-std' } });
  fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11' } });
  await waitFor(() => expect(callsTo('admin/management/report').at(-1)).toEqual({ from: '2026-11', to: '2026-11', customers: ['fjord'], agreements: ['fjord-std'] }));
  await waitFor(() => expect(region.getAttribute('aria-busy')).toBe('false'));
});

test('a figure opens the requests behind it, each a link into Jira, with how much it missed by', async () => {
  answer({ 'admin/management/report': () => ok(byCustomer), 'admin/management/drill': () => ok({ total: 1, rows: [drillRow] }) });
  render(<ManagementReports />);
  await screen.findByTestId('management-totals');
  fireEvent.click(screen.getByRole('button', { name: '1 contractual goals breached, ACME A/S: show them' }));
  const drill = await screen.findByTestId('drill-down');
  expect(callsTo('admin/management/drill')).toEqual([{ from: '2026-09', to: '2026-11', scope: 'both', groupBy: 'customer', group: 'acme', measure: 'breached', kind: 'contractual' }]);
  expect(within(drill).getByRole('heading').textContent).toBe('ACME A/S: contractual goals breached');
  await within(drill).findByTestId('drill-row');
  expect([...within(drill).getByTestId('drill-row').querySelectorAll('td')].map((c) => c.textContent)).toEqual([
    'SUP-17 Payroll is down',
    '2026-11',
    'acme-prod',
    'p1',
    'Lars Nielsen',
    'response',
    'breached by 20 m (target 2 h)',
  ]);
  fireEvent.click(within(drill).getByRole('link', { name: 'SUP-17' }));
  expect(mocked.open).toHaveBeenCalledWith('/browse/SUP-17');
  // The total row's figures drill into everything.
  fireEvent.click(within(screen.getByTestId('figures-total')).getByRole('button', { name: '19 requests created, All: show them' }));
  await waitFor(() => expect(callsTo('admin/management/drill').at(-1)).toMatchObject({ group: 'total', measure: 'created' }));
});

test('the exports save the resolver’s file; a refusal is said on the page', async () => {
  const saved: string[] = [];
  URL.createObjectURL = jest.fn(() => 'blob:x');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  let refuse = false;
  answer({
    'admin/management/report': () => ok(byCustomer),
    'admin/management/export': (payload) =>
      refuse
        ? failed({ code: 'INVALID', path: 'to', message: 'the 90,000 goals make a 9.1 MB file, more than a page may download at once; choose fewer months, customers or agreements' })
        : ok({ fileName: `contract-sla-goals-2026-09-to-2026-11.${String(payload.format)}`, type: 'text/csv', goals: 2, gzip: false, base64: btoa('issue,goal\n') }),
  });
  render(<ManagementReports />);
  await screen.findByTestId('management-totals');
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  await waitFor(() => expect(saved).toEqual(['contract-sla-goals-2026-09-to-2026-11.csv']));
  fireEvent.click(screen.getByRole('button', { name: 'Export Excel' }));
  await waitFor(() => expect(saved).toEqual(['contract-sla-goals-2026-09-to-2026-11.csv', 'contract-sla-goals-2026-09-to-2026-11.xlsx']));
  expect(callsTo('admin/management/export').at(-1)).toEqual({ from: '2026-09', to: '2026-11', scope: 'both', groupBy: 'customer', format: 'xlsx' });
  refuse = true;
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect((await screen.findByText(/9\.1 MB file/)).textContent).toContain('choose fewer months');
});

test('before any configuration, says so', async () => {
  answer({ 'admin/management/report': () => failed({ code: 'NOT_CONFIGURED', message: 'Contract SLA has no configuration yet' }) });
  render(<ManagementReports />);
  expect((await screen.findByText('Contract SLA is not set up yet')).textContent).toBe('Contract SLA is not set up yet');
});

test('the tab is the Jira administrators’: a project’s administrator reading the configuration has none', async () => {
  await renderAdmin({ 'admin/config/get': () => okAdmin({ version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account', bundle: exampleBundle(), canEdit: false }) });
  expect(screen.getByRole('tab', { name: 'Reports' })).toBeTruthy();
  expect(screen.queryByRole('tab', { name: 'Management' })).toBeNull();
  cleanup();
  await renderAdmin();
  expect(screen.getByRole('tab', { name: 'Management' })).toBeTruthy();
});
