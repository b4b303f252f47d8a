/**
 * An equivalent of the built content script, for esbuild's metafile (where the
 * bytes go): the content-script entrypoint run the way WXT's isolated-world
 * wrapper runs it (`main(new ContentScriptContext(name, options))`). Never
 * loaded in a browser; bench/overlay/weight.ts only bundles it.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import definition from '../../entrypoints/content/index';

const { main, ...options } = definition;
void main(new ContentScriptContext('content', options));
