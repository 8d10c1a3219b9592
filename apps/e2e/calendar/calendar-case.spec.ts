import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, DeadlineResult } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { CalendarPage } from '../pages/calendar.page';
import { LoginPage } from '../pages/login.page';

const REGION = '350999';
/** The demo case under review (accepted two days ago; apps/server/src/demo/seed-cases-demo.ts). */
const OPEN_CASE_ID = 'ca5e0000-0000-4000-8000-000000000004';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('CAL-2: a local closure moves an open case deadline', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a supervisor adds a closure on the 工作日历 page and the case list and detail show the deadline one working day later', async () => {
    const api = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const before = await api.get<CaseDetail>(`/api/cases/${OPEN_CASE_ID}`);
    expect(before.status).toBe('accepted');
    const deadline = before.clock!.deadline;
    // The closure goes on the first working day after today, which lies before the deadline.
    const closureDay = (
      await api.get<DeadlineResult>(
        `/api/calendar/deadline?regionCode=${REGION}&start=${shanghaiToday()}&n=1`,
      )
    ).deadline;
    expect(closureDay <= deadline).toBe(true);
    const expected = (
      await api.get<DeadlineResult>(`/api/calendar/deadline?regionCode=${REGION}&start=${deadline}&n=1`)
    ).deadline;
    expect(expected > deadline).toBe(true);

    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    const row = () => page.locator('[data-testid="case-table"] tr', { hasText: before.caseNo });
    await page.getByTestId('menu-cases').click();
    await page.getByTestId('case-list-page').waitFor();
    await page.getByTestId('case-filter-q').locator('input').fill(before.caseNo);
    await page.getByTestId('case-filter-q').locator('input').press('Enter');
    await row().waitFor();
    expect(await row().getByTestId('clock-deadline').innerText()).toBe(deadline);
    await screenshot(page, 'cases-calendar-before');

    const calendar = new CalendarPage(page);
    await calendar.openFromMenu();
    await calendar.addLocalDay(closureDay, 'closure', '台风“海葵”过境停工');
    await page.getByText(`已新增 ${closureDay} 的本地调整`).waitFor();

    // CAL-2: deadlines are derived from the calendar as it is now.
    await page.goto(`/cases/${OPEN_CASE_ID}`);
    const shown = page.getByTestId('case-deadline');
    await shown.waitFor();
    expect(await shown.getAttribute('data-deadline')).toBe(expected);
    expect(await shown.innerText()).toContain(expected);
    await page.goto('/cases');
    await page.getByTestId('case-filter-q').locator('input').fill(before.caseNo);
    await page.getByTestId('case-filter-q').locator('input').press('Enter');
    await page.waitForFunction(
      ({ no, d }) =>
        Array.from(document.querySelectorAll('[data-testid="case-table"] tr')).some(
          (tr) =>
            tr.textContent?.includes(no) &&
            tr.querySelector('[data-testid="clock-deadline"]')?.textContent === d,
        ),
      { no: before.caseNo, d: expected },
    );
    await screenshot(page, 'cases-calendar-after');
  });
});
