import { render } from 'preact';
import { i18n } from '#i18n';
import { ProgressPage } from '../../components/progress/ProgressPage';
import '../../components/shared/base.css';
import '../../components/progress/progress.css';

// The page speaks the browser's language from the start; guide texts carry their own `lang`.
document.documentElement.lang = i18n.t('lang');
render(<ProgressPage />, document.getElementById('app') as HTMLElement);
