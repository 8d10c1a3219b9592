import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, renderShell } from './web-shell';

const TEMPLATE = `<!doctype html><html><head><title>通办 · 政务服务中心</title>\n    <link rel="modulepreload" crossorigin href="/assets/vendor.js">\n    <link rel="modulepreload" crossorigin href="/assets/page.js">\n    <link rel="stylesheet" crossorigin href="/assets/index.css"></head><body><div id="root"></div><script type="module" src="/assets/index.js"></script></body></html>`;

describe('web shell: a public page rendered into the app’s HTML (issue 14 point 16)', () => {
  it('escapes text for elements and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="a('&')">`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;&amp;&#39;)&quot;&gt;',
    );
  });

  it('writes JSON that cannot end its script element and reads back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: 'a\u2028b\u2029c <!-- & -->' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('fills the title, description, first screen and data block before #root, and nothing else', () => {
    const html = renderShell(TEMPLATE, {
      title: '食品经营许可 · 办事指南',
      description: 'a "quoted" <b>',
      prerender: '<h1>食品经营许可</h1>',
      data: { kind: 'guide', x: '</script>' },
    });
    expect(html).toContain('<title>食品经营许可 · 办事指南</title>');
    expect(html).toContain('<meta name="description" content="a &quot;quoted&quot; &lt;b&gt;" />');
    expect(html).toContain(
      '<div id="tb-prerender"><h1>食品经营许可</h1></div><script type="application/json" id="tb-initial">{"kind":"guide","x":"\\u003c/script\\u003e"}</script><div id="root"></div>',
    );
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
    expect(html.match(/<script/g)).toHaveLength(2);
    // The app's stylesheet does not hold the first screen's paint; the app switches it on.
    expect(html).toContain(
      '<link rel="stylesheet" crossorigin href="/assets/index.css" media="print" data-tb-deferred>',
    );
    // Nor do the chunks the entry imports: no preloads to fetch and compile before the first frame.
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('</title>\n    <link rel="stylesheet"');
  });

  it('leaves the template as it was when a page brings no parts but a title', () => {
    expect(renderShell(TEMPLATE, { title: '通办 · 政务服务中心' })).toBe(TEMPLATE);
  });
});
