import { creditCodeCheckChar } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { chooseOption, refusalToast } from '../pages/antd';
import { LoginPage } from '../pages/login.page';

/**
 * Issue 22 in the browser: a project registered, bids and deposits recorded; a panel drawn (sealed)
 * and opened by the supervisor, replayed from its seed; the award sent after publicity and the
 * contract signed, the refund clocks running; an overdue refund shown red; an intermediary registers
 * and is chosen by random draw.
 */
describe('public resource trading (issue 22)', () => {
  let e2e: E2EContext;
  let clerk: Page;
  let sup: Page;
  const go = (page: Page, path: string) => page.goto(`${e2e.server.baseURL}${path}`);
  const openProject = async (page: Page, name: string) => {
    await go(page, '/trading');
    await page.getByRole('link', { name: /^JY/ }).first().waitFor();
    await page.locator('tr', { hasText: name }).getByRole('link').click();
    await page.getByTestId('project-status').waitFor();
  };
  const act = async (page: Page, action: string) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-confirm').click();
  };
  const status = (page: Page, text: string) =>
    page.getByTestId('project-status').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    e2e = await setUpE2E();
    clerk = await e2e.openPage();
    await new LoginPage(clerk).signIn('clerk', DEMO_PASSWORD);
    sup = await e2e.openPage();
    await new LoginPage(sup).signIn('supervisor', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('registers a project and records a bid and its deposit', async () => {
    await go(clerk, '/trading');
    await clerk.getByTestId('register-project').click();
    await clerk.getByLabel('项目名称').fill('浏览器测试：城西公园绿化工程');
    await clerk.getByLabel('招标人（采购人、转让方）').fill('云溪县园林管理中心');
    await clerk.getByLabel('估算价（元）').fill('1000000');
    await clerk.getByTestId('register-ok').click();
    await status(clerk, '登记');
    await clerk.getByTestId('action-announce').click();
    await clerk.getByTestId('bid-deadline').click();
    await clerk.getByTestId('bid-deadline').fill('2099-01-10 10:00:00');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('action-confirm').click();
    await status(clerk, '招标公告中');
    await clerk.getByTestId('bid-name').fill('城西园林绿化有限公司');
    await clerk.getByTestId('bid-submit').click();
    await clerk.locator('td', { hasText: '城西园林绿化有限公司' }).first().waitFor();
    await chooseOption(clerk, 'deposit-bidder', '城西园林绿化有限公司');
    await clerk.getByTestId('deposit-amount').fill('20000');
    await clerk.getByTestId('deposit-account').fill('6222020400123456');
    await clerk.getByTestId('deposit-submit').click();
    await clerk.getByTestId('deposit-status-held').waitFor();
  });

  it('BID-1: draws a sealed panel the supervisor opens; the draw replays from its seed', async () => {
    await openProject(clerk, '溪南片区污水管网工程');
    await clerk.getByTestId('commit-draw').click();
    await clerk.getByTestId('seed-hash').waitFor();
    await clerk.getByTestId('run-draw').click();
    await clerk.getByTestId('sealed').waitFor();
    expect(await clerk.getByTestId('open-draw').count()).toBe(0);
    await openProject(sup, '溪南片区污水管网工程');
    await sup.getByTestId('open-draw').click();
    const opened = await Promise.race([
      sup
        .getByTestId('seed')
        .waitFor()
        .then(() => 'opened'),
      // The success message (名单已开启) may come before the seed is drawn: only a refusal ends the wait.
      refusalToast(sup)
        .waitFor()
        .then(() => refusalToast(sup).innerText()),
    ]);
    expect(opened).toBe('opened');
    await sup.getByTestId('replay-draw').click();
    expect(await sup.getByTestId('replay-result').innerText()).toContain('复现结果与记录一致');
    await screenshot(sup, 'trading-draw-opened');
    await openProject(clerk, '溪南片区污水管网工程');
    await act(clerk, 'start_evaluation');
    await status(clerk, '评标中');
  });

  it('BID-3 / BID-2: the award after publicity and the contract start the refund clocks; overdue refunds are red', async () => {
    await openProject(clerk, '县档案馆密集架采购');
    // BID-3: a complaint within its 10 days holds the award until the supervision answers it with reasons.
    await clerk.getByTestId('action-award').waitFor();
    await clerk.getByTestId('complaint-complainant').fill('浏览器测试投诉单位');
    await clerk.getByTestId('complaint-grounds').fill('对评分有异议');
    await clerk.getByTestId('complaint-submit').click();
    await clerk.locator('td', { hasText: '浏览器测试投诉单位' }).waitFor();
    await clerk.getByTestId('action-award').waitFor({ state: 'detached' });
    await openProject(sup, '县档案馆密集架采购');
    await sup.getByTestId('complaint-refuse').click();
    await sup.getByTestId('complaint-reason').fill('投诉人不是投标人或其他利害关系人');
    await sup.getByTestId('complaint-confirm').click();
    await sup.locator('td', { hasText: '投诉人不是投标人或其他利害关系人' }).waitFor();
    await screenshot(sup, 'trading-complaint-answered');
    await clerk.reload();
    await clerk.getByTestId('action-award').click();
    await chooseOption(clerk, 'winner', '有限公司');
    await clerk.getByTestId('action-confirm').click();
    await status(clerk, '已发中标通知');
    await act(clerk, 'sign_contract');
    await status(clerk, '已签合同');
    await clerk.getByTestId('deposit-status-due').first().waitFor();
    await go(sup, '/trading/deposits');
    const red = sup.getByTestId('deposit-status-overdue').first();
    await red.waitFor();
    expect(await red.evaluate((el) => el.closest('tr')?.getAttribute('style') ?? '')).toContain('background');
    await screenshot(sup, 'trading-deposits-board');
  });

  it('an intermediary registers itself and is chosen by random draw', async () => {
    const pub = await e2e.openPage();
    await go(pub, '/public/market');
    const first = '91350999MA5000001';
    await pub.getByTestId('im-name').fill('浏览器测试房屋鉴定所');
    await pub.getByTestId('im-credit').fill(first + creditCodeCheckChar(first)!);
    await pub.getByTestId('im-licence').fill('闽鉴定2026-001');
    await pub.getByLabel('检测').uncheck();
    await pub.getByLabel('鉴定').check();
    await pub.getByTestId('im-submit').click();
    await pub.getByTestId('registered').waitFor();

    await go(clerk, '/intermediaries');
    await clerk.getByTestId('new-purchase').click();
    await clerk.getByTestId('purchase-title').fill('浏览器测试：危房鉴定');
    await chooseOption(clerk, 'purchase-kind', '鉴定');
    await clerk.getByTestId('purchase-budget').fill('30000');
    await clerk.getByTestId('purchase-ok').click();
    const row = clerk.locator('tr', { hasText: '浏览器测试：危房鉴定' });
    await row.getByRole('button', { name: '随机抽取' }).click();
    await row.filter({ hasText: '浏览器测试房屋鉴定所' }).waitFor();
  });
});
