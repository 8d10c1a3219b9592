import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CatalogPublicHit, CatalogVersion } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { newPage, screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { confirmPopconfirm, segmentedLabels, statisticValue } from '../pages/antd';

/** An input by test id, whether antd put the id on the <input> or on its wrapper. */
const input = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe('catalog: public guides and the staff 事项目录 (issue 4)', () => {
  let e2e: E2EContext;
  const hit = async (q: string): Promise<CatalogPublicHit> => {
    const res = await fetch(`${e2e.server.baseURL}/api/public/catalog/items?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { items: CatalogPublicHit[] };
    if (!body.items[0]) throw new Error(`no published item for ${q}`);
    return body.items[0];
  };
  /** A page without cookies: what the public sees. */
  const publicPage = async () => (await newPage(e2e.browser, e2e.server.baseURL)).page;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('finds 食品经营许可 by the pinyin initials spjy without sign-in, and shows its guide in Chinese', async () => {
    const page = await publicPage();
    await page.goto('/guide');
    await input(page, 'guide-search').fill('spjy');
    await input(page, 'guide-search').press('Enter');
    await page.getByTestId('guide-hit-name').filter({ hasText: '食品经营许可' }).first().waitFor();
    expect(await page.getByTestId('guide-result-count').innerText()).toContain('spjy');
    expect(new URL(page.url()).pathname).toBe('/guide');
    await screenshot(page, 'catalog-guide-search');

    await page.getByTestId('guide-hit-name').filter({ hasText: '食品经营许可' }).first().click();
    const title = page.getByTestId('guide-title');
    await title.waitFor();
    expect(await title.innerText()).toBe('食品经营许可');
    const doc = page.getByTestId('guide-document');
    expect(await doc.getAttribute('lang')).toBe('zh-CN');
    const text = await doc.innerText();
    for (const label of [
      '申请材料',
      '办理时限',
      '收费标准',
      '办理地点和时间',
      '咨询电话',
      '到现场次数',
      '网办深度',
      '设定依据',
      '办理流程',
    ])
      expect(text, label).toContain(label);
    // The published version 1 (5 days), not the pending draft version 2 (3 days).
    expect(await page.getByTestId('guide-promised').innerText()).toBe('5 个工作日');
    expect(await page.getByTestId('guide-material-row').count()).toBeGreaterThan(3);
    expect(text).toContain('免提交（系统调取电子证照）');
    expect(text).toContain('可容缺受理，后补');
    // Only the languages the item has: 中文 and English.
    const langs = await segmentedLabels(page.getByTestId('guide-lang-switch'));
    expect(langs.map((s) => s.trim())).toEqual(['中文', 'English']);
    await screenshot(page, 'catalog-guide-zh');
  });

  it('shows an English guide with English labels, and a Russian one with English chrome', async () => {
    const hygiene = await hit('公共场所卫生许可');
    const page = await publicPage();
    await page.goto(`/guide/${hygiene.itemId}`);
    await page.getByTestId('guide-title').waitFor();
    await page.getByTestId('guide-lang-switch').getByText('English').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="guide-title"]')?.textContent === 'Public Venue Hygiene License',
    );
    expect(new URL(page.url()).search).toBe('?lang=en');
    const doc = page.getByTestId('guide-document');
    expect(await doc.getAttribute('lang')).toBe('en');
    const text = await doc.innerText();
    for (const label of [
      'Documents required',
      'Time limits',
      'Fees',
      'Where and when',
      'Enquiries',
      'Legal basis',
    ])
      expect(text, label).toContain(label);
    expect(await page.getByTestId('guide-promised').innerText()).toBe('3 working days');
    expect(await page.getByTestId('guide-visits').innerText()).toBe('None (no visit needed)');
    expect(await page.getByTestId('guide-online-level').innerText()).toBe('Fully online');
    expect(await page.getByTestId('guide-print').innerText()).toBe('Print');
    await screenshot(page, 'catalog-guide-en');

    const permit = await hit('居留');
    await page.goto(`/guide/${permit.itemId}?lang=ru`);
    await page.getByTestId('guide-title').waitFor();
    expect(await page.getByTestId('guide-title').innerText()).toContain('Вид на жительство');
    expect(await page.getByTestId('guide-document').innerText()).toContain('Documents required');
    const langs = await segmentedLabels(page.getByTestId('guide-lang-switch'));
    expect(langs.map((s) => s.trim())).toEqual(['中文', 'English', 'Русский', '한국어']);
    await screenshot(page, 'catalog-guide-ru');
  });

  it('renders the A4 print view with the QR code to the online guide, and offers the .docx', async () => {
    const food = await hit('spjy');
    const page = await publicPage();
    await page.goto(`/guide/${food.itemId}`);
    await page.getByTestId('guide-print').click();
    await page.getByTestId('guide-print-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/guide/${food.itemId}/print`);
    await page.getByTestId('guide-title').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="guide-qr"] img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const qr = await fetch(`${e2e.server.baseURL}/api/public/catalog/items/${food.itemId}/qr.svg`);
    expect(qr.headers.get('x-guide-url')).toMatch(new RegExp(`/guide/${food.itemId}$`));
    expect(await page.getByTestId('guide-document').innerText()).toContain('申请材料');
    await screenshot(page, 'catalog-print');
    // What the printer gets: no toolbar.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await screenshot(page, 'catalog-print-media');

    const href = await page.locator('a[href*="guide.docx"]').first().getAttribute('href');
    const docx = await fetch(`${e2e.server.baseURL}${href}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
  });

  it('a supervisor edits a published item: a new draft version appears, the public guide keeps the published one until 发布', async () => {
    const nurse = await hit('护士执业注册');
    const pub = await publicPage();
    const promisedSeen = async () => {
      await pub.goto(`/guide/${nurse.itemId}`);
      await pub.getByTestId('guide-promised').waitFor();
      return pub.getByTestId('guide-promised').innerText();
    };
    expect(await promisedSeen()).toBe('5 个工作日');

    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    expect(await page.getByTestId('menu-catalog').innerText()).toBe('事项目录');
    await page.getByTestId('menu-catalog').click();
    await page.getByTestId('catalog-page').waitFor();
    await page.getByTestId('catalog-item-link').first().waitFor();
    await screenshot(page, 'catalog-list');
    await input(page, 'catalog-search').fill('hszyzc');
    await input(page, 'catalog-search').press('Enter');
    await page.getByTestId('catalog-item-link').filter({ hasText: '护士执业注册' }).click();
    await page.getByTestId('catalog-item-page').waitFor();

    await page.getByTestId('edit-published').click();
    await page.getByTestId('catalog-edit-page').waitFor();
    const promised = input(page, 'field-promised');
    await page.waitForFunction(
      () =>
        (
          document.querySelector(
            '[data-testid="field-promised"] input, input[data-testid="field-promised"]',
          ) as HTMLInputElement | null
        )?.value === '5',
    );
    await promised.fill('4');
    await promised.press('Tab');
    await screenshot(page, 'catalog-edit');
    await page.getByTestId('catalog-save').click();

    await page.getByTestId('item-draft-tag').waitFor();
    expect(await page.getByTestId('item-draft-tag').innerText()).toContain('第 2 版草稿待发布');
    const draftPromised = page.getByTestId('version-view-draft').getByTestId('version-promised');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="version-view-draft"] [data-testid="version-promised"]')
          ?.textContent === '4 个工作日',
    );
    expect(await draftPromised.innerText()).toBe('4 个工作日');
    await screenshot(page, 'catalog-item');
    // The public still sees version 1.
    expect(await promisedSeen()).toBe('5 个工作日');

    await page.getByRole('button', { name: '草稿与发布版对比' }).click();
    await page.getByTestId('catalog-diff-page').waitFor();
    const diff = await page.getByTestId('diff-fields').innerText();
    expect(diff).toContain('承诺办结时限');
    expect(diff).toContain('5 个工作日');
    expect(diff).toContain('4 个工作日');
    await screenshot(page, 'catalog-diff');
    await page.goBack();

    await page.getByTestId('publish').click();
    await confirmPopconfirm(page, '发布');
    await page.getByText('第 2 版已发布').waitFor();
    expect(await promisedSeen()).toBe('4 个工作日');
  });

  it('refuses to publish an incomplete draft and lists what is missing', async () => {
    const api = await apiSignIn(e2e.server.baseURL, 'supervisor');
    const depts = await api.get<{ items: { id: string; name: string }[] }>('/api/org/departments');
    const health = depts.items.find((d) => d.name === '云溪县卫生健康局')!;
    const draft = await api.post<CatalogVersion>('/api/catalog/items', {
      itemCode: 'E2E-INCOMPLETE-1',
      name: '母婴保健技术服务执业许可',
      itemType: 'licensing',
      departmentId: health.id,
    });
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('supervisor', DEMO_PASSWORD);
    await page.goto(`/catalog/${draft.itemId}`);
    await page.getByTestId('publish').click();
    await confirmPopconfirm(page, '发布');
    const missing = page.getByTestId('publish-missing');
    await missing.waitFor();
    const text = await missing.innerText();
    for (const label of ['设定依据', '受理条件', '申请材料', '办理地点']) expect(text).toContain(label);
    await screenshot(page, 'catalog-publish-missing');
  });

  it('shows the 事项统计 figures and imports the exported sheet back without changes', async () => {
    const page = await e2e.openPage();
    await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
    await page.getByTestId('catalog-home-card').waitFor();
    // The figures have arrived (the statistics show values, not skeletons).
    await statisticValue(page.getByTestId('catalog-home-card')).first().waitFor();
    await screenshot(page, 'catalog-home');
    await page.getByTestId('menu-catalog-figures').click();
    await page.getByTestId('catalog-figures-page').waitFor();
    await page.getByTestId('figure-exempt').getByText('民用枪支持枪证件核发').waitFor();
    await page.locator('[data-testid="catalog-figures-page"] canvas').first().waitFor();
    expect(await page.getByTestId('figure-online').innerText()).toMatch(/\d+\.\d%/);
    await page.waitForTimeout(800); // the charts animate in
    await screenshot(page, 'catalog-figures');

    const api = await fetch(`${e2e.server.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const cookie = api.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const sheet = await fetch(`${e2e.server.baseURL}/api/catalog/export.xlsx`, { headers: { cookie } });
    expect(sheet.status).toBe(200);
    const bytes = Buffer.from(await sheet.arrayBuffer());

    await page.getByTestId('menu-catalog').click();
    await page.getByTestId('catalog-page').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'catalog.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/未变化\s*\d+ 项/);
    await screenshot(page, 'catalog-import');
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).last().click();

    // A bad row (承诺时限 999 > 法定) and an unknown department: refused, every problem listed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项')!;
    ws.getRow(4).getCell(9).value = 999;
    ws.getRow(6).getCell(4).value = '不存在的局';
    await page.locator('input[type="file"]').setInputFiles({
      name: 'catalog-bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => /事项\s+4\s+.*承诺时限/.test(r))).toBe(true);
    expect(rows.some((r) => /事项\s+6\s+.*不存在的局/.test(r))).toBe(true);
    expect(await page.getByRole('dialog').innerText()).toContain('未导入任何内容');
    await screenshot(page, 'catalog-import-problems');
  });
});
