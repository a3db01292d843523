// Renders the admin page against a fake backend and waits until the configuration is on screen.
import { fireEvent, render, screen } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { AdminPage } from '../../../static/admin/src/AdminPage';
import { fakeBackend, type FakeBackend } from './backend';

export async function renderAdmin(overrides: Parameters<typeof fakeBackend>[0] = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  (invoke as jest.Mock).mockImplementation(backend.invoke);
  render(<AdminPage />);
  await screen.findByTestId('calendar-0-mon-0-start');
  return backend;
}

export function openTab(name: RegExp | string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

export function type(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}
