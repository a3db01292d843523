import { fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle } from '../../../src/engine/types';
import { exampleBundle } from './backend';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const savedBundle = async (backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> => {
  fireEvent.click(screen.getByTestId('save'));
  await screen.findByTestId('saved');
  return (backend.sent('admin/config/save')[0] as { bundle: ConfigBundle }).bundle;
};
const card = (title: string): HTMLElement => screen.getByRole('heading', { name: title }).closest('section')!;

describe('the other sections of the configuration', () => {
  it('holiday collections: a regional preset, kinds, a date with special hours', async () => {
    const backend = await renderAdmin();
    openTab('Holiday collections');
    const danish = card('Danish public holidays');
    fireEvent.change(within(danish).getByRole('combobox', { name: 'Country' }), { target: { value: '__other__' } });
    type(within(danish).getByRole('textbox', { name: 'Country or region code' }), 'DE-BY');
    fireEvent.click(within(danish).getByRole('checkbox', { name: 'bank' }));
    fireEvent.click(within(danish).getByRole('button', { name: '+ Add date' }));
    type(within(danish).getByLabelText('Date 3'), '2026-12-23');
    type(within(danish).getByRole('textbox', { name: 'Name of date 3' }), 'Little Christmas Eve');
    fireEvent.change(within(danish).getByRole('combobox', { name: 'Opening on date 3' }), { target: { value: 'special' } });
    type(within(danish).getByRole('textbox', { name: '2026-12-23 interval 1 end' }), '13:00');

    const bundle = await savedBundle(backend);
    expect(bundle.holidayCollections[0]!.preset).toEqual({ country: 'DE-BY', types: ['public', 'bank'] });
    expect(bundle.holidayCollections[0]!.days[2]).toEqual({ date: '2026-12-23', name: 'Little Christmas Eve', hours: [['09:00', '13:00']] });
  });

  it('holiday collections in use by a calendar cannot be deleted', async () => {
    await renderAdmin();
    openTab('Holiday collections');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Holiday collection “Danish public holidays”' }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('used by calendar “Copenhagen office hours”');
  });

  it('actions: matchers per event type', async () => {
    const backend = await renderAdmin();
    openTab('Actions');
    fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    const added = card('New action');
    type(within(added).getByRole('textbox', { name: 'Id' }), 'to-done');
    fireEvent.change(within(added).getByRole('combobox', { name: 'When' }), { target: { value: 'status' } });
    fireEvent.click(within(added).getAllByRole('button', { name: '+ Add status' })[0]!);
    type(within(added).getByLabelText('From statuses 1'), 'In Progress');
    fireEvent.change(within(added).getByRole('combobox', { name: 'Or: to a status in category' }), { target: { value: 'done' } });
    const customerReply = card('Customer replied');
    fireEvent.change(within(customerReply).getByRole('combobox', { name: 'Visibility' }), { target: { value: 'internal' } });

    const bundle = await savedBundle(backend);
    expect(bundle.actions[7]).toEqual({ id: 'to-done', name: 'New action', when: { event: 'status', from: ['In Progress'], toCategory: 'done' } });
    expect(bundle.actions[2]!.when).toEqual({ event: 'comment', author: 'customer', visibility: 'internal' });
  });

  it('actions used by goals cannot be deleted; renaming one renames it in the goals', async () => {
    const backend = await renderAdmin();
    openTab('Actions');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Action “Resolved”' }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('goal “Time to first response” (cancel), goal “Time to resolution” (stop)');
    type(within(card('Resolved')).getByRole('textbox', { name: 'Id' }), 'done');
    const bundle = await savedBundle(backend);
    expect(bundle.goals[1]!.stop).toEqual(['done']);
    expect(bundle.goals[0]!.cancel).toEqual(['done']);
  });

  it('goals: actions as a matrix, internal flag, guidance', async () => {
    const backend = await renderAdmin();
    openTab('Goals');
    const response = card('Time to first response');
    fireEvent.click(within(response).getByRole('checkbox', { name: 'Pause: Waiting for customer (to-waiting)' }));
    fireEvent.click(within(response).getByRole('checkbox', { name: 'Resume: Customer replied (customer-reply)' }));
    fireEvent.click(within(response).getByRole('checkbox', { name: 'Stop (met): Work started (work-started)' }));
    fireEvent.click(within(response).getByRole('checkbox', { name: 'Internal (OLA): never shown to customers' }));
    type(within(response).getByRole('textbox', { name: /Guidance/ }), 'Answer the customer');

    const bundle = await savedBundle(backend);
    expect(bundle.goals[0]).toEqual({
      ...exampleBundle().goals[0],
      stop: ['agent-reply'],
      pause: ['to-waiting'],
      resume: ['customer-reply'],
      internal: true,
      guidance: 'Answer the customer',
    });
  });

  it('goals used by target rows cannot be deleted', async () => {
    await renderAdmin();
    openTab('Goals');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Goal “Triage (internal)”' }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('target row 6 of agreement “ACME Production”');
  });

  it('action models: the statuses that pause', async () => {
    const backend = await renderAdmin();
    openTab('Action models');
    fireEvent.click(screen.getByRole('button', { name: 'Remove status 2' }));
    fireEvent.click(screen.getByRole('button', { name: '+ Add status' }));
    type(screen.getByLabelText('Pause in statuses 2'), 'Pending vendor');
    const bundle = await savedBundle(backend);
    expect(bundle.actionModels[0]!.pauseInStatuses).toEqual(['Waiting for customer', 'Pending vendor']);
  });

  it('customers: organization from JSM, environments with products and versions', async () => {
    const backend = await renderAdmin();
    openTab('Customers');
    const acme = card('ACME A/S');
    const organization = await within(acme).findByRole('combobox', { name: 'JSM organization' });
    expect(within(organization).getAllByRole('option').map((o) => o.textContent)).toEqual(['None', 'ACME (12)', 'Globex (14)', 'Another id…']);
    fireEvent.change(organization, { target: { value: '14' } });
    fireEvent.click(within(acme).getByRole('button', { name: '+ Add environment' }));
    type(within(acme).getByRole('textbox', { name: 'Environment 3' }), 'Test');
    fireEvent.click(within(acme).getAllByRole('button', { name: '+ Add product' })[2]!);
    type(within(acme).getByRole('textbox', { name: 'Product 1 of Test' }), 'Payroll');
    type(within(acme).getByRole('textbox', { name: 'Version of product 1 of Test' }), '5.4.0-beta');

    const bundle = await savedBundle(backend);
    expect(bundle.customers[0]!.organizationId).toBe('14');
    expect(bundle.customers[0]!.environments[2]).toEqual({ name: 'Test', products: [{ name: 'Payroll', version: '5.4.0-beta' }] });
  });

  it('customers: a typed organization id when JSM cannot list them; customers with agreements stay', async () => {
    const backend = await renderAdmin({ 'admin/jira/organizations': () => ({ ok: false, errors: [{ code: 'FORBIDDEN', message: 'no access to organizations' }] }) });
    openTab('Customers');
    const acme = card('ACME A/S');
    const typed = await within(acme).findByRole('textbox', { name: 'JSM organization id' });
    expect(acme.textContent).toContain('no access to organizations');
    type(typed, '77');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Customer “ACME A/S”' }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('used by agreement “ACME Production”');
    fireEvent.click(within(acme).getAllByRole('button', { name: 'Remove Environment “Production”' })[0]!);
    expect(screen.getAllByTestId('delete-refused')[1]!.textContent).toContain('Environment “Production” cannot be deleted');

    const bundle = await savedBundle(backend);
    expect(bundle.customers[0]!.organizationId).toBe('77');
    expect(bundle.customers[0]!.environments).toHaveLength(2);
  });
});
