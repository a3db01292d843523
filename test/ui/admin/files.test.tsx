import { fireEvent, screen, waitFor } from '@testing-library/react';
import { invalid, ok, readExample, STORED_VERSION } from './backend';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const chooseFile = (text: string, name = 'config.json') =>
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('import, export and history', () => {
  it('imports a chosen file: sends its text with the version, then shows the stored configuration', async () => {
    const text = readExample('nordlys-config.json');
    const backend = await renderAdmin({ 'admin/config/import': ({ expectedVersion }) => ok({ version: (expectedVersion as number) + 1, savedAt: 0, savedBy: 'me' }) });
    openTab(/Import, export/);
    chooseFile(text, 'nordlys.json');
    fireEvent.click(await screen.findByRole('button', { name: 'Import nordlys.json' }));

    expect((await screen.findByTestId('saved')).textContent).toContain(`version ${STORED_VERSION + 1}`);
    expect(backend.sent('admin/config/import')).toEqual([{ json: text, expectedVersion: STORED_VERSION }]);
    // The page shows what is stored now.
    expect(backend.sent('admin/config/get')).toHaveLength(2);
  });

  it('shows why a file was refused, and changes nothing', async () => {
    const backend = await renderAdmin({
      'admin/config/import': () =>
        invalid({ path: 'bundle.calendars[0].timezone', message: 'unknown time zone "Mars/Olympus"' }, { path: 'bundle.goals[1].stop[0]', message: 'unknown action "nope"' }),
    });
    openTab(/Import, export/);
    chooseFile('{"version":1}', 'broken.json');
    fireEvent.click(await screen.findByRole('button', { name: 'Import broken.json' }));

    expect((await screen.findByText(/broken.json was not imported/)).textContent).toContain('nothing was saved');
    const listed = [...document.querySelectorAll<HTMLElement>('[data-file-path]')].map((li) => [li.dataset.filePath, li.textContent]);
    expect(listed).toEqual([
      ['calendars[0].timezone', 'calendars[0].timezone: unknown time zone "Mars/Olympus"'],
      ['goals[1].stop[0]', 'goals[1].stop[0]: unknown action "nope"'],
    ]);
    expect(screen.queryByTestId('saved')).toBeNull();
    expect(backend.sent('admin/config/get')).toHaveLength(1);
  });

  it('exports the stored configuration as a file download', async () => {
    const json = readExample('config.json');
    const created: Blob[] = [];
    const clicked: Array<{ download: string; href: string }> = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:contract-sla/1';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    try {
      await renderAdmin({ 'admin/config/export': () => ok({ fileName: 'contract-sla-config-v7-2026-11-20.json', json }) });
      openTab(/Import, export/);
      fireEvent.click(screen.getByTestId('export'));

      await screen.findByText('Downloaded contract-sla-config-v7-2026-11-20.json');
      expect(clicked).toEqual([{ download: 'contract-sla-config-v7-2026-11-20.json', href: 'blob:contract-sla/1' }]);
      expect(created[0]!.type).toBe('application/json');
      expect(await readBlob(created[0]!)).toBe(json);
    } finally {
      click.mockRestore();
    }
  });

  it('lists the saved versions, newest first', async () => {
    await renderAdmin();
    openTab(/Import, export/);
    const history = await screen.findByTestId('history');
    const rows = [...history.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
    expect(rows).toEqual(['7current', '6']);
    // Names from Jira; an account without one by its id.
    const by = [...history.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[2]!.textContent);
    expect(by).toEqual(['Mette Hansen', 'other-admin']);
  });

  it('says what a version changed from the one before it', async () => {
    const backend = await renderAdmin({
      'admin/config/changes': ({ to }) =>
        ok({ from: (to as number) - 1, to, changes: [{ entry: 'Calendar “Office”', field: 'name', path: 'calendars[0].name', kind: 'changed', before: 'Copenhagen office hours', after: 'Office' }] }),
    });
    openTab(/Import, export/);
    await screen.findByTestId('history');
    fireEvent.click(screen.getByTestId('changes-7'));
    const changes = await screen.findByTestId('version-changes-7');
    expect(changes.textContent).toBe('From version 6 to 7:Calendar “Office”: name Copenhagen office hours → Office');
    expect(backend.sent('admin/config/changes')).toEqual([{ to: 7 }]);
    fireEvent.click(screen.getByTestId('changes-7'));
    expect(screen.queryByTestId('version-changes-7')).toBeNull();
  });

  it('says when an imported file is the saved configuration already, and reloads nothing', async () => {
    const backend = await renderAdmin({ 'admin/config/import': () => ok({ version: STORED_VERSION, savedAt: 0, savedBy: 'me', unchanged: true, reevaluation: null }) });
    openTab(/Import, export/);
    chooseFile(readExample('config.json'), 'same.json');
    fireEvent.click(await screen.findByRole('button', { name: 'Import same.json' }));
    expect((await screen.findByText(/same.json is the configuration/)).textContent).toBe(`same.json is the configuration saved as version ${STORED_VERSION} already: nothing was imported.`);
    expect(backend.sent('admin/config/get')).toHaveLength(1);
  });

  it('restores an earlier version as a new version, then shows what is stored', async () => {
    const backend = await renderAdmin({ 'admin/config/restore': ({ expectedVersion }) => ok({ version: (expectedVersion as number) + 1, savedAt: 0, savedBy: 'me' }) });
    openTab(/Import, export/);
    await screen.findByTestId('history');
    expect(screen.queryByTestId(`restore-${STORED_VERSION}`)).toBeNull();
    fireEvent.click(screen.getByTestId('restore-6'));
    await waitFor(() => expect(backend.sent('admin/config/restore')).toEqual([{ version: 6, expectedVersion: STORED_VERSION }]));
    await waitFor(() => expect(backend.sent('admin/config/get')).toHaveLength(2));
  });

  it('offers the site\'s statuses when an action model pauses on a status', async () => {
    await renderAdmin({ 'admin/jira/statuses': () => ok([{ id: '10009', name: 'Pending vendor', category: 'indeterminate' }]) });
    openTab(/Action models/);
    await waitFor(() => expect(document.body.innerHTML).toContain('Pending vendor'));
  });

  const CONFLICT = { ok: false as const, errors: [{ code: 'CONFLICT', message: 'Someone saved version 8 meanwhile; their changes are shown beside yours' }] };
  const THEIRS = ok({
    from: STORED_VERSION,
    to: STORED_VERSION + 1,
    changes: [{ entry: 'Agreement “ACME Production”', field: 'targets[2].target', path: 'agreements[0].targets[2].target', kind: 'changed', before: 'PT4H', after: 'PT6H' }],
  });

  it('on a conflict shows their changes beside the admin’s own, and saves the admin’s over theirs on request', async () => {
    let saves = 0;
    const backend = await renderAdmin({
      'admin/config/save': ({ expectedVersion }) => (saves++ === 0 ? CONFLICT : ok({ version: (expectedVersion as number) + 1, savedAt: 0, savedBy: 'me', unchanged: false, reevaluation: null })),
      'admin/config/changes': () => THEIRS,
    });
    type(screen.getByTestId('calendar-0-mon-0-end'), '12:00');
    fireEvent.click(screen.getByTestId('save'));

    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Someone saved version 8 meanwhile');
    expect((await screen.findByTestId('conflict-theirs')).textContent).toBe('Agreement “ACME Production”: target row 3, target PT4H → PT6H');
    expect(screen.getByTestId('conflict-mine').textContent).toBe('Calendar “Copenhagen office hours”: Monday interval 1 ["08:00","16:00"] → ["08:00","12:00"]');
    expect(backend.sent('admin/config/changes')).toEqual([{ from: STORED_VERSION }]);
    // The edits are still on the page.
    expect((screen.getByTestId('calendar-0-mon-0-end') as HTMLInputElement).value).toBe('12:00');

    fireEvent.click(screen.getByRole('button', { name: `Save yours as version ${STORED_VERSION + 2} (replaces theirs)` }));
    expect((await screen.findByTestId('saved')).textContent).toBe(`Saved as version ${STORED_VERSION + 2}`);
    expect(backend.sent('admin/config/save').map((p) => p.expectedVersion)).toEqual([STORED_VERSION, STORED_VERSION + 1]);
    expect(screen.queryByTestId('conflict')).toBeNull();
  });

  it('on a conflict loads their version and drops the admin’s edits on request', async () => {
    const backend = await renderAdmin({ 'admin/config/save': () => CONFLICT, 'admin/config/changes': () => THEIRS });
    type(screen.getByTestId('calendar-0-mon-0-end'), '12:00');
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('conflict-theirs');
    fireEvent.click(screen.getByRole('button', { name: 'Load theirs and drop yours' }));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(backend.sent('admin/config/get')).toHaveLength(2);
    expect((screen.getByTestId('calendar-0-mon-0-end') as HTMLInputElement).value).toBe('16:00');
  });

  it('asks for no changes while there is no conflict', async () => {
    const backend = await renderAdmin();
    type(screen.getByTestId('calendar-0-mon-0-end'), '12:00');
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('saved');
    expect(backend.sent('admin/config/changes')).toEqual([]);
  });

  it('shows errors that concern no field, such as a missing permission', async () => {
    await renderAdmin({ 'admin/config/save': () => ({ ok: false, errors: [{ code: 'FORBIDDEN', message: 'Only administrators of project SUP can change Contract SLA' }] }) });
    fireEvent.click(screen.getByTestId('save'));
    expect((await screen.findByTestId('problems')).textContent).toContain('Only administrators of project SUP');
  });
});
