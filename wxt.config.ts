import { defineConfig } from 'wxt';
import { assertContentScripts, CONTENT_SCRIPT_BUILD } from './scripts/content-scripts';
import { assertBundlesNeverAct, assertNeverActs, neverActVitePlugin } from './scripts/never-act';
import { catalogueVitePlugin, loadCatalogue, permissionsFor } from './utils/catalogue/build';

/**
 * Firefox: a fixed add-on id (stable storage across installs, and the end-to-end
 * tests pin the extension's internal UUID from it), and the built-in data
 * consent saying that nothing is collected — nothing leaves the machine.
 */
const GECKO = {
  gecko: {
    id: 'cote-a-cote@cote-a-cote.invalid',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  // Firefox for Android knows data_collection_permissions from version 142.
  gecko_android: { strict_min_version: '142.0' },
};

/** Opens the popup from any page (G for guide). Chromium on Linux refuses Alt+Shift+C; Firefox uses Ctrl+Shift+Y. */
const OPEN_POPUP_KEY = 'Alt+Shift+G';

/** Sites asked for at run time, one at a time (`permissions.request` with the exact site), never at install. */
const OPTIONAL_SITES = ['https://*/*', 'http://*/*'];

/**
 * Modes:
 * - `production` (`npm run build`, `npm run zip`): the store packages, bundled guides only,
 *   never a practice guide nor any access to localhost;
 * - `practice` (`npm run demo`, the end-to-end tests): also the practice guides, whose sites
 *   are on this machine (the DSFR example pages served by scripts/practice-server.ts).
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  vite: (env) => ({
    plugins: [catalogueVitePlugin(env.mode), neverActVitePlugin(import.meta.dirname)],
    // Never the development JSX runtime: it would ship source paths and weigh more.
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: false },
    // WXT's content script context posts a message and dispatches events into the page (naming the extension's id):
    // its entry code gets a silent stand-in, and our scripts start their own (components/page/context.ts).
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: `${import.meta.dirname}/components/page/wxt-context.ts` }],
    },
  }),
  manifest: ({ browser, manifestVersion, mode }) => {
    const { hostPermissions } = permissionsFor(loadCatalogue(mode));
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'fr',
      // storage: runs, recordings, "my guides". activeTab: the popup reads the address of the tab it
      // was opened on (to offer its guides, and to ask for its site before recording). scripting
      // (MV3): put the recorder or the overlay in a tab; MV2 does the same with tabs.executeScript,
      // without a permission. No `tabs`: the browser shows a tab's address on the sites we may enter only.
      permissions: ['storage', 'activeTab', ...(manifestVersion === 3 ? ['scripting'] : [])],
      host_permissions: hostPermissions,
      // Any other site only when the trainer records on it or imports a guide for it, asked at that moment.
      // MV2 has no optional_host_permissions (WXT drops it there): host patterns go in optional_permissions.
      ...(manifestVersion === 2 ? { optional_permissions: [...OPTIONAL_SITES] } : { optional_host_permissions: [...OPTIONAL_SITES] }),
      action: { default_title: '__MSG_extName__' },
      // A keyboard way to the popup, for people who do not use a mouse (WCAG 2.1.1).
      commands: {
        [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
          suggested_key: { default: OPEN_POPUP_KEY },
          description: '__MSG_commandOpenPopup__',
        },
      },
      ...(browser === 'firefox' ? { browser_specific_settings: GECKO } : {}),
    };
  },
  hooks: {
    // The content scripts use the browser's own promise API (components/page/native-browser.ts), not the polyfill;
    // @wxt-dev/browser (which #i18n imports) resolves to the same file: one lookup of the API, not two.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const nativeBrowser = {
        find: /^(?:wxt\/browser|@wxt-dev\/browser)$/,
        replacement: `${import.meta.dirname}/components/page/native-browser.ts`,
      };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const list = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [nativeBrowser, ...list];
      // #i18n: the same `t` without what no content script uses (components/page/i18n.ts). WXT's own alias of
      // #i18n comes first (its plugin's aliases are merged ahead of these): its target is what is replaced.
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'cac:content-script-i18n',
          enforce: 'pre',
          resolveId: (id) =>
            /[\\/]\.wxt[\\/]i18n[\\/]index(?:\.ts)?$/.test(id) ? `${import.meta.dirname}/components/page/i18n.ts` : undefined,
        },
      ];
      // Smaller bytes for people's pages (scripts/content-scripts.ts says which and why); `wxt` (dev) keeps them readable.
      config.build ??= {};
      config.build.target = CONTENT_SCRIPT_BUILD.target;
      if (config.build.minify !== false) {
        config.build.minify = CONTENT_SCRIPT_BUILD.minify;
        config.build.terserOptions = structuredClone(CONTENT_SCRIPT_BUILD.terserOptions);
      }
    },
    // "Never act": no click, field write, submit or navigation in extension code (syntax tree, type-checked),
    // nor in the built content scripts and background (scripts/never-act.ts says how).
    'build:before': (wxt) => assertNeverActs(wxt.config.root),
    'build:done': (wxt) => {
      assertBundlesNeverAct(wxt.config.outDir);
      assertContentScripts(wxt.config.outDir, wxt.config.mode);
    },
    // No content script in the manifest: a page of a guide's site gets nothing of ours until its tab has a run
    // (the background hears arrivals through tabs.onUpdated and puts the overlay in). The hosts asked for at
    // install are the bundled guides' sites (manifest above), never every site.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.content_scripts;
      delete manifest.web_accessible_resources;
    },
  },
});
