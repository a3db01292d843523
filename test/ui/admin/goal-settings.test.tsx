import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ConfigBundle } from '../../../src/engine/types';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const savedBundle = async (backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> => {
  fireEvent.click(screen.getByTestId('save'));
  await screen.findByTestId('saved');
  return (backend.sent('admin/config/save').at(-1) as { bundle: ConfigBundle }).bundle;
};

describe('the Goals tab: the at-risk share and the goals’ names for customers', () => {
  it('saves the share and a customer label; emptied, they leave the bundle as it was', async () => {
    const backend = await renderAdmin();
    openTab('Goals');
    type(screen.getByRole('spinbutton', { name: 'At risk once this share of a target is used (%)' }), '75');
    const first = screen.getAllByRole('textbox', { name: 'Name for customers (on the portal)' })[0]!;
    type(first, 'We answer you');
    // Internal goals are never shown to customers: no such field on them.
    expect(screen.getAllByRole('textbox', { name: 'Name for customers (on the portal)' })).toHaveLength(3);
    let bundle = await savedBundle(backend);
    expect(bundle.settings).toEqual({ atRiskPercent: 75 });
    expect(bundle.goals[0]!.customerLabel).toBe('We answer you');

    type(screen.getByRole('spinbutton', { name: 'At risk once this share of a target is used (%)' }), '');
    type(first, '');
    bundle = await savedBundle(backend);
    expect(bundle.settings).toBeUndefined();
    expect(bundle.goals[0]).not.toHaveProperty('customerLabel');
  });

  it('shows a share out of range on its field as the admin types', async () => {
    jest.useFakeTimers();
    try {
      await renderAdmin();
      openTab('Goals');
      type(screen.getByRole('spinbutton', { name: 'At risk once this share of a target is used (%)' }), '100');
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      await act(async () => undefined);
      const alert = [...document.querySelectorAll<HTMLElement>('[data-error-path="settings.atRiskPercent"]')];
      expect(alert[0]?.textContent).toBe('100 is not a percentage above 0 and below 100');
      // The summary takes the admin to the Goals tab.
      expect(within(screen.getByTestId('error-summary')).getByRole('button').textContent).toContain('settings');
    } finally {
      jest.useRealTimers();
    }
  });
});
