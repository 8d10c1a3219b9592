import type { Page } from 'playwright-core';

/**
 * Picks an option of an antd Select by its test id, typing `search` first when given. A click on an
 * option while the list is still opening or reloading its options is sometimes lost (seen in CI
 * under load: the list stays open, nothing chosen); then it is clicked again. Clicking a chosen
 * option again chooses it again, so a click that did count does no harm.
 */
export async function chooseOption(
  page: Page,
  selectTestId: string,
  optionText: string,
  search?: string,
): Promise<void> {
  const select = page.getByTestId(selectTestId);
  await select.click();
  if (search !== undefined) await select.locator('input').fill(search);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .last();
  const closed = (timeout: number) =>
    page
      .waitForFunction(
        () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
        undefined,
        { timeout },
      )
      .then(
        () => true,
        () => false,
      );
  await option.click();
  for (let attempt = 1; !(await closed(3000)); attempt++) {
    if (attempt > 4)
      throw new Error(`the list of ${selectTestId} stayed open after choosing “${optionText}”`);
    await option.click({ timeout: 2000 }).catch(() => undefined);
  }
}
