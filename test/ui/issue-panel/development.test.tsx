import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IssuePanel } from '../../../static/issue-panel/src/IssuePanel';
import { callsTo, failed, host, mocked, ok } from '../bridge-double';
import { answerPanel, availableOnUat, fixedNotYetOnUat, inDevelopment, noDevelopment, readyToHandOver } from './development-fixtures';
import { NOW, VIEWER_ZONE, running, waitingForCustomer } from './fixtures';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockImplementation(() => NOW);
});
afterEach(() => jest.restoreAllMocks());


describe('the development section of the issue panel', () => {
  test('an agreement without development terms says so, and offers no hand-over', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) }, noDevelopment);
    render(<IssuePanel />);
    expect((await screen.findByTestId('development-why')).textContent).toBe('ACME Production has no development terms: requests are not handed to a development project');
    expect(screen.queryByTestId('hand-over-open')).toBeNull();
    expect(callsTo('issue/development')).toEqual([{ timezone: VIEWER_ZONE }]);
  });

  test('shows the terms and the environment, and creates the development issue from the request', async () => {
    host({ timezone: VIEWER_ZONE });
    let obligationsAsked = 0;
    answerPanel(
      {
        'issue/obligations': () => ok(++obligationsAsked === 1 ? running : waitingForCustomer),
        'issue/development/hand-over': () => ok(inDevelopment),
      },
      readyToHandOver,
    );
    render(<IssuePanel />);
    const terms = await screen.findByTestId('development-terms');
    expect(terms.textContent).toContain('Payroll (PAY)');
    expect(terms.textContent).toContain('The request is "Waiting for release"');
    expect(terms.textContent).toContain('The customer is told and the request resolved');
    expect(screen.getByTestId('development-environment').textContent).toBe('UAT — Payroll 5.3.0');

    // Closed until asked for: most requests are never handed over.
    expect(screen.queryByTestId('hand-over')).toBeNull();
    fireEvent.click(screen.getByTestId('hand-over-open'));
    const form = screen.getByTestId('hand-over');
    expect((within(form).getByLabelText(/Create an issue in Payroll \(PAY\)/) as HTMLInputElement).checked).toBe(true);
    expect(form.textContent).toContain('The customer, the environment (UAT) and the product and the version it runs (Payroll 5.3.0) are added to the description.');
    // The summary starts as the request's own; the agent may word it for developers.
    expect((screen.getByTestId('hand-over-summary') as HTMLInputElement).value).toBe('Payslips show last month’s tax rate');
    fireEvent.change(screen.getByTestId('hand-over-summary'), { target: { value: '  Payslips use last month’s tax rate after 5.3.0 ' } });
    fireEvent.change(screen.getByTestId('hand-over-description'), { target: { value: 'Since the 5.3.0 update on UAT.' } });
    fireEvent.click(screen.getByTestId('hand-over-send'));

    expect((await screen.findByTestId('development-stage')).textContent).toBe('In development (PAY-1 is In Progress)');
    expect(callsTo('issue/development/hand-over')).toEqual([{ mode: 'create', summary: 'Payslips use last month’s tax rate after 5.3.0', description: 'Since the 5.3.0 update on UAT.', timezone: VIEWER_ZONE }]);
    expect(screen.queryByTestId('hand-over')).toBeNull();
    // The request now waits in the agreement's status: the obligations are asked again and show the pause.
    await waitFor(() => expect(screen.getByTestId('guidance').textContent).toMatch(/paused/i));
    expect(obligationsAsked).toBe(2);
  });

  test('links an existing issue by key; the key error is shown at the key field and nothing else changes', async () => {
    host({ timezone: VIEWER_ZONE });
    let attempts = 0;
    answerPanel(
      {
        'issue/obligations': () => ok(running),
        'issue/development/hand-over': () =>
          ++attempts === 1 ? failed({ code: 'INVALID', message: 'PAY-99 does not exist or you cannot see it', path: 'payload.key' }) : ok(inDevelopment),
      },
      readyToHandOver,
    );
    render(<IssuePanel />);
    fireEvent.click(await screen.findByTestId('hand-over-open'));
    fireEvent.click(screen.getByTestId('hand-over-link'));
    expect(screen.queryByTestId('hand-over-summary')).toBeNull();
    expect((screen.getByTestId('hand-over-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('hand-over-key'), { target: { value: 'pay-99' } });
    fireEvent.click(screen.getByTestId('hand-over-send'));

    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('PAY-99 does not exist or you cannot see it');
    expect(error.getAttribute('data-error-path')).toBe('payload.key');
    expect(screen.getByTestId('hand-over-key').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('issue/development/hand-over')).toEqual([{ mode: 'link', key: 'PAY-99', timezone: VIEWER_ZONE }]);
    expect(screen.getByTestId('hand-over')).toBeTruthy();

    fireEvent.change(screen.getByTestId('hand-over-key'), { target: { value: 'PAY-1' } });
    fireEvent.click(screen.getByTestId('hand-over-send'));
    expect((await screen.findByTestId('development-issue')).textContent).toContain('PAY-1');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a refusal at no field of the form (already linked, no permission) is shown above the button', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel(
      {
        'issue/obligations': () => ok(running),
        'issue/development/hand-over': () => failed({ code: 'CONFLICT', message: 'SUP-17 was handed to development already (PAY-1)' }),
      },
      readyToHandOver,
    );
    render(<IssuePanel />);
    fireEvent.click(await screen.findByTestId('hand-over-open'));
    fireEvent.click(screen.getByTestId('hand-over-send'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The request was not sent to developmentSUP-17 was handed to development already (PAY-1)');
    // The summary as it started (the request's); an empty description is left to the app's own.
    expect(callsTo('issue/development/hand-over')).toEqual([{ mode: 'create', summary: 'Payslips show last month’s tax rate', timezone: VIEWER_ZONE }]);
    // Cancel closes the form; nothing more is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('hand-over')).toBeNull();
    expect(screen.getByTestId('hand-over-open')).toBeTruthy();
    expect(callsTo('issue/development/hand-over')).toHaveLength(1);
  });

  test('once linked: the issue, its status, assignee, fix versions, the stage and the environments, and no form', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) }, fixedNotYetOnUat);
    render(<IssuePanel />);
    const issue = await screen.findByTestId('development-issue');
    const link = within(issue).getByRole('link', { name: 'PAY-1' });
    expect(link.getAttribute('href')).toBe('/browse/PAY-1');
    fireEvent.click(link);
    expect(mocked.open).toHaveBeenCalledWith('/browse/PAY-1');
    expect(screen.getByTestId('development-summary').textContent).toBe('Payslips show last month’s tax rate');
    expect(screen.getByTestId('development-status').querySelector('.lozenge')!.className).toBe('lozenge lozenge--success');
    expect(screen.getByTestId('development-status').textContent).toBe('Done');
    expect(issue.textContent).toContain('AssigneeLars Nielsen');
    expect(screen.getByTestId('development-fix-versions').textContent).toBe('5.3.1, Next sprint');
    expect(screen.getByTestId('development-stage').textContent).toBe('Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update');
    expect(screen.getByTestId('development-fix-problem').textContent).toContain('"Next sprint" is not a version');
    expect(screen.getByTestId('development-environment-UAT').textContent).toBe('UAT: 5.3.0Waiting for 5.3.1');
    expect(screen.getByTestId('development-environment-Production').textContent).toBe('Production: 5.2.0Waiting for 5.3.1');
    expect(screen.queryByTestId('development-notices')).toBeNull();
    expect(screen.queryByTestId('hand-over-open')).toBeNull();
  });

  test('before a fix is known the environments show their versions only; the notices sent are listed in the viewer zone', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) }, inDevelopment);
    const { unmount } = render(<IssuePanel />);
    expect((await screen.findByTestId('development-environment-UAT')).textContent).toBe('UAT: 5.3.0');
    expect(screen.getByTestId('development-fix-versions').textContent).toBe('None yet');
    unmount();

    answerPanel({ 'issue/obligations': () => ok(running) }, availableOnUat);
    render(<IssuePanel />);
    expect((await screen.findByTestId('development-environment-UAT')).textContent).toBe('UAT: 5.3.1Has the fix');
    // 13:45 UTC is 13:45 in London, the viewer's zone.
    expect(screen.getByTestId('development-notices').textContent).toBe('13:45: the fix is available on UAT (5.3.1) — the request was resolved');
    expect(screen.getByTestId('development-stage').className).toContain('development-stage--resolved');
  });

  test('an agent who may not hand over is told what it takes', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) }, { ...readyToHandOver, canHandOver: false });
    render(<IssuePanel />);
    expect((await screen.findByTestId('development-cannot')).textContent).toBe('Sending a request to development needs permission to edit it and to create issues in Payroll.');
    expect(screen.queryByTestId('hand-over-open')).toBeNull();
  });

  test('the section refreshes with the panel when the issue changes', async () => {
    const handlers = host({ timezone: VIEWER_ZONE });
    let asked = 0;
    answerPanel({ 'issue/obligations': () => ok(running), 'issue/development': () => ok(++asked === 1 ? inDevelopment : fixedNotYetOnUat) });
    render(<IssuePanel />);
    expect((await screen.findByTestId('development-stage')).textContent).toBe('In development (PAY-1 is In Progress)');
    await waitFor(() => expect(handlers.has('JIRA_ISSUE_CHANGED')).toBe(true));
    await act(async () => {
      handlers.get('JIRA_ISSUE_CHANGED')!();
    });
    await waitFor(() => expect(screen.getByTestId('development-stage').textContent).toBe('Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update'));
  });

  test('a failure to read the development work is said in the section; the obligations stay', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running), 'issue/development': () => failed({ code: 'UPSTREAM', message: 'Jira did not answer in time' }) });
    render(<IssuePanel />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The development work could not be loadedJira did not answer in time');
    expect(screen.getByTestId('guidance').textContent).toContain('Resolve the request by 15:05');
  });
});

test('a request without environment or product says only the customer is carried over', async () => {
  host({ timezone: VIEWER_ZONE });
  answerPanel({ 'issue/obligations': () => ok(running) }, { ...readyToHandOver, environment: null, product: null, environmentVersion: null });
  render(<IssuePanel />);
  fireEvent.click(await screen.findByTestId('hand-over-open'));
  expect(screen.getByTestId('hand-over').textContent).toContain('The customer is added to the description.');
  expect(screen.queryByTestId('development-environment')).toBeNull();
});
