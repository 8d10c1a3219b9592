import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { evidenceText, findingText } from './finding-text';

// The modules' real English strings (reviews, and the hall's and evaluations' words it borrows).
const MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const en = Object.assign(
  {},
  ...['reviews', 'hall', 'evaluations'].map(
    (m) => JSON.parse(readFileSync(path.join(MODULES, m, 'locales', 'en.json'), 'utf8')) as object,
  ),
) as Record<string, unknown>;
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en } }, returnNull: false });
const t = (key: string, o?: Record<string, unknown>) => i18n.t(key, o ?? {});

const red = {
  rule: 'red_share_two_months' as const,
  title: '云溪县市场监督管理局连续两月超期办结占比超标（2026-09 25.0%，2026-10 30.0%）',
  description: '某部门连续两个自然月……（阈值 20%）',
  facts: {
    department: '云溪县市场监督管理局',
    from: '2026-09',
    to: '2026-10',
    shareFrom: '25.0%',
    shareTo: '30.0%',
    threshold: 0.2,
  },
};

describe('automatic findings in the UI language', () => {
  it('Chinese shows the stored sentences, which go into the ledger as they are', () => {
    expect(findingText(t, true, red)).toEqual({ title: red.title, description: red.description });
  });

  it('English fills the rule template from the facts; names stay as recorded', () => {
    const { title, description } = findingText(t, false, red);
    expect(title).toBe(
      '云溪县市场监督管理局: overdue share too high two months running (2026-09 25.0%, 2026-10 30.0%)',
    );
    expect(description).toBe(`${t('reviews.labels.ruleDef.red_share_two_months')} (threshold 20%)`);
    expect(description).toMatch(/^In two consecutive calendar months/);
  });

  it('English names the window, or says it was one window or one person, and the patrol problem', () => {
    const base = { title: '同一窗口…', description: '…', rule: 'repeat_complaints_window' as const };
    expect(
      findingText(t, false, {
        ...base,
        facts: { windowNumber: 'A01', windowName: '综合窗口', month: '2026-10', count: 3, threshold: 3 },
      }).title,
    ).toBe('Window A01 综合窗口: repeat complaints in 2026-10 (3)');
    expect(
      findingText(t, false, {
        ...base,
        rule: 'patrol_problem_repeat',
        facts: {
          windowNumber: null,
          windowName: null,
          problem: 'absent',
          month: '2026-10',
          count: 3,
          threshold: 3,
        },
      }).title,
    ).toBe('One person: patrols found “Window unstaffed (脱岗)” 3 times in 2026-10');
  });

  it('a low score keeps the reviewer comment, and its threshold is in points', () => {
    const { title, description } = findingText(t, false, {
      rule: 'low_review_score',
      title: '卷宗评查得分偏低…',
      description: '…',
      facts: {
        caseNo: '350999-20261001-0001',
        total: 52,
        plan: '第三季度评查',
        threshold: 60,
        comment: '缺少签名',
      },
    });
    expect(title).toBe('Low file-review score: case 350999-20261001-0001 scored 52 (第三季度评查)');
    expect(description).toMatch(/\(threshold 60 points\) Reviewer's comment: 缺少签名$/);
  });

  it('a finding opened before its facts were kept shows its stored sentences', () => {
    expect(findingText(t, false, { ...red, facts: null }).title).toBe(red.title);
  });

  it('evidence says what each record is in English, and falls back to the stored line', () => {
    expect(
      evidenceText(t, false, { kind: 'case', id: 'x', label: '超期办件 N1', ref: 'N1', note: 'overdue' }),
    ).toBe('Overdue case N1');
    expect(evidenceText(t, false, { kind: 'rating', id: 'x', label: '差评…', ref: 'A01', note: '1' })).toBe(
      'Bad rating (Very dissatisfied) A01',
    );
    expect(evidenceText(t, false, { kind: 'complaint', id: 'x', label: '工单 W1', ref: 'W1' })).toBe(
      'Work order W1',
    );
    expect(evidenceText(t, false, { kind: 'case', id: 'x', label: '超期办件 N1' })).toBe('超期办件 N1');
    expect(
      evidenceText(t, true, { kind: 'case', id: 'x', label: '超期办件 N1', ref: 'N1', note: 'overdue' }),
    ).toBe('超期办件 N1');
  });
});
