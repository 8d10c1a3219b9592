import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeCheckChar, type Applicant, type CaseDetail, type CaseSummary } from '@tongban/contracts';
import { apiSignIn, type ApiSession } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { personIdNumber } from '../fixtures/identity.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { CasesPage } from '../pages/cases.page';
import { LoginPage } from '../pages/login.page';
import { cardHead, tableRows, tag } from '../pages/antd';

/**
 * The case paths cases.spec.ts does not walk, in the browser: 一次性告知 and the supplement (ACC-1,
 * ACC-2), 不予受理 into the 办不成事 list (ACC-2), a 即办件 decided on the spot at the window, the back
 * office's 退回 / 转办 / 中止 (SUS-1) / 恢复, and a stale version refused with the server's 409.
 */

const REGION = '350999';
const FOOD = '食品经营许可';
const LAYOUT = '经营场所平面布局图和设备布局、操作流程说明';
const RULES = '食品安全自查、从业人员健康管理、进货查验等管理制度';
const FORM = '食品经营许可申请书';
const FOOD_ALL = [FORM, '营业执照', LAYOUT, RULES].map((name) => ({ name, status: 'provided' as const }));
const SOLO = '个体工商户登记';
/** 云溪县市场监督管理局's 统一社会信用代码 (apps/server/src/demo/seed-cases-demo.ts), the license issuer. */
const MARKET_CREDIT = (() => {
  const first17 = `11${REGION}MB0123456`;
  return first17 + creditCodeCheckChar(first17)!;
})();
const NOTICE_NO = (abbr: string) => new RegExp(`^云溪${abbr}字〔\\d{4}〕第\\d{5}号$`);

describe('cases: 一次性告知, 不予受理, 即办, back office and stale versions (ACC-1, ACC-2, SUS-1)', () => {
  let e2e: E2EContext;
  let clerk: Page;
  let approver: Page;
  let approver2: Page;
  let supervisor: Page;
  let clerkApi: ApiSession;
  let foodItemId = '';

  const signedIn = async (username: string) => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn(username, DEMO_PASSWORD);
    return page;
  };

  /** Set-up through the API (the window's 受理 is walked in cases.spec.ts): a food case under 审查. */
  const acceptedFoodCase = async (seq: number, name: string) => {
    const applicant = await clerkApi.post<Applicant>('/api/applicants', {
      kind: 'person',
      name,
      idNumber: personIdNumber(seq),
      phone: `1391234${String(seq).padStart(4, '0')}`,
    });
    const created = await clerkApi.post<CaseDetail>('/api/cases', {
      itemId: foodItemId,
      applicantId: applicant.id,
      agentId: null,
      channel: 'window',
      materials: FOOD_ALL,
    });
    const accepted = await clerkApi.post<CaseSummary>(`/api/cases/${created.id}/accept`, {
      version: created.version,
      deferred: [],
    });
    expect(accepted.status).toBe('accepted');
    return { caseId: created.id, caseNo: created.caseNo };
  };

  beforeAll(async () => {
    e2e = await setUpE2E();
    [clerk, approver, approver2, supervisor] = await Promise.all([
      signedIn('clerk'),
      signedIn('approver'),
      signedIn('approver2'),
      signedIn('supervisor'),
    ]);
    clerkApi = await apiSignIn(e2e.server.baseURL, 'clerk');
    const hits = await clerkApi.get<{ items: { itemId: string; name: string }[] }>(
      `/api/public/catalog/items?q=${encodeURIComponent(FOOD)}&regionCode=${REGION}&page=1&pageSize=20`,
    );
    foodItemId = hits.items.find((i) => i.name === FOOD)!.itemId;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('ACC-1, ACC-2: 一次性告知 lists every missing and faulty material in one notice; the case waits 待补正, then the supplement is received and the case accepted', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    await ui.receive({
      item: FOOD,
      search: 'spjy',
      applicant: { idNumber: personIdNumber(611), name: '黄雨桐', phone: '13912340611' },
      materials: { 营业执照: '已提交', [LAYOUT]: '缺少', [RULES]: '缺少' },
    });
    // Issue 14 point 7: no case yet; the decision files it.
    expect(await page.getByTestId('intake-case-no').count()).toBe(0);

    // Two required materials missing, neither deferrable: no 受理, no 容缺受理 — tell everything at once.
    const decision = page.getByTestId('intake-decision');
    expect(await decision.innerText()).toContain(`缺少 2 项材料：${LAYOUT}、${RULES}`);
    expect(await page.getByTestId('intake-accept').isDisabled()).toBe(true);
    expect(await page.getByTestId('intake-accept-deferred').isDisabled()).toBe(true);

    await page.getByTestId('intake-supplement').click();
    await ui.dialog.waitFor();
    expect(await ui.dialog.innerText()).toContain(`缺少的材料将全部列入通知书：${LAYOUT}、${RULES}`);
    // The application form was handed in but is unsigned: it goes on the same notice, with a reason.
    await ui.dialog.getByRole('checkbox', { name: FORM, exact: true }).check();
    await ui.ok.click();
    await ui.dialog.getByText('请填写补正理由').waitFor();
    await ui.dialog.getByLabel(`${FORM}：补正理由`).fill('申请书未经法定代表人签字');
    await ui.dialog.getByLabel('说明').fill('请补齐后携带原件到市场准入专窗递交');
    await ui.dialog.getByText('请填写补正理由').waitFor({ state: 'detached' });
    await screenshot(page, 'case-paths-supplement-dialog');
    await ui.confirm();

    const { caseId, caseNo } = await ui.filed();
    expect(caseNo).toMatch(/^350999-\d{8}-\d{5}$/);
    await ui.waitForStatus('待补正', 'intake-case');
    const supplementNo = await ui.noticeNumber('supplement');
    expect(supplementNo).toMatch(NOTICE_NO('补'));
    expect(await page.getByTestId('intake-supplement-received').isVisible()).toBe(true);
    await screenshot(page, 'case-paths-supplement-requested');

    // ACC-2: the written notice names all three in one list.
    const print = await ui.openNoticePrint('supplement');
    const doc = print.getByTestId('notice-document');
    expect(await doc.getByRole('heading').innerText()).toBe('补正材料通知书（一次性告知）');
    expect((await print.getByTestId('notice-no').innerText()).trim()).toBe(supplementNo);
    const listed = await print.getByTestId('notice-list').locator('li').allInnerTexts();
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(
      expect.arrayContaining([
        `${LAYOUT}（未提交）`,
        `${RULES}（未提交）`,
        `${FORM}（申请书未经法定代表人签字）`,
      ]),
    );
    const text = await doc.innerText();
    expect(text).toContain('一次性告知需要补正的全部内容');
    expect(text).toContain('请补齐后携带原件到市场准入专窗递交');
    expect(text).toContain(caseNo);
    await screenshot(print, 'case-paths-supplement-notice');
    await print.close();

    // Days later the applicant comes back with everything: the case page, 待补正 with the clock paused.
    await ui.openCase(caseId);
    expect(await ui.status()).toBe('待补正');
    expect(await page.getByTestId('clock-tag').getAttribute('data-state')).toBe('paused');
    expect(await page.getByTestId('case-deadline').innerText()).toContain('待申请人补正');
    const statuses = await page.getByTestId('material-status').allInnerTexts();
    expect(statuses.filter((s) => s === '缺少')).toHaveLength(3);
    await page.getByTestId('intake-supplement-received').click();
    await ui.dialog.waitFor();
    for (const name of [LAYOUT, RULES, FORM])
      expect(await ui.dialog.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
    await ui.confirm();
    await ui.waitForStatus('待受理');
    expect(await page.getByTestId('intake-decision').innerText()).toContain('材料齐全，可以受理');

    await page.getByTestId('intake-accept').click();
    await ui.dialog.waitFor();
    await ui.confirm();
    await ui.waitForStatus('办理中');
    expect(await ui.noticeNumber('accept')).toMatch(NOTICE_NO('受'));
    expect(await ui.noticeNumber('supplement')).toBe(supplementNo);
    expect(await ui.events('supplement_requested').innerText()).toContain(`${LAYOUT}、${RULES}、${FORM}`);
    expect(await ui.events('supplement_received').count()).toBe(1);
    expect(await ui.events('accepted').innerText()).toContain('受理');
    // The trip back to the window counts: two visits on a 零跑动 item — recorded (the case does not
    // count as zero-visit), but the applicant's choice, not the window's breach (issue 14 point 9).
    const visits = page.getByTestId('case-visits');
    expect(await visits.innerText()).toContain('2 次（本事项可零跑动）');
    expect(await visits.getAttribute('data-over')).toBe('false');
    expect(await visits.getAttribute('title')).toContain('不计入零跑动使用率');
    expect(await ui.currentStep()).toBe('审查');
    await screenshot(page, 'case-paths-supplement-accepted');
  });

  it('ACC-2: 不予受理 needs a reason and the body to apply to, issues a numbered notice, and lands in 办不成事', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    const reason = '申请人仅销售预包装食品，依法实行备案管理，不需要申请食品经营许可';
    const redirectTo = '云溪县市场监督管理局（食品经营备案）';
    await ui.receive({
      item: FOOD,
      search: '食品经营',
      applicant: { idNumber: personIdNumber(612), name: '钱思远', phone: '13912340612' },
      materials: { 营业执照: '已提交' },
    });
    expect(await page.getByTestId('intake-decision').innerText()).toContain('材料齐全，可以受理');
    // The clerk cannot see the 办不成事 list; the supervisors review it.
    expect(await page.getByTestId('menu-cases-refused').count()).toBe(0);

    await page.getByTestId('intake-refuse').click();
    await ui.dialog.waitFor();
    await ui.ok.click();
    await ui.dialog.getByText('请填写不予受理理由').waitFor();
    await ui.dialog.getByText('请填写有关机关').waitFor();
    await page.getByTestId('intake-refuse-reason').fill(reason);
    await page.getByTestId('intake-refuse-redirect').fill(redirectTo);
    await ui.dialog.getByText('请填写有关机关').waitFor({ state: 'detached' });
    await screenshot(page, 'case-paths-refuse-dialog');
    await ui.confirm();

    const { caseNo } = await ui.filed();
    await ui.waitForStatus('不予受理', 'intake-case');
    const refuseNo = await ui.noticeNumber('refuse');
    expect(refuseNo).toMatch(NOTICE_NO('不受'));
    expect(await page.getByTestId('intake-decision').count()).toBe(0);
    await screenshot(page, 'case-paths-refused');

    const print = await ui.openNoticePrint('refuse');
    const text = await print.getByTestId('notice-document').innerText();
    expect(text).toContain('不予受理通知书');
    expect(text).toContain(`决定不予受理。理由：${reason}`);
    expect(text).toContain(`建议向${redirectTo}提出申请`);
    expect(text).toContain('行政复议');
    await print.close();

    // 办不成事: the supervisor sees the refusal with its reason, where it was sent, notice and clerk.
    await supervisor.getByTestId('menu-cases-refused').click();
    await supervisor.getByTestId('refused-page').waitFor();
    const row = supervisor.locator('[data-testid="case-table"] tr', { hasText: caseNo });
    await row.waitFor();
    expect(await row.getByTestId('case-status').innerText()).toBe('不予受理');
    const refusal = await row.getByTestId('refusal').innerText();
    expect(refusal).toContain(reason);
    expect(refusal).toContain(`请向：${redirectTo}`);
    expect(refusal).toContain(refuseNo);
    expect(refusal).toContain('陈一鸣');
    await screenshot(supervisor, 'case-paths-refused-list');
  });

  it('ACC-2: a 即办件 (个体工商户登记) is decided on the spot by a clerk of its department, with both notices and the e-license', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    const { itemInfo } = await ui.receive({
      item: SOLO,
      search: '个体工商户',
      applicant: { idNumber: personIdNumber(613), name: '马一鸣', phone: '13912340613' },
      // The applicant has no e-ID-card yet, so it is handed in on paper.
      materials: { 经营者居民身份证: '已提交' },
    });
    expect(itemInfo).toContain('即办件');
    expect(itemInfo).toContain('云溪县市场监督管理局');

    // A clerk of another department (卫健) at a 综合窗口 may receive the item, but not decide it on the spot.
    const other = await signedIn('clerk2');
    await new CasesPage(other).receive({
      item: SOLO,
      search: '个体工商户',
      applicant: { idNumber: personIdNumber(613), name: '马一鸣', phone: '13912340613' },
      materials: { 经营者居民身份证: '已提交' },
    });
    expect(await other.getByTestId('intake-accept').isEnabled()).toBe(true);
    expect(await other.getByTestId('intake-instant').count()).toBe(0);
    await other.close();
    expect(await page.getByTestId('intake-instant').innerText()).toBe('即办（当场办结）');

    await page.getByTestId('intake-instant').click();
    await ui.dialog.waitFor();
    expect(await ui.dialog.innerText()).toContain('即办件当场办结');
    await ui.confirm();
    const { caseId, caseNo } = await ui.filed();
    await ui.waitForStatus('已办结待出件', 'intake-case');
    expect(await ui.noticeNumber('accept')).toMatch(NOTICE_NO('受'));
    expect(await ui.noticeNumber('decide')).toMatch(NOTICE_NO('决'));
    await screenshot(page, 'case-paths-instant-intake');

    await ui.openCase(caseId);
    expect(await ui.status()).toBe('已办结待出件');
    expect((await page.getByTestId('case-no').innerText()).trim()).toBe(caseNo);
    const licenseId = (await page.getByTestId('license-id').innerText()).trim();
    expect(licenseId.startsWith(`1.2.156.3005.2.1110000000001347X1.${MARKET_CREDIT}.`)).toBe(true);
    expect(await page.getByTestId('case-license').innerText()).toContain('营业执照');
    expect(await ui.events('decided').innerText()).toContain('当场办结：准予');
    // One clerk signs 受理 and 决定 on the spot: explained as a 即办件, not shown as a SOD-1 breach.
    const signers = page.getByTestId('case-signers');
    expect(await signers.getByTestId('case-instant-note').innerText()).toContain(
      '即办件：由经授权的窗口人员当场受理并办结',
    );
    expect(await cardHead(signers).innerText()).not.toContain('SOD-1');
    expect(await page.getByTestId('signer-0').innerText()).toBe('陈一鸣');
    expect(await ui.events('license_issued').innerText()).toContain(licenseId);
    // The window can hand it out right away (DEL-1 clock runs).
    expect(await page.getByTestId('action-delivery').isVisible()).toBe(true);
    await screenshot(page, 'case-paths-instant-decided');
  });

  it('back office: 退回 with a reason, 转办 to another approver, 中止 for 检测 (SUS-1: clock 暂停, notice) and 恢复', async () => {
    const { caseId, caseNo } = await acceptedFoodCase(614, '蒋文静');

    const ui = new CasesPage(approver);
    await ui.openCase(caseId);
    await ui.startAction('complete');
    await approver.getByTestId('action-opinion').fill('材料齐全，现场核查符合要求');
    await ui.confirm();
    await approver.getByTestId('action-decide').waitFor();
    expect(await approver.getByTestId('signer-0').innerText()).toBe('郑可欣');

    // 退回: the decider sends it back to 审查; the review signature is struck.
    const ui2 = new CasesPage(approver2);
    await ui2.openCase(caseId);
    expect(await ui2.currentStep()).toBe('决定');
    await ui2.startAction('return');
    await ui2.ok.click();
    await ui2.dialog.getByText('请填写退回理由').waitFor();
    await approver2.getByTestId('action-reason').fill('现场核查记录缺少照片，请补充后重新审查');
    await ui2.confirm();
    await approver2.getByTestId('action-complete').waitFor();
    expect(await ui2.currentStep()).toBe('审查');
    expect(await approver2.getByTestId('signer-0').innerText()).toBe('—');
    expect(await approver2.getByTestId('action-return').count()).toBe(0);
    expect(await ui2.events('returned').innerText()).toContain(
      '理由：现场核查记录缺少照片，请补充后重新审查',
    );
    await screenshot(approver2, 'case-paths-returned');

    // 转办: the reviewer hands it to 王嘉树; it leaves her queue and is his. The dialog lists the
    // department's approvers and head by name and role (never a user id), herself left out.
    await ui.openCase(caseId);
    await ui.startAction('transfer');
    const listed = await ui.options('action-transfer-to');
    expect(listed.map((o) => o.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^王嘉树\s*审批人员$/),
        expect.stringMatching(/部门负责人/),
      ]),
    );
    expect(listed.some((o) => o.text.includes('郑可欣'))).toBe(false);
    expect(listed.every((o) => !o.disabled)).toBe(true);
    await ui.choose('action-transfer-to', '王嘉树');
    // The chosen receiver shows by name.
    expect((await approver.getByTestId('action-transfer-to').innerText()).trim()).toBe('王嘉树');
    await approver.getByTestId('action-reason').fill('郑可欣外出培训，转王嘉树办理');
    await screenshot(approver, 'case-paths-transfer-dialog');
    await ui.confirm();
    const transferred = await ui.events('transferred').innerText();
    expect(transferred).toContain('转给：王嘉树');
    expect(transferred).toContain('郑可欣外出培训，转王嘉树办理');
    await ui.startAction('complete');
    await approver.getByTestId('action-opinion').fill('材料齐全');
    expect(await ui.confirmExpectingError()).toBe('该办件已转办给其他审批人员');
    await approver.keyboard.press('Escape');
    await ui.dialog.waitFor({ state: 'hidden' });

    await approver2.getByTestId('menu-cases-review').click();
    await approver2.getByTestId('review-page').waitFor();
    await approver2.getByTestId('review-queue').getByText('分配给我的').click();
    const mine = approver2.locator('[data-testid="case-table"] tr', { hasText: caseNo });
    await mine.waitFor();
    await screenshot(approver2, 'case-paths-transferred-queue');
    await approver.getByTestId('menu-cases-review').click();
    await approver.getByTestId('review-page').waitFor();
    await tableRows(approver.getByTestId('case-table')).first().waitFor();
    expect(await approver.locator('[data-testid="case-table"] tr', { hasText: caseNo }).count()).toBe(0);

    // 中止 (SUS-1): the clock shows 暂停 and the applicant gets the notice with the expected time.
    // Opened afresh: a case page cached from earlier would still carry the version before the transfer.
    await ui2.openCase(caseId);
    await ui2.startAction('suspend');
    await ui2.choose('action-suspend-kind', '检测');
    await ui2.fillNumber('action-days', 7);
    await approver2.getByTestId('action-reason').fill('需对经营场所送检水样');
    await ui2.confirm();
    await tag(approver2.getByTestId('case-detail-page'), '中止中').waitFor();
    const clock = approver2.getByTestId('clock-tag');
    expect(await clock.getAttribute('data-state')).toBe('paused');
    expect(await clock.innerText()).toBe('暂停');
    expect(await approver2.getByTestId('case-deadline').innerText()).toContain('计时暂停');
    const suspendNo = await ui2.noticeNumber('suspend');
    expect(suspendNo).toMatch(NOTICE_NO('中'));
    expect(await ui2.events('suspended').innerText()).toContain('中止（检测）');
    expect(await ui2.events('suspended').innerText()).toContain('不计入办理时限');
    // Suspended: no step can be completed until it resumes.
    expect(await approver2.getByTestId('action-complete').count()).toBe(0);
    expect(await approver2.getByTestId('action-suspend').count()).toBe(0);
    await screenshot(approver2, 'case-paths-suspended');

    const print = await ui2.openNoticePrint('suspend');
    const text = await print.getByTestId('notice-document').innerText();
    expect(text).toContain('特别程序（中止）告知书');
    expect(text).toContain('因需要进行检测');
    expect(text).toContain('预计需要 7 个工作日');
    expect(text).toContain('需对经营场所送检水样');
    expect(text).toContain('特别程序所需时间不计算在办理期限内');
    await screenshot(print, 'case-paths-suspend-notice');
    await print.close();

    // 恢复: the clock runs again and the work goes on with the new assignee.
    await ui2.startAction('resume');
    await ui2.confirm();
    await approver2.getByTestId('action-complete').waitFor();
    expect(await tag(approver2.getByTestId('case-detail-page'), '中止中').count()).toBe(0);
    expect(await clock.getAttribute('data-state')).not.toBe('paused');
    expect(await ui2.events('resumed').count()).toBe(1);
    await ui2.startAction('complete');
    await approver2.getByTestId('action-opinion').fill('补充照片后复核，符合要求');
    await ui2.confirm();
    await approver2.getByTestId('action-decide').waitFor();
    expect(await approver2.getByTestId('signer-0').innerText()).toBe('王嘉树');
    // Not a 即办件: SOD-1 is stated, with no 即办 note.
    expect(await cardHead(approver2.getByTestId('case-signers')).innerText()).toContain(
      '同一人不得签署两个环节',
    );
    expect(await approver2.getByTestId('case-instant-note').count()).toBe(0);
    await screenshot(approver2, 'case-paths-resumed');

    // SOD-1 in 转办: 王嘉树 signed 审查, so he is listed but cannot be handed the 决定.
    await ui.openCase(caseId);
    await ui.startAction('transfer');
    const signed = (await ui.options('action-transfer-to')).find((o) => o.text.startsWith('王嘉树'));
    expect(signed?.disabled).toBe(true);
    expect(signed?.text).toContain('已签署审查环节，不能再签署其他环节');
    await approver.keyboard.press('Escape');
    await ui.dialog.waitFor({ state: 'hidden' });
  });

  it('stale version: another page acts first, so the 409 is shown in Chinese and the case reloads; the same action then works', async () => {
    const { caseId } = await acceptedFoodCase(615, '卫子衿');
    const ui = new CasesPage(approver);
    const sup = new CasesPage(supervisor);
    await ui.openCase(caseId);
    await sup.openCase(caseId);

    // The approver starts completing 审查 …
    await ui.startAction('complete');
    await approver.getByTestId('action-opinion').fill('材料齐全，现场核查符合要求');
    // … while the supervisor, on another page, urges the same case.
    await sup.startAction('urge');
    await sup.confirm();
    await sup.events('urged').waitFor();

    const refusal = await ui.confirmExpectingError();
    expect(refusal).toBe(
      '办件已被他人处理（版本已变化），请刷新后重试；本次操作未生效（已重新加载办件，请核对后再操作）',
    );
    expect(await approver.getByTestId('action-error').getAttribute('class')).toContain('ant-alert-warning');
    // The page behind the dialog has reloaded the case: the urge is in its log now; nothing was signed.
    await ui.events('urged').waitFor();
    expect(await approver.getByTestId('signer-0').innerText()).toBe('—');
    await screenshot(approver, 'case-paths-stale');

    // Same dialog, same opinion, now with the fresh version: it goes through.
    await ui.confirm();
    await approver.getByTestId('action-decide').waitFor();
    expect(await approver.getByTestId('signer-0').innerText()).toBe('郑可欣');
    expect(await ui.currentStep()).toBe('决定');
    expect(await ui.events('step_completed').innerText()).toContain('材料齐全，现场核查符合要求');
  });
});
