// The dashboard gadget: the counts and the most urgent rows for the customers and horizon it is set to; its edit view
// saves that choice through view.submit, which Jira keeps with the gadget.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MonitoringGadget } from '../../../static/monitoring-gadget/src/MonitoringGadget';
import { answer, callsTo, host, mocked, ok } from '../bridge-double';
import { NOW, ZONE, monitoring } from './fixtures';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

test('shows the customers and horizon it is set to, the counts, and the most urgent rows first', async () => {
  host({ timezone: ZONE, extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { customers: ['acme'], horizonHours: 4 } } });
  answer({ 'monitoring/overview': () => ok(monitoring) });
  render(<MonitoringGadget />);
  expect((await screen.findByTestId('gadget-scope')).textContent).toBe('ACME A/S · 4 h · updated 10:35');
  expect(callsTo('monitoring/overview')).toEqual([{ groupBy: 'customer', horizonHours: 4, customers: ['acme'] }]);
  expect(screen.getByTestId('total-breached').textContent).toBe('1Breached');
  expect(screen.getAllByTestId('monitoring-row').map((r) => r.className.replace('monitoring-row monitoring-row--', ''))).toEqual(['breached', 'escalation', 'deadline', 'escalated']);
});

test('without settings: all customers, eight hours', async () => {
  host({ timezone: ZONE, extension: { type: 'jira:dashboardGadget' } });
  answer({ 'monitoring/overview': () => ok(monitoring) });
  render(<MonitoringGadget />);
  expect((await screen.findByTestId('gadget-scope')).textContent).toBe('All customers · 8 h · updated 10:35');
  expect(callsTo('monitoring/overview')).toEqual([{ groupBy: 'customer', horizonHours: 8 }]);
});

test('its edit view offers the customers and the horizon and submits the choice to Jira', async () => {
  host({ timezone: ZONE, extension: { type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: { customers: ['acme'], horizonHours: 4 } } });
  answer({ 'monitoring/overview': () => ok(monitoring) });
  render(<MonitoringGadget />);
  const acme = (await screen.findByTestId('gadget-customer-acme')) as HTMLInputElement;
  expect(acme.checked).toBe(true);
  fireEvent.click(acme);
  fireEvent.click(screen.getByTestId('gadget-customer-fjord'));
  fireEvent.change(screen.getByTestId('gadget-horizon'), { target: { value: '24' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(mocked.submit).toHaveBeenCalledWith({ customers: ['fjord'], horizonHours: 24 }));
});
