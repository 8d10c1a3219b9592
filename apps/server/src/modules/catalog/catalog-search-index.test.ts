import { describe, expect, it } from 'vitest';
import { searchEntries, type SearchEntry } from './catalog-search-index';

const entry = (over: Partial<SearchEntry>): SearchEntry => ({
  versionId: 'v',
  itemId: 'i',
  itemCode: 'C',
  departmentName: '云溪县市场监督管理局',
  handling: 'promised',
  promisedLimitDays: 5,
  languages: ['zh'],
  regionCode: '350999',
  name: '食品经营许可',
  namePinyin: 'shipinjingyingxuke',
  namePinyinInitials: 'spjyxk',
  departmentId: 'd1',
  itemType: 'licensing',
  onlineLevel: 'full_online',
  maxVisits: 0,
  ...over,
});

describe('public catalog search index', () => {
  const entries = [
    entry({ versionId: 'a' }),
    entry({
      versionId: 'b',
      name: '药品零售许可',
      namePinyin: 'yaopinlingshouxuke',
      namePinyinInitials: 'yplsxk',
      maxVisits: 1,
    }),
    entry({
      versionId: 'c',
      name: '结婚登记',
      namePinyin: 'jiehundengji',
      namePinyinInitials: 'jhdj',
      maxVisits: null,
      onlineLevel: null,
    }),
  ];
  it('finds by pinyin initials or full pinyin, and by name', () => {
    expect(searchEntries(entries, { pinyin: 'spjy' }, 20, 0).ids).toEqual(['a']);
    expect(searchEntries(entries, { pinyin: 'xuke' }, 20, 0).ids).toEqual(['a', 'b']);
    expect(searchEntries(entries, { q: '许可' }, 20, 0)).toMatchObject({ total: 2, ids: ['a', 'b'] });
  });
  it('pages after filtering and counts every match', () => {
    expect(searchEntries(entries, {}, 1, 1)).toMatchObject({ total: 3, ids: ['b'] });
  });
  it('agrees with a plain includes() filter on generated data, including matches at entry edges', () => {
    const words = ['食品', '经营', '许可', '药品', '登记', '变更', '注销'];
    const many = Array.from({ length: 300 }, (_, i) =>
      entry({
        versionId: String(i).padStart(4, '0'),
        name: words[i % 7]! + words[(i * 3) % 7]! + words[(i * 5) % 7]!,
        namePinyin: `py${i % 11}x${i % 13}`,
        namePinyinInitials: `i${i % 17}`,
        departmentId: i % 2 ? 'd1' : 'd2',
      }),
    );
    for (const q of ['许可', '品经', '可药', '登记注销', '食', '不存在']) {
      const expected = many
        .filter((e) => e.name.includes(q) && e.departmentId === 'd1')
        .map((e) => e.versionId);
      expect(searchEntries(many, { q, departmentId: 'd1' }, 1000, 0).ids, q).toEqual(expected);
    }
    for (const p of ['py1', 'x1', 'i1', '1']) {
      const expected = many
        .filter((e) => e.namePinyin.includes(p) || e.namePinyinInitials.includes(p))
        .map((e) => e.versionId);
      expect(searchEntries(many, { pinyin: p }, 1000, 0)).toMatchObject({
        total: expected.length,
        ids: expected,
      });
    }
  });
  it('like SQL, a missing value never passes a filter on it', () => {
    expect(searchEntries(entries, { maxVisits: 1 }, 20, 0).ids).toEqual(['a', 'b']);
    expect(searchEntries(entries, { onlineLevel: 'full_online' }, 20, 0).ids).toEqual(['a', 'b']);
  });
});
