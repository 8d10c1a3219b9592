import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { menuItems } from '../pages/antd';

describe('the shell as a person meets it (issue 14, point 12)', () => {
  let e2e: E2EContext;
  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a signed-out visit to a page returns there, query included, after sign-in', async () => {
    const page = await e2e.openPage();
    await page.goto('/calendar?from=link');
    await page.waitForURL('**/login');
    const login = new LoginPage(page);
    await login.submitCredentials('supervisor', DEMO_PASSWORD);
    await page.getByTestId('calendar-page').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/calendar?from=link');
  });

  it('the sign-in page never sends anyone to another site', async () => {
    const page = await e2e.openPage();
    await page.goto('/login');
    // As a crafted link would leave it in the history state.
    await page.evaluate(() =>
      history.replaceState({ usr: { from: '//evil.example/x' }, key: 'x', idx: 0 }, ''),
    );
    await page.reload();
    await new LoginPage(page).submitCredentials('clerk', DEMO_PASSWORD);
    await page.getByTestId('home-role').waitFor();
    expect(new URL(page.url()).host).toBe(new URL(e2e.server.baseURL).host);
  });

  it('the page fills the window, and the collapse button never covers the last menu item', async () => {
    const page = await e2e.openPage();
    await page.setViewportSize({ width: 1280, height: 640 });
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
    expect(margin).toBe('0px');
    const sider = await page.getByTestId('app-sider').boundingBox();
    expect(sider?.x).toBe(0);
    expect(sider?.y).toBe(0);
    const last = menuItems(page.getByTestId('app-menu')).last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    // What is drawn at the middle of the last item is the item, not the collapse bar.
    const hit = await page.evaluate(
      ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.ant-menu-item'),
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe(true);
    await screenshot(page, 'layout-admin-menu-scrolled');
  });
});
