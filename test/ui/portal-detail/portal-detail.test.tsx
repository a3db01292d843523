import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PortalCommitments } from '../../../static/portal-detail/src/PortalCommitments';
import type { PortalCommitments as Commitments } from '../../../static/shared/views';

type ObligationView = Commitments['obligations'][number];
import { answer, callsTo, failed, host, ok } from '../bridge-double';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

// SUP-17 on Monday 23 November 2026, 14:00 UTC, seen by the customer in New York (09:00 there).
const NOW = Date.parse('2026-11-23T14:00:00Z');
const office = { id: 'cph-office', name: 'Copenhagen office hours', timezone: 'Europe/Copenhagen' };
const base = { internal: false, startedAt: '2026-11-23T08:00:00Z', calendar: office, breachedAt: null, pausedBy: null, atRisk: false, endedAt: null, deadline: null, breached: false };

const response: ObligationView = { ...base, goal: 'response', goalName: 'Time to first response', cycle: 1, state: 'completed', endedAt: '2026-11-23T08:40:00Z', targetSeconds: 7200, elapsedSeconds: 2400, remainingSeconds: 4800 };
const resolution: ObligationView = { ...base, goal: 'resolution', goalName: 'Time to resolution', cycle: 1, state: 'running', deadline: '2026-11-23T15:05:00Z', targetSeconds: 14400, elapsedSeconds: 10500, remainingSeconds: 3900 };
const update: ObligationView = { ...base, goal: 'update', goalName: 'Keep the customer informed', cycle: 2, state: 'running', startedAt: '2026-11-23T08:40:00Z', deadline: '2026-11-24T11:45:00Z', targetSeconds: 28800, elapsedSeconds: 8100, remainingSeconds: 20700 };

const commitments = (obligations: ObligationView[]): Commitments => ({ request: 'SUP-17', agreement: { id: 'acme-prod', name: 'ACME Production' }, priority: { id: 'p2', name: '2 – High' }, obligations, progress: null });
const rows = () => screen.getAllByTestId('commitment-row');

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

describe('the portal commitments panel', () => {
  test('shows each commitment, met or running with its deadline, in the customer’s zone', async () => {
    host({ timezone: 'America/New_York' });
    answer({ 'portal/commitments': () => ok(commitments([response, resolution, update])) });
    render(<PortalCommitments />);

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(callsTo('portal/commitments')).toEqual([{}]);
    expect(screen.getByText('Our commitments (ACME Production)')).toBeTruthy();
    const [met, due, informed] = rows();
    expect(met!.className).toContain('commitment--met');
    expect(met!.textContent).toContain('Time to first response');
    expect(met!.textContent).toContain('Met at 03:40');
    expect(due!.className).toContain('commitment--running');
    expect(due!.textContent).toContain('In progress');
    expect(due!.textContent).toContain('Due by 10:05');
    // No cycle numbers for customers: one line per promise.
    expect(informed!.textContent).toContain('Keep the customer informed');
    expect(informed!.textContent).not.toContain('#2');
    expect(screen.getByTestId('commitments-priority').textContent).toBe('Priority: 2 – High');
    expect(informed!.textContent).toContain('Due by Tue 24 Nov 06:45');
    expect(screen.getByText('Times in America/New_York')).toBeTruthy();
  });

  test('shows a pause with its reason and a breach with when it happened', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    const waiting = { ...resolution, state: 'paused' as const, deadline: null, pausedBy: { kind: 'status' as const, status: 'Waiting for customer' } };
    const late = { ...update, cycle: 1, breached: true, breachedAt: '2026-11-23T13:30:00Z', deadline: '2026-11-23T13:30:00Z', remainingSeconds: -1800 };
    const answeredLate = { ...response, breached: true, breachedAt: '2026-11-23T08:30:00Z' };
    answer({ 'portal/commitments': () => ok(commitments([answeredLate, waiting, late])) });
    render(<PortalCommitments />);

    await waitFor(() => expect(rows()).toHaveLength(3));
    const [metLate, paused, breached] = rows();
    expect(metLate!.className).toContain('commitment--met-late');
    expect(metLate!.textContent).toContain('Met at 09:40, after the agreed time');
    expect(paused!.className).toContain('commitment--paused');
    expect(paused!.textContent).toContain('On hold while the request is "Waiting for customer"');
    expect(breached!.className).toContain('commitment--breached');
    expect(breached!.textContent).toContain('Overdue');
    expect(breached!.textContent).toContain('Overdue since 14:30');
  });

  test('politely declines another organization’s request', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => failed({ code: 'FORBIDDEN', message: 'This request belongs to another organization' }) });
    render(<PortalCommitments />);

    expect(await screen.findByText('Service commitments are shown to the organization that raised this request')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('says commitments are not recorded yet and checks again on request', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    let recorded = false;
    answer({ 'portal/commitments': () => (recorded ? ok(commitments([response])) : failed({ code: 'NOT_FOUND', message: 'No commitments are recorded for SUP-17 yet' })) });
    render(<PortalCommitments />);

    expect(await screen.findByText('No service commitments are recorded for this request yet')).toBeTruthy();
    recorded = true;
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  test('says so when no agreement applies', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => ok({ request: 'SUP-23', agreement: null, obligations: [] }) });
    render(<PortalCommitments />);

    expect(await screen.findByText('No service agreement applies to this request')).toBeTruthy();
  });

  test('says “due soon” once a promise is past the at-risk share', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => ok(commitments([{ ...resolution, atRisk: true }])) });
    render(<PortalCommitments />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.className).toContain('commitment--due-soon');
    expect(rows()[0]!.textContent).toContain('Due soon');
    expect(rows()[0]!.textContent).toContain('Due by 16:05');
  });
});

describe('the progress of the development work the request waits for', () => {
  test.each([
    ['Handed to our development team'],
    ['Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated'],
    ['The fix is available on your UAT environment (5.3.1) — please test'],
  ])('says "%s" above the commitments', async (progress) => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => ok({ ...commitments([resolution]), progress }) });
    render(<PortalCommitments />);
    const line = await screen.findByTestId('commitments-progress');
    expect(line.textContent).toBe(`Progress ${progress}`);
    expect(line.compareDocumentPosition(rows()[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('a request not handed to development has no progress line', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => ok(commitments([resolution])) });
    render(<PortalCommitments />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByTestId('commitments-progress')).toBeNull();
  });

  test('the progress is said even where no agreement applies', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/commitments': () => ok({ request: 'SUP-23', agreement: null, priority: null, obligations: [], progress: 'In development' }) });
    render(<PortalCommitments />);
    expect((await screen.findByTestId('commitments-progress')).textContent).toBe('Progress In development');
    expect(screen.getByText('No service agreement applies to this request')).toBeTruthy();
  });
});
