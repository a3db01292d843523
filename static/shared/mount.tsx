// Starts a surface: the host's theme first, so the first paint already has Jira's colours, but never waits long for
// it: a host that does not answer must not leave the surface blank.
import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme } from './theme';

const THEME_WAIT_MS = 300;

export function mount(surface: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const waited = new Promise<void>((resolve) => setTimeout(resolve, THEME_WAIT_MS));
  void Promise.race([applyTheme(), waited]).then(() => createRoot(root).render(<StrictMode>{surface}</StrictMode>));
}
