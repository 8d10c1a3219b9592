import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';

/**
 * Issue 14 point 16, as a browser meets it: the scripts come compressed, hashed assets are cached
 * for a year while the page itself is not, and a public page loads only its own route's code (the
 * charts of the staff dashboards stay out of it). Timings are in `npm run bench:web`.
 */
describe('web delivery: compression, long cache, route splitting (issue 14 point 16)', () => {
  let e2e: E2EContext;

  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the portal first load: compressed immutable scripts, an uncached page, no chart code', async () => {
    const page = await e2e.openPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    const doc = await page.goto('/portal');
    await page.getByTestId('portal-page').waitFor();
    await page.waitForLoadState('networkidle');

    expect(doc!.headers()['cache-control'] ?? '').not.toContain('immutable');
    const scripts = responses.filter(
      (r) => new URL(r.url()).pathname.startsWith('/assets/') && r.url().endsWith('.js'),
    );
    expect(scripts.length).toBeGreaterThan(0);
    let compressed = 0;
    for (const s of scripts) {
      const h = await s.allHeaders();
      expect(h['cache-control'], s.url()).toBe('public, max-age=31536000, immutable');
      // The build compresses every asset of 1 KB or more (apps/web/scripts/precompress.mjs).
      const size = (await s.body()).length;
      if (size >= 1024) expect(['br', 'gzip'], s.url()).toContain(h['content-encoding']);
      if (h['content-encoding']) compressed++;
    }
    expect(compressed).toBeGreaterThan(0);
    expect(scripts.map((s) => new URL(s.url()).pathname).filter((p) => /echart/i.test(p))).toEqual([]);
  });

  it('a public guide is readable before its scripts run, and the app then shows it without asking again', async () => {
    const list = (await (
      await fetch(`${e2e.server.baseURL}/api/public/catalog/items?regionCode=350999`)
    ).json()) as { items: { itemId: string; name: string }[] };
    const item = list.items[0]!;

    // Scripts off: what the server sent is the page a citizen sees first.
    const bare = await e2e.browser.newContext({ baseURL: e2e.server.baseURL, javaScriptEnabled: false });
    const noScript = await bare.newPage();
    await noScript.goto(`/guide/${item.itemId}`);
    await expect(noScript.title()).resolves.toContain('办事指南');
    expect((await noScript.getByTestId('guide-title').textContent())?.trim()).toBeTruthy();
    await bare.close();

    // Scripts on: the app replaces the first screen with the whole guide, one title, no second fetch.
    const page = await e2e.openPage();
    const guideCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/public/catalog/items/${item.itemId}/guide`)) guideCalls.push(r.url());
    });
    await page.goto(`/guide/${item.itemId}`);
    await page.getByTestId('guide-document').waitFor();
    await expect(page.getByTestId('guide-title').count()).resolves.toBe(1);
    expect(await page.locator('#tb-prerender').count()).toBe(0);
    expect(guideCalls).toEqual([]);
  });
});
