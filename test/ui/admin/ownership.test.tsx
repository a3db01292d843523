// Who changes the configuration, and what happens after a save: a project's administrators see it read-only; a
// Jira administrator saves, and the page follows the re-evaluation of the site's requests to its end, listing the
// requests the app could not compute.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MAX_IMPORT_CHARS } from '../../../src/app-identity';
import { POLL_MS } from '../../../static/admin/src/Reevaluation';
import { exampleBundle, ok, SAVED_AT, STORED_VERSION } from './backend';
import { openTab, renderAdmin } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

afterEach(() => jest.useRealTimers());

describe("a project's administrator", () => {
  const readOnly = { 'admin/config/get': () => ok({ version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account', bundle: exampleBundle(), canEdit: false }) };

  it('reads the configuration with every control disabled, and no Save', async () => {
    await renderAdmin(readOnly);
    expect(screen.getByTestId('read-only').textContent).toContain('only Jira administrators change it');
    expect(screen.queryByTestId('save')).toBeNull();
    expect(screen.getByTestId('calendar-0-mon-0-start').matches(':disabled')).toBe(true);
  });

  it('can export and read the history, but not import or recompute', async () => {
    await renderAdmin(readOnly);
    openTab(/Import, export/);
    expect(await screen.findByRole('button', { name: /Export/ })).toBeTruthy();
    expect(screen.queryByTestId('import-file')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Recompute all requests' })).toBeNull();
  });
});

describe('a Jira administrator', () => {
  it('edits with the controls enabled', async () => {
    await renderAdmin();
    expect(screen.queryByTestId('read-only')).toBeNull();
    expect(screen.getByTestId('calendar-0-mon-0-start').matches(':disabled')).toBe(false);
  });

  it('watches the re-evaluation after a save until it is done', async () => {
    const progress = [
      { version: 8, startedAt: SAVED_AT, state: 'running', done: 0, failed: 0, estimate: 300 },
      { version: 8, startedAt: SAVED_AT, state: 'running', done: 120, failed: 1, estimate: 300 },
      { version: 8, startedAt: SAVED_AT, state: 'done', done: 299, failed: 1, estimate: 300, finishedAt: SAVED_AT + 90_000 },
    ];
    let polls = 0;
    const failure = { issueId: '10042', issueKey: 'SUP-42', during: 'the re-evaluation for configuration version 8', message: 'Jira answered 500 to GET issue SUP-42', attempts: 1, firstFailedAt: SAVED_AT, lastFailedAt: SAVED_AT };
    await renderAdmin({
      'admin/reevaluation/status': () => {
        const state = polls === 0 ? null : progress[Math.min(polls - 1, progress.length - 1)];
        polls++;
        return ok({ reevaluation: state, failures: polls > 2 ? [failure] : [] });
      },
    });
    expect(screen.queryByTestId('reevaluation')).toBeNull();
    jest.useFakeTimers();
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('reevaluation').textContent).toBe("Applying version 8 to the site's requests: 0 of about 300 recomputed."));
    await act(async () => void jest.advanceTimersByTime(POLL_MS));
    await waitFor(() => expect(screen.getByTestId('reevaluation').textContent).toBe("Applying version 8 to the site's requests: 120 of about 300 recomputed, 1 could not be computed."));
    await act(async () => void jest.advanceTimersByTime(POLL_MS));
    await waitFor(() => expect(screen.getByTestId('reevaluation').textContent).toMatch(/^Version 8 is applied: 299 requests recomputed, 1 could not be computed, finished /));
    // Done: no more polling.
    const before = polls;
    await act(async () => void jest.advanceTimersByTime(5 * POLL_MS));
    expect(polls).toBe(before);
    jest.useRealTimers();
    openTab(/Import, export/);
    const failures = await screen.findByTestId('failures');
    expect(failures.textContent).toContain('SUP-42');
    expect(failures.textContent).toContain('Jira answered 500 to GET issue SUP-42');
  });

  it('is told a file is too large to import before anything is sent', async () => {
    const backend = await renderAdmin();
    openTab(/Import, export/);
    const huge = JSON.stringify({ version: 1, padding: 'x'.repeat(MAX_IMPORT_CHARS) });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([huge], 'huge.json', { type: 'application/json' })] } });
    expect((await screen.findByRole('status')).textContent).toBe(`huge.json is ${Math.ceil(huge.length / 1000)} KB; a configuration file can be at most 400 KB.`);
    expect(screen.queryByTestId('import')).toBeNull();
    expect(backend.sent('admin/config/import')).toEqual([]);
  });
});
