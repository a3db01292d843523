// The admin page's Environments tab (formats.md §9.3–9.4): each customer environment's current versions with where
// they came from, a product's history with late reports muted, setting a version, a CSV import whose mistakes are
// grouped by line, and the deployment reports' URL and secret, rotated after a confirmation and shown once.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok } from './backend';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const overview = () =>
  ok({
    environments: [
      { customer: 'acme', customerName: 'ACME A/S', environment: 'UAT', products: [{ product: 'Payroll', version: '5.3.1', source: 'pipeline', by: 'gitlab-ci', deployedAt: Date.parse('2026-11-25T14:00:00Z'), recordedAt: Date.parse('2026-11-25T14:00:05Z') }] },
      {
        customer: 'acme', customerName: 'ACME A/S', environment: 'Production', products: [{ product: 'Payroll', version: '5.2.0', source: 'configuration' }],
        waiting: [{ issueKey: 'SUP-9', product: 'Payroll', devKey: 'PAY-1', fix: '5.3.1' }, { issueKey: 'SUP-12', product: 'Payroll', devKey: 'PAY-4', fix: '5.4.0' }],
      },
    ],
  });
const history = () =>
  ok({
    customer: 'acme', environment: 'UAT', product: 'Payroll', starting: '5.3.0-rc1',
    entries: [
      { target: 't', customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.1', versionKey: 'k2', deployedAt: Date.parse('2026-11-25T14:00:00Z'), source: 'pipeline', by: 'gitlab-ci', recordedAt: Date.parse('2026-11-25T14:00:05Z'), outcome: 'current', previous: '5.3.0' },
      { target: 't', customer: 'acme', environment: 'UAT', product: 'Payroll', version: '5.3.0', versionKey: 'k1', deployedAt: Date.parse('2026-11-20T09:00:00Z'), source: 'csv', recordedAt: Date.parse('2026-11-26T08:00:00Z'), outcome: 'superseded' },
    ],
  });
const status = (secretSet: boolean) => () =>
  ok({ url: 'https://example.invalid/x1/abc', secretSet, createdAt: secretSet ? Date.parse('2026-11-01T10:00:00Z') : null, createdBy: secretSet ? 'Mette Hansen' : null, previousValidUntil: null, headers: { timestamp: 'X-Contract-SLA-Timestamp', nonce: 'X-Contract-SLA-Nonce', signature: 'X-Contract-SLA-Signature' }, windowSeconds: 300 });

describe('the Environments tab', () => {
  it('shows each environment with its versions and sources, and a history with late reports muted', async () => {
    await renderAdmin({ 'admin/environments/overview': overview, 'admin/environments/history': history, 'admin/deployments/status': status(true) });
    openTab('Environments');
    const uat = await screen.findByTestId('version-acme/UAT/Payroll');
    expect(uat.textContent).toMatch(/^Payroll5\.3\.1pipeline · gitlab-ci.*History$/);
    expect(screen.getByTestId('version-acme/Production/Payroll').textContent).toMatch(/^Payroll5\.2\.0configuration—History$/);
    fireEvent.click(within(uat).getByRole('button', { name: 'History' }));
    const list = await screen.findByTestId('history-acme/UAT/Payroll');
    expect(list.textContent).toContain('Starting version from the configuration: 5.3.0-rc1.');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.className)).toEqual(['', 'muted']);
    expect(rows[0]!.textContent).toContain('5.3.1 (was 5.3.0)');
    expect(rows[1]!.textContent).toContain('history only (a later deployment is current)');
  });

  it('records a version by hand and says what it became', async () => {
    const backend = await renderAdmin({
      'admin/environments/overview': overview,
      'admin/deployments/status': status(true),
      'admin/environments/set-version': ({ version }) => ok({ outcome: 'current', deployment: {}, current: { version } }),
    });
    openTab('Environments');
    const form = await screen.findByTestId('set-version');
    fireEvent.change(within(form).getByRole('combobox'), { target: { value: 'acme/Production/Payroll' } });
    type(within(form).getByRole('textbox', { name: 'Version' }), '5.3.1');
    fireEvent.click(within(form).getByRole('button', { name: 'Record' }));
    expect((await screen.findByTestId('set-version-outcome')).textContent).toBe('Recorded: ACME A/S Production runs Payroll 5.3.1.');
    expect(backend.sent('admin/environments/set-version')).toEqual([{ customer: 'acme', environment: 'Production', product: 'Payroll', version: '5.3.1' }]);
  });

  it('imports a CSV file; a refused file lists its mistakes by line and records nothing', async () => {
    await renderAdmin({
      'admin/environments/overview': overview,
      'admin/deployments/status': status(true),
      'admin/environments/import': ({ csv }) =>
        (csv as string).includes('latest')
          ? { ok: false, errors: [{ code: 'INVALID', path: 'csv[3].version', message: '"latest" is not a version' }, { code: 'INVALID', path: 'csv[3].customer', message: 'unknown customer "nobody"' }, { code: 'INVALID', path: 'csv[5]', message: 'expected 4 cells' }] }
          : ok({ rows: 2, current: 1, superseded: 1, duplicate: 0 }),
    });
    openTab('Environments');
    const form = await screen.findByTestId('import-versions');
    type(within(form).getByRole('textbox', { name: 'CSV text' }), 'customer,environment,product,version\nacme,UAT,Payroll,latest');
    fireEvent.click(within(form).getByRole('button', { name: 'Import' }));
    const errors = await screen.findByTestId('import-errors');
    expect(within(errors).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Line 3: version: "latest" is not a version; customer: unknown customer "nobody"', 'Line 5: expected 4 cells']);
    type(within(form).getByRole('textbox', { name: 'CSV text' }), 'customer,environment,product,version\nacme,UAT,Payroll,5.3.1');
    fireEvent.click(within(form).getByRole('button', { name: 'Import' }));
    expect((await screen.findByTestId('import-outcome')).textContent).toBe('2 rows: 1 current, 1 history only, 0 already recorded.');
    expect(screen.queryByTestId('import-errors')).toBeNull();
  });

  it('lists the requests waiting for a release on an environment, each with its development issue and fix', async () => {
    await renderAdmin({ 'admin/environments/overview': overview, 'admin/deployments/status': status(true) });
    openTab('Environments');
    const waiting = await screen.findByTestId('waiting-acme-Production');
    expect(within(waiting).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['SUP-9 waits for Payroll 5.3.1 (PAY-1)', 'SUP-12 waits for Payroll 5.4.0 (PAY-4)']);
    expect(within(waiting).getByRole('link', { name: 'PAY-1' }).getAttribute('href')).toBe('/browse/PAY-1');
    // An environment where nothing waits says nothing of it.
    expect(screen.queryByTestId('waiting-acme-UAT')).toBeNull();
  });

  it('shows where pipelines report, and creates the secret after a confirmation, once', async () => {
    let set = false;
    const backend = await renderAdmin({
      'admin/environments/overview': overview,
      'admin/deployments/status': () => status(set)(),
      'admin/deployments/rotate-secret': () => {
        set = true;
        return ok({ secret: 's3cr3t-value', createdAt: Date.parse('2026-11-26T09:00:00Z'), previousValidUntil: null });
      },
    });
    openTab('Environments');
    expect((await screen.findByTestId('deployment-url')).textContent).toBe('https://example.invalid/x1/abc');
    expect(screen.getByTestId('secret-state').textContent).toContain('No secret yet: reports are refused');
    fireEvent.click(screen.getByRole('button', { name: 'Create secret…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the secret' }));
    expect((await screen.findByTestId('new-secret')).textContent).toContain('s3cr3t-value');
    await waitFor(() => expect(screen.getByTestId('secret-state').textContent).toContain('Secret set'));
    expect(backend.sent('admin/deployments/rotate-secret')).toHaveLength(1);
  });
});
