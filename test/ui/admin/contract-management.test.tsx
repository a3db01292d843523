// Contract management on the admin page (formats.md §6): a customer's group and sites, an agreement that measures in
// the site with its contract data and reminders, and a supplier with its own goal and targets — each saved as the
// bundle says, each mistake named by the backend's validator on its field.
import { fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle } from '../../../src/engine/types';
import { openTab, renderAdmin, type } from './render';

jest.setTimeout(30_000);

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

async function savedBundle(backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> {
  fireEvent.click(screen.getByTestId('save'));
  await screen.findByTestId('saved');
  return (backend.sent('admin/config/save').at(-1) as { bundle: ConfigBundle }).bundle;
}
const field = (name: string): HTMLElement => screen.getByRole('textbox', { name });
const select = (name: string): HTMLSelectElement => screen.getByRole('combobox', { name }) as HTMLSelectElement;

test("a new customer joins ACME's group, and ACME gets a New York site; both saved", async () => {
  const backend = await renderAdmin();
  openTab('Customers');
  fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
  const groups = screen.getAllByRole('combobox', { name: 'Group' }) as HTMLSelectElement[];
  // Each is offered the other as its group, never itself.
  expect([...groups[0]!.options].map((o) => o.value)).toEqual(['', 'customer']);
  expect([...groups[1]!.options].map((o) => o.value)).toEqual(['', 'acme']);
  fireEvent.change(groups[1]!, { target: { value: 'acme' } });
  fireEvent.click(within(screen.getByTestId('sites-0')).getByRole('button', { name: '+ Add site' }));
  type(field('Id of site 1'), 'acme-nyc');
  type(field('Name of site 1'), 'New York office');
  type(screen.getByLabelText('Time zone of site 1'), 'America/New_York');
  const bundle = await savedBundle(backend);
  expect(bundle.customers[0]!.sites).toEqual([{ id: 'acme-nyc', name: 'New York office', timezone: 'America/New_York' }]);
  expect(bundle.customers[1]!.parent).toBe('acme');
});

test('an agreement measures in the site and carries contract data with a reminder; a time-of-day offset is refused on its field', async () => {
  const backend = await renderAdmin();
  openTab('Agreements');
  fireEvent.change(select('Measure in'), { target: { value: 'site' } });
  fireEvent.click(screen.getByRole('button', { name: '+ Add contract data' }));
  type(field('Contract number'), 'ACME-2027-01');
  type(field('Owner (Atlassian account id)'), '712020:contract-manager');
  type(field('Contract issue'), 'CON-1');
  type(screen.getByLabelText('End'), '2027-01-01');
  type(field('Notice period'), 'P3M');
  fireEvent.change(select('Renewal'), { target: { value: 'automatic' } });
  fireEvent.click(screen.getByRole('button', { name: '+ Add reminder' }));
  type(field('How long before, reminder 1'), 'PT2H');
  fireEvent.click(screen.getByTestId('save'));
  const summary = await screen.findByTestId('error-summary');
  expect(summary.textContent).toMatch(/time part/);
  expect(field('How long before, reminder 1').getAttribute('aria-invalid')).toBe('true');

  type(field('How long before, reminder 1'), 'P30D');
  type(field('Who is told, reminder 1'), 'owner, group:contract-managers');
  const bundle = await savedBundle(backend);
  expect(bundle.agreements[0]!.measureIn).toBe('site');
  expect(bundle.agreements[0]!.contract).toEqual({
    number: 'ACME-2027-01', owner: '712020:contract-manager', issue: 'CON-1', start: bundle.agreements[0]!.validFrom, end: '2027-01-01', noticePeriod: 'P3M', renewal: 'automatic',
    reminders: [{ id: 'reminder', before: 'notice', offset: 'P30D', notify: ['owner', 'group:contract-managers'] }],
  });
});

test("a supplier with its own goal and a target row; its goal chosen on the Goals tab; never the customer's", async () => {
  const backend = await renderAdmin();
  openTab('Suppliers');
  expect(screen.getByText('No suppliers yet.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Add supplier' }));
  type(field('Id'), 'nordhost');
  type(field('Name'), 'Nordhost Datacenter');
  fireEvent.change(select('Calendar'), { target: { value: 'always' } });
  openTab('Goals');
  const supplierOfGoal = screen.getAllByRole('combobox', { name: 'Supplier' })[1] as HTMLSelectElement;
  fireEvent.change(supplierOfGoal, { target: { value: 'nordhost' } });
  openTab('Suppliers');
  fireEvent.click(screen.getByRole('button', { name: '+ Add target row' }));
  type(screen.getByRole('textbox', { name: 'Target of row 1' }), '4h');
  fireEvent.blur(screen.getByRole('textbox', { name: 'Target of row 1' }));
  fireEvent.click(screen.getByTestId('save'));
  // The goal is still on ACME's target rows: the validator says a supplier's goal belongs to the supplier.
  const summary = await screen.findByTestId('error-summary');
  expect(summary.textContent).toMatch(/supplier/);
  expect(backend.sent('admin/config/save')).toHaveLength(1);
  const sent = (backend.sent('admin/config/save')[0] as { bundle: ConfigBundle }).bundle;
  expect(sent.suppliers).toEqual([{ id: 'nordhost', name: 'Nordhost Datacenter', calendar: 'always', targets: [{ goal: 'resolution', target: 'PT4H' }] }]);
  expect(sent.goals.find((g) => g.id === 'resolution')!.supplier).toBe('nordhost');
});
