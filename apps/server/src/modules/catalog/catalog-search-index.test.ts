import { describe, expect, it } from 'vitest';
import { searchEntries, type SearchEntry } from './catalog-search-index';

const entry = (over: Partial<SearchEntry>): SearchEntry => ({
  versionId: 'v',
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
    expect(searchEntries(entries, { q: '许可' }, 20, 0)).toEqual({ total: 2, ids: ['a', 'b'] });
  });
  it('pages after filtering and counts every match', () => {
    expect(searchEntries(entries, {}, 1, 1)).toEqual({ total: 3, ids: ['b'] });
  });
  it('like SQL, a missing value never passes a filter on it', () => {
    expect(searchEntries(entries, { maxVisits: 1 }, 20, 0).ids).toEqual(['a', 'b']);
    expect(searchEntries(entries, { onlineLevel: 'full_online' }, 20, 0).ids).toEqual(['a', 'b']);
  });
});
