/**
 * `npm run bench:web`: what a person waits for in the browser (issue 14, point 16).
 *
 * Starts the compiled server (`npm run build:web && npm run build:server` first) on an embedded
 * database with the demo, then drives Debian's Chromium:
 * - guideFirstLoadMs: a public 办事指南 opened in a fresh browser context (empty cache), from
 *   navigation start until the browser first paints content (its own first-contentful-paint), which
 *   is the guide's title: the server sends it with the HTML and the page has nothing else to paint
 *   first (checked: the title is on screen). Read from the browser, since a test driver polling the
 *   page waits behind the scripts the page is busy running;
 * - guideDrawnMs: the same navigation until the app has drawn the whole guide (scripts run);
 * - signInToHomeMs: from pressing 登录 on the sign-in page until the home page shows the user's role;
 * - mainScriptKb: the entry script as sent over the wire (compressed size, from Resource Timing).
 * Each timing is the median of BENCH_RUNS (default 5) runs. Last line: RESULT {…}.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, newPage } from '../apps/e2e/fixtures/browser.fixture';
import { startServer } from '../apps/e2e/fixtures/server.fixture';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function entryScriptKb(page: Page): Promise<number> {
  // Runs in the page (a string, since this script is compiled without the DOM types).
  const bytes = await page.evaluate<number>(`(() => {
    const entry = document.querySelector('script[type="module"][src]')?.src;
    const timing = performance.getEntriesByType('resource').find((e) => e.name === entry);
    return timing ? timing.encodedBodySize : -1;
  })()`);
  return Math.round((bytes / 1024) * 10) / 10;
}

const server = await startServer({ timeoutMs: 180_000 });
const browser = await launchBrowser();
try {
  // A published guide of the demo catalog, as the public list offers it.
  const list = (await (
    await fetch(`${server.baseURL}/api/public/catalog/items?regionCode=350999`)
  ).json()) as {
    items: { itemId: string; name: string }[];
  };
  const item = list.items[0];
  if (!item) throw new Error('the demo catalog has no published item');

  const guide: number[] = [];
  const drawn: number[] = [];
  let mainScriptKb = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, server.baseURL);
    const t0 = performance.now();
    await page.goto(`/guide/${item.itemId}`, { waitUntil: 'commit' });
    await page.getByTestId('guide-title').waitFor();
    await page.getByTestId('guide-document').waitFor();
    drawn.push(performance.now() - t0);
    const fcp = await page.evaluate<number>(`(() => {
      const p = performance.getEntriesByName('first-contentful-paint')[0];
      return p ? p.startTime : -1;
    })()`);
    if (fcp < 0) throw new Error('the browser reported no first-contentful-paint');
    guide.push(fcp);
    mainScriptKb = await entryScriptKb(page);
    await context.close();
  }

  const signIn: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, server.baseURL);
    await page.goto('/login');
    await page.getByTestId('login-username').fill('clerk');
    await page.getByTestId('login-password').fill('Tongban@2026');
    const t0 = performance.now();
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-role').waitFor();
    signIn.push(performance.now() - t0);
    await context.close();
  }

  const result = {
    guideFirstLoadMs: Math.round(median(guide)),
    guideDrawnMs: Math.round(median(drawn)),
    signInToHomeMs: Math.round(median(signIn)),
    mainScriptKb,
  };
  console.log(`public guide first load (ms, ${RUNS} runs): ${guide.map(Math.round).join(', ')}`);
  console.log(`whole guide drawn (ms, ${RUNS} runs):     ${drawn.map(Math.round).join(', ')}`);
  console.log(`sign-in to home (ms, ${RUNS} runs):        ${signIn.map(Math.round).join(', ')}`);
  console.log(`entry script over the wire: ${mainScriptKb} KB`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  await server.stop();
}
