import { render } from 'preact';
import { Editor } from '../../components/editor/Editor';
import '../../components/shared/base.css';
import '../../components/editor/editor.css';

render(<Editor />, document.getElementById('app') as HTMLElement);
