import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { screenshot } from '../fixtures/browser.fixture';
import { solidPng } from '../fixtures/png.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { AppLayoutPage } from '../pages/app-layout.page';
import { LoginPage } from '../pages/login.page';
import { cardTitle, notifications, openDialog, tableRows } from '../pages/antd';

describe('organisation admin screens', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('admin creates a department and sees it in the table', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    const layout = new AppLayoutPage(page);
    await layout.open('departments');
    await page.getByTestId('departments-page').waitFor();
    await tableRows(page).first().waitFor();
    const before = await tableRows(page).count();
    await screenshot(page, 'departments-admin');

    const dialog = await openDialog(page, page.getByTestId('create-button'));
    await page.getByTestId('department-name').fill('测试区退役军人事务局');
    await page.getByTestId('department-short-name').fill('退役军人局');
    await screenshot(page, 'departments-create-modal');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = tableRows(page, '测试区退役军人事务局');
    await row.waitFor();
    expect(await row.innerText()).toContain('退役军人局');
    expect(await tableRows(page).count()).toBeGreaterThanOrEqual(Math.min(before + 1, 20));
    await screenshot(page, 'departments-created');

    // Still there after a reload: it came from the server, not only from the form.
    await page.reload();
    await tableRows(page, '测试区退役军人事务局').waitFor();
  });

  it('a server validation error is shown as the server’s Chinese message', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    await new AppLayoutPage(page).open('regions');
    await page.getByTestId('regions-page').waitFor();
    await tableRows(page).first().waitFor();
    const existing = (await tableRows(page).locator('code').first().innerText()).trim();

    await page.getByTestId('create-button').click();
    await page.getByTestId('region-code').fill(existing);
    await page.getByTestId('region-name').fill('重复的区划');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    const notice = notifications(page);
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('操作失败');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'regions-duplicate-error');
  });

  it('admin uploads a staff photo, and the 公示牌 shows it', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    await new AppLayoutPage(page).open('staff');
    await page.getByTestId('staff-page').waitFor();
    const row = tableRows(page).first();
    await row.waitFor();
    const name = (await row.locator('td').nth(1).innerText()).trim();

    const upload = page.waitForResponse((r) =>
      /\/api\/org\/staff\/[^/]+\/photo$/.test(new URL(r.url()).pathname),
    );
    await row.locator('input[type=file]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: solidPng(96, 128, [29, 78, 216]),
    });
    expect((await upload).status()).toBe(200);
    await page.getByText('照片已上传').waitFor();
    const img = tableRows(page, name).locator('img');
    await img.waitFor();
    const src = await img.getAttribute('src');
    expect(src).toMatch(/^\/files\/[0-9a-f]{64}$/);
    await screenshot(page, 'staff-photo-uploaded');

    // The photo is served, and one of the halls' boards shows it next to the name.
    const served = await page.request.get(src ?? '');
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    const halls = await page.evaluate(async () => {
      const res = await fetch('/api/org/halls');
      return ((await res.json()) as { items: { id: string }[] }).items.map((h) => h.id);
    });
    let shown = false;
    for (const id of halls) {
      await page.goto(`/board/${id}`);
      await page.getByTestId('board-title').waitFor();
      const card = page.getByTestId('board-card').filter({ hasText: name });
      if ((await card.count()) > 0 && (await card.locator(`img[src="${src}"]`).count()) > 0) {
        shown = true;
        await screenshot(page, 'staff-board-photo');
        break;
      }
    }
    expect(shown).toBe(true);
  });

  it('every admin screen renders its table in Chinese', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    const layout = new AppLayoutPage(page);
    const screens = [
      ['halls', '政务服务大厅'],
      ['windows', '窗口'],
      ['staff', '进驻人员'],
      ['users', '用户'],
    ] as const;
    for (const [key, title] of screens) {
      await layout.open(key);
      const card = page.getByTestId(`${key}-page`);
      await card.waitFor();
      await tableRows(page).first().waitFor();
      expect(await cardTitle(card).innerText()).toContain(title);
      await screenshot(page, `${key}-admin`);
    }
  });

  it('users screen: shows a locked-out account, and a password reset lets the user sign in', async () => {
    // Lock approver2 out behind the screen's back: five failed sign-ins.
    for (let i = 1; i <= 5; i++) {
      await fetch(`${e2e.server.baseURL}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'approver2', password: `Wrong-password-${i}` }),
      });
    }
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    await new AppLayoutPage(page).open('users');
    await page.getByTestId('users-page').waitFor();
    const locked = page.getByTestId('locked-approver2');
    await locked.waitFor();
    expect(await locked.innerText()).toMatch(/^锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const row = tableRows(page, 'clerk2');
    const dialog = await openDialog(page, row.getByRole('button', { name: '重置密码' }), /重置密码/);
    await dialog.locator('input[type=password]').fill('short');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('密码至少 10 位').waitFor();
    await dialog.locator('input[type=password]').fill('Qingshi#2027x');
    await screenshot(page, 'users-reset-password');
    const reply = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/reset-password'));
    await dialog.getByRole('button', { name: '保存' }).click();
    expect((await reply).ok()).toBe(true);
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'users-admin-locked');

    const other = await e2e.openPage();
    await new LoginPage(other).signIn('clerk2', 'Qingshi#2027x');
    expect(await new AppLayoutPage(other).userRole.innerText()).toBe('窗口人员');
  });

  it('a request without a session sends the user back to the sign-in page', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    // The session cookie disappears (expired, signed out elsewhere): the next API call gets a 401.
    await page.context().clearCookies();
    // 用户 was not loaded on 首页, so opening it asks the server.
    await new AppLayoutPage(page).open('users');
    await page.getByTestId('login-submit').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await notifications(page).count()).toBe(0);
  });

  it('the English switch translates the shell and persists across reloads', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    const layout = new AppLayoutPage(page);
    await page.getByTestId('language-switch').click();
    await layout.menuItem('departments').getByText('Departments').waitFor();
    expect(await layout.logoutButton.innerText()).toBe('Sign out');
    await page.reload();
    await layout.menu.waitFor();
    expect(await layout.menuItem('departments').innerText()).toBe('Departments');
    await screenshot(page, 'home-admin-en');
    await page.getByTestId('language-switch').click();
    await layout.logoutButton.getByText('退出登录').waitFor();
    expect(await layout.menuItem('departments').innerText()).toBe('部门');
  });
});
