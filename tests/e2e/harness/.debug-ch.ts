import { launchWithExtension, startPracticeSites, PRACTICE_START_PAGE, OVERLAY_HOST } from './index';
const sites = await startPracticeSites();
const ext = await launchWithExtension('chromium');
try {
  const sw = (await ext.browser.targets()).find((t) => t.type() === 'service_worker');
  const w = (await sw!.worker())!;
  for (let i = 0; i < 6; i++) {
    const page = await ext.newPage(); page.on("console", (m) => { if (m.text().startsWith("cac")) console.log("   ", m.text()); });
    await page.goto(`${sites.guided}${PRACTICE_START_PAGE}`);
    await page.waitForSelector(OVERLAY_HOST);
    const popup = await ext.openPopup(page);
    const b = await popup.waitForSelector('li.guide button');
    await b!.click();
    const ok = await page.waitForSelector(`${OVERLAY_HOST} >>> [role=dialog]`, { timeout: 5000 }).then(() => true, () => false);
    if (!ok) {
      const tabs = await w.evaluate(() => (globalThis as any).chrome.tabs.query({}).then((ts: any[]) => ts.map((t) => [t.id, t.url, t.active])));
      const st = await ext.storage();
      console.log(i, 'FAIL tabs', JSON.stringify(tabs), 'runs', Object.keys(st));
      await page.reload();
      const ok2 = await page.waitForSelector(`${OVERLAY_HOST} >>> [role=dialog]`, { timeout: 5000 }).then(() => true, () => false);
      console.log('after reload', ok2);
    } else console.log(i, 'ok');
    await popup.close().catch(() => {});
    await page.close();
  }
  console.log('errors', ext.errors.takeUnexpected());
} finally {
  await ext.close();
  await sites.close();
}
