import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BadReviewList, PublicFigures } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';

/** The demo's pad at window A02 (apps/server/src/demo/seed-evaluations-demo.ts). */
const PAD_TOKEN = 'demo-pad-yunxi-A02-0000000001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Issue 17 in the browser: the pad shows the clerk on duty, an applicant rates 非常不满意, the
 * supervisor verifies, the department fixes with evidence and answers, someone else calls back
 * (SOD-2), and the figures and the public page change.
 */
describe('好差评: a 差评 followed to the end (issue 17)', () => {
  let e2e: E2EContext;
  let badReviewId = '';
  let before: PublicFigures;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn(username, DEMO_PASSWORD);
    return page;
  };
  const act = async (page: Page, action: string, note: string) => {
    await page.goto(`${e2e.server.baseURL}/evaluations/bad-reviews/${badReviewId}`);
    await page.getByTestId(`action-${action}`).click();
    if (action === 'rectify') {
      // Hold the upload so the step can be seen waiting for it: the file name shows at once, but
      // the step must not go out until the server has the file.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/evaluations/bad-reviews/*/evidence', async (route) => {
        await held;
        await route.continue();
      });
      await page.locator('input[type=file]').setInputFiles({
        name: '整改照片.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await page.getByText('整改照片.pdf').waitFor();
      await page.getByTestId('step-note').fill(note);
      expect(await page.getByTestId('step-submit').isDisabled()).toBe(true);
      release();
    }
    await page.getByTestId('step-note').fill(note);
    await page.getByTestId('step-submit').click();
    await page.getByTestId(`action-${action}`).waitFor({ state: 'detached' });
  };

  it('the pad shows the clerk on duty and takes a 非常不满意 with its reason', async () => {
    const base = e2e.server.baseURL;
    before = (await (await fetch(`${base}/api/public/evaluations/figures/350999`)).json()) as PublicFigures;
    const clerk = await apiSignIn(base, 'clerk');
    const windows = await clerk.get<{ items: { id: string; number: string }[] }>('/api/org/windows');
    await clerk.post('/api/evaluations/visits', {
      windowId: windows.items.find((w) => w.number === 'A02')!.id,
    });

    const pad = await e2e.openPage();
    await pad.goto(`${base}/pad/${PAD_TOKEN}`);
    expect(await pad.getByTestId('on-duty').innerText()).toContain('陈一鸣');
    await pad.getByTestId('level-1').click();
    await pad.getByTestId('bad-reason').getByText('服务态度不好').click();
    await pad.getByTestId('reason-text').fill('浏览器测试：窗口人员玩手机');
    await pad.getByTestId('submit-rating').click();
    await pad.getByTestId('pad-thanks').waitFor();

    const sup = await apiSignIn(base, 'supervisor');
    const list = await sup.get<BadReviewList>('/api/evaluations/bad-reviews?status=verify');
    badReviewId = list.items.find((i) => i.rating.reasonText === '浏览器测试：窗口人员玩手机')!.id;
    expect(badReviewId).not.toBe('');
  });

  it('the supervisor verifies, the department fixes with evidence and answers, someone else calls back', async () => {
    const supervisor = await signedIn('supervisor');
    await supervisor.goto(`${e2e.server.baseURL}/evaluations/bad-reviews`);
    await supervisor.getByTestId('bad-reviews').waitFor();
    await act(supervisor, 'verify', '调取录像，情况属实');
    const head = await signedIn('depthead');
    await act(head, 'rectify', '批评教育，纳入月度考核');
    await act(head, 'reply', '已向申请人致歉并说明整改');
    // SOD-2: the handler is not offered the callback.
    await head.reload();
    expect(await head.getByTestId('action-callback').count()).toBe(0);
    const other = await signedIn('approver2');
    await other.goto(`${e2e.server.baseURL}/evaluations/bad-reviews/${badReviewId}`);
    await other.getByTestId('action-callback').click();
    await other.getByTestId('step-note').fill('现场回访，申请人认可整改');
    await other.getByTestId('step-submit').click();
    await other.getByTestId('bad-review-status').getByText('已办结').waitFor();
  });

  it('the figures change and the public page shows them', async () => {
    const base = e2e.server.baseURL;
    const after = (await (
      await fetch(`${base}/api/public/evaluations/figures/350999`)
    ).json()) as PublicFigures;
    expect(after.total.ratings).toBe(before.total.ratings + 1);
    expect(after.total.bad).toBe(before.total.bad + 1);
    expect(after.total.calledBack).toBe(before.total.calledBack + 1);
    // A citizen finds the page from the portal (网上办事大厅 → 好差评公开).
    const page = await e2e.openPage();
    await page.goto(`${base}/portal`);
    await page.getByTestId('portal-more-ratings').click();
    await page.getByTestId('public-good-rate').waitFor();
    expect(new URL(page.url()).pathname).toBe('/evaluations-public');
    expect(await page.getByTestId('public-figures').innerText()).toContain(String(after.total.ratings));
  });
});
