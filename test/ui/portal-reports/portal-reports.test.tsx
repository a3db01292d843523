import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PortalReports } from '../../../static/portal-reports/src/PortalReports';
import type { PortalReports as Reports } from '../../../static/shared/views';
import { answer, callsTo, failed, host, ok } from '../bridge-double';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

type Row = Reports['reports'][number];

// ACME's October report was a small month (its PDF lists every goal); November's counted 12,000 goals, so its PDF lists
// the first 2,000 and the complete list came with it.
const october: Row = {
  id: 'acme-prod:2026-10:1', agreement: 'acme-prod', agreementName: 'ACME Production', month: '2026-10', version: 1, issuedAt: '2026-11-03T04:00:00.000Z', issuedBy: 'schedule',
  goals: [{ goal: 'response', met: 40, breached: 0, compliance: 1 }],
  requests: { created: 41, resolved: 39, open: 2 },
  delivery: { state: 'delivered', requestKey: 'SUP-40', attempts: 1 }, requestPath: '/servicedesk/customer/portal/1/SUP-40',
  fileName: 'service-level-report-acme-prod-2026-10-v1.pdf', goalListName: null,
};
const november: Row = {
  ...october, id: 'acme-prod:2026-11:1', month: '2026-11', issuedAt: '2026-12-03T04:00:00.000Z',
  goals: [{ goal: 'response', met: 11_900, breached: 100, compliance: 0.9917 }],
  delivery: { state: 'delivered', requestKey: 'SUP-77', attempts: 1 }, requestPath: '/servicedesk/customer/portal/1/SUP-77',
  fileName: 'service-level-report-acme-prod-2026-11-v1.pdf', goalListName: 'service-level-report-acme-prod-2026-11-v1-goals.csv.gz',
};
const reports: Reports = { organizations: ['ACME A/S'], goalNames: { response: 'Time to first response' }, reports: [november, october] };

const saved: string[] = [];
const blobs: Blob[] = [];
beforeEach(() => {
  jest.clearAllMocks();
  saved.length = 0;
  blobs.length = 0;
  host({ timezone: 'Europe/Copenhagen' });
  Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (blobs.push(blob), 'blob:file')), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
afterEach(() => jest.restoreAllMocks());

describe('the customer’s service level reports', () => {
  test('a large month offers its complete goal list beside the PDF, a small one the PDF alone', async () => {
    answer({
      'portal/reports/list': () => ok(reports),
      'portal/reports/goals': () => ok({ fileName: november.goalListName, mimeType: 'application/gzip', base64: Buffer.from([0x1f, 0x8b, 8, 0, 0]).toString('base64') }),
    });
    render(<PortalReports />);
    const [first, second] = await screen.findAllByTestId('report-row');
    expect(first!.textContent).toContain('November 2026 · ACME Production');
    expect(within(second!).queryByRole('button', { name: /every goal/ })).toBeNull();
    fireEvent.click(within(first!).getByRole('button', { name: 'Download every goal of the November 2026 report for ACME Production (service-level-report-acme-prod-2026-11-v1-goals.csv.gz)' }));
    await waitFor(() => expect(saved).toEqual([november.goalListName]));
    expect(callsTo('portal/reports/goals')).toEqual([{ report: november.id }]);
    expect(blobs[0]!.type).toBe('application/gzip');
    expect(blobs[0]!.size).toBe(5);
  });

  test('a refusal is said on the row, and nothing is saved', async () => {
    answer({
      'portal/reports/list': () => ok(reports),
      'portal/reports/goals': () => failed({ code: 'INVALID', path: 'report', message: 'the list of goals is 3.9 MB, more than a page may download at once; open it on SUP-77, where it is attached' }),
    });
    render(<PortalReports />);
    const [first] = await screen.findAllByTestId('report-row');
    fireEvent.click(within(first!).getByRole('button', { name: /every goal/ }));
    await waitFor(() => expect(first!.textContent).toContain('open it on SUP-77, where it is attached'));
    expect(saved).toEqual([]);
  });
});
