import {
  COMPLAINT_TYPE_LABELS,
  ComplaintType,
  type CatalogPublishInput,
  type CatalogVersionList,
  type ComplaintSettings,
  type DispatchCatalog,
} from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { ComplaintError } from '../complaints.errors';
import { DEFAULT_LIMIT_DAYS } from '../complaints.policy';
import { findDepartments } from '../complaints.read-model';
import * as repo from '../complaints.repository';
import { assertDepartments } from './dispatch-complaint';

/** The version in force, or an earlier one (kept: every dispatch names the version that suggested it). */
export async function getCatalog(deps: Deps, actor: Actor, version?: number): Promise<DispatchCatalog> {
  assertAccess(actor, 'complaint.read');
  const v =
    version === undefined
      ? await repo.findLatestCatalog(deps.db, actor.regionCode)
      : await repo.findCatalogVersion(deps.db, actor.regionCode, version);
  if (!v && version !== undefined) throw new ComplaintError('COMPLAINT_CATALOG_VERSION_NOT_FOUND');
  if (!v) return { version: null, publishedAt: null, note: '', rules: [] };
  const rules = await repo.listCatalogRules(deps.db, actor.regionCode, v.version);
  const names = new Map(
    (
      await findDepartments(
        deps.db,
        actor.regionCode,
        rules.map((r) => r.leadDepartmentId),
      )
    ).map((d) => [d.id, d.name]),
  );
  return {
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    note: v.note,
    rules: rules.map((r) => ({
      id: r.id,
      type: r.type as ComplaintType | null,
      subjectKind: r.subjectKind as DispatchCatalog['rules'][number]['subjectKind'],
      subjectId: r.subjectId,
      leadDepartmentId: r.leadDepartmentId,
      leadDepartmentName: names.get(r.leadDepartmentId) ?? null,
      assistDepartmentIds: (r.assistDepartmentIds as string[]) ?? [],
      explanation: r.explanation,
    })),
  };
}

/** Every published version of the 派单目录, newest first. */
export async function listCatalogVersions(deps: Deps, actor: Actor): Promise<CatalogVersionList> {
  assertAccess(actor, 'complaint.read');
  const rows = await repo.listCatalogVersions(deps.db, actor.regionCode);
  return {
    items: rows.map((r) => ({
      version: r.version,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publishedBy,
      note: r.note,
      rules: Number(r.rules),
    })),
  };
}

/** 派单目录: a new version, published whole; earlier versions stay for the orders they routed. */
export async function publishCatalog(deps: Deps, actor: Actor, input: CatalogPublishInput) {
  assertAccess(actor, 'complaint.catalog.write');
  const region = actor.regionCode;
  return runCommand(deps, actor, async ({ tx, now }) => {
    await assertDepartments(tx, region, [
      ...new Set(input.rules.flatMap((r) => [r.leadDepartmentId, ...r.assistDepartmentIds])),
    ]);
    // Publishers of one region take turns: two at once would both claim the next version number.
    await repo.lockCatalogRegion(tx, region);
    const last = await repo.findLatestCatalog(tx, region);
    const version = (last?.version ?? 0) + 1;
    await repo.insertCatalog(
      tx,
      { regionCode: region, version, note: input.note, publishedBy: actor.displayName, at: now },
      input.rules,
    );
    return {
      result: { version },
      audit: {
        action: 'complaint.catalog.publish',
        entityType: 'complaint_catalog',
        entityId: `${region}:${version}`,
        regionCode: region,
        summary: { version, rules: input.rules.length },
      },
    };
  });
}

/** CPL-1: the deadline of each type, from the region's settings. */
export async function getSettings(deps: Deps, actor: Actor): Promise<ComplaintSettings> {
  assertAccess(actor, 'complaint.read');
  const rows = await repo.listSettings(deps.db, actor.regionCode);
  const limits = { ...DEFAULT_LIMIT_DAYS };
  for (const r of rows) limits[r.type as ComplaintType] = r.limitDays;
  return { limits };
}

export async function saveSettings(
  deps: Deps,
  actor: Actor,
  input: { limits: Partial<Record<ComplaintType, number>> },
) {
  assertAccess(actor, 'complaint.catalog.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    for (const [type, days] of Object.entries(input.limits))
      await repo.upsertSetting(tx, actor.regionCode, type as ComplaintType, days!, now);
    return {
      result: await getSettings({ ...deps, db: tx as never }, actor),
      audit: {
        action: 'complaint.settings',
        entityType: 'complaint_setting',
        entityId: actor.regionCode,
        summary: Object.fromEntries(
          Object.entries(input.limits).map(([k, v]) => [COMPLAINT_TYPE_LABELS[k as ComplaintType], v]),
        ),
      },
    };
  });
}
