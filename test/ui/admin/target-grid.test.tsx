import { fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle } from '../../../src/engine/types';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

/** Each goal's cells as "target (row)" or "—", priorities in the model's order. */
const cells = (grid: HTMLElement): string[][] =>
  [...grid.querySelectorAll('tbody tr')].map((tr) => [
    tr.querySelector('th')!.textContent!,
    ...[...tr.querySelectorAll('td')].map((td) => {
      const input = td.querySelector('input');
      return input ? `${input.value} (${td.querySelector('.hint')!.textContent})` : td.textContent!;
    }),
  ]);

describe('the goal × priority grid of an agreement', () => {
  it('shows the target the engine would choose for each goal and priority, per request type', async () => {
    await renderAdmin();
    openTab('Agreements');
    const grid = screen.getByTestId('target-grid-0');
    expect([...grid.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Goal', '1 – Critical', '2 – High']);
    expect(cells(grid)).toEqual([
      ['Time to first response', 'PT30M (row 1 · 24x7)', 'PT2H (row 2)'],
      ['Time to resolution', 'PT4H (row 3 · 24x7)', 'PT16H (row 4)'],
      ['Keep the customer informed', 'PT8H (row 5)', 'PT8H (row 5)'],
      ['Triage (internal)', 'PT1H (row 6)', 'PT1H (row 6)'],
    ]);
    // A request of another type: no row gives a P1 a reply time.
    fireEvent.change(within(grid).getByRole('combobox', { name: 'Targets for requests of type' }), { target: { value: '*' } });
    expect(cells(grid)[0]).toEqual(['Time to first response', '—', 'PT2H (row 2)']);
  });

  it('edits the row a cell comes from, so every cell of that row follows, and saves ISO-8601', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    const grid = screen.getByTestId('target-grid-0');
    const cell = within(grid).getByRole('textbox', { name: 'Target of Keep the customer informed for 1 – Critical' });
    fireEvent.focus(cell);
    type(cell, '6h');
    fireEvent.blur(cell);
    expect(cells(grid)[2]).toEqual(['Keep the customer informed', 'PT6H (row 5)', 'PT6H (row 5)']);
    expect((screen.getByRole('textbox', { name: 'Target of row 5' }) as HTMLInputElement).value).toBe('PT6H');
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('saved');
    const { bundle } = backend.sent('admin/config/save')[0] as { bundle: ConfigBundle };
    expect(bundle.agreements[0]!.targets[4]).toEqual({ goal: 'update', priorities: ['p1', 'p2'], target: 'PT6H' });
  });
});
