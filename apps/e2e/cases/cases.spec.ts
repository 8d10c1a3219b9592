import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { personIdNumber } from '../fixtures/identity.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { CasesPage } from '../pages/cases.page';
import { LoginPage } from '../pages/login.page';
import { chooseOption, tag } from '../pages/antd';

/**
 * The whole path of a case in the browser (issue 5): the clerk accepts with 容缺 (ACC-2 notice), an
 * approver reviews, the head approves an extension another approver asked for (DEC-1), the clerk
 * records the deferred material, the reviewer is refused the decision (SOD-1) and another approver
 * grants it, the clerk prepares delivery and hands it over (DEL-1), and the applicant tracks the case
 * and verifies the e-license without signing in.
 */

const DEFERRABLE = '专职或兼职食品安全管理人员任命文件';
const PHONE = '13912345678';
const APPLICANT = '林晓彤';
// The applicant's identity number, registered at intake and checked again at handover.
let applicantIdNumber = '';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('cases: window → back office → delivery → public (ACC-2, SOD-1, DEC-1, DEL-1, ID-1)', () => {
  let e2e: E2EContext;
  let clerk: Page;
  let approver: Page;
  let approver2: Page;
  let head: Page;
  let caseId = '';
  let caseNo = '';
  let queryCode = '';
  let licenseId = '';

  const signedIn = async (username: string) => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn(username, DEMO_PASSWORD);
    return page;
  };

  beforeAll(async () => {
    e2e = await setUpE2E();
    clerk = await signedIn('clerk');
    approver = await signedIn('approver');
    approver2 = await signedIn('approver2');
    head = await signedIn('depthead');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the clerk finds the item by pinyin, registers the applicant (ID-1 checked on the spot) and accepts with 容缺', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    expect(await page.getByTestId('menu-group-cases').innerText()).toBe('办件');
    await page.getByTestId('menu-cases-intake').click();
    await page.getByTestId('intake-page').waitFor();

    await ui.choose('item-picker', '食品经营许可', 'spjy');
    await page.getByTestId('intake-item').waitFor();

    // ID-1: a wrong check digit is refused before anything is sent.
    const good = personIdNumber();
    applicantIdNumber = good;
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    await page.getByTestId('applicant-id-number').fill(bad);
    await page.getByTestId('applicant-lookup').click();
    await page.getByText('公民身份号码不正确（校验码或出生日期有误）').waitFor();
    await page.getByTestId('applicant-id-number').fill(good);
    await page.getByTestId('applicant-lookup').click();
    await page.getByTestId('applicant-name').fill(APPLICANT);
    await page.getByTestId('applicant-phone').fill(PHONE);
    await page.getByTestId('applicant-register').click();
    const chosen = page.getByTestId('applicant-chosen');
    await chosen.waitFor();
    expect(await chosen.innerText()).toContain(`${good.slice(0, 4)}**********${good.slice(-4)}`);

    // 营业执照 is 免提交 from an e-license; this applicant has none yet, so it is handed in on paper.
    await page.getByTestId('intake-materials').waitFor();
    expect(await page.getByTestId('intake-materials').innerText()).toContain('免提交');
    await ui.choose('intake-material-营业执照', '已提交');
    await ui.choose(`intake-material-${DEFERRABLE}`, '缺少');
    await screenshot(page, 'cases-intake-form');
    await page.getByTestId('intake-receive').click();
    await page.getByTestId('intake-decision').waitFor();
    // Issue 14 point 7: nothing is filed before the decision.
    expect(await page.getByTestId('intake-case-no').count()).toBe(0);

    // Only deferrable material missing: 受理 is off, 容缺受理 on.
    expect(await page.getByTestId('intake-accept').isDisabled()).toBe(true);
    await page.getByTestId('intake-accept-deferred').click();
    await ui.dialog.waitFor();
    expect(await ui.dialog.innerText()).toContain(DEFERRABLE);
    await ui.confirm();

    ({ caseId, caseNo } = await ui.filed());
    expect(caseNo).toMatch(/^350999-\d{8}-\d{5}$/);
    // SEC-2: the 查询码 the applicant tracks the case with, shown to the clerk to hand over.
    queryCode = (await page.getByTestId('intake-query-code').innerText()).trim();
    expect(queryCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);

    // ACC-2: the numbered, dated notice, with print view and Word file.
    const notice = page.locator('[data-testid="intake-notices"] [data-testid="notice-item"]');
    await notice.first().waitFor();
    expect(await notice.first().getAttribute('data-kind')).toBe('accept');
    expect(await notice.first().getByTestId('notice-number').innerText()).toMatch(
      /^云溪受字〔\d{4}〕第\d{5}号$/,
    );
    const docxHref = await notice.first().getByTestId('notice-docx').getAttribute('href');
    const docx = await page.request.get(docxHref!);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await screenshot(page, 'cases-intake-accepted');

    const print = await page.context().newPage();
    await print.goto((await notice.first().getByTestId('notice-print').getAttribute('href'))!);
    await print.getByTestId('notice-document').waitFor();
    const text = await print.getByTestId('notice-document').innerText();
    expect(text).toContain('受理通知书');
    expect(text).toContain(DEFERRABLE);
    expect(text).toContain(caseNo);
    // The receipt carries the 查询码 (SEC-2).
    expect(await print.getByTestId('notice-query-code').innerText()).toBe(queryCode);
    await screenshot(print, 'cases-notice-print');
    await print.close();
  });

  it('the approver reviews it from the department queue', async () => {
    const page = approver;
    const ui = new CasesPage(page);
    await page.getByTestId('menu-cases-review').click();
    await page.getByTestId('review-page').waitFor();
    const row = page.locator('[data-testid="case-table"] tr', { hasText: caseNo });
    await row.waitFor();
    expect(await row.getByTestId('clock-tag').innerText()).toMatch(/正常|预警/);
    await screenshot(page, 'cases-review-queue');
    await row.getByTestId('case-link').click();
    await page.getByTestId('case-detail-page').waitFor();
    expect(await page.getByTestId('deferred-outstanding').innerText()).toContain(DEFERRABLE);
    await ui.startAction('complete');
    await page.getByTestId('action-opinion').fill('材料齐全，经营场所符合要求');
    await ui.confirm();
    await page.getByTestId('action-decide').waitFor();
    expect(await page.getByTestId('signer-0').innerText()).toBe('郑可欣');
  });

  it('another approver asks for an extension; the head approves it (DEC-1) and the notice is issued', async () => {
    const ui2 = new CasesPage(approver2);
    await ui2.openCase(caseId);
    await ui2.startAction('extension');
    await approver2
      .locator('[data-testid="action-days"] input, input[data-testid="action-days"]')
      .first()
      .fill('5');
    await approver2.getByTestId('action-reason').fill('需征求卫生健康部门意见');
    await ui2.confirm();
    await tag(approver2, '延期待批').waitFor();

    const page = head;
    const ui = new CasesPage(page);
    await page.getByTestId('menu-cases-review').click();
    await page.getByTestId('review-page').waitFor();
    await page.getByTestId('review-queue').getByText('待批延期').click();
    const row = page.locator('[data-testid="case-table"] tr', { hasText: caseNo });
    await row.waitFor();
    await row.getByTestId('case-link').click();
    await page.getByTestId('case-detail-page').waitFor();
    await ui.startAction('approveExtension');
    await page.getByTestId('action-note').fill('同意延期 5 个工作日');
    await ui.confirm();
    await page.locator('[data-testid="notice-item"][data-kind="extend"]').waitFor();
    expect(
      await page
        .locator('[data-testid="notice-item"][data-kind="extend"] [data-testid="notice-number"]')
        .innerText(),
    ).toMatch(/^云溪延字/);
    await screenshot(page, 'cases-extension-approved');
  });

  it('SOD-1: once the deferred material arrives, the reviewer is refused the decision and another approver grants', async () => {
    const clerkUi = new CasesPage(clerk);
    await clerkUi.openCase(caseId);
    await clerkUi.startAction('deferredReceived');
    await clerkUi.confirm();
    await clerk.getByTestId('deferred-outstanding').waitFor({ state: 'detached' });

    const ui = new CasesPage(approver);
    await ui.openCase(caseId);
    await ui.startAction('decide');
    const refusal = await ui.confirmExpectingError();
    expect(refusal).toContain('签署两个环节');
    // The rule in words, not our rule id (issue 14, point 11).
    expect(refusal).not.toContain('SOD-1');
    await screenshot(approver, 'cases-sod1-refused');
    await approver.keyboard.press('Escape');

    const ui2 = new CasesPage(approver2);
    await ui2.openCase(caseId);
    await ui2.startAction('decide');
    await approver2.getByTestId('action-opinion').fill('符合条件，准予许可');
    await ui2.confirm();
    await ui2.waitForStatus('已办结待出件');
    licenseId = (await approver2.getByTestId('license-id').innerText()).trim();
    expect(licenseId).toMatch(/^1\.2\.156\.3005\.2\.113509990000000001\./);
    expect(await approver2.getByTestId('signer-1').innerText()).toBe('王嘉树');
    await screenshot(approver2, 'cases-decided');
  });

  it('the clerk prepares delivery and hands the license over (DEL-1); the list shows the case done', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    await ui.openCase(caseId);
    await ui.startAction('delivery');
    await page.getByTestId('action-delivery-method').getByText('窗口领取').click();
    await ui.confirm();
    await ui.startAction('deliver');
    expect(await page.getByTestId('action-received-by').inputValue()).toBe(APPLICANT);
    // Issue 14 point 8: the clerk checks the collector's identity; a wrong number is refused.
    expect(await page.getByTestId('action-description').innerText()).toContain('核验领取人身份证件');
    await page.getByTestId('action-receiver-id').fill(personIdNumber(999));
    expect(await ui.confirmExpectingError()).toContain('领取人证件号码与申请人不符');
    await page.getByTestId('action-receiver-id').fill(applicantIdNumber);
    await ui.confirm();
    await ui.waitForStatus('已出件');
    // Issue 14 point 9: a 零跑动 item visited twice is the applicant's choice, not a breach in red.
    expect(await page.getByTestId('case-visits').innerText()).toContain('2 次（本事项可零跑动）');
    expect(await page.getByTestId('case-visits').getAttribute('data-over')).toBe('false');
    await screenshot(page, 'cases-detail-delivered');

    await page.getByTestId('menu-cases').click();
    await page.getByTestId('case-list-page').waitFor();
    await page.locator('[data-testid="case-table"] [data-testid="clock-tag"]').first().waitFor();
    const clockStates = () =>
      page
        .locator('[data-testid="case-table"] [data-testid="clock-tag"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    await screenshot(page, 'cases-list');
    // Demo cases in every state: the 时限 filter finds the overdue (red) ones and the paused ones,
    // wherever they fall in the list (newer cases push them down the first page).
    for (const [label, state] of [
      ['超期', 'red'],
      ['暂停', 'paused'],
    ] as const) {
      await chooseOption(page, 'case-filter-clock', label);
      await page.waitForFunction((want) => {
        const tags = Array.from(
          document.querySelectorAll('[data-testid="case-table"] [data-testid="clock-tag"]'),
        );
        return tags.length > 0 && tags.every((t) => t.getAttribute('data-state') === want);
      }, state);
      expect(new Set(await clockStates())).toEqual(new Set([state]));
    }
  });

  it('the applicant tracks the case by number and 查询码 (SEC-2), then verifies the e-license — no sign-in', async () => {
    const page = await e2e.openPage();
    await page.goto('/track');
    await page.getByTestId('track-case-no').fill(caseNo);
    // A wrong code is "not found", in Chinese, whatever the reason.
    await page.getByTestId('track-query-code').fill(queryCode === 'ABCDEFGHJK' ? 'ABCDEFGHJM' : 'ABCDEFGHJK');
    await page.getByTestId('track-submit').click();
    expect(await page.getByTestId('track-error').innerText()).toContain('未找到办件：请核对办件编号和查询码');
    // Typed in lower case with a hyphen, as people copy it from paper.
    await page
      .getByTestId('track-query-code')
      .fill(`${queryCode.slice(0, 5)}-${queryCode.slice(5)}`.toLowerCase());
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-status').innerText()).toBe('已出件');
    const timeline = await page.getByTestId('track-timeline').innerText();
    expect(timeline).toContain('受理通知书');
    expect(timeline).toContain('延长办理期限告知书');
    expect(timeline).toContain('行政决定书');
    await screenshot(page, 'cases-track');

    await page.getByTestId('track-license').click();
    await page.getByTestId('verify-page').waitFor();
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').innerText()).toContain('核验通过');
    expect(await page.getByTestId('verify-check').innerText()).toBe('正确');
    expect(await page.getByTestId('verify-status').innerText()).toBe('有效');
    expect(await page.getByTestId('verify-holder').innerText()).toMatch(/林晓彤（\d{4}\*{10}[\dX]{4}）/);
    expect(await page.getByTestId('verify-issuer').innerText()).toBe('云溪县市场监督管理局');
    expect(await page.getByTestId('verify-id').innerText()).toBe(licenseId);
    // SEC-2: the public address carries a random token, not the id built from a serial.
    const verifyPath = new URL(page.url()).pathname;
    expect(verifyPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{32}$/);
    expect(decodeURIComponent(verifyPath)).not.toContain(licenseId);
    await screenshot(page, 'cases-verify');

    await page.goto(`${verifyPath}/certificate`);
    await page.getByTestId('certificate-verify-url').waitFor();
    // The printed address is PUBLIC_BASE_URL's (the e2e server sets it to its own address).
    expect(await page.getByTestId('certificate-verify-url').innerText()).toContain(
      `${e2e.server.baseURL}${verifyPath}`,
    );
    await screenshot(page, 'cases-certificate');

    // The license id is not a way in: it finds nothing.
    await page.goto(`/verify/${encodeURIComponent(licenseId)}`);
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').innerText()).toContain('未找到该电子证照');
  });

  it('网上申报: an applicant saves a draft (code shown), uploads a material and submits — no sign-in', async () => {
    const page = await e2e.openPage();
    const ui = new CasesPage(page);
    await page.goto('/apply');
    await ui.choose('apply-item-picker', '食品经营许可', '食品经营');
    await page.getByTestId('apply-item').waitFor();
    await page.getByTestId('apply-name').fill('赵一帆');
    await page.getByTestId('apply-phone').fill('13712340000');
    await page.getByTestId('apply-save').click();
    const code = page.getByTestId('apply-draft-code');
    await code.waitFor();
    expect((await code.innerText()).trim()).toMatch(/^[A-Za-z0-9_-]{32,64}$/);
    expect(new URL(page.url()).searchParams.get('draft')).toBe((await code.innerText()).trim());
    await page
      .locator('[data-testid="apply-materials"] tr', { hasText: '食品经营许可申请书' })
      .locator('input[type="file"]')
      .setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('apply-file').getByText('申请书.pdf').waitFor();
    // Issue 14, point 2: every required material is needed before it can be submitted.
    for (const [i, name] of ['营业执照', '经营场所平面布局图', '食品安全自查'].entries()) {
      await page
        .locator('[data-testid="apply-materials"] tr', { hasText: name })
        .locator('input[type="file"]')
        .setInputFiles({ name: `m${i}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('apply-file').getByText(`m${i}.pdf`).waitFor();
    }
    await page.getByTestId('apply-id-number').fill(personIdNumber());
    await screenshot(page, 'cases-apply');
    await page.getByTestId('apply-submit').click();
    const no = page.getByTestId('apply-case-no');
    await no.waitFor();
    expect((await no.innerText()).trim()).toMatch(/^350999-\d{8}-\d{5}$/);
    // SEC-2: the 查询码 is shown once submitted, and opens the case on /track.
    const queryCode = (await page.getByTestId('apply-query-code').innerText()).trim();
    expect(queryCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    await page.goto(`/track?caseNo=${encodeURIComponent((await no.innerText()).trim())}`);
    await page.getByTestId('track-query-code').fill(queryCode);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-status').innerText()).toBe('待受理');
  });
});
