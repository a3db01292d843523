import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { exampleBundle, ok, SAVED_AT, STORED_VERSION } from './backend';
import { openTab, renderAdmin } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const delivered = {
  id: 'acme-prod:2026-11:1',
  agreement: 'acme-prod',
  month: '2026-11',
  version: 1,
  issuedAt: '2026-12-03T08:00:00Z',
  issuedBy: 'schedule',
  goals: [],
  requests: { created: 12, resolved: 10, open: { total: 2, byStatus: {}, byPriority: {} } },
  delivery: { state: 'delivered', requestKey: 'SUP-40', attachmentId: '10001', attempts: 1 },
  requestPath: '/servicedesk/customer/portal/1/SUP-40',
  fileName: 'ACME Production - November 2026 - v1.pdf',
  goalListName: null as string | null,
};

const list = () =>
  ok({
    agreements: [
      {
        id: 'acme-prod', name: 'ACME Production', customer: 'ACME A/S', lastMonth: '2026-11', nextScheduled: null,
        schedule: { day: 3, recipients: ['acc-sofie', 'acc-anders'], language: 'da', serviceDeskId: '1', requestTypeId: '2' },
        reports: [delivered],
      },
      { id: 'acme-uat', name: 'ACME UAT', customer: 'ACME A/S', lastMonth: '2026-11', nextScheduled: null, schedule: null, reports: [] },
    ],
  });

describe('the admin page’s Reports tab', () => {
  it('lists each agreement’s schedule and issued reports with where their delivery stands, and issues a month again', async () => {
    const backend = await renderAdmin({ 'admin/reports/list': list, 'admin/reports/issue': ({ agreement, month }) => ok({ queued: true, agreement, month }) });
    openTab('Reports');
    const acme = await screen.findByTestId('reports-acme-prod');
    expect(acme.textContent).toContain('Issued on day 3 of each month for the month before, delivered through JSM to 2 recipients, labels in Danish.');
    const row = within(acme).getByTestId('issued-acme-prod:2026-11:1');
    expect(row.textContent).toContain('November 2026');
    expect(row.textContent).toContain('on schedule');
    expect(row.textContent).toContain('Delivered');
    expect(row.textContent).toContain('SUP-40');
    expect(screen.getByTestId('reports-acme-uat').textContent).toContain('No schedule: reports are issued on request only, and not delivered.');

    fireEvent.click(within(acme).getByRole('button', { name: 'Issue November 2026 again (version 2)' }));
    expect((await within(acme).findByRole('status')).textContent).toBe('The November 2026 report is being issued; it appears below in a moment.');
    expect(backend.sent('admin/reports/issue')).toEqual([{ agreement: 'acme-prod', month: '2026-11' }]);
    await waitFor(() => expect(backend.sent('admin/reports/list')).toHaveLength(2));
    expect(within(screen.getByTestId('reports-acme-uat')).getByRole('button', { name: 'Issue November 2026 now' })).toBeTruthy();
  });

  it('hands the PDF to the browser as a download', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (created.push(blob), 'blob:report')), revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    try {
      const backend = await renderAdmin({ 'admin/reports/list': list, 'admin/reports/pdf': () => ok({ fileName: delivered.fileName, base64: Buffer.from('%PDF-1.7').toString('base64') }) });
      openTab('Reports');
      fireEvent.click(await screen.findByRole('button', { name: 'Download the November 2026 report, version 1 (PDF)' }));
      await waitFor(() => expect(clicked).toEqual([delivered.fileName]));
      expect(backend.sent('admin/reports/pdf')).toEqual([{ report: delivered.id }]);
      expect(created[0]!.type).toBe('application/pdf');
    } finally {
      click.mockRestore();
    }
  });

  it('offers the complete goal list of a month too large for the PDF’s lists, and only then', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (created.push(blob), 'blob:goals')), revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const large = { ...delivered, id: 'acme-prod:2026-10:1', month: '2026-10', goalListName: 'ACME Production - October 2026 - v1-goals.csv.gz' };
    const lists = () =>
      ok({ agreements: [{ id: 'acme-prod', name: 'ACME Production', customer: 'ACME A/S', lastMonth: '2026-11', nextScheduled: null, schedule: null, reports: [delivered, large] }] });
    try {
      const backend = await renderAdmin({
        'admin/reports/list': lists,
        'admin/reports/goals': () => ok({ fileName: large.goalListName, mimeType: 'application/gzip', base64: Buffer.from([0x1f, 0x8b, 8, 0]).toString('base64') }),
      });
      openTab('Reports');
      const november = await screen.findByTestId('issued-acme-prod:2026-11:1');
      expect(within(november).queryByRole('button', { name: /every goal/ })).toBeNull();
      const october = screen.getByTestId('issued-acme-prod:2026-10:1');
      fireEvent.click(within(october).getByRole('button', { name: 'Download every goal of the October 2026 report, version 1 (ACME Production - October 2026 - v1-goals.csv.gz)' }));
      await waitFor(() => expect(clicked).toEqual([large.goalListName]));
      expect(backend.sent('admin/reports/goals')).toEqual([{ report: large.id }]);
      expect(created[0]!.type).toBe('application/gzip');
      expect(created[0]!.size).toBe(4);
    } finally {
      click.mockRestore();
    }
  });

  it('offers no issuing to someone who may only read the configuration', async () => {
    await renderAdmin({
      'admin/config/get': () => ok({ version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account', bundle: exampleBundle(), canEdit: false }),
      'admin/reports/list': list,
    });
    openTab('Reports');
    const acme = await screen.findByTestId('reports-acme-prod');
    expect(within(acme).queryByRole('button', { name: /Issue/ })).toBeNull();
    expect(within(acme).getByRole('button', { name: /Download/ })).toBeTruthy();
  });
});
