import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The built web app's index.html with a page's own parts filled in on the server, for the public
 * pages a citizen opens from a search engine or a QR code on paper (issue 14 point 16): the title and
 * the page's first screen arrive with the HTML, before the scripts, and the page's data comes in a
 * JSON data block (never executed, so the CSP keeps scripts to 'self') that the app reads instead of
 * asking for it again.
 */
export type ShellParts = {
  /** The document title. */
  title: string;
  description?: string;
  /** Static markup shown until the app mounts (`#tb-prerender`, removed by the page). */
  prerender?: string;
  /** Page data for the app, read from `<script type="application/json" id="tb-initial">`. */
  data?: unknown;
};

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * JSON safe inside a <script> data block: no `<` (so no `</script>` or `<!--`), and the two line
 * separators JavaScript once treated as line ends, escaped as \u sequences JSON.parse reads back.
 */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Fills a page's parts into the app's index.html (pure: the template is the built file's text). */
export function renderShell(template: string, parts: ShellParts): string {
  let html = template.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(parts.title)}</title>`);
  if (parts.description !== undefined)
    html = html.replace(
      '</head>',
      `<meta name="description" content="${escapeHtml(parts.description)}" />\n</head>`,
    );
  const before = [
    parts.prerender === undefined ? '' : `<div id="tb-prerender">${parts.prerender}</div>`,
    parts.data === undefined
      ? ''
      : `<script type="application/json" id="tb-initial">${jsonForScript(parts.data)}</script>`,
  ].join('');
  html = html.replace('<div id="root"></div>', `${before}<div id="root"></div>`);
  if (parts.prerender === undefined) return html;
  // A page with its own first screen paints it at once:
  // - the app's stylesheet stops blocking the paint (media="print" until the app switches it on,
  //   main.tsx; the first screen is styled inline);
  // - no modulepreload links: Chromium fetched and compiled the ~75 chunks they name on its main
  //   thread before it painted the first frame, so the prerendered title waited behind ~1.7 MB of
  //   script on a busy machine (bench:web). The entry script still imports them, so the browser
  //   fetches them all the same, after the first paint, with no extra round: the entry imports
  //   nearly all of them itself.
  return html
    .replace(/<link rel="stylesheet"([^>]*)>/g, '<link rel="stylesheet"$1 media="print" data-tb-deferred>')
    .replace(/[ \t]*<link rel="modulepreload"[^>]*>\n?/g, '');
}

let cached: { dir: string; template: string } | undefined;

/** The built index.html, read once per process; undefined when the web app is not built. */
export function shellTemplate(webDist: string): string | undefined {
  if (cached?.dir === webDist) return cached.template;
  try {
    const template = readFileSync(path.join(webDist, 'index.html'), 'utf8');
    cached = { dir: webDist, template };
    return template;
  } catch {
    return undefined;
  }
}
