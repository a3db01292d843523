// mount (and with it Atlassian's CSS reset) first, so the app's own styles below override the reset's.
import { mount } from '../../shared/mount';
import '../../shared/ui.css';
import '../../shared/monitoring.css';
import '../../shared/contracts.css';
import { GlobalPage } from './GlobalPage';

mount(<GlobalPage />);
