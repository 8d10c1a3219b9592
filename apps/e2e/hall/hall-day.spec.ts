import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { chooseOption, pickDate } from '../pages/antd';
import { LoginPage } from '../pages/login.page';
import { personIdNumber } from '../fixtures/identity.fixture';

/**
 * Issue 19 in the browser: a citizen books a slot and checks in at the kiosk; the clerk calls the
 * ticket, the call screen shows it (server-sent events), the clerk finishes and the window's evaluator
 * pad asks for a rating. A patrol finds an
 * empty window; the 督查告知书 reaches the department head's inbox, is answered and followed up.
 */
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString();

describe('the hall: booking, queue, call screen, patrol (issue 19)', () => {
  let e2e: E2EContext;
  let hallId = '';
  const idNumber = personIdNumber(777);

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('QUE-1 / APT-1: book, check in, called on the screen, finished', async () => {
    // A slot starting in a few minutes (Shanghai time), so the booking can check in now.
    const sup = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const halls = await sup.get<{ halls: { id: string; groups: { id: string; code: string }[] }[] }>(
      '/api/public/hall/halls',
    );
    hallId = halls.halls[0]!.id;
    const groupA = halls.halls[0]!.groups.find((g) => g.code === 'A')!.id;
    let start = new Date(Math.ceil((Date.now() + 6 * 60_000) / 300_000) * 300_000);
    // The demo's slots start on the hour and half hour: this one must not share a start time.
    if (start.getUTCMinutes() % 30 === 0) start = new Date(start.getTime() + 5 * 60_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const [date, from] = [shanghai(start).slice(0, 10), shanghai(start).slice(11, 16)];
    const to = shanghai(end).slice(11, 16);
    // Near midnight the slot would cross days: nothing to book then.
    if (to <= from) return;
    await sup.post('/api/hall/slots', { hallId, groupId: groupA, date, from, to, minutes: 30, capacity: 2 });

    const page = await e2e.openPage();
    await page.goto('/hall/book');
    await chooseOption(page, 'booking-group', '综合受理');
    await pickDate(page, date);
    await page.getByTestId('booking-slots').getByText(from).click();
    await page.getByLabel('姓名').fill('周小满');
    await page.getByLabel('公民身份号码').fill(idNumber);
    await page.getByLabel('手机号').fill('13912345678');
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.getByText('已预约').first().waitFor();
    expect(await page.getByTestId('booking-code').innerText()).toMatch(/^[A-Z0-9]{8}/);

    await page.goto('/hall/kiosk');
    await page.getByTestId('checkin-id').fill(idNumber);
    await page.getByRole('button', { name: '签到取号' }).click();
    const number = (await page.getByTestId('ticket-number').innerText()).trim();
    expect(number).toMatch(/^A\d{3}$/);

    const screen = await e2e.openPage();
    await screen.goto(`/hall/screen/${hallId}`);
    await screen.getByText('叫号').first().waitFor();

    const clerk = await e2e.openPage();
    await new LoginPage(clerk).signIn('clerk', DEMO_PASSWORD);
    await clerk.goto('/hall/console');
    await clerk.getByRole('button', { name: '叫下一号' }).click();
    await clerk.getByTestId('current-ticket').getByText(number).waitFor();
    await screen.getByTestId('latest-call').getByText(number).waitFor({ timeout: 5000 });
    await clerk.getByRole('button', { name: '办结' }).click();
    await clerk.getByText('暂无当前号').waitFor();
    // The evaluator pad at the clerk's window (A02 in the demo) now asks the applicant to rate.
    const pad = await e2e.openPage();
    await pad.goto('/pad/demo-pad-yunxi-A02-0000000001');
    await pad.getByText('请对本次服务进行评价').waitFor();
  });

  it('PAT-1: a patrol finds an empty window; the notice reaches the department head and is followed up', async () => {
    const sup = await e2e.openPage();
    await new LoginPage(sup).signIn('supervisor', DEMO_PASSWORD);
    await sup.goto('/hall/patrol');
    await sup.getByRole('button', { name: '临时加巡一次' }).click();
    await chooseOption(sup, 'problem-kind', '窗口无人');
    await chooseOption(sup, 'problem-window', 'B01');
    await sup.getByRole('button', { name: '记录问题' }).click();
    await sup.getByText('郑可欣').first().waitFor();
    await sup.getByRole('button', { name: '结束巡查' }).first().click();
    await sup.getByText('已完成').first().waitFor();

    const head = await e2e.openPage();
    await new LoginPage(head).signIn('depthead', DEMO_PASSWORD);
    const inbox = (await (await head.request.get('/api/inbox?filter=todo')).json()) as {
      items: { title: string; entityId: string }[];
    };
    const item = inbox.items.find((i) => i.title.includes('督查告知书') && i.title.includes('请于'));
    expect(item).toBeDefined();
    await head.goto('/hall/notices');
    const card = head.getByTestId('notice-card').filter({ hasText: '待整改' }).first();
    await card.getByPlaceholder('整改措施与结果').fill('已排定 B01 替岗人员');
    await card.getByRole('button', { name: '反馈' }).click();
    await head.getByText('已排定 B01 替岗人员').first().waitFor();

    await sup.goto('/hall/notices');
    const replied = sup.getByTestId('notice-card').filter({ hasText: '已排定 B01 替岗人员' }).first();
    await replied.getByPlaceholder('现场复查意见').fill('现场复查 B01 已有人值守');
    await replied.getByRole('button', { name: '通过', exact: true }).click();
    await sup
      .getByTestId('notice-card')
      .filter({ hasText: '现场复查 B01 已有人值守' })
      .getByText('复查通过', { exact: true })
      .waitFor();
  });
});
