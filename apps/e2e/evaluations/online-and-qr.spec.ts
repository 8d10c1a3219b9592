import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { listItem } from '../pages/antd';

/** The demo's delivered (concluded) case (apps/server/src/demo/seed-cases-demo.ts). */
const DELIVERED_CASE_ID = 'ca5e0000-0000-4000-8000-000000000010';

/**
 * Issue 17, online and by phone: a concluded case is rated once on the tracking page; a window's
 * printable QR code opens that window's rating page on a phone.
 */
describe('好差评: online on the tracking page, and a window QR code (issue 17)', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('一事一评: a concluded case is rated on the tracking page, once', async () => {
    const base = e2e.server.baseURL;
    const sup = await apiSignIn(base, 'supervisor');
    const c = await sup.get<{ caseNo: string; queryCode: string }>(`/api/cases/${DELIVERED_CASE_ID}`);
    const page = await e2e.openPage();
    const track = async () => {
      await page.goto(`${base}/track`);
      await page.getByTestId('track-case-no').fill(c.caseNo);
      await page.getByTestId('track-query-code').fill(c.queryCode);
      await page.getByTestId('track-submit').click();
      await page.getByTestId('track-status').waitFor();
    };
    await track();
    const panel = page.getByTestId('case-rating');
    await panel.getByTestId('level-4').click();
    await panel.getByTestId('submit-rating').click();
    await panel.getByTestId('case-rating-done').waitFor();
    // Tracked again: rated already, no second form.
    await track();
    await page.getByTestId('case-rating-done').waitFor();
    expect(await page.getByTestId('submit-rating').count()).toBe(0);
    const status = await fetch(`${base}/api/public/evaluations/case-ratings/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseNo: c.caseNo, queryCode: c.queryCode }),
    });
    expect(((await status.json()) as { rated: boolean }).rated).toBe(true);
  });

  it("扫码评价: a window's printable QR code opens its rating page with the clerk on duty", async () => {
    const base = e2e.server.baseURL;
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    await page.goto(`${base}/evaluations/pads`);
    await page.getByTestId('window-qrs').getByText('A02').first().waitFor();
    const item = listItem(page.getByTestId('window-qrs'), 'A02');
    await item.getByTestId('window-qr-link').click();
    await page.getByTestId('window-qr-name').waitFor();
    const img = page.getByTestId('window-qr-img');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // The code's link, as the server prints it, opens the window's rating page on a phone.
    const src = await img.getAttribute('src');
    const res = await page.request.get(`${base}${src!}`);
    expect(res.status()).toBe(200);
    const url = new URL(res.headers()['x-rate-url']!);
    const phone = await e2e.openPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}${url.pathname}`);
    expect(await phone.getByTestId('on-duty').innerText()).toContain('陈一鸣');
  });
});
