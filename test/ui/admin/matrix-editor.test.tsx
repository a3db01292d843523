// The impact × urgency matrix of a priority model (formats.md §6) on the admin page: added, its levels renamed with
// their cells kept, its cells chosen from the model's priorities; an empty cell is named by the backend's validator
// on the cell itself; a priority a cell uses is not removed; the saved bundle carries the matrix.
import { fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle, PriorityMatrix } from '../../../src/engine/types';
import { addLevel, newMatrix, removeLevel, renameLevel } from '../../../static/admin/src/MatrixEditor';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const modelCard = (index: number): HTMLElement => screen.getByTestId(`priority-${index}-0`).closest('section')!;
const cellSelect = (impact: string, urgency: string): HTMLSelectElement => within(screen.getByTestId(`cell-${impact}-${urgency}`)).getByRole('combobox') as HTMLSelectElement;

describe('the matrix as data', () => {
  const base = (): PriorityMatrix => newMatrix(['p1', 'p2']);

  test('a new matrix has two levels an axis and every cell filled with the least urgent priority', () => {
    expect(base().cells).toEqual({ many: { now: 'p2', later: 'p2' }, few: { now: 'p2', later: 'p2' } });
  });

  test.each([
    ['impact', 0, 'company', { company: { now: 'p2', later: 'p2' }, few: { now: 'p2', later: 'p2' } }],
    ['urgency', 1, 'someday', { many: { now: 'p2', someday: 'p2' }, few: { now: 'p2', someday: 'p2' } }],
    ['impact', 1, 'few', { many: { now: 'p2', later: 'p2' }, few: { now: 'p2', later: 'p2' } }],
  ] as const)('renaming %s level %i to %s keeps its cells', (axis, index, id, cells) => {
    const matrix = base();
    renameLevel(matrix, axis, index, id);
    expect(matrix[axis][index]!.id).toBe(id);
    expect(matrix.cells).toEqual(cells);
  });

  test('an added level has empty cells; a removed one takes its cells along', () => {
    const matrix = base();
    addLevel(matrix, 'impact');
    addLevel(matrix, 'urgency');
    expect(matrix.impact.map((l) => l.id)).toEqual(['many', 'few', 'impact']);
    expect(matrix.cells.impact).toEqual({});
    removeLevel(matrix, 'urgency', 0);
    removeLevel(matrix, 'impact', 1);
    expect(matrix.cells).toEqual({ many: { later: 'p2' }, impact: {} });
    expect(matrix.urgency.map((l) => l.id)).toEqual(['later', 'urgency']);
  });
});

describe('the matrix editor', () => {
  async function savedBundle(backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> {
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('saved');
    return (backend.sent('admin/config/save').at(-1) as { bundle: ConfigBundle }).bundle;
  }

  test('adds a matrix, renames a level, chooses cells, and saves it', async () => {
    const backend = await renderAdmin();
    openTab('Priority models');
    fireEvent.click(within(modelCard(0)).getByRole('button', { name: '+ Add a matrix' }));
    const editor = screen.getByTestId('matrix-editor-0');
    type(within(editor).getByRole('textbox', { name: 'Id of impact 1' }), 'company');
    type(within(editor).getByRole('textbox', { name: 'Label of impact 1' }), 'The whole company');
    type(within(editor).getByRole('textbox', { name: 'Description of impact 1' }), 'Everyone is affected');
    fireEvent.change(cellSelect('company', 'now'), { target: { value: 'p1' } });
    expect(within(screen.getByTestId('matrix-grid-0')).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['The whole company', 'One person or a few']);
    const bundle = await savedBundle(backend);
    expect(bundle.priorityModels[0]!.matrix).toEqual({
      impact: [{ id: 'company', label: 'The whole company', description: 'Everyone is affected' }, { id: 'few', label: 'One person or a few' }],
      urgency: [{ id: 'now', label: 'Work has stopped' }, { id: 'later', label: 'It can wait' }],
      cells: { company: { now: 'p1', later: 'p2' }, few: { now: 'p2', later: 'p2' } },
    });
  });

  test('an empty cell is refused on the cell, by the backend validator; nothing is saved', async () => {
    const backend = await renderAdmin();
    openTab('Priority models');
    fireEvent.click(within(modelCard(0)).getByRole('button', { name: '+ Add a matrix' }));
    fireEvent.click(within(screen.getByTestId('matrix-editor-0')).getByRole('button', { name: '+ Add urgency level' }));
    type(within(screen.getByTestId('matrix-editor-0')).getByRole('textbox', { name: 'Label of urgency 3' }), 'Next month');
    fireEvent.click(screen.getByTestId('save'));
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toMatch(/empty cell/);
    expect(backend.sent('admin/config/save')).toHaveLength(1);
    expect(screen.queryByTestId('saved')).toBeNull();
    const cell = screen.getByTestId('cell-many-urgency');
    expect(within(cell).getByRole('combobox').getAttribute('aria-invalid')).toBe('true');
  });

  test('a priority a cell uses cannot be removed, and the cells are saved as chosen', async () => {
    const backend = await renderAdmin();
    openTab('Priority models');
    fireEvent.click(within(modelCard(1)).getByRole('button', { name: '+ Add a matrix' }));
    fireEvent.click(within(modelCard(1)).getByRole('button', { name: 'Remove Priority “Green”' }));
    expect(screen.getAllByTestId('delete-refused').map((r) => r.textContent).join(' ')).toContain('4 cells of the impact × urgency matrix');
    const bundle = await savedBundle(backend);
    expect(bundle.priorityModels[1]!.matrix!.cells).toEqual({ many: { now: 'green', later: 'green' }, few: { now: 'green', later: 'green' } });
  });
});
