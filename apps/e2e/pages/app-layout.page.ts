import type { Locator, Page } from 'playwright-core';

/** Menu keys of the shell (data-testid `menu-<key>` in apps/web/src/app/menu.tsx). */
export const MENU_KEYS = [
  'home',
  'regions',
  'halls',
  'departments',
  'windows',
  'staff',
  'users',
  'calendar',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export class AppLayoutPage {
  readonly menu: Locator;
  readonly userName: Locator;
  readonly userRole: Locator;
  readonly logoutButton: Locator;

  constructor(private readonly page: Page) {
    this.menu = page.getByTestId('app-menu');
    this.userName = page.getByTestId('current-user-name');
    this.userRole = page.getByTestId('current-user-role');
    this.logoutButton = page.getByTestId('logout');
  }

  menuItem(key: MenuKey): Locator {
    return this.page.getByTestId(`menu-${key}`);
  }

  /** Which of the known menu items are shown. */
  async visibleMenuKeys(): Promise<MenuKey[]> {
    await this.menu.waitFor();
    const shown: MenuKey[] = [];
    for (const key of MENU_KEYS) {
      if (await this.menuItem(key).isVisible()) shown.push(key);
    }
    return shown;
  }

  /** The menu's visible text, item by item. */
  async menuTexts(): Promise<string[]> {
    return (
      await this.menu.locator('.ant-menu-title-content, .ant-menu-item-group-title').allInnerTexts()
    ).map((s) => s.trim());
  }

  async open(key: MenuKey): Promise<void> {
    await this.menuItem(key).click();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await this.page.getByTestId('login-submit').waitFor();
  }
}
