import type { PublicGuide } from '@tongban/contracts';
import { escapeHtml, type ShellParts } from '../../platform/web-shell';

/** The guide's fixed labels as the web app shows them: Chinese for a Chinese guide, else English. */
const LABELS = {
  zh: { title: '办事指南', itemCode: '事项编码' },
  en: { title: 'Service Guide', itemCode: 'Item code' },
};

/**
 * A public guide's first screen, rendered on the server (issue 14 point 16): the name, the
 * department and the item code, as the guide's own header shows them, so a citizen reads what the
 * page is before the app's scripts have run; the guide itself rides along as the page's data.
 */
export function guideShellParts(data: PublicGuide): ShellParts {
  const { guide, item, lang } = data;
  const htmlLang = lang === 'zh' ? 'zh-CN' : lang;
  const L = LABELS[lang === 'zh' ? 'zh' : 'en'];
  const meta = `${escapeHtml(item.departmentName)} · ${L.itemCode} ${escapeHtml(item.itemCode)}`;
  return {
    title: `${guide.name} · ${L.title}`,
    description: `${guide.name}（${item.departmentName}）`,
    prerender:
      `<header class="tb-prerender-bar"><div><span class="tb-prerender-bar__logo">通</span>${L.title}</div></header>` +
      `<article class="tb-prerender-guide" lang="${htmlLang}">` +
      `<div class="tb-prerender-guide__kicker">${L.title}</div>` +
      `<h1 data-testid="guide-title">${escapeHtml(guide.name)}</h1>` +
      `<div class="tb-prerender-guide__meta">${meta}</div>` +
      `</article>`,
    data: { kind: 'guide', guide: data },
  };
}
