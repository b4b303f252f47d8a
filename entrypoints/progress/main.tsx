import { render } from 'preact';
import { ProgressPage } from '../../components/progress/ProgressPage';
import '../../components/shared/base.css';
import '../../components/progress/progress.css';

render(<ProgressPage />, document.getElementById('app') as HTMLElement);
