/**
 * What the server filled into a public page's HTML (apps/server/src/platform/web-shell.ts): a JSON
 * data block `#tb-initial` with the page's data, and `#tb-prerender`, the page's first screen shown
 * until the app has drawn its own.
 */
type Initial = { kind: string; [key: string]: unknown };

/** When the page's HTML arrived: its data is as fresh as that. */
export const pageLoadedAt = Date.now();

let initial: Initial | null | undefined;

/** The page's data block, parsed once; null when the server sent none (or it is unreadable). */
export function initialData(): Initial | null {
  if (initial !== undefined) return initial;
  const text = document.getElementById('tb-initial')?.textContent;
  try {
    initial = text ? (JSON.parse(text) as Initial) : null;
  } catch {
    initial = null;
  }
  return initial;
}

/** Removes the server's first screen once the app shows the page itself. */
export function dropPrerender(): void {
  document.getElementById('tb-prerender')?.remove();
}
