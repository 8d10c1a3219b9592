import { pinyin } from 'pinyin-pro';

/**
 * Search keys of an item name: full pinyin without tones or spaces (shipinjingyingxuke) and the
 * initials (spjyxk), lower case; latin letters and digits in the name are kept as they are (ICP).
 * pinyin-pro picks the reading of 多音字 from context (银行 → yinhang).
 */
export function namePinyin(name: string): { full: string; initials: string } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const full = pinyin(name, opts).map(clean).join('');
  const initials = pinyin(name, { ...opts, pattern: 'first' })
    .map(clean)
    .join('');
  return { full, initials };
}

/** A query typed in latin letters may be pinyin; anything else is matched against the name only. */
export function pinyinQuery(q: string): string | undefined {
  const s = q.toLowerCase().replace(/[\s']/g, '');
  return /^[a-z0-9]+$/.test(s) && /[a-z]/.test(s) ? s : undefined;
}
