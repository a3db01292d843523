import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { exampleBundle, invalid, STORED_VERSION } from './backend';
import { renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const save = () => fireEvent.click(screen.getByTestId('save'));
const alertAt = (path: string) => [...document.querySelectorAll<HTMLElement>('[data-error-path]')].filter((el) => el.dataset.errorPath === path);

describe('calendars on the admin page', () => {
  it('sends the edited interval with the version it was based on and confirms the new version', async () => {
    const backend = await renderAdmin();
    type(screen.getByTestId('calendar-0-mon-0-end'), '15:00');
    save();

    expect((await screen.findByTestId('saved'))?.textContent).toContain(`version ${STORED_VERSION + 1}`);
    const [payload] = backend.sent('admin/config/save');
    const expected = exampleBundle();
    expected.calendars[0]!.week.mon = [['08:00', '15:00']];
    expect(payload).toEqual({ bundle: expected, expectedVersion: STORED_VERSION });
  });

  it('adds an interval with the add button and edits it through its own inputs', async () => {
    const backend = await renderAdmin();
    fireEvent.click(screen.getByTestId('calendar-0-sat-add'));
    expect((screen.getByTestId('calendar-0-sat-0-start') as HTMLInputElement).value).toBe('09:00');
    type(screen.getByTestId('calendar-0-sat-0-end'), '13:00');
    fireEvent.click(screen.getByTestId('calendar-0-mon-add'));
    type(screen.getByTestId('calendar-0-mon-1-start'), '17:00');
    type(screen.getByTestId('calendar-0-mon-1-end'), '24:00');
    save();

    await screen.findByTestId('saved');
    const { bundle } = backend.sent('admin/config/save')[0] as { bundle: ReturnType<typeof exampleBundle> };
    expect(bundle.calendars[0]!.week.sat).toEqual([['09:00', '13:00']]);
    expect(bundle.calendars[0]!.week.mon).toEqual([
      ['08:00', '16:00'],
      ['17:00', '24:00'],
    ]);
  });

  it('shows an INVALID answer on the field it concerns and in the summary, and saves nothing', async () => {
    await renderAdmin({
      'admin/config/save': () =>
        invalid(
          { path: 'bundle.calendars[0].week.mon[1]', message: 'end 07:00 is before start 09:00' },
          { path: 'bundle.version', message: 'unsupported version 2; expected 1' },
        ),
    });
    fireEvent.click(screen.getByTestId('calendar-0-mon-add'));
    type(screen.getByTestId('calendar-0-mon-1-start'), '09:00');
    type(screen.getByTestId('calendar-0-mon-1-end'), '07:00');
    save();

    await waitFor(() => expect(alertAt('calendars[0].week.mon[1]')).toHaveLength(1));
    const onField = alertAt('calendars[0].week.mon[1]')[0]!;
    expect(onField.getAttribute('role')).toBe('alert');
    expect((onField)?.textContent).toContain('end 07:00 is before start 09:00');
    // Beside the interval's own inputs.
    expect(onField.closest('.interval')?.contains(screen.getByTestId('calendar-0-mon-1-start'))).toBe(true);

    const summary = screen.getByTestId('error-summary');
    expect((summary)?.textContent).toContain('end 07:00 is before start 09:00');
    // In words first; the JSON path only as a detail after the message.
    expect(summary.querySelector('[data-summary-path="calendars[0].week.mon[1]"]')!.textContent).toBe('Calendar “Copenhagen office hours” › Monday interval 2: end 07:00 is before start 09:00calendars[0].week.mon[1]');
    // A path without a form shows in the summary only.
    expect((summary)?.textContent).toContain('unsupported version 2; expected 1');
    expect(alertAt('version')).toHaveLength(0);
    expect(screen.queryByTestId('saved')).toBeNull();

    // The summary entry takes the admin to the field.
    fireEvent.click(within(summary).getByRole('button', { name: 'Calendar “Copenhagen office hours” › Monday interval 2' }));
    expect(document.activeElement).toBe(screen.getByTestId('calendar-0-mon-1-start'));
  });

  it('takes the admin from the summary to a field on another tab', async () => {
    await renderAdmin({ 'admin/config/save': () => invalid({ path: 'bundle.agreements[0].targets[1].target', message: 'duration "PT2Y" uses years' }) });
    save();
    const summary = await screen.findByTestId('error-summary');
    fireEvent.click(within(summary).getByRole('button', { name: 'Agreement “ACME Production” › target row 2, target' }));
    expect(screen.getByRole('tab', { name: /Agreements/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Target of row 2' }));
    expect((alertAt('agreements[0].targets[1].target')[0])?.textContent).toContain('uses years');
  });

  it('validates as the admin types, with the backend validator, and shows the problem on the field', async () => {
    jest.useFakeTimers();
    try {
      const backend = await renderAdmin();
      type(screen.getAllByLabelText('Time zone (IANA)')[0]!, 'Mars/Olympus');
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      await act(async () => undefined);
      expect(backend.sent('admin/config/validate')).toHaveLength(1);
      expect((alertAt('calendars[0].timezone')[0])?.textContent).toContain('unknown time zone "Mars/Olympus"');
      expect((screen.getByRole('tab', { name: /Calendars/ }))?.textContent).toContain('1');
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses to delete a calendar that agreements use, naming where', async () => {
    const backend = await renderAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Calendar “24x7”' }));

    const refusal = screen.getByTestId('delete-refused');
    expect((refusal)?.textContent).toContain('Calendar “24x7” cannot be deleted');
    expect((refusal)?.textContent).toContain('target row 1 of agreement “ACME Production”');
    expect((refusal)?.textContent).toContain('target row 3 of agreement “ACME Production”');
    expect(screen.queryByTestId('calendar-1-mon-0-start')).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Calendar “Copenhagen office hours”' }));
    expect((screen.getAllByTestId('delete-refused')[0])?.textContent).toContain('agreement “ACME Production”');

    save();
    await screen.findByTestId('saved');
    expect((backend.sent('admin/config/save')[0] as { bundle: { calendars: unknown[] } }).bundle.calendars).toHaveLength(2);
  });

  it('deletes a calendar nothing uses', async () => {
    const backend = await renderAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Add calendar' }));
    expect((screen.getByTestId('calendar-2-mon-0-start') as HTMLInputElement).value).toBe('09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Calendar “New calendar”' }));
    expect(screen.queryByTestId('calendar-2-mon-0-start')).toBeNull();
    save();
    await screen.findByTestId('saved');
    expect((backend.sent('admin/config/save')[0] as { bundle: unknown }).bundle).toEqual(exampleBundle());
  });

  it('renaming a calendar carries its references along', async () => {
    const backend = await renderAdmin();
    const [, secondId] = screen.getAllByRole('textbox', { name: 'Id' });
    type(secondId!, 'around-the-clock');
    save();
    await screen.findByTestId('saved');
    const { bundle } = backend.sent('admin/config/save')[0] as { bundle: ReturnType<typeof exampleBundle> };
    expect(bundle.agreements[0]!.targets.map((t) => t.calendar)).toEqual(['around-the-clock', undefined, 'around-the-clock', undefined, undefined, undefined]);
  });

  it('previews the next openings of the calendar as edited', async () => {
    const backend = await renderAdmin({
      'admin/calendar/preview': () => ({
        ok: true,
        data: {
          calendar: 'cph-office',
          openSeconds: 28_800,
          openings: [{ from: '2026-11-23T07:00:00Z', to: '2026-11-23T15:00:00Z' }],
        },
      }),
    });
    type(screen.getByTestId('calendar-0-mon-0-end'), '17:00');
    fireEvent.click(screen.getAllByRole('button', { name: 'Preview the next 14 days' })[0]!);
    await screen.findByText(/Open 8 h in the next 14 days/, {}, { timeout: 2000 });
    screen.getByText(/Mon 23 Nov 08:00/);
    const [payload] = backend.sent('admin/calendar/preview') as Array<{ bundle: ReturnType<typeof exampleBundle>; calendar: string; days: number; from: string }>;
    expect(payload!.calendar).toBe('cph-office');
    expect(payload!.days).toBe(14);
    expect(payload!.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(payload!.bundle.calendars[0]!.week.mon).toEqual([['08:00', '17:00']]);
  });
});

describe('a save while the typing check is still to come', () => {
  it('shows the saved version even when the check’s timer fires during the save', async () => {
    jest.useFakeTimers();
    try {
      let finish: (() => void) | undefined;
      const backend = await renderAdmin({
        // The save answers only when the test says so: meanwhile the check's timer fires.
        'admin/config/save': ({ expectedVersion }) =>
          new Promise((resolve) => {
            finish = () => resolve({ ok: true, data: { version: (expectedVersion as number) + 1, savedAt: 0, savedBy: 'me', unchanged: false, reevaluation: null } });
          }),
      });
      type(screen.getByTestId('calendar-0-mon-0-end'), '15:00');
      save();
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      expect(backend.sent('admin/config/validate')).toHaveLength(1);
      await act(async () => {
        finish!();
      });
      expect((await screen.findByTestId('saved')).textContent).toBe(`Saved as version ${STORED_VERSION + 1}`);
      expect(screen.getByText('All changes saved')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});
