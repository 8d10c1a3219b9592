import type { LedgerDraft } from '@tongban/contracts';

export type Draft = LedgerDraft;
export type DraftCategory = Draft['categories'][number];
export type DraftFinding = Draft['findings'][number];
export type DraftMeasure = DraftFinding['measures'][number];

const CN = '一二三四五六七八九';

export function cnOrdinal(n: number): string {
  if (n < 10) return CN[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN[tens - 1] ?? '')}十${ones ? (CN[ones - 1] ?? '') : ''}`;
}

/** 一、 / （一） / 1. / （1） by depth, as the saved ledger numbers its categories. */
export function categoryLabel(depth: number, position: number): string {
  if (depth === 0) return `${cnOrdinal(position)}、`;
  if (depth === 1) return `（${cnOrdinal(position)}）`;
  if (depth === 2) return `${position}.`;
  return `（${position}）`;
}

export type LabelledCategory = DraftCategory & { depth: number; label: string };

/** The draft's categories depth-first (parents before children) with their numbering. */
export function labelCategories(categories: DraftCategory[]): LabelledCategory[] {
  const out: LabelledCategory[] = [];
  const keys = new Set(categories.map((c) => c.key));
  const walk = (parentKey: string | null, depth: number) => {
    categories
      .filter((c) => (c.parentKey && keys.has(c.parentKey) ? c.parentKey : null) === parentKey)
      .forEach((c, i) => {
        out.push({ ...c, depth, label: categoryLabel(depth, i + 1) });
        walk(c.key, depth + 1);
      });
  };
  walk(null, 0);
  return out;
}

/**
 * Findings in reading order (by their category's place, then as listed): the order the ledger
 * numbers them 1, 2, 3… when saved.
 */
export function orderFindings(draft: Draft): { finding: DraftFinding; index: number }[] {
  const order = new Map(labelCategories(draft.categories).map((c, i) => [c.key, i]));
  const rank = (f: DraftFinding) =>
    f.categoryKey && order.has(f.categoryKey) ? order.get(f.categoryKey)! : Number.MAX_SAFE_INTEGER;
  return draft.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index);
}

/** What is sent: findings in reading order, categories parents-first, empty optional text dropped. */
export function draftForSave(draft: Draft): Draft {
  const clean = <T extends Record<string, unknown>>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
  return {
    inspection: clean({ ...draft.inspection }),
    categories: labelCategories(draft.categories).map((c) => ({
      key: c.key,
      title: c.title,
      parentKey: c.parentKey ?? null,
    })),
    findings: orderFindings(draft).map(({ finding }) => ({
      ...clean({ ...finding, measures: undefined }),
      measures: finding.measures.map((m) => clean({ ...m })),
    })) as Draft['findings'],
    ...(draft.narratives ? { narratives: clean({ ...draft.narratives }) } : {}),
  };
}

/** Problems the reviewer can fix before asking the server; in the screen's words. */
export function checkDraft(draft: Draft): string[] {
  const problems: string[] = [];
  if (!draft.inspection.team?.trim()) problems.push('请填写巡察组');
  if (!draft.inspection.inspectedUnit?.trim()) problems.push('请填写被巡察单位');
  if (draft.findings.length === 0) problems.push('至少需要一个问题');
  draft.categories.forEach((c) => {
    if (!c.title.trim()) problems.push('有问题类别未填写名称');
  });
  orderFindings(draft).forEach(({ finding }, n) => {
    if (!finding.title.trim()) problems.push(`第 ${n + 1} 个问题未填写问题名称`);
    finding.measures.forEach((m, k) => {
      if (!m.content.trim()) problems.push(`第 ${n + 1} 个问题的第 ${k + 1} 项措施未填写内容`);
    });
  });
  return problems;
}

const FIELD_NAMES: Record<string, string> = {
  team: '巡察组',
  inspectedUnit: '被巡察单位',
  issuer: '通报单位',
  kind: '类型',
  periodStart: '巡察开始日期',
  periodEnd: '巡察结束日期',
  feedbackDate: '反馈日期',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  contactAddress: '通信地址',
  title: '名称',
  description: '问题表现',
  content: '内容',
  leader: '责任领导',
  departmentId: '责任部门',
  ownerUserId: '责任人',
  dueDate: '完成时限',
  categoryKey: '所属类别',
  parentKey: '上级类别',
  key: '编号',
  workDone: '整改工作开展情况',
  nextSteps: '下一步工作',
};

/** "findings.2.measures.0.content" → "第 3 个问题的第 1 项措施：内容". */
export function describeDraftPath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const n = Number(parts[i + 1]);
    if (p === 'findings' && Number.isInteger(n)) {
      out.push(`第 ${n + 1} 个问题`);
      i++;
    } else if (p === 'measures' && Number.isInteger(n)) {
      out.push(`第 ${n + 1} 项措施`);
      i++;
    } else if (p === 'categories' && Number.isInteger(n)) {
      out.push(`第 ${n + 1} 个类别`);
      i++;
    } else if (p === 'inspection') out.push('巡察信息');
    else if (p === 'narratives') out.push('通报文字');
    else out.push(FIELD_NAMES[p] ?? p);
  }
  return out.join(' › ');
}

/** The server's `details` (zod issues or the draft check's problems) as readable lines. */
export function describeDetails(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (!d || typeof d !== 'object') return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [`${where ? `${describeDraftPath(where)}：` : ''}${String(message ?? '')}`];
  });
}
