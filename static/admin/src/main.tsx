// Entry of the admin page (jira:adminPage, and read-only as jira:projectSettingsPage). mount (and with it
// Atlassian's CSS reset) first, so the app's own styles below override the reset's.
import { mount } from '../../shared/mount';
import '../../shared/ui.css';
import './admin.css';
import { AdminPage } from './AdminPage';

mount(<AdminPage />);
