import type { Locator, Page } from 'playwright-core';
import { openDialog } from './antd';

/** The 工作日历 screen (apps/web/src/modules/calendar/pages/calendar-page.tsx). */
export class CalendarPage {
  readonly root: Locator;
  readonly deadlineCard: Locator;
  readonly deadlineDate: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('calendar-page');
    this.deadlineCard = page.getByTestId('deadline-card');
    this.deadlineDate = page.getByTestId('deadline-date');
  }

  /** Opens the screen from the menu (item 工作日历) and waits for the month view to be filled. */
  async openFromMenu(): Promise<void> {
    await this.page.getByTestId('menu-calendar').click();
    await this.root.waitFor();
    await this.page
      .locator('[data-testid^="calendar-day-"][data-status]:not([data-status=""])')
      .first()
      .waitFor();
  }

  day(date: string): Locator {
    return this.page.getByTestId(`calendar-day-${date}`);
  }

  /** An antd DatePicker by its test id: type the date and confirm. */
  async pickDate(testId: string, date: string): Promise<void> {
    const input = this.page
      .locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
      .first();
    await input.click();
    await input.press('ControlOrMeta+a');
    await input.fill(date);
    await input.press('Enter');
  }

  async setWorkingDays(n: number): Promise<void> {
    const input = this.page
      .locator('[data-testid="deadline-n"] input, input[data-testid="deadline-n"]')
      .first();
    await input.fill(String(n));
    await input.press('Tab');
  }

  /** Waits until the 期限计算 card shows `date` as the deadline. */
  async waitForDeadline(date: string): Promise<void> {
    await this.page.waitForFunction(
      (d) => document.querySelector('[data-testid="deadline-date"]')?.textContent?.trim() === d,
      date,
    );
  }

  async addLocalDay(date: string, kind: 'closure' | 'extra_workday', reason: string): Promise<void> {
    const dialog = await openDialog(this.page, this.page.getByTestId('local-day-add'));
    await this.pickDate('local-day-date', date);
    await dialog.getByRole('radio', { name: kind === 'closure' ? /停工/ : /加班/ }).check();
    await this.page.getByTestId('local-day-reason').fill(reason);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
