import { render } from 'preact';
import { SidePanel } from '../../components/sidepanel/SidePanel';
import '../../components/shared/base.css';
import '../../components/sidepanel/sidepanel.css';

render(<SidePanel />, document.getElementById('app') as HTMLElement);
