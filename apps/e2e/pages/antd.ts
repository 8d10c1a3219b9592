import type { Locator, Page } from 'playwright-core';

// Ant Design's own class names, in one place: a spec says what it does ("the table's rows",
// "confirm the Popconfirm") and an antd upgrade that renames a class is fixed here once.

/** Where a helper looks: the whole page, or one part of it (a card, a drawer, a test id). */
type Scope = Page | Locator;

/** The option with this text in the Select list that is open now. */
export function selectOption(page: Page, optionText: string): Locator {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText });
}

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
  const option = selectOption(page, optionText).last();
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

/** The body rows of the tables in `scope` (never the header); with `hasText`, those holding it. */
export function tableRows(scope: Scope, hasText?: string | RegExp): Locator {
  return scope.locator('.ant-table-row', hasText === undefined ? {} : { hasText });
}

/** Opens a table row's nested content (its expand icon). */
export async function expandRow(row: Locator): Promise<void> {
  await row.locator('.ant-table-row-expand-icon').click();
}

/** Answers the open Popconfirm by its button (e.g. 发布). */
export async function confirmPopconfirm(page: Page, button: string | RegExp): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: button }).click();
}

/**
 * Presses what opens a dialog (a Modal) and waits for it: the dialog by its role, and by its title
 * when `name` is given. Returns the dialog, for the spec to fill and press its buttons.
 */
export async function openDialog(page: Page, opener: Locator, name?: string | RegExp): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog', name === undefined ? {} : { name });
  await dialog.waitFor();
  return dialog;
}

/** The modal dialog on screen; with `hasText`, the one holding it. */
export function visibleModal(page: Page, hasText?: string | RegExp): Locator {
  return page.locator('.ant-modal:visible', hasText === undefined ? {} : { hasText });
}

/** Waits until no modal is still zooming open: a click during the animation can miss its button. */
export async function modalOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-modal.ant-zoom-appear'));
}

/**
 * Presses the open modal's OK: its footer's primary button, or the footer button named `button`
 * (antd spaces out a two-character label: 确 定).
 */
export async function confirmModal(page: Page, button?: string | RegExp): Promise<void> {
  const footer = page.locator('.ant-modal-footer');
  await (
    button === undefined ? footer.locator('.ant-btn-primary') : footer.getByRole('button', { name: button })
  ).click();
}

/** The first success message (message.success) on screen. */
export function successMessage(page: Page): Locator {
  return page.locator('.ant-message-success').first();
}

/** Notifications (notification.*, where the app shows a refusal) on screen. */
export function notifications(page: Page): Locator {
  return page.locator('.ant-notification-notice');
}

/** The first message or notification of any kind: whatever the screen said last. */
export function anyToast(page: Page): Locator {
  return page.locator('.ant-message-notice, .ant-notification-notice').first();
}

/** The first refusal on screen: an error or warning message, or a notification. */
export function refusalToast(page: Page): Locator {
  return page.locator('.ant-message-error, .ant-message-warning, .ant-notification-notice').first();
}

/** The value of the Statistic(s) in `scope`. */
export function statisticValue(scope: Scope): Locator {
  return scope.locator('.ant-statistic-content-value');
}

/** A card's head: its title and its extra. */
export function cardHead(card: Locator): Locator {
  return card.locator('.ant-card-head');
}

/** A card's title alone. */
export function cardTitle(card: Locator): Locator {
  return card.locator('.ant-card-head-title');
}

/** The Tag(s) in `scope` that read `hasText`. */
export function tag(scope: Scope, hasText: string | RegExp): Locator {
  return scope.locator('.ant-tag', { hasText });
}

/** The Drawer, and its title. */
export function drawer(page: Page): Locator {
  return page.locator('.ant-drawer');
}

export function drawerTitle(d: Locator): Locator {
  return d.locator('.ant-drawer-title');
}

/** The items of a List in `scope`, those holding `hasText`. */
export function listItem(scope: Scope, hasText: string | RegExp): Locator {
  return scope.locator('.ant-list-item').filter({ hasText });
}

/** The choices of a Segmented control, as read on screen. */
export function segmentedLabels(segmented: Locator): Promise<string[]> {
  return segmented.locator('.ant-segmented-item').allInnerTexts();
}

/** The items of a Menu (e.g. the app's side menu, by its test id). */
export function menuItems(menu: Locator): Locator {
  return menu.locator('.ant-menu-item');
}

/** Types a date (YYYY-MM-DD) into the `nth` DatePicker on the page and accepts it with Enter. */
export async function pickDate(page: Page, date: string, nth = 0): Promise<void> {
  const input = page.locator('.ant-picker input').nth(nth);
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

/**
 * Waits until no spinner or loading skeleton shows, for at most `timeout` ms, and goes on either
 * way (a screen that keeps a spinner is for the spec's own checks to catch).
 */
export async function spinnersGone(page: Page, timeout = 10_000): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, {
      timeout,
    })
    .catch(() => undefined);
}
