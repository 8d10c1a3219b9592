import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Applicant, CalendarStatus, CaseDetail, CaseSummary, IntakePreview } from '@tongban/contracts';
import { apiSignIn, type ApiSession } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { personIdNumber } from '../fixtures/identity.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { CasesPage } from '../pages/cases.page';
import { LoginPage } from '../pages/login.page';

/**
 * Issue 14 point 7: the window's intake creates nothing until the clerk confirms a decision. The
 * clerk can go back from the decision to correct a material's status, and an intake left before the
 * decision leaves no case (no orphan 待受理 to go overdue).
 */

const FOOD = '食品经营许可';
const LAYOUT = '经营场所平面布局图和设备布局、操作流程说明';
const NAME = '邵清和';

describe('cases: the intake files the case only on the decision (issue 14 point 7, ACC-1)', () => {
  let e2e: E2EContext;
  let clerk: Page;
  let clerkApi: ApiSession;

  const casesOf = async (name: string) =>
    (await clerkApi.get<{ items: CaseSummary[] }>(`/api/cases?q=${encodeURIComponent(name)}&limit=50`)).items;

  beforeAll(async () => {
    e2e = await setUpE2E();
    clerk = await e2e.openPage();
    await new LoginPage(clerk).signIn('clerk', DEMO_PASSWORD);
    clerkApi = await apiSignIn(e2e.server.baseURL, 'clerk');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('going back from the decision corrects a material; an abandoned intake leaves no case', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    await ui.receive({
      item: FOOD,
      search: 'spjy',
      applicant: { idNumber: personIdNumber(631), name: NAME, phone: '13912340631' },
      materials: { 营业执照: '已提交', [LAYOUT]: '缺少' },
    });
    const decision = page.getByTestId('intake-decision');
    expect(await decision.innerText()).toContain(`缺少 1 项材料：${LAYOUT}`);
    expect(await page.getByTestId('intake-case-no').count()).toBe(0);
    expect(await casesOf(NAME)).toHaveLength(0);
    await screenshot(page, 'intake-confirm-decision');

    // The clerk marked the layout plan missing by mistake: back, correct, check again.
    await page.getByTestId('intake-back').click();
    await page.getByTestId('intake-materials').waitFor();
    await ui.choose(`intake-material-${LAYOUT}`, '已提交');
    await page.getByTestId('intake-receive').click();
    await decision.waitFor();
    expect(await decision.innerText()).toContain('材料齐全，可以受理');
    expect(await page.getByTestId('intake-accept').isEnabled()).toBe(true);

    // The applicant leaves before the decision: a new intake, and nothing was filed.
    await page.getByTestId('intake-new').click();
    await page.getByTestId('item-picker').waitFor();
    expect(await page.getByTestId('intake-decision').count()).toBe(0);
    expect(await casesOf(NAME)).toHaveLength(0);
  });

  it('the confirmed 受理 files one case, accepted, with the corrected materials', async () => {
    const page = clerk;
    const ui = new CasesPage(page);
    await ui.receive({
      item: FOOD,
      search: 'spjy',
      applicant: { idNumber: personIdNumber(631), name: NAME, phone: '13912340631' },
      materials: { 营业执照: '已提交' },
    });
    await page.getByTestId('intake-accept').click();
    await ui.dialog.waitFor();
    expect(await page.getByTestId('action-description').innerText()).toContain('确认受理');
    await ui.confirm();
    const { caseNo } = await ui.filed();
    await ui.waitForStatus('办理中', 'intake-case');
    expect(await ui.noticeNumber('accept')).toMatch(/^云溪受字〔\d{4}〕第\d{5}号$/);
    const filed = await casesOf(NAME);
    expect(filed.map((c) => [c.caseNo, c.status])).toEqual([[caseNo, 'accepted']]);
    await screenshot(page, 'intake-confirm-accepted');
  });

  it('CAL-2: a case deadline in a year whose holidays are not loaded is shown 暂定 (issue 14 point 13)', async (ctx) => {
    const status = await clerkApi.get<CalendarStatus>('/api/calendar/status');
    // 离婚登记 has 30 working days: from December the deadline lands in next year.
    const hits = await clerkApi.get<{ items: { itemId: string; name: string }[] }>(
      `/api/public/catalog/items?q=${encodeURIComponent('离婚登记')}`,
    );
    const itemId = hits.items.find((i) => i.name === '离婚登记')!.itemId;
    const applicant = await clerkApi.post<Applicant>('/api/applicants', {
      kind: 'person',
      name: '温若溪',
      idNumber: personIdNumber(632),
      phone: '13912340632',
    });
    const body = { itemId, applicantId: applicant.id };
    const { materials } = await clerkApi.post<IntakePreview>('/api/cases/intake-preview', body);
    const given = materials
      .filter((m) => m.status !== 'from_license')
      .map((m) => ({ name: m.name, status: 'provided' as const }));
    const filed = await clerkApi.post<CaseDetail>('/api/cases', {
      ...body,
      materials: given,
      decision: { action: 'accept', body: {} },
    });
    const deadline = filed.clock!.deadline;
    if (status.dataThroughYear !== null && Number(deadline.slice(0, 4)) <= status.dataThroughYear) ctx.skip();
    expect(filed.clock!.provisional).toBe(true);

    const page = clerk;
    await new CasesPage(page).openCase(filed.id);
    expect(await page.getByTestId('case-deadline').getAttribute('data-deadline')).toBe(deadline);
    await page.getByTestId('clock-provisional').waitFor();
    expect(await page.getByTestId('clock-provisional').innerText()).toBe('暂定');
    await screenshot(page, 'intake-confirm-provisional');
  });
});
