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
    expect(history.textContent).toContain('other-admin');
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

  it('says when someone saved meanwhile and reloads their version on request', async () => {
    const backend = await renderAdmin({
      'admin/config/save': () => ({ ok: false, errors: [{ code: 'CONFLICT', message: 'Someone saved version 8 meanwhile; reload to see it, then make your change again' }] }),
    });
    type(screen.getByTestId('calendar-0-mon-0-end'), '12:00');
    fireEvent.click(screen.getByTestId('save'));

    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Someone saved version 8 meanwhile');
    fireEvent.click(screen.getByRole('button', { name: 'Reload the saved configuration' }));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(backend.sent('admin/config/get')).toHaveLength(2);
    expect((screen.getByTestId('calendar-0-mon-0-end') as HTMLInputElement).value).toBe('16:00');
  });

  it('shows errors that concern no field, such as a missing permission', async () => {
    await renderAdmin({ 'admin/config/save': () => ({ ok: false, errors: [{ code: 'FORBIDDEN', message: 'Only administrators of project SUP can change Contract SLA' }] }) });
    fireEvent.click(screen.getByTestId('save'));
    expect((await screen.findByTestId('problems')).textContent).toContain('Only administrators of project SUP');
  });
});
