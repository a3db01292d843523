import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WorkItem, WorkListAnswer } from '../../../static/shared/views';
import { WorkList } from '../../../static/worklist/src/WorkList';
import { answer, callsTo, failed, host, mocked, ok } from '../bridge-double';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

// Monday 23 November 2026, 14:00 UTC; the agent works in Copenhagen (15:00 local).
const NOW = Date.parse('2026-11-23T14:00:00Z');
const ZONE = 'Europe/Copenhagen';

const acme = { id: 'acme', name: 'ACME A/S' };
const fjord = { id: 'fjord', name: 'Fjord Logistik ApS' };
const mette = { accountId: '5b10a2844c20165700ede21g', displayName: 'Mette Holm' };

const overdue: WorkItem = {
  issueKey: 'SUP-12', summary: 'Payroll run fails with error 500', status: 'In Progress', customer: acme, agreement: { id: 'acme-prod', name: 'ACME Production' },
  priority: { id: 'p1', name: '1 – Critical', rank: 1 }, assignee: mette, nextGoal: { id: 'resolution', name: 'Time to resolution', cycle: 1 },
  state: 'breached', deadline: '2026-11-23T12:00:00Z', breached: true, atRisk: false, guidance: 'Resolve the request — overdue since 13:00, 2 h of business time over',
  alsoDue: [],
  howToFix: [],
  development: null,
  goals: [],
  escalation: {
    level: 'breached',
    reached: [
      { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-75', threshold: '75 % of the time used', at: '2026-11-23T11:00:00Z' },
      { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-overdue-2h', threshold: '2 hours overdue', at: '2026-11-23T14:00:00Z' },
    ],
    next: null,
  },
};
const dueSoon: WorkItem = {
  issueKey: 'SUP-17', summary: 'Cannot export payslips to PDF', status: 'Open', customer: acme, agreement: { id: 'acme-prod', name: 'ACME Production' },
  priority: { id: 'p2', name: '2 – High', rank: 2 }, assignee: null, nextGoal: { id: 'resolution', name: 'Time to resolution', cycle: 1 },
  state: 'running', deadline: '2026-11-23T15:05:00Z', breached: false, atRisk: false, guidance: 'Resolve the request by 16:05 — 1 h 5 m of business time left',
  alsoDue: [],
  howToFix: [],
  development: null,
  goals: [],
  escalation: {
    level: 'reached',
    reached: [{ goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-75', threshold: '75 % of the time used', at: '2026-11-23T13:50:00Z' }],
    next: { goal: 'resolution', goalName: 'Time to resolution', cycle: 1, id: 'resolution-overdue-2h', threshold: '2 hours overdue', at: '2026-11-23T17:05:00Z' },
  },
};
const informTomorrow: WorkItem = {
  issueKey: 'SUP-31', summary: 'Shipment labels print twice', status: 'In Progress', customer: fjord, agreement: { id: 'fjord-prod', name: 'Fjord Production' },
  priority: { id: 'yellow', name: 'Yellow', rank: 3 }, assignee: mette, nextGoal: { id: 'update', name: 'Keep the customer informed', cycle: 2 },
  state: 'running', deadline: '2026-11-24T09:30:00Z', breached: false, atRisk: false, guidance: 'Inform the customer of the status by Tue 24 Nov 10:30 — 3 h 30 m of business time left',
  alsoDue: [],
  howToFix: [],
  development: null,
  goals: [],
  escalation: {
    level: 'none',
    reached: [],
    next: { goal: 'update', goalName: 'Keep the customer informed', cycle: 2, id: 'update-1h', threshold: '1 hour before the deadline', at: '2026-11-24T08:30:00Z' },
  },
};
const waiting: WorkItem = {
  issueKey: 'SUP-40', summary: 'New user for the warehouse', status: 'Waiting for customer', customer: fjord, agreement: { id: 'fjord-test', name: 'Fjord Test' },
  priority: null, assignee: null, nextGoal: { id: 'resolution', name: 'Time to resolution', cycle: 1 },
  state: 'paused', deadline: null, breached: false, atRisk: false, guidance: 'Resolve the request — paused while the request is "Waiting for customer"',
  alsoDue: [],
  howToFix: [],
  development: null,
  goals: [],
  escalation: { level: 'none', reached: [], next: null },
};

const options: WorkListAnswer['options'] = {
  customers: [acme, fjord],
  agreements: [{ id: 'acme-prod', name: 'ACME Production' }, { id: 'fjord-prod', name: 'Fjord Production' }, { id: 'fjord-test', name: 'Fjord Test' }],
  goals: [{ id: 'resolution', name: 'Time to resolution' }, { id: 'update', name: 'Keep the customer informed' }],
  assignees: [mette],
};
/** Raised by a Globex user whose organization no customer names: nothing measures it. */
const unmeasured: WorkItem = {
  issueKey: 'SUP-44', summary: 'Login page is slow', status: 'Open', customer: null, agreement: null, priority: null, assignee: null, nextGoal: null,
  state: 'none', deadline: null, breached: false, atRisk: false, guidance: 'No agreement applies to this request', alsoDue: [],
  howToFix: ["Add the request's JSM organization to a customer on the Contract SLA admin page (customer → organization id)"],
  development: null,
  goals: [],
  escalation: { level: 'none', reached: [], next: null },
};
const all = [overdue, dueSoon, informTomorrow, waiting];

/** The resolver's filtering, so the test sees what a real answer to each payload looks like. */
function list(payload: Record<string, unknown>, requests: WorkItem[] = all): WorkListAnswer {
  const items = requests
    .filter((i) => !payload.waitingForRelease || (i.development !== null && i.status === 'Waiting for release'))
    .filter((i) => !payload.customer || i.customer?.id === payload.customer)
    .filter((i) => !payload.agreement || i.agreement?.id === payload.agreement)
    .filter((i) => !payload.goal || i.nextGoal?.id === payload.goal)
    .filter((i) => !payload.assignee || (payload.assignee === 'unassigned' ? i.assignee === null : i.assignee?.accountId === payload.assignee));
  return { items, matching: items.length, total: requests.length, unmeasured: 0, options, goals: [] };
}

const keys = () => screen.getAllByTestId('worklist-row').map((r) => r.querySelector('a')?.textContent);

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

describe('the work list', () => {
  test('shows the open requests in the order the resolver ranks them, with deadline, guidance and assignee', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p)) });
    render(<WorkList />);

    await waitFor(() => expect(screen.getAllByTestId('worklist-row')).toHaveLength(4));
    expect(keys()).toEqual(['SUP-12', 'SUP-17', 'SUP-31', 'SUP-40']);
    expect(callsTo('worklist/list')).toEqual([{ timezone: ZONE }]);

    const [breached, soon, tomorrow, paused] = screen.getAllByTestId('worklist-row');
    expect(breached!.className).toContain('worklist-row--breached');
    expect(breached!.textContent).toContain('Breached');
    expect(breached!.textContent).toContain('2 h ago');
    expect(breached!.textContent).toContain('13:00');
    expect(breached!.textContent).toContain('overdue since 13:00');
    expect(breached!.textContent).toContain('ACME A/S');
    expect(breached!.textContent).toContain('1 – Critical');
    expect(breached!.textContent).toContain('Mette Holm');

    expect(soon!.className).not.toContain('worklist-row--breached');
    expect(soon!.textContent).not.toContain('Breached');
    expect(soon!.textContent).toContain('in 1 h 5 m');
    expect(soon!.textContent).toContain('16:05');
    expect(soon!.textContent).toContain('Unassigned');
    expect(soon!.textContent).toContain('Cannot export payslips to PDF');

    expect(tomorrow!.textContent).toContain('Keep the customer informed #2');
    expect(tomorrow!.textContent).toContain('Tue 24 Nov 10:30');
    expect(tomorrow!.textContent).toContain('Fjord Production');

    expect(paused!.textContent).toContain('Paused');
    expect(paused!.className).toBe('');
    expect(paused!.textContent).toContain('Not chosen');
    expect(screen.getByTestId('worklist-count').textContent).toContain('4 open requests');
  });

  test('colours rows red when breached and amber once an escalation is reached, naming it and the next one due', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p)) });
    render(<WorkList />);
    await waitFor(() => expect(screen.getAllByTestId('worklist-row')).toHaveLength(4));
    const [breached, escalated, tomorrow] = screen.getAllByTestId('worklist-row');
    const escalation = (row: HTMLElement) => row.querySelector('td.escalation')!.textContent;

    expect(breached!.className).toBe('worklist-row--breached');
    expect(escalation(breached!)).toBe('Escalated Time to resolution: 2 hours overdue (+1)');

    expect(escalated!.className).toBe('worklist-row--escalated');
    expect(escalation(escalated!)).toBe('Escalated Time to resolution: 75 % of the time used' + 'Next escalation: Time to resolution: 2 hours overdue, 18:05 (in 3 h 5 m)');

    expect(tomorrow!.className).toBe('');
    expect(escalation(tomorrow!)).toBe('Next escalation: Keep the customer informed #2: 1 hour before the deadline, Tue 24 Nov 09:30 (in 18 h 30 m)');
  });

  test('filters by customer, assignee (unassigned too) and goal through the resolver', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p)) });
    render(<WorkList />);
    await waitFor(() => expect(keys()).toHaveLength(4));

    const customer = screen.getByLabelText('Customer') as HTMLSelectElement;
    expect([...customer.options].map((o) => o.textContent)).toEqual(['All customers', 'ACME A/S', 'Fjord Logistik ApS']);
    fireEvent.change(customer, { target: { value: 'fjord' } });
    await waitFor(() => expect(keys()).toEqual(['SUP-31', 'SUP-40']));
    expect(callsTo('worklist/list').at(-1)).toEqual({ customer: 'fjord', timezone: ZONE });
    expect(screen.getByTestId('worklist-count').textContent).toContain('2 of 4 open requests');

    const assignee = screen.getByLabelText('Assignee') as HTMLSelectElement;
    expect([...assignee.options].map((o) => o.textContent)).toEqual(['Anyone', 'Assigned to me', 'Unassigned', 'Mette Holm']);
    fireEvent.change(assignee, { target: { value: 'unassigned' } });
    await waitFor(() => expect(keys()).toEqual(['SUP-40']));
    expect(callsTo('worklist/list').at(-1)).toEqual({ customer: 'fjord', assignee: 'unassigned', timezone: ZONE });

    fireEvent.change(customer, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Next goal'), { target: { value: 'resolution' } });
    await waitFor(() => expect(keys()).toEqual(['SUP-17', 'SUP-40']));
    expect(callsTo('worklist/list').at(-1)).toEqual({ assignee: 'unassigned', goal: 'resolution', timezone: ZONE });

    fireEvent.change(screen.getByLabelText('Agreement'), { target: { value: 'fjord-prod' } });
    expect(await screen.findByText('No open requests match these filters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(keys()).toHaveLength(4));
    expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE });
  });

  test('opens a request in Jira through the router', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p)) });
    render(<WorkList />);

    fireEvent.click(await screen.findByRole('link', { name: 'SUP-17' }));
    expect(mocked.open).toHaveBeenCalledWith('/browse/SUP-17');
  });

  test('says so when nothing is open, and refreshes on request', async () => {
    host({ timezone: ZONE });
    let items: WorkItem[] = [];
    answer({ 'worklist/list': () => ok({ items, total: items.length, options: { customers: [], agreements: [], goals: [], assignees: [] } }) });
    render(<WorkList />);

    expect(await screen.findByText('No open requests')).toBeTruthy();
    items = [dueSoon];
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(keys()).toEqual(['SUP-17']));
    expect(callsTo('worklist/list')).toHaveLength(2);
  });

  test('tells a customer-side user the list is for agents', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': () => failed({ code: 'FORBIDDEN', message: 'Only agents of project SUP see the work list' }) });
    render(<WorkList />);

    expect(await screen.findByText("The work list is for the project's agents")).toBeTruthy();
    expect(screen.getByText('Only agents of project SUP see the work list')).toBeTruthy();
    expect(screen.queryAllByTestId('worklist-row')).toHaveLength(0);
  });

  test('keeps the rows visible when a refresh fails', async () => {
    host({ timezone: ZONE });
    let down = false;
    answer({ 'worklist/list': (p) => (down ? failed({ code: 'INTERNAL', message: 'Storage is unavailable; try again' }) : ok(list(p))) });
    render(<WorkList />);
    await waitFor(() => expect(keys()).toHaveLength(4));

    down = true;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Storage is unavailable; try again');
    expect(keys()).toHaveLength(4);
  });

  test('lists a request no agreement measures, flagged with how to fix it, and says so above the list', async () => {
    host({ timezone: ZONE });
    const withUnmeasured = (p: Record<string, unknown>): WorkListAnswer => {
      const none = p.agreement === 'none';
      const items = none ? [unmeasured] : [...list(p).items, ...(p.agreement ? [] : [unmeasured])];
      return { items, matching: items.length, total: all.length + 1, unmeasured: 1, goals: [], options: { ...options, agreements: [...options.agreements, { id: 'none', name: 'No agreement (to fix)' }] } };
    };
    answer({ 'worklist/list': (p) => ok(withUnmeasured(p)) });
    render(<WorkList />);

    await waitFor(() => expect(screen.getAllByTestId('worklist-row')).toHaveLength(5));
    const row = screen.getAllByTestId('worklist-row')[4]!;
    expect(row.className).toContain('worklist-row--unmeasured');
    expect(row.textContent).toContain('No agreement');
    expect(screen.getByRole('list', { name: 'How to fix SUP-44' }).textContent).toBe("Add the request's JSM organization to a customer on the Contract SLA admin page (customer → organization id)");
    const notice = screen.getByTestId('worklist-unmeasured');
    expect(notice.textContent).toContain('1 open request is measured by no agreement: no deadline protects it.');

    fireEvent.click(screen.getByRole('button', { name: 'Show it' }));
    await waitFor(() => expect(keys()).toEqual(['SUP-44']));
    expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE, agreement: 'none' });
    expect(screen.queryByTestId('worklist-unmeasured')).toBeNull();
  });

  test('orders by a column on request (a second click reverses, a third returns to urgency) and shows more on request', async () => {
    host({ timezone: ZONE });
    const ordered = (p: Record<string, unknown>): WorkListAnswer => {
      const base = list(p);
      const items = [...base.items];
      if (p.order === 'status') items.sort((a, b) => (a.status ?? '').localeCompare(b.status ?? '') * (p.descending ? -1 : 1));
      const limit = typeof p.limit === 'number' ? p.limit : 2;
      return { ...base, items: items.slice(0, limit), matching: items.length };
    };
    answer({ 'worklist/list': (p) => ok(ordered(p)) });
    render(<WorkList />);
    await waitFor(() => expect(keys()).toHaveLength(2));
    expect(screen.getByTestId('worklist-count').textContent).toContain('4 open requests');
    // The status column shows Jira's status.
    expect(screen.getAllByTestId('worklist-row')[0]!.textContent).toContain('In Progress');

    fireEvent.click(screen.getByTestId('sort-status'));
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE, order: 'status', descending: false }));
    expect(screen.getByTestId('sort-status').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('sort-status'));
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE, order: 'status', descending: true }));
    expect(screen.getByTestId('sort-status').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-status'));
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE }));

    // Two of four shown: fifty more are asked for (here, the last two).
    expect(screen.getByText(/Showing the first 2 of 4/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('worklist-more'));
    await waitFor(() => expect(keys()).toHaveLength(4));
    expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE, limit: 100 });
  });

  test('offers "Assigned to me", and a new customer clears an agreement of the customer before', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p)) });
    render(<WorkList />);
    await waitFor(() => expect(keys()).toHaveLength(4));
    fireEvent.change(screen.getByLabelText('Assignee'), { target: { value: 'me' } });
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ assignee: 'me', timezone: ZONE }));
    fireEvent.change(screen.getByLabelText('Agreement'), { target: { value: 'acme-prod' } });
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ assignee: 'me', agreement: 'acme-prod', timezone: ZONE }));
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'fjord' } });
    await waitFor(() => expect(callsTo('worklist/list').at(-1)).toEqual({ assignee: 'me', customer: 'fjord', timezone: ZONE }));
  });

  test('turns a row amber, with “At risk”, once a goal is past the at-risk share', async () => {
    host({ timezone: ZONE });
    const risky: WorkItem = { ...informTomorrow, atRisk: true, escalation: { level: 'none', reached: [], next: null } };
    answer({ 'worklist/list': () => ok({ items: [risky], matching: 1, total: 1, unmeasured: 0, options, goals: [] }) });
    render(<WorkList />);
    await waitFor(() => expect(screen.getAllByTestId('worklist-row')).toHaveLength(1));
    const row = screen.getAllByTestId('worklist-row')[0]!;
    expect(row.className).toContain('worklist-row--escalated');
    expect(row.textContent).toContain('At risk');
  });

  test('assigns a request to the viewer from its row, then shows the list again', async () => {
    host({ timezone: ZONE });
    let assigned = false;
    answer({
      'worklist/list': () => ok({ ...list({}), me: mette.accountId, items: [dueSoon].map((i) => (assigned ? { ...i, assignee: mette } : i)) }),
      'worklist/assign-to-me': ({ issueKey }) => {
        assigned = true;
        return ok({ issueKey, assignee: mette.accountId });
      },
    });
    render(<WorkList />);
    fireEvent.click(await screen.findByTestId('assign-SUP-17'));
    await waitFor(() => expect(screen.getAllByTestId('worklist-row')[0]!.textContent).toContain('Mette Holm'));
    expect(callsTo('worklist/assign-to-me')).toEqual([{ issueKey: 'SUP-17' }]);
    // Assigned to the viewer: no button any more.
    expect(screen.queryByTestId('assign-SUP-17')).toBeNull();
  });

  test('shows a column per goal on request, each with its state and the time left or over', async () => {
    host({ timezone: ZONE });
    const withGoals: WorkItem = {
      ...dueSoon,
      goals: [
        { goal: 'response', state: 'met', remainingSeconds: null },
        { goal: 'resolution', state: 'at-risk', remainingSeconds: 3900 },
        { goal: 'update', state: 'breached', remainingSeconds: -1800 },
      ],
    };
    const goals = [
      { id: 'response', name: 'Time to first response', internal: false },
      { id: 'resolution', name: 'Time to resolution', internal: false },
      { id: 'update', name: 'Keep the customer informed', internal: false },
      { id: 'triage-ola', name: 'Triage (internal)', internal: true },
    ];
    answer({ 'worklist/list': () => ok({ items: [withGoals], matching: 1, total: 1, unmeasured: 0, options, goals }) });
    render(<WorkList />);
    await waitFor(() => expect(screen.getAllByTestId('worklist-row')).toHaveLength(1));
    expect(screen.queryByTestId('goal-SUP-17-response')).toBeNull();
    fireEvent.click(screen.getByTestId('per-goal'));
    expect(screen.getByRole('columnheader', { name: 'Triage (internal)' })).toBeTruthy();
    expect(screen.getByTestId('goal-SUP-17-response').textContent).toBe('Met');
    expect(screen.getByTestId('goal-SUP-17-resolution').textContent).toBe('At risk1 h 5 m left');
    expect(screen.getByTestId('goal-SUP-17-update').textContent).toBe('Breached30 m over');
    expect(screen.getByTestId('goal-SUP-17-triage-ola').textContent).toBe('—');
  });
});

describe('requests handed to development', () => {
  /** ACME's UAT payslips request, handed to PAY-1 and fixed in 5.3.1, while UAT still runs 5.3.0. */
  const waitingForRelease: WorkItem = {
    ...dueSoon,
    issueKey: 'SUP-52',
    summary: 'Payslips show last month’s tax rate',
    status: 'Waiting for release',
    agreement: { id: 'acme-uat', name: 'ACME UAT' },
    state: 'paused',
    deadline: null,
    guidance: 'Resolve the request — paused while the request is "Waiting for release"',
    escalation: { level: 'none', reached: [], next: null },
    development: { key: 'PAY-1', stageText: 'Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update' },
  };
  const requests = [...all, waitingForRelease];

  test('a row shows the development issue (a link into Jira) and its stage under the status', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p, requests)) });
    render(<WorkList />);
    const development = await screen.findByTestId('development-SUP-52');
    expect(development.textContent).toBe('PAY-1 Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update');
    expect(development.closest('td')!.textContent).toMatch(/^Waiting for release/);
    fireEvent.click(screen.getByRole('link', { name: 'PAY-1' }));
    expect(mocked.open).toHaveBeenCalledWith('/browse/PAY-1');
    // The rows not handed over say nothing of development.
    expect(screen.getAllByTestId(/^development-/)).toHaveLength(1);
  });

  test('"Waiting for a release" asks the resolver for those requests only, and clears with the other filters', async () => {
    host({ timezone: ZONE });
    answer({ 'worklist/list': (p) => ok(list(p, requests)) });
    render(<WorkList />);
    await waitFor(() => expect(keys()).toHaveLength(5));

    const filter = screen.getByLabelText('Waiting for a release') as HTMLInputElement;
    expect(filter.checked).toBe(false);
    fireEvent.click(filter);
    await waitFor(() => expect(keys()).toEqual(['SUP-52']));
    expect(callsTo('worklist/list').at(-1)).toEqual({ waitingForRelease: true, timezone: ZONE });
    expect(screen.getByTestId('worklist-count').textContent).toContain('1 of 5 open requests');

    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'fjord' } });
    expect(await screen.findByText('No open requests match these filters')).toBeTruthy();
    expect(callsTo('worklist/list').at(-1)).toEqual({ customer: 'fjord', waitingForRelease: true, timezone: ZONE });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(keys()).toHaveLength(5));
    expect((screen.getByLabelText('Waiting for a release') as HTMLInputElement).checked).toBe(false);
    expect(callsTo('worklist/list').at(-1)).toEqual({ timezone: ZONE });
  });
});
