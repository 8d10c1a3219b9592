import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hall } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { newPage, screenshot } from '../fixtures/browser.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';

describe('staff 公示牌', () => {
  let e2e: E2EContext;
  let hall: Hall;

  beforeAll(async () => {
    e2e = await setUpE2E();
    const admin = await apiSignIn(e2e.server.baseURL, 'admin');
    const { items } = await admin.get<{ items: Hall[] }>('/api/org/halls');
    const county = items.find((h) => h.level === 'county') ?? items[0];
    if (!county) throw new Error('demo data has no hall');
    hall = county;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the hall’s staff without sign-in', async () => {
    // A 1920×1080 hall screen, no cookies.
    const { context, page } = await newPage(e2e.browser, e2e.server.baseURL, { width: 1920, height: 1080 });
    try {
      await page.goto(`/board/${hall.id}`);
      const title = page.getByTestId('board-title');
      await title.waitFor();
      expect(await title.innerText()).toBe(`人员公示牌 · ${hall.name}`);
      const cards = page.getByTestId('board-card');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      const first = await cards.first().innerText();
      expect(first).toMatch(/号窗口|未安排窗口/);
      expect(new URL(page.url()).pathname).toBe(`/board/${hall.id}`);
      await screenshot(page, 'staff-board');
    } finally {
      await context.close();
    }
  });

  it('an unknown hall shows a Chinese not-found message', async () => {
    const page = await e2e.openPage();
    await page.goto('/board/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('board-error').waitFor();
    expect(await page.getByTestId('board-error').innerText()).toMatch(/[\u4e00-\u9fff]/);
  });
});
