/**
 * `npm run demo`: builds the practice version of the extension, serves the
 * practice site (DSFR example pages) and opens Chromium with the extension
 * loaded on the first page of the practice guide. With no display, it says
 * where the build is and how to load it by hand, and keeps the site served.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPracticeServer } from './practice-server';

const PORT = Number(process.env.PORT ?? 8643);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILD = resolve('.output/chrome-mv3-practice');
const FIREFOX_BUILD = resolve('.output/firefox-mv2-practice');
const START_PAGE = '/1.14.4/example/layout/page/register/2-steps/2a-login/index.html';

if (!process.argv.includes('--no-build')) {
  console.log('Construction de l’extension (version d’entraînement)…');
  execFileSync('npm', ['run', '--silent', 'build:practice'], { stdio: 'inherit' });
}

const server = await startPracticeServer({ port: PORT });
const startUrl = `${server.url}${START_PAGE}`;
console.log(`\nSite d’entraînement : ${server.url}/`);
console.log(`Première page du guide d’entraînement : ${startUrl}`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(CHROMIUM)) {
  console.log(`
Pas d’écran${existsSync(CHROMIUM) ? '' : ' ni de Chromium'} ici : ouvrez l’extension à la main.
  Chromium / Chrome : chrome://extensions → « Mode développeur » → « Charger l’extension non empaquetée » → ${BUILD}
  Firefox : about:debugging#/runtime/this-firefox → « Charger un module complémentaire temporaire » → ${FIREFOX_BUILD}/manifest.json
Puis allez sur ${startUrl}
(No display here: load the unpacked extension from the folder above, then open the page. Ctrl+C stops the site.)`);
} else {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false,
    defaultViewport: null,
    pipe: true,
    enableExtensions: [BUILD],
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const [page] = await browser.pages();
  await (page ?? (await browser.newPage())).goto(startUrl);
  console.log('Chromium est ouvert avec Côte à côte. Cliquez sur l’icône de l’extension pour commencer. Fermez Chromium pour arrêter.');
  browser.on('disconnected', () => {
    void server.close().then(() => process.exit(0));
  });
}

process.on('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
