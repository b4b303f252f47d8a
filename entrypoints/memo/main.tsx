import { render } from 'preact';
import { MemoPage } from '../../components/memo/MemoPage';
import '../../components/shared/base.css';
import '../../components/memo/memo.css';

render(<MemoPage />, document.getElementById('app') as HTMLElement);
