import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReviewPlan, ReviewPlanDetail } from '@tongban/contracts';
import { apiSignIn, type ApiSession } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { confirmModal, expandRow } from '../pages/antd';

/** Where the app keeps the chosen language (apps/web/src/app/i18n.ts). */
const STORAGE_KEY = 'tongban.language';

/**
 * Issue 21 in the browser: a quarterly 卷宗评查 is drawn and replayed from its seed (FR-1), a file
 * scored low lands as an automatic finding that the supervisor accepts into a 自查 inspection of the
 * ledger, and the quarter's assessment shows a department's breakdown (ASSESS-1).
 */
describe('file reviews, assessments and automatic findings (issue 21)', () => {
  let e2e: E2EContext;
  let sup: ApiSession;
  let page: Page;
  let planId = '';

  const lastQuarter = () => {
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    const y = q === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
    const qi = q === 0 ? 3 : q - 1;
    const pad = (n: number) => String(n).padStart(2, '0');
    const end = new Date(Date.UTC(y, qi * 3 + 3, 0)).getUTCDate();
    return { start: `${y}-${pad(qi * 3 + 1)}-01`, end: `${y}-${pad(qi * 3 + 3)}-${end}` };
  };

  beforeAll(async () => {
    e2e = await setUpE2E();
    sup = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const depts = (await sup.get<{ items: { id: string; name: string }[] }>('/api/org/departments')).items;
    const pool = (await sup.get<{ items: { id: string; role: string }[] }>('/api/reviews/reviewers')).items;
    const q = lastQuarter();
    const plan = await sup.post<ReviewPlan>('/api/reviews/plans', {
      title: '浏览器测试季度卷宗评查',
      periodStart: q.start,
      periodEnd: q.end,
      departmentIds: depts.filter((d) => d.name === '云溪县卫生健康局').map((d) => d.id),
      casesPerDepartment: 1,
      reviewerPool: pool.filter((u) => u.role === 'approver').map((u) => u.id),
    });
    planId = plan.id;
    page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('FR-1: the plan shows its seed hash before the draw; the draw reveals the seed and the replay matches', async () => {
    await page.goto(`/reviews/plans/${planId}`);
    await page.getByText('抽取后公开').waitFor();
    await page.getByRole('button', { name: '随机抽取' }).click();
    await page.getByTestId('plan-seed').waitFor();
    await page.getByRole('button', { name: '复现抽取' }).click();
    await page.getByText('复现一致').waitFor();
  });

  it('a file scored low by its drawn reviewer lands in the ledger as a 自查 finding', async () => {
    const plan = await sup.get<ReviewPlanDetail>(`/api/reviews/plans/${planId}`);
    const reviewers = (await sup.get<{ items: { id: string }[] }>('/api/reviews/reviewers')).items;
    expect(reviewers.map((r) => r.id)).toContain(plan.files[0]!.reviewerUserId);
    // The pool holds every approver outside the reviewed department (other modules' demo users too).
    const admin = await apiSignIn(e2e.server.baseURL, 'admin');
    const users: Record<string, string> = Object.fromEntries(
      (await admin.get<{ items: { id: string; username: string }[] }>('/api/org/users')).items.map((u) => [
        u.id,
        u.username,
      ]),
    );
    const reviewerPage = await e2e.openPage();
    await new LoginPage(reviewerPage).signIn(users[plan.files[0]!.reviewerUserId]!, DEMO_PASSWORD);
    await reviewerPage.goto(`/reviews/plans/${planId}`);
    await reviewerPage.getByRole('button', { name: '评查打分' }).click();
    for (const [key, v] of [
      ['legal_basis', '5'],
      ['materials_complete', '5'],
      ['time_limits', '0'],
      ['archive', '0'],
    ] as const)
      await reviewerPage.getByTestId(`score-${key}`).fill(v);
    await reviewerPage.getByRole('button', { name: '确认评分' }).click();
    await reviewerPage.getByText('评查完成').waitFor();

    await page.goto('/reviews/findings');
    // The low-score finding of this file. The drawn case may also show a confirmed SOD-1 breach (a
    // second finding of the same case), and the demo's own plan may have scored the same case low:
    // the title names the plan, so the rows differ.
    const row = page.locator('tr', {
      hasText: new RegExp(
        `卷宗评查得分偏低：办件 ${plan.files[0]!.caseNo} 得 \\d+ 分（浏览器测试季度卷宗评查）`,
      ),
    });
    await row.getByRole('button', { name: '转入台账' }).click();
    await page.getByPlaceholder('云溪县卫生健康局').fill('云溪县卫生健康局');
    await confirmModal(page, /确\s*定|OK/);
    // The tab label "已转入台账 (n)" is always on the page; the finding leaving the 待处理 tab is what
    // says the server has accepted it.
    await row.waitFor({ state: 'detached' });
    const after = (
      await sup.get<{
        items: { rule: string; causeKey: string; status: string; ledgerInspectionId: string }[];
      }>('/api/reviews/auto-findings')
    ).items.find((f) => f.rule === 'low_review_score' && f.causeKey === `file:${plan.files[0]!.id}`)!;
    expect(after.status).toBe('accepted');
    const inspection = await sup.get<{ inspection: { kind: string }; findings: { source: string }[] }>(
      `/api/ledger/inspections/${after.ledgerInspectionId}`,
    );
    expect(inspection.inspection.kind).toBe('self_check');
    expect(inspection.findings.map((f) => f.source)).toContain('file_reviews');
  });

  it('ASSESS-1: the quarter’s assessment shows the department’s breakdown summing to its score', async () => {
    await page.goto('/reviews/assessments');
    await page.locator('td a').first().click();
    const row = page.locator('tr', { hasText: '云溪县卫生健康局' }).first();
    await expandRow(row);
    const breakdown = page.getByTestId('breakdown-云溪县卫生健康局');
    await breakdown.waitFor();
    const text = await breakdown.innerText();
    expect(text).toContain('按时办结率');
    // Every source is connected: 差评, complaints and patrols count like the case figures.
    for (const label of ['差评率及整改闭环', '投诉及重复投诉', '巡查发现问题', '应进必进'])
      expect(text).toContain(label);
    expect(text).not.toContain('数据源尚未接入');
    expect(text).toContain('合计');
  });

  it('the same breakdown reads in English when English is chosen', async () => {
    const url = page.url();
    await page.evaluate((key) => localStorage.setItem(key, 'en'), STORAGE_KEY);
    await page.goto(url);
    const row = page.locator('tr', { hasText: '云溪县卫生健康局' }).first();
    await expandRow(row);
    const text = await page.getByTestId('breakdown-云溪县卫生健康局').innerText();
    expect(text).toContain('On-time completion rate');
    expect(text).toContain('Complaints and repeat complaints');
    expect(text).not.toMatch(/按时办结率|已计入/);
    await page.goto('/reviews/findings');
    await page.getByText('Same patrol problem three times in a month').waitFor();
    // The findings themselves read in English too: their titles are filled in from their facts
    // (names of departments and items stay as recorded), not the Chinese sentences the ledger keeps.
    const titles: string[] = [];
    for (const tab of ['To decide', 'In the ledger', 'Dismissed']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      titles.push(await page.locator('.ant-table-tbody').first().innerText());
    }
    const all = titles.join('\n');
    expect(all).toMatch(
      /overdue share too high|Bad ratings clustered|repeat complaints in|patrols found|Low file-review score|one person signing/,
    );
    expect(all).not.toMatch(/连续两月超期办结占比超标|差评集中|被重复投诉|卷宗评查得分偏低|发现一人签署/);
    await page.evaluate((key) => localStorage.setItem(key, 'zh'), STORAGE_KEY);
  });
});
