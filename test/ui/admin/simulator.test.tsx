import { fireEvent, screen, within } from '@testing-library/react';
import { exampleBundle, invalid, ok, readExample } from './backend';
import { openTab, renderAdmin, type } from './render';

/** The viewer's zone as their Jira profile gives it (view.getContext().timezone). */
let mockViewerZone = 'Europe/Copenhagen';
jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() }, getContext: async () => ({ timezone: mockViewerZone }) } }));
beforeEach(() => {
  mockViewerZone = 'Europe/Copenhagen';
});

const example = JSON.parse(readExample('sup-17-at-2026-11-23T140000Z.json')) as { at: string; expected: unknown };
const simulate = () => fireEvent.click(screen.getByTestId('simulate'));
const panel = () => document.getElementById('panel-simulator')!;

describe('the simulator', () => {
  it('fills the request from an agreement, sends the edited bundle and shows the obligations and the next goal', async () => {
    const backend = await renderAdmin({ 'admin/simulate': () => ok(example.expected) });
    openTab('Simulator');
    fireEvent.change(within(panel()).getByRole('combobox', { name: 'Agreement' }), { target: { value: 'acme-prod' } });
    type(within(panel()).getByRole('textbox', { name: 'Evaluate at' }), example.at);
    fireEvent.click(within(panel()).getByRole('button', { name: '+ Comment' }));
    simulate();

    const result = await screen.findByTestId('simulation-result');
    const [payload] = backend.sent('admin/simulate') as Array<{ bundle: unknown; at: string; timeline: { issue: Record<string, string>; events: Array<Record<string, unknown>> } }>;
    expect(payload!.bundle).toEqual(exampleBundle());
    expect(payload!.at).toBe(example.at);
    expect(payload!.timeline.issue).toMatchObject({ customer: 'acme', environment: 'Production', product: 'Payroll', requestType: 'Incident', priority: 'p1' });
    expect(payload!.timeline.events.map((e) => e.type)).toEqual(['created', 'comment']);
    expect(payload!.timeline.events[1]).toMatchObject({ visibility: 'public', author: 'agent' });

    const rows = [...result.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['Time to first response', '1', 'completed', '2 h', '40 m', '1 h 20 m'],
      ['Time to resolution', '1', 'running', '4 h', '2 h 55 m', '1 h 5 m'],
      ['Keep the customer informed', '1', 'completed', '8 h', '40 m', '7 h 20 m'],
      ['Keep the customer informed', '2', 'running', '8 h', '2 h 15 m', '5 h 45 m'],
      ['Triage (internal)internal', '1', 'completed', '1 h', '1 h', '0 s'],
    ]);
    expect(rows.map((r) => r[7])).toEqual(['No', 'No', 'No', 'No', 'No']);
    // Deadlines in the viewer's zone (Copenhagen, as the agreement's calendar), the instant itself kept in <time>.
    expect(result.querySelector('time[datetime="2026-11-23T15:05:00Z"]')?.textContent).toBe('Mon 23 Nov 2026, 16:05');
    expect(screen.getByTestId('next-goal').textContent).toBe('Next: Time to resolution (cycle 1), due Mon 23 Nov 2026, 16:05');
  });

  it('shows every time in the viewer’s zone, the instant to evaluate at typed in it, and names the calendar’s zone when it differs', async () => {
    mockViewerZone = 'America/New_York';
    const backend = await renderAdmin({ 'admin/simulate': () => ok(example.expected) });
    openTab('Simulator');
    const at = within(panel()).getByRole('textbox', { name: 'Evaluate at' }) as HTMLInputElement;
    expect(at.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00-0[45]:00$/);
    expect(within(panel()).getByText(/now in America\/New_York/)).toBeTruthy();
    fireEvent.change(within(panel()).getByRole('combobox', { name: 'Agreement' }), { target: { value: 'acme-prod' } });
    simulate();
    const result = await screen.findByTestId('simulation-result');
    expect((backend.sent('admin/simulate')[0] as { at: string }).at).toBe(at.value);
    expect(result.querySelector('time[datetime="2026-11-23T15:05:00Z"]')?.textContent).toBe('Mon 23 Nov 2026, 10:05');
    expect(result.textContent).toContain('Times in America/New_York; its calendar counts business time in Europe/Copenhagen.');
  });

  it('takes a pasted timeline JSON', async () => {
    const timeline = readExample('timeline-sup-17.json');
    const backend = await renderAdmin({ 'admin/simulate': () => ok(example.expected) });
    openTab('Simulator');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Timeline JSON' }));
    type(within(panel()).getByRole('textbox', { name: /Timeline JSON/ }), timeline);
    simulate();
    await screen.findByTestId('simulation-result');
    expect((backend.sent('admin/simulate')[0] as { timeline: unknown }).timeline).toEqual(JSON.parse(timeline));

    // The pasted timeline becomes the form.
    fireEvent.click(within(panel()).getByRole('button', { name: 'Events form' }));
    expect(within(panel()).getAllByTestId(/^timeline-event-/)).toHaveLength(7);
    expect((within(panel()).getByRole('textbox', { name: 'Instant of event 7' }) as HTMLInputElement).value).toBe('2026-11-24T11:00:00+01:00');
  });

  it('shows INVALID timeline errors on the timeline fields', async () => {
    await renderAdmin({
      'admin/simulate': () =>
        invalid(
          { path: 'timeline.events[0].at', message: '"yesterday" is not an ISO-8601 instant with an offset' },
          { path: 'timeline.issue.key', message: 'required' },
        ),
    });
    openTab('Simulator');
    type(within(panel()).getByRole('textbox', { name: 'Instant of event 1' }), 'yesterday');
    simulate();

    const onEvent = await within(panel()).findByText('"yesterday" is not an ISO-8601 instant with an offset', { selector: '[role="alert"]' });
    expect(onEvent.getAttribute('data-error-path')).toBe('timeline.events[0].at');
    expect(screen.getByTestId('timeline-event-0').contains(onEvent)).toBe(true);
    const onKey = [...panel().querySelectorAll<HTMLElement>('[data-error-path="timeline.issue.key"]')];
    expect(onKey.map((e) => e.textContent)).toEqual(['required']);
    expect(screen.queryByTestId('simulation-result')).toBeNull();
  });

  it('reports bundle problems on the configuration’s fields, not in the simulator', async () => {
    await renderAdmin({ 'admin/simulate': () => invalid({ path: 'bundle.calendars[1].timezone', message: 'unknown time zone "Moon/Base"' }) });
    openTab('Simulator');
    simulate();
    expect((await screen.findByText(/The configuration has problems/)).textContent).toContain('fix them to simulate');
    expect(screen.getByTestId('error-summary').textContent).toContain('unknown time zone "Moon/Base"');
    openTab(/Calendars/);
    expect(document.querySelector('[data-error-path="calendars[1].timezone"]')?.textContent).toBe('unknown time zone "Moon/Base"');
  });

  describe('replaying a real request', () => {
    const timeline = JSON.parse(readExample('timeline-sup-17.json')) as { issue: { key: string } };
    const alsoBreached = () => {
      const changed = JSON.parse(JSON.stringify(example.expected)) as { next: { deadline: string } };
      changed.next.deadline = '2026-11-23T17:05:00Z';
      return changed;
    };

    it('loads its history from Jira into the form, simulates it, and shows the saved configuration’s result beside the page’s', async () => {
      const backend = await renderAdmin({
        'admin/request/timeline': () => ok({ issueKey: 'SUP-17', timeline }),
        // With the page's bundle the example; with the saved one another deadline.
        'admin/simulate': ({ bundle }) => ok(bundle === undefined ? alsoBreached() : example.expected),
      });
      openTab('Simulator');
      type(within(panel()).getByRole('textbox', { name: 'Replay a request' }), 'sup-17');
      fireEvent.click(screen.getByTestId('load-request'));

      const saved = await screen.findByTestId('simulation-saved');
      expect(backend.sent('admin/request/timeline')).toEqual([{ issueKey: 'sup-17', bundle: exampleBundle() }]);
      const sent = backend.sent('admin/simulate') as Array<{ bundle?: unknown; timeline: unknown }>;
      expect(sent.map((p) => p.bundle === undefined)).toEqual([false, true]);
      expect(sent.every((p) => JSON.stringify(p.timeline) === JSON.stringify(timeline))).toBe(true);
      expect(within(panel()).getAllByTestId(/^timeline-event-/)).toHaveLength(7);
      expect(within(panel()).getByText(/SUP-17's history as Jira has it/)).toBeTruthy();
      expect(within(screen.getByTestId('simulation-edited')).getByRole('heading').textContent).toBe('With the configuration on this page');
      expect(within(saved).getByTestId('next-goal').textContent).toBe('Next: Time to resolution (cycle 1), due Mon 23 Nov 2026, 18:05');
      expect(within(screen.getByTestId('simulation-edited')).getByTestId('next-goal').textContent).toBe('Next: Time to resolution (cycle 1), due Mon 23 Nov 2026, 16:05');
    });

    it('says when the saved configuration gives the same', async () => {
      await renderAdmin({ 'admin/request/timeline': () => ok({ issueKey: 'SUP-17', timeline }), 'admin/simulate': () => ok(example.expected) });
      openTab('Simulator');
      type(within(panel()).getByRole('textbox', { name: 'Replay a request' }), 'SUP-17');
      fireEvent.click(screen.getByTestId('load-request'));
      expect((await screen.findByTestId('simulation-edited')).textContent).toContain('The saved configuration gives the same.');
      expect(screen.queryByTestId('simulation-saved')).toBeNull();
    });

    it('says on the key field when there is no such request the admin may see', async () => {
      const backend = await renderAdmin({ 'admin/request/timeline': () => ({ ok: false, errors: [{ code: 'NOT_FOUND', message: 'There is no request SUP-999 that you may see' }] }) });
      openTab('Simulator');
      type(within(panel()).getByRole('textbox', { name: 'Replay a request' }), 'SUP-999');
      fireEvent.click(screen.getByTestId('load-request'));
      expect((await within(panel()).findByRole('alert')).textContent).toContain('There is no request SUP-999 that you may see');
      expect(backend.sent('admin/simulate')).toEqual([]);
    });
  });
});
