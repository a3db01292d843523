import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IssuePanel, FOCUS_REFRESH_AFTER_MS } from '../../../static/issue-panel/src/IssuePanel';
import { callsTo, failed, host, ok } from '../bridge-double';
import { answerPanel } from './development-fixtures';
import { NOW, VIEWER_ZONE, noAgreement, raisedToP1, running, waitingForCustomer } from './fixtures';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

let clock = NOW;
beforeEach(() => {
  jest.clearAllMocks();
  clock = NOW;
  jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

const rows = () => screen.getAllByTestId('obligation-row');
const rowOf = (goal: string, cycle = '') => rows().find((r) => r.textContent?.includes(goal) && r.textContent.includes(cycle))!;

describe('the issue panel', () => {
  test('puts the next goal first, in words, in the viewer zone, styled as running', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);

    const guidance = await screen.findByTestId('guidance');
    expect(guidance.textContent).toContain('Resolve the request by 15:05 (16:05 Europe/Copenhagen) — 1 h 5 m of business time left');
    expect(guidance.className).toContain('guidance--running');
    expect(callsTo('issue/obligations')).toEqual([{ timezone: VIEWER_ZONE }]);
    // Guidance precedes the rows in reading order.
    expect(guidance.compareDocumentPosition(rows()[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("a supplier's goal is listed apart, under its own heading, with its calendar; none means no section", async () => {
    host({ timezone: VIEWER_ZONE });
    const supplierGoal = { ...running.obligations[0]!, goal: 'supplier-fix', goalName: 'Nordhost Datacenter: Fix by supplier', internal: true };
    answerPanel({ 'issue/obligations': () => ok({ ...running, supplierObligations: [supplierGoal] }) });
    render(<IssuePanel />);
    const section = await screen.findByTestId('supplier-goals');
    expect(section.querySelector('h3')!.textContent).toBe('Supplier goals (internal: never shown to the customer)');
    expect(within(section).getAllByTestId('obligation-row').map((r) => r.textContent)).toEqual([expect.stringContaining('Nordhost Datacenter: Fix by supplier')]);
    // The customer's obligations above it are as they were.
    expect(rows()).toHaveLength(running.obligations.length + 1);
  });

  test('no supplier goal, no supplier section', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    expect(screen.queryByTestId('supplier-goals')).toBeNull();
  });

  test("a very long history's oldest cycles are counted above the list, not listed", async () => {
    host({ timezone: VIEWER_ZONE });
    const folded = { ...running, earlierCycles: [{ goal: 'update', goalName: 'Keep the customer informed', cycles: 6420, met: 6400, breached: 18, cancelled: 2 }] };
    answerPanel({ 'issue/obligations': () => ok(folded) });
    render(<IssuePanel />);
    expect((await screen.findByTestId('earlier-update')).textContent).toBe('Keep the customer informed: the first 6,420 cycles are summarised — 6,400 met, 18 breached, 2 cancelled.');
    expect(rows()).toHaveLength(running.obligations.length);
  });

  test('lists every obligation with its cycle, state, times, calendar and whether it is contractual', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');

    // Open cycles first, in full; the closed ones folded under one line.
    expect(rows().map((r) => r.querySelector('.obligation__goal')?.textContent)).toEqual([
      'Time to resolution',
      'Keep the customer informed',
      'Time to first response',
      'Triage (internal)',
    ]);
    const closed = screen.getByTestId('closed-cycles') as HTMLDetailsElement;
    expect(closed.open).toBe(false);
    expect(closed.querySelector('summary')!.textContent).toBe('Closed cycles (2): 2 met');
    expect([...closed.querySelectorAll('.obligation__goal')].map((g) => g.textContent)).toEqual(['Time to first response', 'Triage (internal)']);
    // The calendar most of them count in is named once; a row says its own only when it differs.
    expect(screen.getByTestId('obligations-calendar').textContent).toBe('Business time in Copenhagen office hours (Europe/Copenhagen).');
    const resolution = rowOf('Time to resolution');
    expect(resolution.textContent).toContain('Running');
    expect(resolution.textContent).toContain('Target4 h');
    expect(resolution.textContent).toContain('Elapsed2 h 55 m');
    expect(resolution.textContent).toContain('Remaining1 h 5 m');
    expect(resolution.textContent).toContain('Deadline15:05 (16:05 Europe/Copenhagen)');
    expect(resolution.textContent).not.toContain('Calendar');
    expect(resolution.textContent).toContain('Contractual');

    const update = rowOf('Keep the customer informed');
    expect(update.querySelector('.obligation__cycle')?.textContent).toBe('#2');
    expect(update.textContent).toContain('Deadline'); // tomorrow, so with its day
    expect(update.textContent).toContain('Tue 24 Nov 11:45 (Tue 24 Nov 12:45 Europe/Copenhagen)');

    const response = rowOf('Time to first response');
    expect(response.textContent).toContain('Met');
    expect(response.textContent).toContain('Met at08:40 (09:40 Europe/Copenhagen)');
    expect(response.querySelector('.obligation__cycle')).toBeNull();

    expect(rowOf('Triage (internal)').textContent).toContain('Internal (OLA)');
  });

  test('names a goal’s own calendar on its row when it is not the one most goals count in', async () => {
    host({ timezone: VIEWER_ZONE });
    const mixed = JSON.parse(JSON.stringify(running)) as typeof running;
    mixed.obligations.find((o) => o.goal === 'resolution')!.calendar = { id: 'always', name: '24x7', timezone: 'UTC' };
    answerPanel({ 'issue/obligations': () => ok(mixed) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    expect(screen.getByTestId('obligations-calendar').textContent).toBe('Business time in Copenhagen office hours (Europe/Copenhagen), unless a goal names its own calendar.');
    expect(rowOf('Time to resolution').textContent).toContain('Calendar24x7 (UTC)');
    expect(rowOf('Keep the customer informed').textContent).not.toContain('Calendar');
  });

  test('marks a running goal past the at-risk share amber, and a paused one with a stopped clock', async () => {
    host({ timezone: VIEWER_ZONE });
    const risky = JSON.parse(JSON.stringify(running)) as typeof running;
    risky.obligations.find((o) => o.goal === 'resolution')!.atRisk = true;
    answerPanel({ 'issue/obligations': () => ok(risky) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    const row = rowOf('Time to resolution');
    expect(row.className).toContain('obligation--at-risk');
    expect(row.textContent).toContain('At risk');
    expect(rowOf('Keep the customer informed').textContent).toContain('Running');
  });

  test('in a tie, names the agreement’s own calendar once', async () => {
    host({ timezone: VIEWER_ZONE });
    const tied = JSON.parse(JSON.stringify(running)) as typeof running;
    for (const goal of ['response', 'resolution']) tied.obligations.find((o) => o.goal === goal)!.calendar = { id: 'always', name: '24x7', timezone: 'UTC' };
    answerPanel({ 'issue/obligations': () => ok(tied) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    expect(screen.getByTestId('obligations-calendar').textContent).toBe('Business time in Copenhagen office hours (Europe/Copenhagen), unless a goal names its own calendar.');
    expect(rowOf('Time to first response').textContent).toContain('Calendar24x7 (UTC)');
  });

  test('shows the deadline once when the viewer shares the calendar’s offset', async () => {
    host({ timezone: 'Europe/Berlin' });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    expect(rowOf('Time to resolution').textContent).toContain('Deadline16:05Escalations');
  });

  test('explains a pause and who caused it', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(waitingForCustomer) });
    render(<IssuePanel />);

    const guidance = await screen.findByTestId('guidance');
    expect(guidance.className).toContain('guidance--paused');
    expect(guidance.textContent).toContain('paused while the request is "Waiting for customer"');
    const resolution = rowOf('Time to resolution');
    expect(resolution.textContent).toContain('Paused');
    expect(resolution.textContent).toContain('Paused bystatus "Waiting for customer"');
    expect(resolution.querySelector('.obligation__paused')?.textContent).toBe('⏸');
    expect(resolution.textContent).toContain('Deadlinenone while paused');
  });

  test('names every other obligation that is overdue under the headline', async () => {
    host({ timezone: VIEWER_ZONE });
    const alsoDue = ['Triage (internal) — overdue since 14:00, 5 m of business time over'];
    answerPanel({ 'issue/obligations': () => ok({ ...running, guidance: { ...running.guidance, alsoDue } }) });
    render(<IssuePanel />);
    const guidance = await screen.findByTestId('guidance');
    expect(guidance.textContent).toContain('Resolve the request by 15:05');
    expect(within(guidance).getByRole('list', { name: 'Also due' }).textContent).toBe(alsoDue[0]);
  });

  test('shows no "also due" list when nothing else is due', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);
    const guidance = await screen.findByTestId('guidance');
    expect(within(guidance).queryByRole('list')).toBeNull();
  });

  test('re-classifies the priority through issue/set-priority and shows the answer, breach included', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running), 'issue/set-priority': () => ok(raisedToP1) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    expect(screen.getByTestId('agreement-priority').textContent).toBe('2 – High — 1–5, rank 2');

    const picker = screen.getByLabelText('Contract priority (1–5)') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['1 – Critical (rank 1)', '2 – High (rank 2)']);
    fireEvent.change(picker, { target: { value: 'p1' } });

    await waitFor(() => expect(screen.getByTestId('agreement-priority').textContent).toBe('1 – Critical — 1–5, rank 1'));
    expect(callsTo('issue/set-priority')).toEqual([{ priority: 'p1', timezone: VIEWER_ZONE }]);
    expect(picker.value).toBe('p1');
    expect(screen.getByText('Production down')).toBeTruthy();

    const guidance = screen.getByTestId('guidance');
    expect(guidance.className).toContain('guidance--breached');
    expect(guidance.textContent).toContain('overdue since 12:00');
    const resolution = rowOf('Time to resolution');
    expect(resolution.className).toContain('obligation--breached');
    expect(within(resolution).getByText('Breached')).toBeTruthy();
    expect(resolution.textContent).toContain('Breached at12:00');
    expect(resolution.textContent).toContain('Remaining2 h over');
    expect(resolution.textContent).toContain('24x7');
  });

  test('keeps the priority and says why when the change is refused', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({
      'issue/obligations': () => ok(running),
      'issue/set-priority': () => failed({ code: 'FORBIDDEN', message: 'You cannot edit requests of project SUP' }),
    });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');

    fireEvent.change(screen.getByLabelText('Contract priority (1–5)'), { target: { value: 'p1' } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The priority was not changed');
    expect(alert.textContent).toContain('You cannot edit requests of project SUP');
    expect((screen.getByLabelText('Contract priority (1–5)') as HTMLSelectElement).value).toBe('p2');
    expect(screen.getByTestId('agreement-priority').textContent).toBe('2 – High — 1–5, rank 2');
  });

  test('shows the agreement and why it applies', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(running) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');

    expect(screen.getByText('Agreement: ACME Production')).toBeTruthy();
    expect(screen.getByText('Customer ACME A/S (JSM organization 12)')).toBeTruthy();
    expect(screen.getByText('Product Payroll is covered (Payroll)')).toBeTruthy();
    expect(screen.getByTestId('computed-at').textContent).toContain('Computed at 13:59 (Europe/London)');
  });

  test('without an agreement, says so and lists how to fix it', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({ 'issue/obligations': () => ok(noAgreement) });
    render(<IssuePanel />);

    const guidance = await screen.findByTestId('guidance');
    expect(guidance.className).toContain('guidance--none');
    expect(guidance.textContent).toContain('No agreement applies to this request');
    const steps = within(screen.getByTestId('how-to-fix')).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps).toEqual(noAgreement.howToFix);
    expect(screen.queryByLabelText(/Contract priority/)).toBeNull();
  });

  test('says plainly when Contract SLA is not configured', async () => {
    host({ timezone: VIEWER_ZONE });
    answerPanel({
      'issue/obligations': () =>
        failed({ code: 'NOT_CONFIGURED', message: 'Contract SLA has no configuration yet: a project administrator sets it up on the Contract SLA project page' }),
    });
    render(<IssuePanel />);

    expect(await screen.findByText('Contract SLA is not set up yet')).toBeTruthy();
    expect(screen.getByText(/a project administrator sets it up/)).toBeTruthy();
  });

  test('shows a failure with the resolver’s message and recovers on retry', async () => {
    host({ timezone: VIEWER_ZONE });
    let attempt = 0;
    answerPanel({ 'issue/obligations': () => (++attempt === 1 ? failed({ code: 'UPSTREAM', message: 'Jira did not answer in time' }) : ok(running)) });
    render(<IssuePanel />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The obligations could not be loaded');
    expect(alert.textContent).toContain('Jira did not answer in time');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('guidance')).textContent).toContain('Resolve the request by 15:05');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('shows "loading" rather than a blank panel while the first answer is on its way', async () => {
    host({ timezone: VIEWER_ZONE });
    let release: (value: unknown) => void = () => undefined;
    mockedPending((resolve) => (release = resolve));
    render(<IssuePanel />);
    await waitFor(() => expect(callsTo('issue/obligations')).toHaveLength(1));
    expect(screen.getByText('Working out what is due…')).toBeTruthy();
    await act(async () => release(ok(running)));
    expect(await screen.findByTestId('guidance')).toBeTruthy();
  });

  test('refreshes after Jira reports the issue changed, on the Refresh button, and on focus after a while', async () => {
    const events = host({ timezone: VIEWER_ZONE });
    let answerWith = running;
    answerPanel({ 'issue/obligations': () => ok(answerWith) });
    render(<IssuePanel />);
    await screen.findByTestId('guidance');
    await waitFor(() => expect(events.has('JIRA_ISSUE_CHANGED')).toBe(true));

    // The agent put the request in "Waiting for customer".
    answerWith = waitingForCustomer;
    await act(async () => {
      await events.get('JIRA_ISSUE_CHANGED')!({});
    });
    await waitFor(() => expect(screen.getByTestId('guidance').className).toContain('guidance--paused'));

    answerWith = running;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByTestId('guidance').className).toContain('guidance--running'));
    expect(callsTo('issue/obligations')).toHaveLength(3);

    // A focus right after a refresh is a click into the panel, not a return: no recomputation.
    fireEvent.focus(window);
    expect(callsTo('issue/obligations')).toHaveLength(3);
    clock += FOCUS_REFRESH_AFTER_MS;
    answerWith = waitingForCustomer;
    fireEvent.focus(window);
    await waitFor(() => expect(screen.getByTestId('guidance').className).toContain('guidance--paused'));
    expect(callsTo('issue/obligations')).toHaveLength(4);
  });
});

function mockedPending(hold: (resolve: (value: unknown) => void) => void): void {
  answerPanel({ 'issue/obligations': () => new Promise((resolve) => hold(resolve)) });
}
