import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineResult } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { CalendarPage } from '../pages/calendar.page';
import { LoginPage } from '../pages/login.page';

const REGION = '350999';

/** Today in Asia/Shanghai, as the browser (timezone Asia/Shanghai) sees it. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('working-day calendar (CAL-1, CAL-2)', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('CAL-2: a supervisor adds a closure on a working day and the 期限计算 deadline spanning it moves by one working day', async () => {
    // What the calendar says before the closure, from the API: the deadline of 5 working days from
    // today, the first working day after today (where the closure goes), and the 6th working day.
    const api = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const today = shanghaiToday();
    const deadline = (n: number) =>
      api.get<DeadlineResult>(`/api/calendar/deadline?regionCode=${REGION}&start=${today}&n=${n}`);
    const closureDay = (await deadline(1)).deadline;
    const before = (await deadline(5)).deadline;
    const sixth = (await deadline(6)).deadline;
    expect(before < sixth).toBe(true);

    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    expect(await page.getByTestId('menu-calendar').innerText()).toBe('工作日历');
    const calendar = new CalendarPage(page);
    await calendar.openFromMenu();
    expect(await calendar.day(today).count()).toBe(1);

    await calendar.setWorkingDays(5);
    await calendar.waitForDeadline(before);
    await screenshot(page, 'calendar-before-closure');

    await calendar.addLocalDay(closureDay, 'closure', '台风“海葵”过境停工');
    await page.getByText(`已新增 ${closureDay} 的本地调整`).waitFor();

    // CAL-2 (ADR 0001): the deadline is derived from the calendar as it is now — one working day later.
    await calendar.waitForDeadline(sixth);
    const note = page.getByTestId(`deadline-note-${closureDay}`);
    await note.waitFor();
    expect(await note.innerText()).toContain('台风“海葵”过境停工');
    expect(await note.innerText()).toContain('不计');
    if (closureDay.slice(0, 7) === today.slice(0, 7)) {
      expect(await calendar.day(closureDay).getAttribute('data-status')).toBe('closure');
    }
    await screenshot(page, 'calendar-after-closure');

    // Removing it moves the deadline back.
    const item = page.getByTestId(`local-day-${closureDay}`);
    if (closureDay.slice(0, 7) === today.slice(0, 7)) {
      await item.getByRole('button', { name: /删除/ }).click();
      await page.getByRole('button', { name: '删除', exact: true }).last().click();
      await calendar.waitForDeadline(before);
    }
  });
});
