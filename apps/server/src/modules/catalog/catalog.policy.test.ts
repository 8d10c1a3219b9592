import { CatalogContentFields, type CatalogContent } from '@tongban/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkConditionalMaterials,
  checkContentRules,
  checkInstantLimits,
  checkPromisedLimits,
  checkPromisedWithinLegal,
  checkStepShape,
  checkThreePlusOne,
  checkUniqueItemCodes,
  checkUniqueMaterialNames,
  checkUniqueSpecialProcedures,
  computeFigures,
  diffContents,
  findMissingElements,
} from './catalog.policy';

const DEPT = '00000000-0000-4000-8000-000000000001';

function complete(over: Partial<CatalogContent> = {}): CatalogContent {
  return {
    ...CatalogContentFields.parse({
      name: '食品经营许可',
      itemType: 'licensing',
      departmentId: DEPT,
      legalBasis: [{ name: '《中华人民共和国食品安全法》', article: '第三十五条' }],
      acceptanceConditions: '有与经营相适应的场所和设备',
      handling: 'promised',
      legalLimitDays: 20,
      promisedLimitDays: 5,
      location: '政务服务中心二楼',
      hours: '工作日',
      consultPhone: '0599-7712301',
      complaintPhone: '12345',
      maxVisits: 0,
      onlineLevel: 'full_online',
      materials: [{ name: '申请书', requirement: 'required', form: 'original' }],
      guides: { zh: { name: '食品经营许可', conditions: '条件', process: '流程' } },
    }),
    ...over,
  };
}

describe('catalog rules — each with its own code', () => {
  it('a complete, sound item breaks no rule and misses nothing', () => {
    expect(checkContentRules(complete())).toEqual([]);
    expect(findMissingElements(complete())).toEqual([]);
  });

  it('promised limit may not exceed the legal limit', () => {
    expect(checkPromisedWithinLegal(complete({ legalLimitDays: 20, promisedLimitDays: 20 }))).toBeUndefined();
    expect(checkPromisedWithinLegal(complete({ legalLimitDays: 20, promisedLimitDays: 21 }))?.code).toBe(
      'CATALOG_PROMISED_EXCEEDS_LEGAL',
    );
    // Not yet filled in a draft: nothing to compare.
    expect(
      checkPromisedWithinLegal(complete({ legalLimitDays: null, promisedLimitDays: 30 })),
    ).toBeUndefined();
  });

  it('an instant item has both limits 0', () => {
    expect(
      checkInstantLimits(complete({ handling: 'instant', legalLimitDays: 0, promisedLimitDays: 0 })),
    ).toBeUndefined();
    expect(
      checkInstantLimits(complete({ handling: 'instant', legalLimitDays: 5, promisedLimitDays: 0 }))?.code,
    ).toBe('CATALOG_INSTANT_LIMITS');
    expect(
      checkInstantLimits(complete({ handling: 'instant', legalLimitDays: 0, promisedLimitDays: 1 }))?.code,
    ).toBe('CATALOG_INSTANT_LIMITS');
  });

  it('a promised item takes at least one working day', () => {
    expect(checkPromisedLimits(complete({ promisedLimitDays: 0 }))?.code).toBe('CATALOG_PROMISED_NEEDS_DAYS');
    expect(checkPromisedLimits(complete({ promisedLimitDays: 1 }))).toBeUndefined();
  });

  it('a step template starts with 受理, ends with 办结 and repeats no step', () => {
    expect(checkStepShape(['受理', '审查', '决定', '办结'])).toBeUndefined();
    expect(checkStepShape(['受理', '办结'])).toBeUndefined();
    expect(checkStepShape(['审查', '决定', '办结'])?.code).toBe('CATALOG_STEPS_MALFORMED');
    expect(checkStepShape(['受理', '审查', '决定'])?.code).toBe('CATALOG_STEPS_MALFORMED');
    expect(checkStepShape(['受理', '审查', '审查', '办结'])?.code).toBe('CATALOG_STEPS_MALFORMED');
  });

  describe('"3+1"', () => {
    it('allows 受理、审查、决定 plus 办结', () => {
      expect(checkThreePlusOne(complete({ steps: ['受理', '审查', '决定', '办结'] }))).toBeUndefined();
    });
    it('refuses a fourth step before 办结 without a special procedure', () => {
      const v = checkThreePlusOne(complete({ steps: ['受理', '初审', '复审', '决定', '办结'] }));
      expect(v?.code).toBe('CATALOG_STEPS_3_PLUS_1');
      expect(v?.message).toContain('3+1');
    });
    it('allows the extra step when a special procedure applies (现场勘查)', () => {
      expect(
        checkThreePlusOne(
          complete({
            steps: ['受理', '现场勘查', '审查', '决定', '办结'],
            specialProcedures: [{ kind: 'site_survey', days: 5, countsInLimit: false, legalBasis: '' }],
          }),
        ),
      ).toBeUndefined();
    });
  });

  it('a conditional material names its condition', () => {
    const m = {
      name: '委托书',
      requirement: 'conditional' as const,
      condition: '',
      form: 'copy' as const,
      copies: 1,
      deferrable: false,
      licenseTypeCode: null,
      templateFile: null,
    };
    expect(checkConditionalMaterials([m])?.code).toBe('CATALOG_MATERIAL_CONDITION_MISSING');
    expect(checkConditionalMaterials([{ ...m, condition: '委托他人办理的' }])).toBeUndefined();
    expect(checkConditionalMaterials([{ ...m, requirement: 'required' }])).toBeUndefined();
  });

  it('material names are unique within an item', () => {
    const m = complete().materials[0]!;
    expect(checkUniqueMaterialNames([m, { ...m, form: 'copy' }])?.code).toBe('CATALOG_DUPLICATE_MATERIAL');
    expect(checkUniqueMaterialNames([m, { ...m, name: '营业执照' }])).toBeUndefined();
  });

  it('a special procedure is set at most once', () => {
    const p = { kind: 'hearing' as const, days: 10, countsInLimit: false, legalBasis: '' };
    expect(checkUniqueSpecialProcedures([p, p])?.code).toBe('CATALOG_DUPLICATE_SPECIAL_PROCEDURE');
    expect(checkUniqueSpecialProcedures([p, { ...p, kind: 'testing' }])).toBeUndefined();
  });

  it('item codes are unique in a region, among themselves and against existing ones', () => {
    expect(checkUniqueItemCodes(['A', 'B'])).toBeUndefined();
    expect(checkUniqueItemCodes(['A', 'B', 'A'])?.message).toContain('A');
    expect(checkUniqueItemCodes(['C'], ['A', 'C'])?.code).toBe('CATALOG_DUPLICATE_CODE');
  });

  it('the completeness check lists every missing element', () => {
    const draft = CatalogContentFields.parse({ name: '新事项', itemType: 'filing', departmentId: DEPT });
    const missing = findMissingElements(draft).map((m) => m.field);
    expect(missing).toEqual([
      'legalBasis',
      'acceptanceConditions',
      'handling',
      'legalLimitDays',
      'promisedLimitDays',
      'location',
      'hours',
      'consultPhone',
      'complaintPhone',
      'maxVisits',
      'onlineLevel',
      'materials',
      'guides.zh',
    ]);
    expect(
      findMissingElements(
        complete({ guides: { zh: { name: 'x', conditions: '', process: '', notes: '' } } }),
      ).map((m) => m.label),
    ).toEqual(['中文办事指南·受理条件', '中文办事指南·办理流程']);
  });

  it('checkContentRules reports every broken rule at once', () => {
    const codes = checkContentRules(
      complete({ legalLimitDays: 3, promisedLimitDays: 5, steps: ['受理', 'a', 'b', 'c', '办结'] }),
    ).map((v) => v.code);
    expect(codes).toEqual(['CATALOG_PROMISED_EXCEEDS_LEGAL', 'CATALOG_STEPS_3_PLUS_1']);
  });
});

describe('diff between versions', () => {
  it('lists changed fields and added, removed and changed materials', () => {
    const a = complete();
    const b = complete({
      promisedLimitDays: 3,
      materials: [
        { ...a.materials[0]!, copies: 2 },
        { ...a.materials[0]!, name: '营业执照' },
      ],
      guides: { ...a.guides, en: { name: 'Food', conditions: '', process: '', notes: '' } },
    });
    const d = diffContents(a, b);
    expect(d.fields.map((f) => f.field)).toEqual(['promisedLimitDays', 'guides.en']);
    expect(d.fields[0]).toMatchObject({ from: 5, to: 3, label: '承诺办结时限' });
    expect(d.materials.added).toEqual(['营业执照']);
    expect(d.materials.removed).toEqual([]);
    expect(d.materials.changed).toEqual([
      { name: '申请书', fields: [{ field: 'copies', label: '份数', from: 1, to: 2 }] },
    ]);
    expect(diffContents(a, a)).toEqual({ fields: [], materials: { added: [], removed: [], changed: [] } });
  });
});

describe('figures (TRUTH-1: computed)', () => {
  it('counts by type and department and computes shares', () => {
    const row = (over: Partial<Parameters<typeof computeFigures>[1][number]>) => ({
      itemId: 'i',
      name: 'n',
      itemType: 'licensing',
      departmentId: 'd1',
      departmentName: '甲局',
      onlineLevel: 'full_online',
      maxVisits: 0,
      hallExemption: null,
      ...over,
    });
    const f = computeFigures('350999', [
      row({}),
      row({ itemType: 'benefit', maxVisits: 1, onlineLevel: 'offline' }),
      row({ departmentId: 'd2', departmentName: '乙局', maxVisits: 2, hallExemption: '涉密' }),
      row({ departmentId: 'd2', departmentName: '乙局', maxVisits: 0, onlineLevel: 'online_pretrial' }),
    ]);
    expect(f.total).toBe(4);
    expect(f.byType).toEqual([
      { itemType: 'licensing', label: '行政许可', count: 3 },
      { itemType: 'benefit', label: '行政给付', count: 1 },
    ]);
    expect(f.byDepartment.map((d) => d.count)).toEqual([2, 2]);
    expect(f.fullyOnline).toEqual({ count: 2, share: 0.5 });
    expect(f.zeroVisit).toEqual({ count: 2, share: 0.5 });
    expect(f.atMostOneVisit).toEqual({ count: 3, share: 0.75 });
    expect(f.hallExempt.count).toBe(1);
    expect(computeFigures('350999', []).fullyOnline.share).toBe(0);
  });
});
