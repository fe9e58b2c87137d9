/**
 * Takes the README screenshot and review screenshots: serves dist/, opens the app in Chromium,
 * loads the demo, predicts. Run: npm run build && npx tsx scripts/screenshot.ts [outdir]
 */
import { startHarness, openPage } from '../test/e2e/harness.ts';

const out = process.argv[2] ?? 'docs';
const h = await startHarness();
try {
  for (const lang of ['de', 'en'] as const) {
    const p = await openPage(h, { lang });
    await p.page.setViewportSize({ width: 1280, height: 900 });
    await p.page.screenshot({ path: `${out}/start-${lang}.png`, fullPage: true });
    await p.page.getByTestId('load-demo').click();
    await p.page.getByTestId('mapping-ok').waitFor({ timeout: 60_000 });
    await p.page.getByTestId('run').click();
    await p.page.getByTestId('predictions').waitFor({ timeout: 60_000 });
    await p.page.screenshot({ path: `${out}/demo-${lang}.png`, fullPage: true });
    if (lang === 'de') await p.page.screenshot({ path: `${out}/screenshot.png`, fullPage: false });
    console.log(lang, 'requests:', p.requests.length, 'console errors:', p.consoleErrors);
    await p.context.close();
  }
} finally {
  await h.close();
}
