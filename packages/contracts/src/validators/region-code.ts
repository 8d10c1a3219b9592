/** Province-level prefixes of GB/T 2260 (incl. 台湾 71, 香港 81, 澳门 82). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** 行政区划代码: 6 digits (GB/T 2260) or 12 digits (统计用区划代码, down to village), real province prefix. */
export function isValidRegionCode(code: string): boolean {
  if (!/^(\d{6}|\d{12})$/.test(code)) return false;
  return PROVINCES.has(code.slice(0, 2));
}

/**
 * The significant prefix of a region code: what every code inside the region starts with.
 * 350000 → 35, 350300 → 3503, 350322 → 350322, 350322100000 → 350322100, 350322100201 → 350322100201.
 */
export function regionPrefix(code: string): string {
  if (code.length === 12) {
    if (code.endsWith('000000')) return regionPrefix(code.slice(0, 6));
    if (code.endsWith('000')) return code.slice(0, 9);
    return code;
  }
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `inner` lies within `outer` (a region covers itself and everything below it). */
export function regionCovers(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

/** 1 province, 2 city, 3 county, 4 township, 5 village. */
export function regionLevel(code: string): number {
  const p = regionPrefix(code);
  return p.length === 2 ? 1 : p.length === 4 ? 2 : p.length === 6 ? 3 : p.length === 9 ? 4 : 5;
}
