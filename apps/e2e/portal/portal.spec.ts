import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseSummary } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { personIdNumber } from '../fixtures/identity.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const REQUIRED = ['食品经营许可申请书', '营业执照', '经营场所平面布局图', '食品安全自查'];

/** Issue 14, points 1–5: what a citizen meets on the public side, in the browser. */
describe('portal: the citizen side (issue 14, points 1–5)', () => {
  let e2e: E2EContext;
  let foodItemId = '';

  beforeAll(async () => {
    e2e = await setUpE2E();
    const res = await fetch(`${e2e.server.baseURL}/api/public/catalog/items?q=spjy`);
    foodItemId = ((await res.json()) as { items: { itemId: string; name: string }[] }).items.find(
      (i) => i.name === '食品经营许可',
    )!.itemId;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const upload = async (page: Page, name: string, file: string) => {
    await page
      .locator('[data-testid="apply-materials"] tr', { hasText: name })
      .locator('input[type="file"]')
      .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('apply-file').getByText(file).waitFor();
  };

  /** Fills the applicant on /apply?item=<food>, saves the draft and returns its code. */
  const startApplication = async (page: Page, idNumber: string, name = '周小禾') => {
    await page.goto(`/apply?item=${foodItemId}`);
    await page.getByTestId('apply-item').waitFor();
    await page.getByTestId('apply-name').fill(name);
    if (idNumber) await page.getByTestId('apply-id-number').fill(idNumber);
    await page.getByTestId('apply-phone').fill('13712345678');
    await page.getByTestId('apply-save').click();
    return (await page.getByTestId('apply-draft-code').innerText()).trim();
  };

  const submitComplete = async (page: Page, idNumber: string) => {
    await startApplication(page, idNumber);
    for (const [i, m] of REQUIRED.entries()) await upload(page, m, `f${i}.pdf`);
    await page.getByTestId('apply-submit').click();
    const caseNo = (await page.getByTestId('apply-case-no').innerText()).trim();
    const queryCode = (await page.getByTestId('apply-query-code').innerText()).trim();
    return { caseNo, queryCode };
  };

  it('1: sign-in links to the portal; the portal searches guides, verifies, lists reports; a guide offers 在线办理', async () => {
    const page = await e2e.openPage();
    await page.goto('/login');
    await page.getByTestId('login-portal-link').click();
    await page.getByTestId('portal-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    await page.getByTestId('portal-report-link').first().waitFor();
    await screenshot(page, 'portal-home');
    // Every public page carries the nav back to the portal.
    for (const path of ['/guide', '/track', '/apply', '/verify']) {
      await page.goto(path);
      await page.getByTestId('public-nav-home').waitFor();
    }
    await page.getByTestId('public-nav-home').click();
    await page.getByTestId('portal-page').waitFor();
    // 证照核验: a pasted link opens the verification page of its code.
    await page.getByTestId('portal-verify-code').fill('https://example.org/verify/abcDEF123');
    await page.getByTestId('portal-verify-submit').click();
    await page.getByTestId('verify-result').waitFor();
    expect(new URL(page.url()).pathname).toBe('/verify/abcDEF123');
    // Search lands on the guide list with the results.
    await page.goto('/portal');
    await page
      .locator('[data-testid="portal-search"] input, input[data-testid="portal-search"]')
      .first()
      .fill('spjy');
    await page
      .locator('[data-testid="portal-search"] input, input[data-testid="portal-search"]')
      .first()
      .press('Enter');
    await page.getByTestId('guide-hit-name').filter({ hasText: '食品经营许可' }).first().click();
    await page.getByTestId('guide-apply-online').click();
    await page.getByTestId('apply-item').waitFor();
    expect(await page.getByTestId('apply-item').innerText()).toBe('食品经营许可');
  });

  it('2 and 4: missing required materials are named before submission; no identity number gives readable Chinese; the draft keeps the number', async () => {
    const page = await e2e.openPage();
    const id = personIdNumber(611);
    const code = await startApplication(page, '');
    await upload(page, REQUIRED[0]!, 'a.pdf');
    await page.getByTestId('apply-submit').click();
    const error = page.getByTestId('apply-error');
    await error.waitFor();
    expect(await error.innerText()).not.toContain('[object Object]');
    expect(await error.innerText()).toContain('请先填写或更正');
    await page.getByTestId('apply-id-number').fill(id);
    await page.getByTestId('apply-save').click();
    // The server's check for this identity: the license-covered 营业执照 cannot be taken, so upload it.
    const missing = page.getByTestId('apply-missing');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="apply-missing"]')?.textContent?.includes('未能从电子证照调取'),
    );
    for (const m of REQUIRED.slice(1)) expect(await missing.innerText()).toContain(m);
    await screenshot(page, 'portal-apply-missing');
    await page.getByTestId('apply-submit').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="apply-error"]')?.textContent?.includes('以下必要材料尚未提供'),
    );
    // The draft, reopened, still has the identity number.
    const again = await e2e.openPage();
    await again.goto(`/apply?draft=${code}`);
    await again.getByTestId('apply-item').waitFor();
    await again.waitForFunction(
      (v) =>
        (document.querySelector('[data-testid="apply-id-number"]') as HTMLInputElement | null)?.value === v,
      id,
    );
    // Submitted, the draft reopens read-only with a way to tracking.
    for (const [i, m] of REQUIRED.slice(1).entries()) await upload(again, m, `g${i}.pdf`);
    await again.getByTestId('apply-submit').click();
    await again.getByTestId('apply-case-no').waitFor();
    const third = await e2e.openPage();
    await third.goto(`/apply?draft=${code}`);
    await third.getByTestId('apply-draft-submitted').waitFor();
    expect(await third.getByTestId('apply-submit').count()).toBe(0);
    await third.getByTestId('apply-draft-track').click();
    await third.getByTestId('track-page').waitFor();
  });

  it('3: after 一次性告知补正 the applicant uploads the files on the tracking page and the case is back with the window', async () => {
    const page = await e2e.openPage();
    const { caseNo, queryCode } = await submitComplete(page, personIdNumber(612));
    const clerk = await apiSignIn(e2e.server.baseURL, 'clerk');
    const list = await clerk.get<{ items: CaseSummary[] }>(`/api/cases?q=${encodeURIComponent(caseNo)}`);
    const c = list.items.find((x) => x.caseNo === caseNo)!;
    await clerk.post(`/api/cases/${c.id}/request-supplement`, {
      version: c.version,
      faulty: [{ name: '营业执照', reason: '复印件不清晰' }],
    });
    await page.goto(`/track?caseNo=${encodeURIComponent(caseNo)}`);
    await page.getByTestId('track-query-code').fill(queryCode);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-supplement').waitFor();
    expect(await page.getByTestId('track-status').innerText()).toBe('待补正');
    await page
      .getByTestId('track-supplement')
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('track-supplement-chosen').waitFor();
    await screenshot(page, 'portal-track-supplement');
    await page.getByTestId('track-supplement-submit').click();
    await page.getByTestId('track-supplement-done').waitFor();
    expect(await page.getByTestId('track-status').innerText()).toBe('待受理');
  });

  it('5: a signed-in applicant sees the region by name, 我的办件 and their drafts, each opening the right page', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('applicant', DEMO_PASSWORD);
    const { caseNo } = await submitComplete(page, personIdNumber(613));
    await page.goto('/');
    await page.getByTestId('my-cases').getByText(caseNo).waitFor();
    const region = await page.getByTestId('home-region').innerText();
    expect(region).not.toMatch(/^\d+$/);
    expect(region).toContain('（');
    await page.getByTestId('my-drafts').getByTestId('my-draft-open').first().waitFor();
    await screenshot(page, 'portal-applicant-home');
    await page.getByTestId('my-case-open').first().click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-result').innerText()).toContain(caseNo);
    await page.goto('/');
    await page.getByTestId('my-draft-open').first().click();
    await page.getByTestId('apply-draft-submitted').waitFor();
  });
});
