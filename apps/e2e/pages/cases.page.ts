import type { Locator, Page } from 'playwright-core';

/** Helpers for the case screens (apps/web/src/modules/cases). */
export class CasesPage {
  constructor(private readonly page: Page) {}

  /** Picks an option of an antd Select by its test id, typing `search` first when given. */
  async choose(selectTestId: string, optionText: string, search?: string): Promise<void> {
    const select = this.page.getByTestId(selectTestId);
    await select.click();
    if (search !== undefined) await select.locator('input').fill(search);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
      .last()
      .click();
    // The next choice must not hit this dropdown while it fades out.
    await this.page.waitForFunction(
      () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
    );
  }

  /** The visible dialog's OK button (the action dialogs share `action-ok`). */
  get ok(): Locator {
    return this.page.locator('[data-testid="action-ok"]:visible');
  }

  get dialog(): Locator {
    return this.page.locator('.ant-modal:visible');
  }

  async openCase(caseId: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.page.getByTestId('case-detail-page').waitFor();
  }

  /** Presses an action button of the case and waits for its dialog. */
  async startAction(key: string): Promise<void> {
    await this.page.getByTestId(`action-${key}`).click();
    await this.dialog.waitFor();
  }

  /** Confirms the dialog and waits for it to close (the action succeeded). */
  async confirm(): Promise<void> {
    await this.ok.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Confirms the dialog and returns the refusal shown inside it. */
  async confirmExpectingError(): Promise<string> {
    await this.ok.click();
    const error = this.page.getByTestId('action-error');
    await error.waitFor();
    return (await error.innerText()).trim();
  }

  async status(): Promise<string> {
    return (
      await this.page
        .locator('[data-testid="case-detail-page"] [data-testid="case-status"]')
        .first()
        .innerText()
    ).trim();
  }

  async waitForStatus(label: string): Promise<void> {
    await this.page.waitForFunction(
      (l) =>
        document
          .querySelector('[data-testid="case-detail-page"] [data-testid="case-status"]')
          ?.textContent?.trim() === l,
      label,
    );
  }
}
