// The monitoring page: counts first, then the groups with their rows (red breached, amber escalations, blue
// deadlines), each opening its request; regrouping and narrowing ask the resolver again; it refreshes every two minutes.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MonitoringPage } from '../../../static/monitoring/src/MonitoringPage';
import { MONITORING_POLL_MS } from '../../../static/shared/monitoring';
import { answer, callsTo, host, mocked, ok } from '../bridge-double';
import { NOW, ZONE, empty, monitoring } from './fixtures';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

test('shows the counts, then each customer with its rows in words, in the viewer zone', async () => {
  host({ timezone: ZONE });
  answer({ 'monitoring/overview': () => ok(monitoring) });
  render(<MonitoringPage />);
  const totals = await screen.findByTestId('monitoring-totals');
  expect(within(totals).getByTestId('total-breached').textContent).toBe('1Breachednow');
  expect(within(totals).getByTestId('total-escalation').textContent).toBe('1Escalation duethe next 8 hours');
  expect(within(totals).getByTestId('total-escalated').textContent).toBe('1Escalatedthe last 8 hours');
  expect(callsTo('monitoring/overview')).toEqual([{ groupBy: 'customer', horizonHours: 8 }]);

  const groups = screen.getAllByTestId('monitoring-group');
  expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['ACME A/S 1 breached · 1 deadline due · 1 escalated', 'Fjord Logistik ApS 1 escalation due']);
  const rows = within(groups[0]!).getAllByTestId('monitoring-row');
  expect(rows.map((r) => r.className)).toEqual(['monitoring-row monitoring-row--breached', 'monitoring-row monitoring-row--deadline', 'monitoring-row monitoring-row--escalated']);
  expect(rows[0]!.textContent).toBe('BreachedSUP-9Payroll is downACME A/STime to first responseUnassignedsince 10:30 (5 m ago)');
  expect(rows[2]!.textContent).toContain('Time to first response: 50 % of the time used — told group service-managers');
  expect(rows[2]!.querySelector('.lozenge')!.className).toBe('lozenge lozenge--moved');
  expect(within(groups[1]!).getByTestId('monitoring-row').textContent).toBe('Escalation dueSUP-10Trucks invisibleFjord Logistik ApSTime to first response: 50 % of the time usedLars Nielsen10:50 (in 15 m)');

  fireEvent.click(within(groups[1]!).getByRole('link', { name: 'SUP-10' }));
  expect(mocked.open).toHaveBeenCalledWith('/browse/SUP-10');
});

test('regroups, narrows to a customer and widens the horizon through the resolver', async () => {
  host({ timezone: ZONE });
  answer({ 'monitoring/overview': () => ok(monitoring) });
  render(<MonitoringPage />);
  await screen.findByTestId('monitoring-totals');
  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'assignee' } });
  await waitFor(() => expect(callsTo('monitoring/overview').at(-1)).toEqual({ groupBy: 'assignee', horizonHours: 8 }));
  fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'fjord' } });
  await waitFor(() => expect(callsTo('monitoring/overview').at(-1)).toEqual({ groupBy: 'assignee', horizonHours: 8, customers: ['fjord'] }));
  fireEvent.change(screen.getByLabelText('Hours ahead'), { target: { value: '24' } });
  await waitFor(() => expect(callsTo('monitoring/overview').at(-1)).toEqual({ groupBy: 'assignee', horizonHours: 24, customers: ['fjord'] }));
});

test('stays live: asks again every two minutes without a reload, and says when nothing is at risk', async () => {
  host({ timezone: ZONE });
  let answers = 0;
  answer({ 'monitoring/overview': () => ok(answers++ === 0 ? monitoring : empty) });
  jest.useFakeTimers({ doNotFake: ['Date'] });
  render(<MonitoringPage />);
  await screen.findByTestId('monitoring-totals');
  await act(async () => void jest.advanceTimersByTime(MONITORING_POLL_MS - 1_000));
  expect(callsTo('monitoring/overview')).toHaveLength(1);
  await act(async () => void jest.advanceTimersByTime(1_000));
  expect(await screen.findByTestId('monitoring-empty')).toBeTruthy();
  expect(callsTo('monitoring/overview')).toHaveLength(2);
});

test('a large group shows its first rows, then all of them on request', async () => {
  host({ timezone: ZONE });
  const many = Array.from({ length: 60 }, (_, i) => ({ ...monitoring.groups[0]!.rows[0]!, issueKey: `SUP-${100 + i}` }));
  answer({ 'monitoring/overview': () => ok({ ...monitoring, groups: [{ ...monitoring.groups[0]!, rows: many }] }) });
  render(<MonitoringPage />);
  await screen.findByTestId('monitoring-totals');
  expect(screen.getAllByTestId('monitoring-row')).toHaveLength(25);
  fireEvent.click(screen.getByRole('button', { name: 'Show all 60' }));
  expect(screen.getAllByTestId('monitoring-row')).toHaveLength(60);
});
