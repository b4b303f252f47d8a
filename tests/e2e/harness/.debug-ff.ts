import { launchWithExtension, startPracticeSites } from './index';
const sites = await startPracticeSites();
const ext = await launchWithExtension('firefox');
try {
  const page = await ext.browser.newPage();
  const ctx = (page.mainFrame() as any).browsingContext;
  for (const ev of ['navigation', 'load', 'DOMContentLoaded', 'historyUpdated', 'request']) ctx.on(ev, () => console.log('ev', ev));
  const t0 = Date.now();
  const r = await ctx.navigate(`${ext.origin}/popup.html`, 'complete');
  console.log('navigated', Date.now() - t0, r, page.url());
  const h = await page.waitForSelector('section h2', { timeout: 10000 }).catch((e) => e.message);
  console.log('h2', !!h, Date.now() - t0, page.url());
  await page.evaluate((u) => { location.href = u; }, `${ext.origin}/popup.html?tab=3`);
  console.log('after set', page.url());
  await page.waitForFunction(() => location.search === '?tab=3', { timeout: 10000 });
  console.log('ok', Date.now() - t0, page.url());
} finally {
  await ext.close();
  await sites.close();
}
