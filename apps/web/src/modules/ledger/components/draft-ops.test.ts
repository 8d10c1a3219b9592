import { describe, expect, it } from 'vitest';
import type { Draft } from './draft-model';
import {
  demoteCategory,
  demoteFinding,
  demoteMeasure,
  isLowConfidence,
  mergeCategoryIntoPrevious,
  mergeFindingIntoPrevious,
  mergeMeasureIntoPrevious,
  promoteCategory,
  promoteDescriptionParagraph,
  promoteFinding,
  promoteMeasure,
  splitFinding,
  splitMeasure,
} from './draft-ops';

const src = (line: number, confidence = 0.9) => ({ line, text: `第${line}行`, confidence });
const m = (content: string, line: number) => ({
  content,
  kind: 'deadline' as const,
  leader: '',
  departmentId: null,
  source: src(line),
});

/** What the importer makes of "一、关于X问题的整改 / 1. 2." when it reads 一、 as a category. */
function misread(): Draft {
  return {
    inspection: { kind: 'xuncha', team: '区委第一巡察组', inspectedUnit: '某中心' },
    categories: [
      { key: '一、', title: '关于指南不一致问题的整改', parentKey: null, source: src(3, 0.5) },
      { key: '二、', title: '服务方面', parentKey: null, source: src(9) },
      { key: '二、/（一）', title: '窗口服务', parentKey: '二、', source: src(10) },
    ],
    findings: [
      {
        title: '组织比对指南',
        description: '逐项比对。',
        categoryKey: '一、',
        measures: [],
        source: src(5, 0.5),
      },
      { title: '建立同步机制', description: '', categoryKey: '一、', measures: [], source: src(6, 0.5) },
      {
        title: '态度生硬',
        description: '群众反映。\n一是开展培训',
        categoryKey: '二、/（一）',
        measures: [m('开展培训。建立考核', 12), m('纳入考核', 13)],
        source: src(11),
      },
    ],
  };
}

describe('draft editor operations', () => {
  it('highlights what the importer was unsure of', () => {
    const d = misread();
    expect(d.categories.map((c) => isLowConfidence(c.source))).toEqual([true, false, false]);
    expect(isLowConfidence(undefined)).toBe(false);
  });

  it('demoting a category makes it a finding, and its findings its measures (children follow)', () => {
    const d = demoteCategory(misread(), '一、');
    expect(d.categories.map((c) => c.key)).toEqual(['二、', '二、/（一）']);
    expect(d.findings[0]).toMatchObject({ title: '关于指南不一致问题的整改', categoryKey: null });
    expect(d.findings[0]?.measures.map((x) => x.content)).toEqual([
      '组织比对指南\n逐项比对。',
      '建立同步机制',
    ]);
    // The measures keep their source lines; the element the reviewer moved is now certain.
    expect(d.findings[0]?.measures.map((x) => x.source?.line)).toEqual([5, 6]);
    expect(d.findings[0]?.source?.confidence).toBe(1);
    expect(d.findings).toHaveLength(2);
  });

  it('demoting a category keeps its sub-categories, one level up', () => {
    const d = demoteCategory(misread(), '二、');
    expect(d.categories.find((c) => c.key === '二、/（一）')?.parentKey).toBeNull();
    expect(d.findings.find((f) => f.title === '服务方面')?.measures).toEqual([]);
  });

  it('promoting a finding makes it a category, and its measures its findings', () => {
    const d = promoteFinding(misread(), 2);
    const created = d.categories.at(-1);
    expect(created).toMatchObject({ title: '态度生硬', parentKey: '二、/（一）' });
    const moved = d.findings.filter((f) => f.categoryKey === created?.key);
    expect(moved.map((f) => [f.title, f.description])).toEqual([
      ['开展培训', '群众反映。\n一是开展培训\n建立考核'],
      ['纳入考核', ''],
    ]);
    expect(d.findings).toHaveLength(4);
  });

  it('promoting a sub-category moves it beside its parent, its findings with it', () => {
    const d = promoteCategory(misread(), '二、/（一）');
    expect(d.categories.find((c) => c.key === '二、/（一）')?.parentKey).toBeNull();
    expect(d.findings[2]?.categoryKey).toBe('二、/（一）');
    expect(promoteCategory(d, '二、/（一）')).toBe(d);
  });

  it('demoting a finding makes it a measure of the finding before it in its category', () => {
    const d = demoteFinding(misread(), 1);
    expect(d.findings).toHaveLength(2);
    expect(d.findings[0]?.measures.map((x) => x.content)).toEqual(['建立同步机制']);
    // The first finding of a draft has nothing before it to join.
    const same = misread();
    expect(demoteFinding(same, 0)).toBe(same);
  });

  it('promoting a measure makes it a finding right after its own; demoting one makes it 问题表现', () => {
    const up = promoteMeasure(misread(), 2, 1);
    expect(up.findings[2]?.measures).toHaveLength(1);
    expect(up.findings[3]).toMatchObject({ title: '纳入考核', categoryKey: '二、/（一）', measures: [] });

    const down = demoteMeasure(misread(), 2, 0);
    expect(down.findings[2]?.description).toBe('群众反映。\n一是开展培训\n开展培训。建立考核');
    expect(down.findings[2]?.measures.map((x) => x.content)).toEqual(['纳入考核']);
  });

  it('promoting a paragraph of 问题表现 makes it the first measure', () => {
    const d = promoteDescriptionParagraph(misread(), 2, 1);
    expect(d.findings[2]?.description).toBe('群众反映。');
    expect(d.findings[2]?.measures.map((x) => x.content)).toEqual([
      '一是开展培训',
      '开展培训。建立考核',
      '纳入考核',
    ]);
  });

  it('merges a finding, a measure or a category into the one before it', () => {
    const f = mergeFindingIntoPrevious(misread(), 1);
    expect(f.findings).toHaveLength(2);
    expect(f.findings[0]?.description).toBe('逐项比对。\n建立同步机制');

    const meas = mergeMeasureIntoPrevious(misread(), 2, 1);
    expect(meas.findings[2]?.measures.map((x) => x.content)).toEqual(['开展培训。建立考核\n纳入考核']);

    const c = mergeCategoryIntoPrevious(misread(), '二、');
    expect(c.categories.map((x) => x.key)).toEqual(['一、', '二、/（一）']);
    expect(c.categories[1]?.parentKey).toBe('一、');
  });

  it('splits a measure at its first sentence and a finding at a measure', () => {
    const meas = splitMeasure(misread(), 2, 0);
    expect(meas.findings[2]?.measures.map((x) => x.content)).toEqual(['开展培训。', '建立考核', '纳入考核']);
    // Nothing to split: the draft is returned as it was.
    const d = misread();
    expect(splitMeasure(d, 2, 1)).toBe(d);

    const f = splitFinding(misread(), 2, 1);
    expect(f.findings).toHaveLength(4);
    expect(f.findings[2]?.measures).toHaveLength(1);
    expect(f.findings[3]).toMatchObject({ title: '纳入考核', categoryKey: '二、/（一）' });
  });

  it('never changes the draft it was given', () => {
    const d = misread();
    const before = JSON.stringify(d);
    demoteCategory(d, '一、');
    promoteFinding(d, 2);
    demoteFinding(d, 1);
    promoteMeasure(d, 2, 0);
    mergeMeasureIntoPrevious(d, 2, 1);
    splitMeasure(d, 2, 0);
    expect(JSON.stringify(d)).toBe(before);
  });
});
