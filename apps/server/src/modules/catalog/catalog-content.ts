import { departmentNames, findDepartment } from '../org';
import {
  type CatalogContent,
  type CatalogMaterial,
  type CatalogVersion,
  type Guides,
} from '@tongban/contracts';
import { type Selectable } from 'kysely';
import { assertAccess, checkAccess, type Actor } from '../../platform/access';
import { type Executor } from '../../platform/db';
import { type CatalogItemVersionTable, type CatalogMaterialTable } from '../../platform/db-types';
import { forbidden, notFound } from '../../platform/errors';
import { namePinyin } from './catalog-pinyin';
import { CatalogError } from './catalog.errors';
import { checkContentRules } from './catalog.policy';
import * as repo from './catalog.repository';

export type VersionRow = Selectable<CatalogItemVersionTable>;
export type MaterialRow = Selectable<CatalogMaterialTable>;

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Role, region and (for department roles) department of the item. */
export function assertScope(
  actor: Actor,
  action: 'catalog.write' | 'catalog.publish',
  regionCode: string,
  departmentId: string,
) {
  if (!checkAccess(actor, action, { regionCode })) {
    assertAccess(actor, action);
    throw new CatalogError('CATALOG_OUT_OF_REGION');
  }
  if (!checkAccess(actor, action, { regionCode, departmentId })) throw forbidden('只能维护本部门的事项');
}

export function throwViolations(content: CatalogContent) {
  const violations = checkContentRules(content);
  const first = violations[0];
  if (first) throw new CatalogError(first.code, first.message, { violations });
}

// ── Row ↔ content ──────────────────────────────────────────────────────────

export function materialOf(m: MaterialRow): CatalogMaterial {
  return {
    name: m.name,
    requirement: m.requirement,
    condition: m.condition,
    form: m.form,
    copies: m.copies,
    deferrable: m.deferrable,
    licenseTypeCode: m.licenseTypeCode,
    templateFile: m.templateFile,
  };
}

export function contentOf(v: VersionRow, materials: MaterialRow[]): CatalogContent {
  return {
    name: v.name,
    itemType: v.itemType as CatalogContent['itemType'],
    departmentId: v.departmentId,
    legalBasis: v.legalBasis as CatalogContent['legalBasis'],
    acceptanceConditions: v.acceptanceConditions,
    handling: v.handling,
    legalLimitDays: v.legalLimitDays,
    promisedLimitDays: v.promisedLimitDays,
    specialProcedures: v.specialProcedures as CatalogContent['specialProcedures'],
    fees: v.fees as CatalogContent['fees'],
    location: v.location,
    hours: v.hours,
    consultPhone: v.consultPhone,
    complaintPhone: v.complaintPhone,
    maxVisits: v.maxVisits,
    onlineLevel: v.onlineLevel,
    hallExemption: v.hallExemption,
    steps: v.steps as string[],
    materials: materials.map(materialOf),
    guides: v.guides as Guides,
  };
}

export function versionColumns(c: CatalogContent) {
  const py = namePinyin(c.name);
  return {
    name: c.name,
    namePinyin: py.full,
    namePinyinInitials: py.initials,
    itemType: c.itemType,
    departmentId: c.departmentId,
    legalBasis: JSON.stringify(c.legalBasis),
    acceptanceConditions: c.acceptanceConditions,
    handling: c.handling,
    legalLimitDays: c.legalLimitDays,
    promisedLimitDays: c.promisedLimitDays,
    specialProcedures: JSON.stringify(c.specialProcedures),
    fees: JSON.stringify(c.fees),
    location: c.location,
    hours: c.hours,
    consultPhone: c.consultPhone,
    complaintPhone: c.complaintPhone,
    maxVisits: c.maxVisits,
    onlineLevel: c.onlineLevel,
    hallExemption: c.hallExemption,
    steps: JSON.stringify(c.steps),
    guides: JSON.stringify(c.guides),
  };
}

export async function writeMaterials(
  tx: Executor,
  versionId: string,
  regionCode: string,
  materials: CatalogMaterial[],
) {
  await repo.deleteMaterials(tx, regionCode, versionId);
  await repo.insertMaterials(
    tx,
    materials.map((m, i) => ({ ...m, versionId, regionCode, sortOrder: i + 1 })),
  );
}

export async function toVersions(db: Executor, rows: VersionRow[]): Promise<CatalogVersion[]> {
  if (rows.length === 0) return [];
  // Materials, items and departments lie in their version's region (composite keys, ADR 0006).
  const regions = [...new Set(rows.map((r) => r.regionCode))];
  const materials = await repo.listMaterials(
    db,
    regions,
    rows.map((r) => r.id),
  );
  const names = await departmentNames(
    db,
    rows.map((r) => r.departmentId),
    regions,
  );
  const items = new Map(
    (
      await repo.findItems(
        db,
        regions,
        rows.map((r) => r.itemId),
      )
    ).map((i) => [i.id, i] as const),
  );
  return rows.map((r) => ({
    ...contentOf(
      r,
      materials.filter((m) => m.versionId === r.id),
    ),
    id: r.id,
    itemId: r.itemId,
    itemCode: items.get(r.itemId)!.itemCode,
    regionCode: r.regionCode,
    versionNo: r.versionNo,
    status: r.status,
    departmentName: names.get(r.departmentId) ?? '',
    namePinyin: r.namePinyin,
    namePinyinInitials: r.namePinyinInitials,
    createdAt: iso(r.createdAt)!,
    createdBy: r.createdBy,
    publishedAt: iso(r.publishedAt),
    publishedBy: r.publishedBy,
    retiredReason: items.get(r.itemId)!.retiredReason,
  }));
}

export async function toVersion(db: Executor, row: VersionRow): Promise<CatalogVersion> {
  return (await toVersions(db, [row]))[0]!;
}

/** An item by its id alone (a staff route's `:id`): the one region-free read, then its region. */
export async function getItemIn(db: Executor, id: string) {
  const item = await repo.findItemAnyRegion(db, id);
  if (!item) throw notFound('事项', id);
  return item;
}

/**
 * The department an item's version names, which must be of the item's region. Read in that region;
 * only when it is not there is it looked for elsewhere, to tell "another region's" from "none".
 */
export async function getDepartmentFor(db: Executor, departmentId: string, regionCode: string) {
  const d = await findDepartment(db, departmentId, regionCode);
  if (d) return d;
  if (!(await findDepartment(db, departmentId))) throw notFound('部门', departmentId);
  throw new CatalogError('CATALOG_DEPARTMENT_OUT_OF_REGION');
}

export const versionSummary = (v: Awaited<ReturnType<typeof repo.listVersionRows>>[number]) => ({
  id: v.id,
  versionNo: v.versionNo,
  status: v.status,
  name: v.name,
  createdAt: iso(v.createdAt)!,
  createdBy: v.createdBy,
  publishedAt: iso(v.publishedAt),
  publishedBy: v.publishedBy,
  supersededAt: iso(v.supersededAt),
});

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function getItemAfter(db: Executor, regionCode: string, itemId: string) {
  const item = (await repo.findItem(db, regionCode, itemId))!;
  return {
    id: item.id,
    regionCode: item.regionCode,
    itemCode: item.itemCode,
    retiredAt: iso(item.retiredAt),
    retiredReason: item.retiredReason,
    versions: (await repo.listVersionRows(db, regionCode, itemId)).map(versionSummary),
  };
}

export function regionFor(
  actor: Actor,
  regionCode: string | undefined,
  action: 'catalog.read' | 'catalog.publish',
) {
  const region = regionCode ?? actor.regionCode;
  if (!checkAccess(actor, action, { regionCode: region })) {
    assertAccess(actor, action);
    throw new CatalogError('CATALOG_OUT_OF_REGION');
  }
  return region;
}
