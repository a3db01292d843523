// Entry of the project admin page (jira:projectSettingsPage).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme } from '../../shared/theme';
import '../../shared/ui.css';
import { AdminPage } from './AdminPage';
import './admin.css';

void applyTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminPage />
  </StrictMode>,
);
