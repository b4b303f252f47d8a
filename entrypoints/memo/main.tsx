import { render } from 'preact';
import { i18n } from '#i18n';
import { MemoPage } from '../../components/memo/MemoPage';
import '../../components/shared/base.css';
import '../../components/memo/memo.css';

// The page speaks the browser's language from the start; guide texts carry their own `lang`.
document.documentElement.lang = i18n.t('lang');
render(<MemoPage />, document.getElementById('app') as HTMLElement);
