/**
 * The README screenshot: serves dist/, opens the app in Chromium with the German credit demo,
 * runs the fairness analysis and photographs its results. Run: npm run build && npx tsx scripts/screenshot.ts [out.png]
 */
import { gotoStep, openPage, startHarness } from '../test/e2e/harness.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const h = await startHarness();
try {
  const p = await openPage(h, { lang: 'de' });
  await p.page.setViewportSize({ width: 1280, height: 1000 });
  await p.page.getByTestId('demo-german-credit').click();
  await p.page.getByTestId('map-step').waitFor({ timeout: 60_000 });
  await gotoStep(p.page, 'fairness');
  await p.page.getByTestId('fairness-run').click();
  await p.page.getByTestId('fairness-results').waitFor({ timeout: 120_000 });
  await p.page.getByTestId('fairness-results').scrollIntoViewIfNeeded();
  await p.page.evaluate(() => window.scrollTo(0, 0));
  await p.page.screenshot({ path: out });
  console.log(`wrote ${out}; requests outside the origin: ${p.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:') && !u.startsWith('blob:')).length}`);
  await p.context.close();
} finally {
  await h.close();
}
