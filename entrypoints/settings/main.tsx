import { render } from 'preact';
import { SettingsPage } from '../../components/settings/SettingsPage';
import '../../components/shared/base.css';
import '../../components/settings/settings.css';

render(<SettingsPage />, document.getElementById('app') as HTMLElement);
