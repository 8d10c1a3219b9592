import {
  CatalogContentFields,
  GuideLang,
  regionPrefix,
  type CatalogContent,
  type CatalogDiff,
  type CatalogDraftCreate,
  type CatalogFigures,
  type CatalogItemCreate,
  type CatalogItemSummary,
  type CatalogMaterial,
  type CatalogPublicHit,
  type CatalogPublicQuery,
  type CatalogStaffQuery,
  type CatalogVersion,
  type CatalogVersionPatch,
  type CatalogImportProblem,
  type Guides,
} from '@tongban/contracts';
import type { Selectable } from 'kysely';
import { assertAccess, checkAccess, regionScopeLike, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import type { Executor, Tx } from '../../platform/db';
import type { CatalogItemVersionTable, CatalogMaterialTable } from '../../platform/db-types';
import { forbidden, notFound } from '../../platform/errors';
import { runAudited } from '../audit';
import { namePinyin, pinyinQuery } from './catalog-pinyin';
import { readCatalogWorkbook, writeCatalogWorkbook, type SheetItem } from './catalog-sheet';
import { CatalogError } from './catalog.errors';
import {
  checkContentRules,
  checkUniqueItemCodes,
  computeFigures,
  diffContents,
  findMissingElements,
  stableJson,
} from './catalog.policy';
import * as repo from './catalog.repository';

type VersionRow = Selectable<CatalogItemVersionTable>;
type MaterialRow = Selectable<CatalogMaterialTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Role, region and (for department roles) department of the item. */
function assertScope(
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

function throwViolations(content: CatalogContent) {
  const violations = checkContentRules(content);
  const first = violations[0];
  if (first) throw new CatalogError(first.code, first.message, { violations });
}

// ── Row ↔ content ──────────────────────────────────────────────────────────

function materialOf(m: MaterialRow): CatalogMaterial {
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

function contentOf(v: VersionRow, materials: MaterialRow[]): CatalogContent {
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

function versionColumns(c: CatalogContent) {
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

async function writeMaterials(
  tx: Executor,
  versionId: string,
  regionCode: string,
  materials: CatalogMaterial[],
) {
  await repo.deleteMaterials(tx, versionId);
  await repo.insertMaterials(
    tx,
    materials.map((m, i) => ({ ...m, versionId, regionCode, sortOrder: i + 1 })),
  );
}

async function toVersions(db: Executor, rows: VersionRow[]): Promise<CatalogVersion[]> {
  if (rows.length === 0) return [];
  const materials = await repo.listMaterials(
    db,
    rows.map((r) => r.id),
  );
  const names = await repo.departmentNames(
    db,
    rows.map((r) => r.departmentId),
  );
  const items = new Map(
    (
      await repo.findItems(
        db,
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

async function toVersion(db: Executor, row: VersionRow): Promise<CatalogVersion> {
  return (await toVersions(db, [row]))[0]!;
}

async function getItemIn(db: Executor, id: string) {
  const item = await repo.findItem(db, id);
  if (!item) throw notFound('事项', id);
  return item;
}

async function getDepartmentFor(db: Executor, departmentId: string, regionCode: string) {
  const d = await repo.findDepartment(db, departmentId);
  if (!d) throw notFound('部门', departmentId);
  if (d.regionCode !== regionCode) throw new CatalogError('CATALOG_DEPARTMENT_OUT_OF_REGION');
  return d;
}

// ── For other modules (cases pin the version they were filed under) ──────────

/** One version with its materials, whatever its status; throws 404 when unknown. */
export async function getVersion(deps: Pick<Deps, 'db'>, versionId: string): Promise<CatalogVersion> {
  const row = await repo.findVersionRow(deps.db, versionId);
  if (!row) throw notFound('事项版本', versionId);
  return toVersion(deps.db, row);
}

/**
 * Which version of an item is live (one small query; a version's content never changes once
 * published, so callers may cache it by id); throws when the item is unpublished or retired.
 */
export async function getPublishedVersionId(deps: Pick<Deps, 'db'>, itemId: string): Promise<string> {
  const row = await repo.findPublishedVersionId(deps.db, itemId);
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return row.id;
}

/** The live version of an item; throws when the item is unpublished or retired. */
export async function getPublishedVersion(deps: Pick<Deps, 'db'>, itemId: string): Promise<CatalogVersion> {
  const row = await repo.findVersionRowByStatus(deps.db, itemId, 'published');
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return toVersion(deps.db, row);
}

// ── Staff: read ─────────────────────────────────────────────────────────────

export async function listItems(
  deps: Deps,
  actor: Actor,
  query: CatalogStaffQuery,
): Promise<{ items: CatalogItemSummary[]; total: number; page: number; pageSize: number }> {
  assertAccess(actor, 'catalog.read');
  const rows = await repo.listStaffItems(deps.db, {
    like: regionScopeLike(actor),
    q: query.q || undefined,
    pinyin: query.q ? pinyinQuery(query.q) : undefined,
    status: query.status,
    departmentId: query.departmentId,
    itemType: query.itemType,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      itemCode: r.itemCode,
      status: r.retiredAt ? 'retired' : r.publishedVersionId ? 'published' : 'draft',
      name: r.name,
      itemType: r.itemType as CatalogItemSummary['itemType'],
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      latestVersionId: r.latestVersionId,
      latestVersionNo: r.latestVersionNo,
      latestStatus: r.latestStatus,
      publishedVersionId: r.publishedVersionId,
      publishedVersionNo: r.publishedVersionNo,
      hasPendingDraft: r.latestStatus === 'draft',
      updatedAt: iso(r.updatedAt)!,
    })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function getReadableItem(deps: Deps, actor: Actor, itemId: string) {
  assertAccess(actor, 'catalog.read');
  const item = await getItemIn(deps.db, itemId);
  if (!checkAccess(actor, 'catalog.read', { regionCode: item.regionCode })) throw notFound('事项', itemId);
  return item;
}

export async function getItem(deps: Deps, actor: Actor, itemId: string) {
  const item = await getReadableItem(deps, actor, itemId);
  const versions = await repo.listVersionRows(deps.db, itemId);
  const published = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    id: item.id,
    regionCode: item.regionCode,
    itemCode: item.itemCode,
    retiredAt: iso(item.retiredAt),
    retiredReason: item.retiredReason,
    published: published ? await getVersion(deps, published.id) : null,
    draft: draft ? await getVersion(deps, draft.id) : null,
    versions: versions.map(versionSummary),
  };
}

const versionSummary = (v: Awaited<ReturnType<typeof repo.listVersionRows>>[number]) => ({
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

export async function listVersions(deps: Deps, actor: Actor, itemId: string) {
  await getReadableItem(deps, actor, itemId);
  return (await repo.listVersionRows(deps.db, itemId)).map(versionSummary);
}

export async function getVersionFor(deps: Deps, actor: Actor, versionId: string) {
  assertAccess(actor, 'catalog.read');
  const v = await getVersion(deps, versionId);
  if (!checkAccess(actor, 'catalog.read', { regionCode: v.regionCode }))
    throw notFound('事项版本', versionId);
  return v;
}

export async function diffVersions(
  deps: Deps,
  actor: Actor,
  itemId: string,
  fromId: string,
  toId: string,
): Promise<CatalogDiff> {
  await getReadableItem(deps, actor, itemId);
  const [a, b] = [await getVersion(deps, fromId), await getVersion(deps, toId)];
  if (a.itemId !== itemId || b.itemId !== itemId) throw new CatalogError('CATALOG_VERSION_MISMATCH');
  return {
    from: { versionId: a.id, versionNo: a.versionNo },
    to: { versionId: b.id, versionNo: b.versionNo },
    ...diffContents(a, b),
  };
}

export async function getFigures(deps: Deps, actor: Actor, regionCode?: string): Promise<CatalogFigures> {
  assertAccess(actor, 'catalog.read');
  const region = regionCode ?? actor.regionCode;
  if (!checkAccess(actor, 'catalog.read', { regionCode: region }))
    throw new CatalogError('CATALOG_OUT_OF_REGION');
  const rows = await repo.listPublishedForFigures(deps.db, `${regionPrefix(region)}%`);
  return computeFigures(region, rows);
}

// ── Staff: write ────────────────────────────────────────────────────────────

/** `fixedIds` lets the demo seed use known ids (tests address them); the API never passes them. */
export type FixedIds = { itemId?: string; versionId?: string };

export async function createItem(
  deps: Deps,
  actor: Actor,
  input: CatalogItemCreate,
  fixedIds: FixedIds = {},
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  const { itemCode, regionCode: givenRegion, ...content } = input;
  const regionCode = givenRegion ?? actor.regionCode;
  assertScope(actor, 'catalog.write', regionCode, content.departmentId);
  throwViolations(content);
  return runAudited(deps, actor, async (tx) => {
    await getDepartmentFor(tx, content.departmentId, regionCode);
    if (await repo.findItemByCode(tx, regionCode, itemCode))
      throw new CatalogError('CATALOG_DUPLICATE_CODE', `事项编码“${itemCode}”在本区划内已存在`);
    const item = await repo.insertItem(tx, {
      regionCode,
      itemCode,
      ...(fixedIds.itemId ? { id: fixedIds.itemId } : {}),
    });
    const row = await repo.insertVersion(tx, {
      ...versionColumns(content),
      ...(fixedIds.versionId ? { id: fixedIds.versionId } : {}),
      regionCode,
      itemId: item.id,
      versionNo: 1,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await writeMaterials(tx, row.id, regionCode, content.materials);
    return {
      result: await toVersion(tx, row),
      audit: {
        action: 'catalog.item.create',
        entityType: 'catalog_item',
        entityId: item.id,
        regionCode,
        summary: { itemCode, name: content.name, versionNo: 1 },
      },
    };
  });
}

export async function updateDraft(
  deps: Deps,
  actor: Actor,
  versionId: string,
  patch: CatalogVersionPatch,
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  const row = await repo.findVersionRow(deps.db, versionId);
  if (!row) throw notFound('事项版本', versionId);
  assertScope(actor, 'catalog.write', row.regionCode, row.departmentId);
  if (patch.departmentId) assertScope(actor, 'catalog.write', row.regionCode, patch.departmentId);
  // A published version is what applicants were told and what cases pinned: it never changes.
  if (row.status !== 'draft')
    throw new CatalogError('CATALOG_VERSION_IMMUTABLE', undefined, { versionId, status: row.status });
  return runAudited(deps, actor, async (tx) => {
    const materials = await repo.listMaterials(tx, [row.id]);
    const content: CatalogContent = { ...contentOf(row, materials), ...stripUndefined(patch) };
    throwViolations(content);
    if (patch.departmentId) await getDepartmentFor(tx, patch.departmentId, row.regionCode);
    const updated = await repo.updateVersion(tx, row.id, versionColumns(content));
    if (patch.materials) await writeMaterials(tx, row.id, row.regionCode, content.materials);
    return {
      result: await toVersion(tx, updated),
      audit: {
        action: 'catalog.version.update',
        entityType: 'catalog_item',
        entityId: row.itemId,
        regionCode: row.regionCode,
        summary: { versionId, versionNo: row.versionNo, fields: Object.keys(stripUndefined(patch)) },
      },
    };
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Editing a published item: a new draft version copied from the live one; the live one stays. */
export async function createDraft(
  deps: Deps,
  actor: Actor,
  itemId: string,
  input: CatalogDraftCreate,
  fixedIds: FixedIds = {},
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  const item = await getItemIn(deps.db, itemId);
  return runAudited(deps, actor, async (tx) => {
    if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
    const published = await repo.findVersionRowByStatus(tx, itemId, 'published');
    const latest = (await repo.findLatestVersionRow(tx, itemId))!;
    assertScope(actor, 'catalog.write', item.regionCode, latest.departmentId);
    if (input.changes?.departmentId)
      assertScope(actor, 'catalog.write', item.regionCode, input.changes.departmentId);
    if (latest.status === 'draft')
      throw new CatalogError('CATALOG_DRAFT_EXISTS', undefined, { draftVersionId: latest.id });
    if (!published) throw new CatalogError('CATALOG_NOT_PUBLISHED');
    if (published.id !== input.fromVersionId)
      throw new CatalogError('CATALOG_STALE_VERSION', undefined, { publishedVersionId: published.id });
    const base = contentOf(published, await repo.listMaterials(tx, [published.id]));
    const content: CatalogContent = { ...base, ...stripUndefined(input.changes ?? {}) };
    throwViolations(content);
    if (input.changes?.departmentId) await getDepartmentFor(tx, input.changes.departmentId, item.regionCode);
    const row = await repo.insertVersion(tx, {
      ...versionColumns(content),
      ...(fixedIds.versionId ? { id: fixedIds.versionId } : {}),
      regionCode: item.regionCode,
      itemId,
      versionNo: latest.versionNo + 1,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await writeMaterials(tx, row.id, item.regionCode, content.materials);
    return {
      result: await toVersion(tx, row),
      audit: {
        action: 'catalog.version.draft',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { versionNo: row.versionNo, fromVersionNo: published.versionNo },
      },
    };
  });
}

/** Publishes a draft after the completeness check; the previous live version is superseded. */
export async function publish(
  deps: Deps,
  actor: Actor,
  itemId: string,
  versionId: string,
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.publish');
  const item = await getItemIn(deps.db, itemId);
  return runAudited(deps, actor, async (tx) => {
    const v = await publishIn(tx, deps, actor, item, versionId);
    return {
      result: await toVersion(tx, v.row),
      audit: {
        action: 'catalog.item.publish',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { itemCode: item.itemCode, versionNo: v.row.versionNo, supersededVersionNo: v.superseded },
      },
    };
  });
}

async function publishIn(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  item: { id: string; regionCode: string; retiredAt: Date | null },
  versionId: string,
) {
  if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
  const row = await repo.findVersionRow(tx, versionId);
  if (!row || row.itemId !== item.id) throw notFound('事项版本', versionId);
  assertScope(actor, 'catalog.publish', item.regionCode, row.departmentId);
  if (row.status !== 'draft') throw new CatalogError('CATALOG_NOT_DRAFT', undefined, { status: row.status });
  const content = contentOf(row, await repo.listMaterials(tx, [row.id]));
  const missing = findMissingElements(content);
  if (missing.length > 0)
    throw new CatalogError(
      'CATALOG_INCOMPLETE',
      `事项要素不完整，不能发布。缺少：${missing.map((m) => m.label).join('、')}`,
      { missing },
    );
  throwViolations(content);
  const now = deps.clock.now();
  const old = await repo.findVersionRowByStatus(tx, item.id, 'published');
  // Superseded first: at most one published version per item (a unique index holds it).
  if (old) await repo.updateVersion(tx, old.id, { status: 'superseded', supersededAt: now });
  const published = await repo.updateVersion(tx, row.id, {
    status: 'published',
    publishedAt: now,
    publishedBy: actor.userId,
  });
  return { row: published, superseded: old?.versionNo ?? null };
}

/** Cancels an item (取消): nothing of it stays live; its history stays readable. */
export async function retire(deps: Deps, actor: Actor, itemId: string, reason: string) {
  assertAccess(actor, 'catalog.publish');
  const item = await getItemIn(deps.db, itemId);
  return runAudited(deps, actor, async (tx) => {
    const latest = (await repo.findLatestVersionRow(tx, itemId))!;
    assertScope(actor, 'catalog.publish', item.regionCode, latest.departmentId);
    if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
    const now = deps.clock.now();
    await repo.retireVersions(tx, itemId);
    await repo.updateItem(tx, itemId, { retiredAt: now, retiredReason: reason });
    return {
      result: await getItemAfter(tx, itemId),
      audit: {
        action: 'catalog.item.retire',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { itemCode: item.itemCode, reason },
      },
    };
  });
}

async function getItemAfter(db: Executor, itemId: string) {
  const item = (await repo.findItem(db, itemId))!;
  return {
    id: item.id,
    regionCode: item.regionCode,
    itemCode: item.itemCode,
    retiredAt: iso(item.retiredAt),
    retiredReason: item.retiredReason,
    versions: (await repo.listVersionRows(db, itemId)).map(versionSummary),
  };
}

// ── Spreadsheet ───────────────────────────────────────────────────────────

function regionFor(actor: Actor, regionCode: string | undefined, action: 'catalog.read' | 'catalog.publish') {
  const region = regionCode ?? actor.regionCode;
  if (!checkAccess(actor, action, { regionCode: region })) {
    assertAccess(actor, action);
    throw new CatalogError('CATALOG_OUT_OF_REGION');
  }
  return region;
}

/** The region's live catalog (published versions) as .xlsx (docs/catalog-sheet.md). */
export async function exportWorkbook(deps: Deps, actor: Actor, regionCode?: string): Promise<Buffer> {
  assertAccess(actor, 'catalog.read');
  const region = regionFor(actor, regionCode, 'catalog.read');
  const rows = await repo.listPublishedRows(deps.db, region);
  const versions = await toVersions(deps.db, rows);
  return writeCatalogWorkbook(
    versions.map((v) => ({ itemCode: v.itemCode, departmentName: v.departmentName, content: v })),
  );
}

export type ImportResult = {
  regionCode: string;
  created: string[];
  updated: string[];
  unchanged: string[];
};

/**
 * Imports a sheet all-or-nothing: every row is checked (format, department, rules, completeness),
 * then everything is written in one transaction; any problem rolls all of it back and the reply lists
 * every problem with its sheet and row. A new item or a changed one is published; an unchanged row
 * changes nothing, so exporting and importing again is a no-op.
 */
export async function importWorkbook(
  deps: Deps,
  actor: Actor,
  bytes: Buffer,
  regionCode?: string,
): Promise<ImportResult> {
  assertAccess(actor, 'catalog.publish');
  const region = regionFor(actor, regionCode, 'catalog.publish');
  const parsed = await readCatalogWorkbook(bytes);
  const problems: CatalogImportProblem[] = [...parsed.problems];
  const departments = new Map(
    (await repo.listDepartmentsLike(deps.db, region)).map((d) => [d.name, d.id] as const),
  );
  const candidates: { sheetItem: SheetItem; content: CatalogContent }[] = [];
  const dupCodes = checkUniqueItemCodes(parsed.items.map((i) => i.itemCode));
  const seen = new Set<string>();
  for (const it of parsed.items) {
    if (dupCodes && seen.has(it.itemCode)) {
      problems.push({ sheet: '事项', row: it.row, reason: `事项编码“${it.itemCode}”在表中重复` });
      continue;
    }
    seen.add(it.itemCode);
    const departmentId = departments.get(it.departmentName);
    if (!departmentId) {
      problems.push({ sheet: '事项', row: it.row, reason: `实施部门“${it.departmentName}”不是本区划的部门` });
      continue;
    }
    const result = CatalogContentFields.safeParse({ ...it.content, departmentId });
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          sheet: issue.path[0] === 'materials' ? '材料' : '事项',
          row: issue.path[0] === 'materials' ? (it.materialRows[Number(issue.path[1])] ?? it.row) : it.row,
          reason: `${issue.path.join('.')}：${issue.message}`,
        });
      continue;
    }
    const content = result.data;
    for (const v of checkContentRules(content))
      problems.push({ sheet: '事项', row: it.row, reason: v.message });
    const missing = findMissingElements(content);
    if (missing.length > 0)
      problems.push({
        sheet: '事项',
        row: it.row,
        reason: `要素不完整，缺少：${missing.map((m) => m.label).join('、')}`,
      });
    candidates.push({ sheetItem: it, content });
  }
  if (problems.length > 0) throw importInvalid(problems);

  const result: ImportResult = { regionCode: region, created: [], updated: [], unchanged: [] };
  await runAudited(deps, actor, async (tx) => {
    for (const { sheetItem, content } of candidates) {
      const fail = (reason: string) => problems.push({ sheet: '事项', row: sheetItem.row, reason });
      if (
        !checkAccess(actor, 'catalog.publish', { regionCode: region, departmentId: content.departmentId })
      ) {
        fail('无权维护该部门的事项');
        continue;
      }
      let item = await repo.findItemByCode(tx, region, sheetItem.itemCode);
      if (item?.retiredAt) {
        fail(`事项“${sheetItem.itemCode}”已取消，不能再导入`);
        continue;
      }
      let versionNo = 1;
      if (item) {
        const latest = (await repo.findLatestVersionRow(tx, item.id))!;
        const published = await repo.findVersionRowByStatus(tx, item.id, 'published');
        if (published) {
          const live = contentOf(published, await repo.listMaterials(tx, [published.id]));
          if (stableJson(live) === stableJson(content)) {
            result.unchanged.push(sheetItem.itemCode);
            continue;
          }
        }
        // A pending draft is someone's unfinished edit: an import does not overwrite it.
        if (latest.status === 'draft') {
          fail(`事项“${sheetItem.itemCode}”有待发布的草稿（第 ${latest.versionNo} 版），请先发布或修改草稿`);
          continue;
        }
        versionNo = latest.versionNo + 1;
      } else {
        item = await repo.insertItem(tx, { regionCode: region, itemCode: sheetItem.itemCode });
      }
      const row = await repo.insertVersion(tx, {
        ...versionColumns(content),
        regionCode: region,
        itemId: item.id,
        versionNo,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      });
      await writeMaterials(tx, row.id, region, content.materials);
      await publishIn(tx, deps, actor, item, row.id);
      (versionNo === 1 ? result.created : result.updated).push(sheetItem.itemCode);
    }
    // All or nothing: a problem found while writing rolls the whole transaction back.
    if (problems.length > 0) throw importInvalid(problems);
    const changed = result.created.length + result.updated.length > 0;
    return {
      result,
      audit: !changed
        ? null
        : {
            action: 'catalog.import',
            entityType: 'catalog',
            entityId: region,
            regionCode: region,
            summary: result,
          },
    };
  });
  return result;
}

function importInvalid(problems: CatalogImportProblem[]) {
  const sorted = [...problems].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  const first = sorted[0]!;
  return new CatalogError(
    'CATALOG_IMPORT_INVALID',
    `导入文件有 ${sorted.length} 处错误，未导入任何内容（首处：${first.sheet} 第 ${first.row} 行，${first.reason}）`,
    { problems: sorted },
  );
}

// ── Public ───────────────────────────────────────────────────────────────

const langsOf = (guides: unknown) =>
  GuideLang.options.filter((l) => (guides as Guides | null)?.[l] !== undefined);

export async function searchPublic(
  deps: Deps,
  query: CatalogPublicQuery,
): Promise<{ items: CatalogPublicHit[]; total: number; page: number; pageSize: number }> {
  const { total, rows } = await repo.searchPublished(deps.db, {
    q: query.q || undefined,
    pinyin: query.q ? pinyinQuery(query.q) : undefined,
    regionCode: query.regionCode,
    departmentId: query.departmentId,
    itemType: query.itemType,
    onlineLevel: query.onlineLevel,
    maxVisits: query.maxVisits,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map(({ namePinyin: _p, namePinyinInitials: _i, ...r }) => ({
      ...r,
      itemType: r.itemType as CatalogPublicHit['itemType'],
      handling: r.handling as CatalogPublicHit['handling'],
      onlineLevel: r.onlineLevel as CatalogPublicHit['onlineLevel'],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export type PublicGuide = {
  lang: GuideLang;
  availableLangs: GuideLang[];
  guide: NonNullable<Guides['zh']>;
  item: Omit<CatalogVersion, 'guides' | 'createdBy' | 'publishedBy' | 'namePinyin' | 'namePinyinInitials'>;
  guidePath: string;
};

/** The public guide of a live item in one language; a missing language is a 404 naming those there are. */
export async function getPublicGuide(deps: Deps, itemId: string, lang: GuideLang): Promise<PublicGuide> {
  const v = await getPublishedVersion(deps, itemId);
  const availableLangs = langsOf(v.guides);
  const guide = v.guides[lang];
  if (!guide)
    throw new CatalogError(
      'CATALOG_GUIDE_LANG_MISSING',
      `该事项暂无${LANG_NAMES[lang]}办事指南，可选语种：${availableLangs.map((l) => LANG_NAMES[l]).join('、')}`,
      { availableLangs },
    );
  const { guides: _g, createdBy: _c, publishedBy: _p, namePinyin: _n, namePinyinInitials: _i, ...item } = v;
  return { lang, availableLangs, guide, item, guidePath: guidePathOf(itemId) };
}

const LANG_NAMES: Record<GuideLang, string> = { zh: '中文', en: '英文', ru: '俄文', ko: '韩文' };

export const guidePathOf = (itemId: string) => `/guide/${itemId}`;
