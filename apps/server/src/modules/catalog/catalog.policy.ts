import {
  ACCEPT_STEP,
  CONCLUDE_STEP,
  ITEM_TYPE_LABELS,
  ItemType,
  type CatalogContent,
  type CatalogDiff,
  type CatalogFieldChange,
  type CatalogFigures,
  type CatalogMaterial,
} from '@tongban/contracts';
import { catalogErrorMessage, type CatalogErrorCode } from './catalog.errors';

/**
 * Pure catalog rules: each check returns the violation (code + Chinese message + where) or
 * undefined, so a save can report every broken rule at once and tests can hit each one alone.
 */
export type Violation = { code: CatalogErrorCode; message: string; field: string };

const violation = (code: CatalogErrorCode, field: string, message?: string): Violation => ({
  code,
  field,
  message: message ?? catalogErrorMessage(code),
});

type Limits = Pick<CatalogContent, 'handling' | 'legalLimitDays' | 'promisedLimitDays'>;

/** 法定时限 ≥ 承诺时限 (both working days). */
export function checkPromisedWithinLegal(c: Limits): Violation | undefined {
  if (c.legalLimitDays === null || c.promisedLimitDays === null) return undefined;
  if (c.promisedLimitDays > c.legalLimitDays)
    return violation(
      'CATALOG_PROMISED_EXCEEDS_LEGAL',
      'promisedLimitDays',
      `承诺时限（${c.promisedLimitDays} 个工作日）不能超过法定时限（${c.legalLimitDays} 个工作日）`,
    );
  return undefined;
}

/** 即办件 are decided on the spot: both limits are 0. */
export function checkInstantLimits(c: Limits): Violation | undefined {
  if (c.handling !== 'instant') return undefined;
  if ((c.legalLimitDays ?? 0) !== 0 || (c.promisedLimitDays ?? 0) !== 0)
    return violation('CATALOG_INSTANT_LIMITS', 'handling');
  return undefined;
}

/** 承诺件 take N ≥ 1 working days; an item decided the same day is an 即办件. */
export function checkPromisedLimits(c: Limits): Violation | undefined {
  if (c.handling !== 'promised') return undefined;
  if (c.promisedLimitDays === 0 || c.legalLimitDays === 0)
    return violation('CATALOG_PROMISED_NEEDS_DAYS', 'promisedLimitDays');
  return undefined;
}

/** A step template starts with 受理, ends with 办结, and names no step twice. */
export function checkStepShape(steps: readonly string[]): Violation | undefined {
  if (steps.length < 2 || steps[0] !== ACCEPT_STEP || steps[steps.length - 1] !== CONCLUDE_STEP)
    return violation('CATALOG_STEPS_MALFORMED', 'steps');
  if (new Set(steps).size !== steps.length) return violation('CATALOG_STEPS_MALFORMED', 'steps');
  return undefined;
}

/** The most steps before 办结 under the "3+1" rule (受理、审查、决定). */
export const MAX_STEPS_BEFORE_CONCLUDE = 3;

/**
 * "3+1" (DOMAIN.md Cases): at most 受理、审查、决定 plus 办结, unless a special procedure (现场勘查,
 * 专家评审…) applies — then the extra steps are allowed.
 */
export function checkThreePlusOne(
  c: Pick<CatalogContent, 'steps' | 'specialProcedures'>,
): Violation | undefined {
  const beforeConclude = c.steps.filter((s) => s !== CONCLUDE_STEP).length;
  if (beforeConclude <= MAX_STEPS_BEFORE_CONCLUDE || c.specialProcedures.length > 0) return undefined;
  return violation(
    'CATALOG_STEPS_3_PLUS_1',
    'steps',
    `办理环节“${c.steps.join('→')}”在办结前有 ${beforeConclude} 个环节，超过“3+1”要求的 3 个；未设置特殊环节的事项不得增加环节`,
  );
}

/** A conditional (情形必要) material says when it is needed. */
export function checkConditionalMaterials(materials: readonly CatalogMaterial[]): Violation | undefined {
  const bad = materials.find((m) => m.requirement === 'conditional' && m.condition.trim() === '');
  if (!bad) return undefined;
  return violation(
    'CATALOG_MATERIAL_CONDITION_MISSING',
    'materials',
    `材料“${bad.name}”为情形必要，必须写明适用情形`,
  );
}

export function checkUniqueMaterialNames(materials: readonly CatalogMaterial[]): Violation | undefined {
  const dup = duplicates(materials.map((m) => m.name.trim()));
  if (dup.length === 0) return undefined;
  return violation('CATALOG_DUPLICATE_MATERIAL', 'materials', `申请材料名称重复：${dup.join('、')}`);
}

export function checkUniqueSpecialProcedures(
  procedures: CatalogContent['specialProcedures'],
): Violation | undefined {
  if (new Set(procedures.map((p) => p.kind)).size === procedures.length) return undefined;
  return violation('CATALOG_DUPLICATE_SPECIAL_PROCEDURE', 'specialProcedures');
}

/** 事项编码 unique in a region: the codes of `candidates` already used, or listed twice among them. */
export function checkUniqueItemCodes(
  candidates: readonly string[],
  existing: readonly string[] = [],
): Violation | undefined {
  const taken = new Set(existing);
  const clash = [...new Set([...duplicates(candidates), ...candidates.filter((c) => taken.has(c))])];
  if (clash.length === 0) return undefined;
  return violation('CATALOG_DUPLICATE_CODE', 'itemCode', `事项编码重复：${clash.join('、')}`);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Every rule a saved version (draft or not) must keep. */
export function checkContentRules(c: CatalogContent): Violation[] {
  return [
    checkPromisedWithinLegal(c),
    checkInstantLimits(c),
    checkPromisedLimits(c),
    checkStepShape(c.steps),
    checkThreePlusOne(c),
    checkConditionalMaterials(c.materials),
    checkUniqueMaterialNames(c.materials),
    checkUniqueSpecialProcedures(c.specialProcedures),
  ].filter((v): v is Violation => v !== undefined);
}

export type MissingElement = { field: string; label: string };

/** What a version lacks before it may be published; empty when complete. */
export function findMissingElements(c: CatalogContent): MissingElement[] {
  const missing: MissingElement[] = [];
  const need = (ok: boolean, field: string, label: string) => {
    if (!ok) missing.push({ field, label });
  };
  const filled = (s: string) => s.trim().length > 0;
  need(c.legalBasis.length > 0, 'legalBasis', '设定依据');
  need(filled(c.acceptanceConditions), 'acceptanceConditions', '受理条件');
  need(c.handling !== null, 'handling', '办件类型（即办件/承诺件）');
  need(c.legalLimitDays !== null, 'legalLimitDays', '法定办结时限');
  need(c.promisedLimitDays !== null, 'promisedLimitDays', '承诺办结时限');
  need(filled(c.location), 'location', '办理地点');
  need(filled(c.hours), 'hours', '办理时间');
  need(filled(c.consultPhone), 'consultPhone', '咨询电话');
  need(filled(c.complaintPhone), 'complaintPhone', '监督投诉电话');
  need(c.maxVisits !== null, 'maxVisits', '到现场次数');
  need(c.onlineLevel !== null, 'onlineLevel', '网办深度');
  need(c.materials.length > 0, 'materials', '申请材料');
  need(c.guides.zh !== undefined, 'guides.zh', '中文办事指南');
  if (c.guides.zh) {
    need(filled(c.guides.zh.conditions), 'guides.zh.conditions', '中文办事指南·受理条件');
    need(filled(c.guides.zh.process), 'guides.zh.process', '中文办事指南·办理流程');
  }
  return missing;
}

// ── Differences between two versions ───────────────────────────────────────

export const FIELD_LABELS: Record<Exclude<keyof CatalogContent, 'materials'>, string> = {
  name: '事项名称',
  itemType: '事项类型',
  departmentId: '实施部门',
  legalBasis: '设定依据',
  acceptanceConditions: '受理条件',
  handling: '办件类型',
  legalLimitDays: '法定办结时限',
  promisedLimitDays: '承诺办结时限',
  specialProcedures: '特殊环节',
  fees: '收费',
  location: '办理地点',
  hours: '办理时间',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  maxVisits: '到现场次数',
  onlineLevel: '网办深度',
  hallExemption: '不进驻大厅理由',
  steps: '办理环节',
  guides: '办事指南',
};

const MATERIAL_LABELS: Record<Exclude<keyof CatalogMaterial, 'name'>, string> = {
  requirement: '必要性',
  condition: '适用情形',
  form: '材料形式',
  copies: '份数',
  deferrable: '容缺',
  licenseTypeCode: '免提交证照类型',
  templateFile: '空白表格/样表',
};

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** JSON with sorted keys, so {a,b} and {b,a} compare equal. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : val,
  );
}

/** Field-level differences; guides are compared per language. Materials are matched by name. */
export function diffContents(
  from: CatalogContent,
  to: CatalogContent,
): Pick<CatalogDiff, 'fields' | 'materials'> {
  const fields: CatalogFieldChange[] = [];
  for (const key of Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]) {
    if (key === 'guides') {
      for (const lang of ['zh', 'en', 'ru', 'ko'] as const) {
        if (!same(from.guides[lang] ?? null, to.guides[lang] ?? null))
          fields.push({
            field: `guides.${lang}`,
            label: `${FIELD_LABELS.guides}（${lang}）`,
            from: from.guides[lang] ?? null,
            to: to.guides[lang] ?? null,
          });
      }
      continue;
    }
    if (!same(from[key], to[key]))
      fields.push({ field: key, label: FIELD_LABELS[key], from: from[key], to: to[key] });
  }
  const before = new Map(from.materials.map((m) => [m.name, m]));
  const after = new Map(to.materials.map((m) => [m.name, m]));
  const changed: CatalogDiff['materials']['changed'] = [];
  for (const [name, b] of after) {
    const a = before.get(name);
    if (!a) continue;
    const diffs = (Object.keys(MATERIAL_LABELS) as (keyof typeof MATERIAL_LABELS)[])
      .filter((k) => !same(a[k], b[k]))
      .map((k) => ({ field: k, label: MATERIAL_LABELS[k], from: a[k], to: b[k] }));
    if (diffs.length > 0) changed.push({ name, fields: diffs });
  }
  return {
    fields,
    materials: {
      added: [...after.keys()].filter((n) => !before.has(n)),
      removed: [...before.keys()].filter((n) => !after.has(n)),
      changed,
    },
  };
}

// ── Figures (TRUTH-1: computed from the catalog, never entered) ───────────

export type FigureRow = {
  itemId: string;
  name: string;
  itemType: string;
  departmentId: string;
  departmentName: string;
  onlineLevel: string | null;
  maxVisits: number | null;
  hallExemption: string | null;
};

const share = (count: number, total: number) =>
  total === 0 ? 0 : Math.round((count / total) * 10000) / 10000;

/** Figures over the published versions of a region: shares are fractions 0..1 rounded to 4 places. */
export function computeFigures(regionCode: string, rows: readonly FigureRow[]): CatalogFigures {
  const total = rows.length;
  const byType = ItemType.options
    .map((t) => ({
      itemType: t,
      label: ITEM_TYPE_LABELS[t],
      count: rows.filter((r) => r.itemType === t).length,
    }))
    .filter((t) => t.count > 0);
  const depts = new Map<string, { departmentId: string; departmentName: string; count: number }>();
  for (const r of rows) {
    const d = depts.get(r.departmentId) ?? {
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      count: 0,
    };
    d.count += 1;
    depts.set(r.departmentId, d);
  }
  const online = rows.filter((r) => r.onlineLevel === 'full_online').length;
  const zero = rows.filter((r) => r.maxVisits === 0).length;
  const atMostOne = rows.filter((r) => r.maxVisits !== null && r.maxVisits <= 1).length;
  const exempt = rows.filter((r) => r.hallExemption !== null);
  return {
    regionCode,
    total,
    byType,
    byDepartment: [...depts.values()].sort(
      (a, b) => b.count - a.count || a.departmentName.localeCompare(b.departmentName, 'zh'),
    ),
    fullyOnline: { count: online, share: share(online, total) },
    zeroVisit: { count: zero, share: share(zero, total) },
    atMostOneVisit: { count: atMostOne, share: share(atMostOne, total) },
    hallExempt: {
      count: exempt.length,
      items: exempt.map((r) => ({ itemId: r.itemId, name: r.name, reason: r.hallExemption ?? '' })),
    },
  };
}
