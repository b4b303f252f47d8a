/**
 * An equivalent of the built overlay script (`content-scripts/playback.js`, what
 * a page loads once its tab has a run), for esbuild's metafile (where the
 * bytes go): the entrypoint run the way WXT's isolated-world
 * wrapper runs it (`main(new ContentScriptContext(name, options))`). Never
 * loaded in a browser; bench/overlay/weight.ts only bundles it.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import definition from '../../entrypoints/playback.content/index';

const { main, ...options } = definition;
void main(new ContentScriptContext('playback', options));
