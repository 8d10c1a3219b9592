import {
  DEFAULT_STEPS,
  GuideLang,
  type CatalogContent,
  type CatalogMaterial,
  type GuideText,
  type Guides,
  type Handling,
  type ItemType,
  type MaterialForm,
  type MaterialRequirement,
  type OnlineLevel,
  type SpecialProcedureKind,
} from '@tongban/contracts';

/** What the 实施清单 form holds; converted to and from the API's content (fees in yuan here, fen there). */
export type GuideFormValues = GuideText & { enabled: boolean };
export type MaterialFormValues = {
  name: string;
  requirement: MaterialRequirement;
  condition?: string;
  form: MaterialForm;
  copies: number;
  deferrable: boolean;
  licenseTypeCode?: string;
  templateFile?: string | null;
};
export type CatalogFormValues = {
  itemCode?: string;
  name: string;
  itemType: ItemType;
  departmentId: string;
  legalBasis: { name: string; article?: string }[];
  acceptanceConditions?: string;
  handling?: Handling;
  legalLimitDays?: number | null;
  promisedLimitDays?: number | null;
  specialProcedures: {
    kind: SpecialProcedureKind;
    days: number;
    countsInLimit: boolean;
    legalBasis?: string;
  }[];
  fees: { name: string; amountYuan: number; basis: string }[];
  location?: string;
  hours?: string;
  consultPhone?: string;
  complaintPhone?: string;
  maxVisits?: number | null;
  onlineLevel?: OnlineLevel;
  exempt: boolean;
  hallExemption?: string;
  steps: string[];
  materials: MaterialFormValues[];
  guides: Record<GuideLang, GuideFormValues>;
};

const emptyGuide = (enabled: boolean): GuideFormValues => ({
  enabled,
  name: '',
  conditions: '',
  process: '',
  notes: '',
});

export function emptyForm(departmentId?: string): Partial<CatalogFormValues> {
  return {
    departmentId,
    legalBasis: [{ name: '', article: '' }],
    specialProcedures: [],
    fees: [],
    exempt: false,
    steps: [...DEFAULT_STEPS],
    materials: [],
    guides: { zh: emptyGuide(true), en: emptyGuide(false), ru: emptyGuide(false), ko: emptyGuide(false) },
  };
}

export function toForm(c: CatalogContent & { itemCode?: string }): CatalogFormValues {
  const guides = Object.fromEntries(
    GuideLang.options.map((l) => {
      const g = c.guides[l];
      return [l, g ? { ...g, enabled: true } : emptyGuide(l === 'zh')];
    }),
  ) as Record<GuideLang, GuideFormValues>;
  return {
    itemCode: c.itemCode,
    name: c.name,
    itemType: c.itemType,
    departmentId: c.departmentId,
    legalBasis: c.legalBasis,
    acceptanceConditions: c.acceptanceConditions,
    handling: c.handling ?? undefined,
    legalLimitDays: c.legalLimitDays,
    promisedLimitDays: c.promisedLimitDays,
    specialProcedures: c.specialProcedures,
    fees: c.fees.map((f) => ({ name: f.name, basis: f.basis, amountYuan: f.amountFen / 100 })),
    location: c.location,
    hours: c.hours,
    consultPhone: c.consultPhone,
    complaintPhone: c.complaintPhone,
    maxVisits: c.maxVisits,
    onlineLevel: c.onlineLevel ?? undefined,
    exempt: c.hallExemption !== null,
    hallExemption: c.hallExemption ?? undefined,
    steps: c.steps,
    materials: c.materials.map((m) => ({
      ...m,
      condition: m.condition,
      licenseTypeCode: m.licenseTypeCode ?? undefined,
    })),
    guides,
  };
}

const text = (s: string | undefined) => (s ?? '').trim();
const num = (n: number | null | undefined) => (n === undefined || n === null ? null : n);

export function toContent(v: CatalogFormValues): CatalogContent {
  const guides: Guides = {};
  for (const l of GuideLang.options) {
    const g = v.guides?.[l];
    // The Chinese guide is always kept (publishing needs it); its name defaults to the item's.
    const name = text(g?.name) || (l === 'zh' ? text(v.name) : '');
    if (!g || (l !== 'zh' && !g.enabled) || !name) continue;
    guides[l] = {
      name,
      conditions: text(g.conditions),
      process: text(g.process),
      notes: text(g.notes),
    };
  }
  const instant = v.handling === 'instant';
  return {
    name: text(v.name),
    itemType: v.itemType,
    departmentId: v.departmentId,
    legalBasis: (v.legalBasis ?? [])
      .filter((b) => text(b.name))
      .map((b) => ({ name: text(b.name), article: text(b.article) })),
    acceptanceConditions: text(v.acceptanceConditions),
    handling: v.handling ?? null,
    // 即办件: decided on the spot, both limits 0.
    legalLimitDays: instant ? 0 : num(v.legalLimitDays),
    promisedLimitDays: instant ? 0 : num(v.promisedLimitDays),
    specialProcedures: (v.specialProcedures ?? []).map((p) => ({
      kind: p.kind,
      days: p.days,
      countsInLimit: !!p.countsInLimit,
      legalBasis: text(p.legalBasis),
    })),
    fees: (v.fees ?? []).map((f) => ({
      name: text(f.name),
      basis: text(f.basis),
      amountFen: Math.round(f.amountYuan * 100),
    })),
    location: text(v.location),
    hours: text(v.hours),
    consultPhone: text(v.consultPhone),
    complaintPhone: text(v.complaintPhone),
    maxVisits: num(v.maxVisits),
    onlineLevel: v.onlineLevel ?? null,
    hallExemption: v.exempt ? text(v.hallExemption) : null,
    steps: (v.steps ?? []).map(text).filter(Boolean),
    materials: (v.materials ?? []).map((m): CatalogMaterial => ({
      name: text(m.name),
      requirement: m.requirement,
      condition: m.requirement === 'conditional' ? text(m.condition) : '',
      form: m.form,
      copies: m.copies ?? 1,
      deferrable: !!m.deferrable,
      licenseTypeCode: text(m.licenseTypeCode) || null,
      templateFile: m.templateFile ?? null,
    })),
    guides,
  };
}

/** "3+1": steps before 办结 beyond 受理、审查、决定 need a special procedure. */
export function stepsBeforeConclude(steps: readonly (string | undefined)[]): number {
  return steps.filter((s) => s && s.trim() && s.trim() !== '办结').length;
}
