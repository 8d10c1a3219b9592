import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dbKinds, type TestApp } from './harness';

/** A stand-in for the built app's index.html (the integration tier runs before the web build). */
const TEMPLATE = `<!doctype html><html lang="zh-CN"><head><title>通办 · 政务服务中心</title></head><body><div id="root"></div><script type="module" src="/assets/index-x.js"></script></body></html>`;

const dataBlock = (html: string) => {
  const m = /<script type="application\/json" id="tb-initial">([^<]*)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as { kind: string; guide: unknown }) : null;
};

describe.each(dbKinds())('the public guide page rendered on the server (%s)', (kind) => {
  let t: TestApp;
  let webDist: string;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    webDist = mkdtempSync(path.join(os.tmpdir(), 'tongban-web-'));
    writeFileSync(path.join(webDist, 'index.html'), TEMPLATE);
    (t.deps.config as { webDist: string }).webDist = webDist;
    const list = await call(t.app, 'GET', '/api/public/catalog/items?regionCode=350999');
    itemId = list.body.items[0].itemId;
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends the guide’s name on the first screen and, as page data, exactly what the API replies', async () => {
    const api = await call(t.app, 'GET', `/api/public/catalog/items/${itemId}/guide?lang=zh`);
    const page = await call(t.app, 'GET', `/guide/${itemId}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = String(page.body);
    expect(html).toContain(`<title>${api.body.guide.name} · 办事指南</title>`);
    expect(html).toContain(`<h1 data-testid="guide-title">${api.body.guide.name}</h1>`);
    expect(html).toContain(`事项编码 ${api.body.item.itemCode}`);
    expect(dataBlock(html)).toEqual({ kind: 'guide', guide: api.body });
    // Nothing a public reply leaves out (who drafted or published) rides along in the page.
    expect(html).not.toContain('createdBy');
    expect(html).not.toContain('publishedBy');
  });

  it('answers an unknown item, a malformed id and a language the item lacks with the plain app', async () => {
    for (const url of [
      '/guide/00000000-0000-4000-8000-000000000000',
      '/guide/not-a-uuid',
      `/guide/${itemId}?lang=xx`,
      `/guide/${itemId}?lang=ko`,
    ]) {
      const page = await call(t.app, 'GET', url);
      expect(page.status, url).toBe(200);
      expect(String(page.body), url).toBe(TEMPLATE);
    }
  });
});
