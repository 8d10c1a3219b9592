import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSignIn } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { chooseOption, confirmModal, successMessage } from '../pages/antd';
import { LoginPage } from '../pages/login.page';

/**
 * Issue 18 in the browser: a 12345 daily sheet is imported; one order is dispatched, returned
 * (退单) and reassigned (改派, CPL-2), replied, called back by someone else (SOD-2) and closed; and a
 * 办不成事 visitor's refused case is received again and accepted.
 */
async function sheet(orderNo: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('12345工单');
  ws.addRow(['工单编号', '诉求类型', '标题', '诉求内容', '姓名', '电话', '是否匿名']);
  ws.addRow([orderNo, '投诉', '窗口推诿', '窗口说材料不全却不说缺什么', '钱多多', '13900009999', '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('complaints (issue 18)', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function as(username: string): Promise<Page> {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn(username, DEMO_PASSWORD);
    return page;
  }
  async function act(
    page: Page,
    id: string,
    action: string,
    fill: (p: Page) => Promise<void> = async () => {},
  ) {
    await page.goto(`/complaints/${id}`);
    await page.getByTestId(`action-${action}`).click();
    await fill(page);
    await confirmModal(page);
    await successMessage(page).waitFor();
  }

  it('CPL-2, SOD-2: a 12345 sheet imported; one order returned, reassigned, replied, called back by another, closed', async () => {
    const sup = await as('supervisor');
    await sup.goto('/complaints/import');
    await sup.locator('input[type="file"]').setInputFiles({
      name: '12345.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet('GD20261120E2E'),
    });
    const ok = sup.getByTestId('import-ok');
    await ok.waitFor();
    const orderNo = /TS\d+/.exec(await ok.innerText())![0];
    await sup.goto('/complaints?scope=desk');
    await sup.getByRole('link', { name: orderNo }).click();
    await sup
      .getByTestId('action-dispatch')
      .waitFor()
      .catch(async (e: unknown) => {
        console.log('DEBUG', await screenshot(sup, 'cpl-detail'), await sup.locator('body').innerText());
        throw e;
      });
    const id = sup.url().split('/').pop()!;
    await sup
      .getByTestId('action-dispatch')
      .click({ timeout: 5000 })
      .catch(async (e: unknown) => {
        console.log('DEBUG3', await screenshot(sup, 'cpl-detail'), await sup.locator('body').innerText());
        throw e;
      });
    await chooseOption(sup, 'lead-department', '云溪县市场监督管理局');
    await confirmModal(sup);
    await successMessage(sup).waitFor();

    const head = await as('depthead');
    await act(head, id, 'return', (p) => p.getByLabel('退单理由').fill('该问题属卫健窗口'));

    await act(sup, id, 'decide_return', async (p) => {
      await chooseOption(p, 'reassign-department', '云溪县卫生健康局');
      await p.getByLabel('裁定意见').fill('同意改派卫健');
    });

    const clerk2 = await as('clerk2');
    await act(clerk2, id, 'reply', (p) => p.getByLabel('答复内容').fill('已向诉求人说明全部所需材料并致歉'));
    // SOD-2: the handler is offered no callback.
    await clerk2.reload();
    await clerk2.getByTestId('status').waitFor();
    expect(await clerk2.getByTestId('action-callback').count()).toBe(0);

    await act(sup, id, 'callback', (p) => p.getByLabel('回访记录').fill('电话回访，满意'));
    await sup.goto(`/complaints/${id}`);
    await sup.getByTestId('action-close').click();
    await successMessage(sup).waitFor();
    await sup.reload();
    await sup.getByTestId('status').waitFor();
    expect(await sup.getByTestId('status').innerText()).toBe('已办结');
    expect(await sup.locator('body').innerText()).toContain('已向诉求人说明全部所需材料并致歉');
  });

  it("办不成事: a visitor's refused case is received again and accepted", async () => {
    const clerk = await as('clerk');
    await clerk.goto('/complaints/unresolved');
    const reopen = clerk.locator('[data-testid^="reopen-"]').first();
    await reopen.waitFor();
    await reopen.click();
    await confirmModal(clerk);
    const msg = successMessage(clerk);
    await msg.waitFor().catch(async (e: unknown) => {
      console.log('DEBUG2', await screenshot(clerk, 'cpl-reopen'), await clerk.locator('body').innerText());
      throw e;
    });
    const caseNo = /新办件 (\S+)/.exec(await msg.innerText())![1]!;
    const api = await apiSignIn(e2e.server.baseURL, 'clerk');
    const found = await api.get<{ items: { id: string; caseNo: string; version: number; status: string }[] }>(
      `/api/cases?q=${encodeURIComponent(caseNo)}`,
    );
    const c = found.items.find((x) => x.caseNo === caseNo)!;
    expect(c.status).toBe('submitted');
    const accepted = await api.post<{ status: string }>(`/api/cases/${c.id}/accept`, { version: c.version });
    expect(accepted.status).toBe('accepted');
  });

  it('the leader assigns a matter the 办不成事 window sent up; the decision is recorded on the order', async () => {
    const api = await apiSignIn(e2e.server.baseURL, 'clerk');
    const made = await api.post<{ id: string; orderNo: string }>('/api/complaints', {
      source: 'unresolved_window',
      type: 'help',
      title: '跨部门事项无人牵头（E2E）',
      content: '来访人反映两个部门互相推诿',
      anonymous: true,
    });
    await api.post(`/api/complaints/${made.id}/escalate`, { version: 0, note: '窗口协调不了，请领导定' });
    const leader = await as('leader');
    await leader.goto('/complaints/leader');
    await leader.getByTestId(`leader-decide-${made.orderNo}`).click();
    await chooseOption(leader, 'leader-department', '云溪县市场监督管理局');
    await leader.getByTestId('leader-note').fill('由市场监管局牵头，三日内答复');
    await confirmModal(leader);
    await successMessage(leader).waitFor();
    await leader.goto(`/complaints/${made.id}`);
    await leader.getByTestId('status').waitFor();
    expect(await leader.getByTestId('status').innerText()).toBe('已派单');
    expect(await leader.locator('body').innerText()).toContain('由市场监管局牵头，三日内答复');
  });
  it('the work orders and their figures read in English when English is chosen', async () => {
    const page = await e2e.openPage();
    await page.addInitScript(() => localStorage.setItem('tongban.language', 'en'));
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    await page.goto('/complaints?scope=all');
    const list = page.locator('.ant-table-tbody');
    await list.getByText('12345 hotline').first().waitFor();
    const rows = await list.innerText();
    // Channel, type and status come from the UI's strings, not the API's Chinese labels.
    for (const zh of ['12345热线', '待派单', '已派单']) expect(rows).not.toContain(zh);
    expect(rows).toContain('Complaint (投诉)');
    expect(rows).toContain('Awaiting dispatch');
    await page.goto('/complaints/figures');
    await page.getByText('Total', { exact: true }).waitFor();
    expect(await page.getByText(/^On-time rate: /).count()).toBe(1);
    expect(await page.locator('.ant-card').innerText()).not.toContain('合计');
  });
});
