import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commitmentsOf } from '../../../src/views/commitments';
import { CHOICE_FIELD, PortalPriorityChoice } from '../../../static/portal-create/src/PortalPriorityChoice';
import type { AgreementCommitments, PortalPriorities } from '../../../static/shared/views';
import { answer, failed, host, mocked, ok } from '../bridge-double';
import { demoBundle } from '../../fixtures/demo-config';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

// The offers exactly as the portal resolver builds them from the shipped two-customer example (ACME has Production
// and UAT agreements; Fjord's model is Green–Red with colours).
const bundle = demoBundle;
const offer = (id: string): AgreementCommitments => commitmentsOf(bundle, bundle.agreements.find((a) => a.id === id)!, 'Incident');
const acme: PortalPriorities = { requestType: 'Incident', agreements: [offer('acme-prod'), offer('acme-uat')] };
const fjordProduction: PortalPriorities = { requestType: 'Incident', agreements: [offer('fjord-prod')] };

const submitted = () => mocked.submit.mock.calls.map(([payload]) => payload);
const lastSubmitted = () => submitted().at(-1);

beforeEach(() => jest.clearAllMocks());

describe('the portal priority choice', () => {
  test('asks for the environment first when the organization has several agreements, then offers its priorities', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => ok(acme) });
    render(<PortalPriorityChoice />);

    expect(await screen.findByText('Which environment is the request about?')).toBeTruthy();
    expect(screen.getByTestId('agreement-option-acme-prod').textContent).toContain('Production');
    expect(screen.getByTestId('agreement-option-acme-uat').textContent).toContain('ACME UAT');
    expect(screen.queryByTestId('priority-option-p1')).toBeNull();
    // Until a priority is chosen the form cannot be submitted.
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [], isValid: false }));

    fireEvent.click(within(screen.getByTestId('agreement-option-acme-prod')).getByRole('radio'));
    const critical = await screen.findByTestId('priority-option-p1');
    expect(critical.textContent).toContain('1 – Critical');
    expect(critical.textContent).toContain('Production down');
    expect(critical.textContent).toContain('Time to first response within 30 minutes, around the clock');
    expect(critical.textContent).toContain('Time to resolution within 4 hours, around the clock');
    // The agreement's hours are said once, not on every choice; a time counted in other hours says which.
    expect(screen.getByTestId('agreement-hours').textContent).toBe('Business time: Mon–Thu 08:00–16:00, Fri 08:00–15:30 (Europe/Copenhagen), closed on holidays');
    expect(screen.getByTestId('priority-option-p2').textContent).toContain('Time to first response within 2 hours of business time');
    expect(screen.getByTestId('priority-option-p2').textContent).not.toContain('Europe/Copenhagen');
    expect(screen.getAllByRole('radio', { name: /–/ }).map((r) => (r as HTMLInputElement).value)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(lastSubmitted()).toEqual({ fields: [], isValid: false });

    fireEvent.click(critical);
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [{ key: CHOICE_FIELD, value: { priority: 'p1', agreement: 'acme-prod' } }], isValid: true }));
    expect((within(critical).getByRole('radio') as HTMLInputElement).checked).toBe(true);
    expect(critical.className).toContain('choice--checked');
  });

  test('submits the new agreement with the priority when the customer switches environment', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => ok(acme) });
    render(<PortalPriorityChoice />);

    fireEvent.click(within(await screen.findByTestId('agreement-option-acme-prod')).getByRole('radio'));
    fireEvent.click(await screen.findByTestId('priority-option-p3'));
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [{ key: CHOICE_FIELD, value: { priority: 'p3', agreement: 'acme-prod' } }], isValid: true }));

    // UAT uses the same model, so the priority stays chosen and only the agreement changes.
    fireEvent.click(within(screen.getByTestId('agreement-option-acme-uat')).getByRole('radio'));
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [{ key: CHOICE_FIELD, value: { priority: 'p3', agreement: 'acme-uat' } }], isValid: true }));
  });

  test('a single agreement needs no question; each priority shows its colour and is a focusable native radio', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => ok(fjordProduction) });
    render(<PortalPriorityChoice />);

    const red = await screen.findByTestId('priority-option-red');
    expect(screen.queryByText('Which environment is the request about?')).toBeNull();
    expect(red.textContent).toContain('Operations stopped');
    expect((red.querySelector('.swatch') as HTMLElement).style.background).toBe('rgb(201, 55, 44)');
    expect(screen.getByText(/Green–Red, times for Incident requests/)).toBeTruthy();

    // A native radio: the browser gives it Tab focus and arrow-key movement; jsdom only models focus and the click.
    const yellow = within(screen.getByTestId('priority-option-yellow')).getByRole('radio');
    yellow.focus();
    fireEvent.click(yellow);
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [{ key: CHOICE_FIELD, value: { priority: 'yellow', agreement: 'fjord-prod' } }], isValid: true }));
    expect(document.activeElement).toBe(yellow);
  });

  test('without an agreement for the organization, explains that the provider classifies the request and does not block it', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => ok({ requestType: 'Incident', agreements: [] }) });
    render(<PortalPriorityChoice />);

    expect(await screen.findByText('No service agreement covers your organization here')).toBeTruthy();
    expect(screen.getByText(/Your service provider will set the request's priority/)).toBeTruthy();
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [], isValid: true }));
    expect(submitted().every((s) => s.isValid === true)).toBe(true);
  });

  test('when the choices cannot be loaded, the customer can still raise the request', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => failed({ code: 'UPSTREAM', message: 'Jira did not answer' }) });
    render(<PortalPriorityChoice />);

    expect(await screen.findByText('Priority choices could not be loaded')).toBeTruthy();
    await waitFor(() => expect(lastSubmitted()).toEqual({ fields: [], isValid: true }));
  });

  test('says so when the form refuses the choice', async () => {
    host({ timezone: 'Europe/Copenhagen' });
    answer({ 'portal/priorities': () => ok(fjordProduction) });
    render(<PortalPriorityChoice />);
    await screen.findByTestId('priority-option-red');
    mocked.submit.mockRejectedValue(new Error("this resource's view is not submittable."));

    fireEvent.click(screen.getByTestId('priority-option-red'));
    expect((await screen.findByRole('alert')).textContent).toContain('Your choice could not be added to the request');
  });
});
