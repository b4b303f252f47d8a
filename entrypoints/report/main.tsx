import { render } from 'preact';
import { i18n } from '#i18n';
import { ReportPage } from '../../components/report/ReportPage';
import '../../components/shared/base.css';
import '../../components/report/report.css';

// The page speaks the browser's language from the start; guide texts carry their own `lang`.
document.documentElement.lang = i18n.t('lang');
render(<ReportPage />, document.getElementById('app') as HTMLElement);
