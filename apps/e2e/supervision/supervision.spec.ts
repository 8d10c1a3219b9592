import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList, SupervisionOrder } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { drawer, drawerTitle, statisticValue, tableRows } from '../pages/antd';

// antd's InputNumber hands its test id to the <input> itself (or, in some versions, its wrapper).
const WARNING_INPUT =
  'input[data-testid="threshold-warning-input"], [data-testid="threshold-warning-input"] input';

/**
 * Issue 16 in the browser, on the demo (whose cases ran their clocks in the past: yellow, red, and
 * a 督办单 issued to the head): the supervisor's board shows red and yellow and drills into the
 * cases; the head finds the 督办单 in the inbox and answers it on its page; the supervisor sees it
 * answered; the leader's dashboard number opens the list of the cases it counts. (The clock moving
 * a case from green to yellow to red is tested with a controlled clock in the integration test.)
 */
describe('电子监察: board, 督办单 answered, dashboard drill-down (issue 16)', () => {
  let e2e: E2EContext;
  let orderId = '';

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('SUP-1: the supervisor sees red and yellow cases by department and drills into them', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    await page.getByTestId('menu-supervision-board').click();
    await page.getByTestId('total-red').waitFor();
    const red = Number((await statisticValue(page.getByTestId('total-red')).innerText()).trim());
    expect(red).toBeGreaterThan(0);
    const yellow = Number((await statisticValue(page.getByTestId('total-yellow')).innerText()).trim());
    expect(yellow).toBeGreaterThan(0);
    await page.getByTestId('total-yellow').click();
    await page.getByTestId('clock-table').getByTestId('colour-yellow').first().waitFor();
  });

  it('SUP-2: the head receives the 督办单 in the inbox and answers it; the supervisor sees it answered', async () => {
    const headApi = await apiSignIn(e2e.server.baseURL, 'depthead');
    const todos = await headApi.get<InboxList>('/api/inbox?filter=todo');
    const item = todos.items.find((i) => i.kind === 'supervision.order');
    expect(item?.link).toMatch(/^\/supervision\/orders\//);
    orderId = item!.entityId!;

    const page = await e2e.openPage();
    await new LoginPage(page).signIn('depthead', DEMO_PASSWORD);
    await page.goto(item!.link!);
    await page.getByTestId('order-reply-input').fill('经核查，系现场核查排期延误；已调配人员，本周内办结。');
    await page.getByTestId('order-reply-submit').click();
    await page.getByTestId('order-status-answered').waitFor();
    const after = await headApi.get<InboxList>('/api/inbox?filter=todo');
    expect(after.items.some((i) => i.entityId === orderId)).toBe(false);

    const sup = await e2e.openPage();
    await new LoginPage(sup).signIn('supervisor', DEMO_PASSWORD);
    await sup.goto('/supervision/orders?status=answered');
    const order = await (
      await apiSignIn(e2e.server.baseURL, 'supervisor')
    ).get<SupervisionOrder>(`/api/supervision/orders/${orderId}`);
    expect(order.status).toBe('answered');
    await sup.getByTestId('orders-table').getByText(order.orderNo).waitFor();
  });

  it("RATE-1: the leader's dashboard number opens the list of its cases", async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('leader', DEMO_PASSWORD);
    await page.getByTestId('menu-supervision-dashboard').click();
    const stat = page.getByTestId('stat-concluded');
    await stat.waitFor();
    await page.getByTestId('chart-volume').waitFor();
    const concluded = Number((await statisticValue(stat).innerText()).replace(/\D/g, ''));
    expect(concluded).toBeGreaterThan(0);
    await stat.click();
    const figures = drawer(page);
    await tableRows(figures.getByTestId('figure-cases')).first().waitFor();
    expect(await drawerTitle(figures).innerText()).toContain(`(${concluded})`);
  });

  it("SUP-1: the supervisor sets an item's warning days; a value not below the promised limit is refused", async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    await page.getByTestId('menu-supervision-thresholds').click();
    const table = page.getByTestId('thresholds-table');
    await tableRows(table).first().waitFor();
    const api = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const { items } = await api.get<{ items: { itemId: string; promisedLimitDays: number }[] }>(
      '/api/supervision/thresholds',
    );
    const item = items.find((i) => i.promisedLimitDays >= 3)!;
    await page.getByTestId(`threshold-edit-${item.itemId}`).click();
    await page.locator(WARNING_INPUT).fill(String(item.promisedLimitDays));
    await page.getByTestId('threshold-save').click();
    await page.getByTestId('threshold-error').waitFor();
    await page.locator(WARNING_INPUT).fill('1');
    await page.getByTestId('threshold-save').click();
    await page.getByTestId('threshold-save').waitFor({ state: 'detached' });
    const after = await api.get<{ items: { itemId: string; warningDays: number | null }[] }>(
      '/api/supervision/thresholds',
    );
    expect(after.items.find((i) => i.itemId === item.itemId)?.warningDays).toBe(1);
  });

  it('the supervision screens speak English when English is chosen', async () => {
    const page = await e2e.openPage();
    await page.addInitScript(() => localStorage.setItem('tongban.language', 'en'));
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    const shots = process.env.E2E_SHOTS_DIR;
    for (const [path, text] of [
      ['/supervision', 'Electronic supervision board'],
      ['/supervision/orders', 'Supervision orders'],
      ['/supervision/figures', 'Case figures'],
      ['/supervision/dashboard', "Leader's dashboard"],
      ['/supervision/thresholds', 'Warning thresholds and step times'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: text }).waitFor();
      await page.waitForLoadState('networkidle');
      if (shots) await page.screenshot({ path: `${shots}/${path.replace(/\//g, '_')}.png`, fullPage: true });
    }
    await page.goto('/supervision/figures');
    await page.getByRole('columnheader', { name: 'Concluded on time (按时办结率)' }).waitFor();
  });
});
