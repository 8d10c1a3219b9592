/**
 * The drafts started in this browser (issue 14, point 5): their codes are the only way back in, so
 * the browser keeps them for the applicant's home. Nothing else of the draft is kept here.
 */
const KEY = 'tongban.myDrafts';

export type RememberedDraft = { token: string; savedAt: string };

export function rememberedDrafts(): RememberedDraft[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? (v as RememberedDraft[]).filter((d) => typeof d?.token === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberDraft(token: string): void {
  try {
    const rest = rememberedDrafts().filter((d) => d.token !== token);
    localStorage.setItem(
      KEY,
      JSON.stringify([{ token, savedAt: new Date().toISOString() }, ...rest].slice(0, 20)),
    );
  } catch {
    /* storage unavailable: the draft code on screen is still the way back */
  }
}
