import { fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle } from '../../../src/engine/types';
import { droppedPriorities } from '../../../src/config/priority-ids';
import { exampleBundle, ok, SAVED_AT, STORED_VERSION } from './backend';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const savedBundle = async (backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> => {
  fireEvent.click(screen.getByTestId('save'));
  await screen.findByTestId('saved');
  return (backend.sent('admin/config/save')[0] as { bundle: ConfigBundle }).bundle;
};

/** The card of the n-th priority model. */
const modelCard = (index: number): HTMLElement => screen.getByTestId(`priority-${index}-0`).closest('section')!;

const checkboxNames = (container: HTMLElement): string[] => within(container).getAllByRole('checkbox').map((box) => box.parentElement!.textContent ?? '');

describe('priority models and the target matrix', () => {
  it('adds a priority and reorders it; the saved bundle has the new order', async () => {
    const backend = await renderAdmin();
    openTab('Priority models');
    const card = modelCard(0);
    fireEvent.click(within(card).getByRole('button', { name: '+ Add priority' }));
    type(within(card).getByRole('textbox', { name: 'Name of priority 3' }), '3 – Normal');
    fireEvent.click(within(card).getByRole('button', { name: 'Move priority 3 up' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Move priority 1 down' }));

    const bundle = await savedBundle(backend);
    expect(bundle.priorityModels[0]!.priorities).toEqual([
      { id: 'p3', name: '3 – Normal', rank: 3 },
      { id: 'p1', name: '1 – Critical', rank: 1, description: 'Production down' },
      { id: 'p2', name: '2 – High', rank: 2 },
    ]);
    expect(bundle.priorityModels[1]).toEqual(exampleBundle().priorityModels[1]);
  });

  it('ranks by order and sets a colour', async () => {
    const backend = await renderAdmin();
    openTab('Priority models');
    const card = modelCard(1);
    fireEvent.click(within(card).getByRole('button', { name: 'Rank by order (1, 2, 3…)' }));
    type(within(card).getByRole('textbox', { name: 'Colour of priority 1' }), '#DE350B');
    const bundle = await savedBundle(backend);
    expect(bundle.priorityModels[1]!.priorities.map((p) => [p.id, p.rank, p.colour])).toEqual([
      ['red', 1, '#DE350B'],
      ['yellow', 2, undefined],
      ['green', 3, undefined],
    ]);
  });

  it('refuses to remove a priority that target rows use, and to delete a model an agreement uses', async () => {
    await renderAdmin();
    openTab('Priority models');
    fireEvent.click(within(modelCard(0)).getByRole('button', { name: 'Remove Priority “1 – Critical”' }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('target row 1 of agreement “ACME Production”');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Priority model “1–5”' }));
    const refusals = screen.getAllByTestId('delete-refused').map((r) => r.textContent);
    expect(refusals).toContain('Priority model “1–5” cannot be deleted: it is used by agreement “ACME Production”. Change that first.');
    expect(screen.getByTestId('priority-0-0')).toBeTruthy();
  });

  it('offers only the priorities of the agreement’s own model in the target matrix', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    const firstRow = screen.getByTestId('target-row-0-0');
    expect(checkboxNames(firstRow)).toEqual(['1 – Critical (p1)', '2 – High (p2)']);

    // Tick p2 on the catch-all resolution row (row 4: no priorities = any).
    const row4 = screen.getByTestId('target-row-0-3');
    fireEvent.click(within(row4).getByRole('checkbox', { name: '2 – High (p2)' }));

    // Another model: its priorities are offered; the old ones stay visible only where still ticked, flagged.
    fireEvent.change(screen.getByRole('combobox', { name: 'Priority model' }), { target: { value: 'traffic' } });
    expect(checkboxNames(screen.getByTestId('target-row-0-1'))).toEqual(['Red (red)', 'Yellow (yellow)', 'Green (green)', 'p2 (unknown)']);
    expect(checkboxNames(screen.getByTestId('target-row-0-5'))).toEqual(['Red (red)', 'Yellow (yellow)', 'Green (green)']);

    fireEvent.change(screen.getByRole('combobox', { name: 'Priority model' }), { target: { value: 'numeric' } });
    const bundle = await savedBundle(backend);
    expect(bundle.agreements[0]!.targets[3]).toEqual({ goal: 'resolution', priorities: ['p2'], target: 'PT16H' });
  });

  it('edits a target row: goal, request types, target with a readable hint, calendar override', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    fireEvent.click(screen.getByRole('button', { name: '+ Add target row' }));
    const row = screen.getByTestId('target-row-0-6');
    fireEvent.change(within(row).getByRole('combobox', { name: 'Goal of row 7' }), { target: { value: 'update' } });
    fireEvent.click(within(row).getByRole('button', { name: '+ Add request type' }));
    type(within(row).getByLabelText('Request types of row 7 1'), 'Service request');
    type(within(row).getByRole('textbox', { name: 'Target of row 7' }), 'PT4H');
    expect(row.textContent).toContain('PT4H = 4 hours of business time');
    fireEvent.change(within(row).getByRole('combobox', { name: 'Calendar of row 7' }), { target: { value: 'always' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Move target row 7 up' }));

    const bundle = await savedBundle(backend);
    expect(bundle.agreements[0]!.targets[5]).toEqual({ goal: 'update', requestTypes: ['Service request'], target: 'PT4H', calendar: 'always' });
    expect(bundle.agreements[0]!.targets[6]).toEqual({ goal: 'triage-ola', target: 'PT1H' });
  });

  it('offers the customer’s environments and clears them to the new customer’s', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    const environment = screen.getByRole('combobox', { name: 'Environment' });
    expect(within(environment).getAllByRole('option').map((o) => o.textContent)).toEqual(['Production', 'UAT']);
    fireEvent.change(environment, { target: { value: 'UAT' } });
    const bundle = await savedBundle(backend);
    expect(bundle.agreements[0]!.environment).toBe('UAT');
  });

  it('keeps a saved priority’s id as it is (requests store it) while a new one’s id is typed freely', async () => {
    await renderAdmin();
    openTab('Priority models');
    const card = modelCard(0);
    const savedId = within(card).getByRole('textbox', { name: 'Id of priority 1' }) as HTMLInputElement;
    expect(savedId.readOnly).toBe(true);
    expect(card.textContent).toContain('Saved: requests store this id; change the name instead');
    fireEvent.click(within(card).getByRole('button', { name: '+ Add priority' }));
    const fresh = within(card).getByRole('textbox', { name: 'Id of priority 3' }) as HTMLInputElement;
    expect(fresh.readOnly).toBe(false);
    type(fresh, 'p3');
    expect(fresh.value).toBe('p3');
  });

  it('asks before a save drops a saved priority an agreement’s model had, and saves once confirmed', async () => {
    // The stored configuration: the 1–5 model of ACME Production also has a "3 – Normal" no target row names.
    const stored = exampleBundle();
    stored.priorityModels[0]!.priorities.push({ id: 'p3', name: '3 – Normal', rank: 3 });
    const backend = await renderAdmin({
      'admin/config/get': () => ok({ version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account', bundle: stored, canEdit: true }),
      'admin/config/save': ({ bundle, removePriorities }) => {
        const dropped = removePriorities === true ? [] : droppedPriorities(stored, bundle as ConfigBundle);
        if (dropped.length > 0) return { ok: false, errors: dropped.map((i) => ({ code: 'CONFIRM', path: `bundle.${i.path}`, message: i.message })) };
        return ok({ version: STORED_VERSION + 1, savedAt: SAVED_AT, savedBy: 'admin-account', unchanged: false, reevaluation: null });
      },
    });
    openTab('Priority models');
    fireEvent.click(within(modelCard(0)).getByRole('button', { name: 'Remove Priority “3 – Normal”' }));
    fireEvent.click(screen.getByTestId('save'));

    const confirm = await screen.findByTestId('confirm-removal');
    expect(confirm.textContent).toContain('priority “3 – Normal” (p3) is gone from the model: requests that have it would lose their priority (ACME Production uses this model)');
    expect(screen.queryByTestId('saved')).toBeNull();
    fireEvent.click(screen.getByTestId('confirm-remove-priorities'));
    expect((await screen.findByTestId('saved')).textContent).toBe(`Saved as version ${STORED_VERSION + 1}`);
    const sent = backend.sent('admin/config/save') as Array<{ removePriorities?: boolean; bundle: ConfigBundle }>;
    expect(sent.map((p) => p.removePriorities)).toEqual([undefined, true]);
    expect(sent[1]!.bundle.priorityModels[0]!.priorities.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(screen.queryByTestId('confirm-removal')).toBeNull();
  });
});
