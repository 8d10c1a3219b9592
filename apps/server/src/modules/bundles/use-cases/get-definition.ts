import type { BundleDefinition, BundleGuide } from '@tongban/contracts';
import { BUNDLE_DECISION_LIMIT_DAYS } from '@tongban/calendar';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { getPublishedVersion } from '../../catalog';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';

type Item = Awaited<ReturnType<typeof getPublishedVersion>>;
const itemCache = new Map<string, { at: number; v: Item }>();
async function itemOf(deps: Deps, itemId: string): Promise<Item> {
  const hit = itemCache.get(itemId);
  if (hit && Date.now() - hit.at < 10_000) return hit.v;
  const v = await getPublishedVersion(deps, itemId);
  itemCache.set(itemId, { at: Date.now(), v });
  return v;
}

/** Longest chain of promised limits (working days), dependencies in sequence. */
function expectedDays(items: { itemId: string; dependsOn: string[]; days: number }[]): number {
  const memo = new Map<string, number>();
  const f = (id: string): number => {
    if (memo.has(id)) return memo.get(id)!;
    const i = items.find((x) => x.itemId === id)!;
    const v = i.days + Math.max(0, ...i.dependsOn.map(f));
    memo.set(id, v);
    return v;
  };
  return Math.max(0, ...items.map((i) => f(i.itemId)));
}

/**
 * A version's items, form fields and materials: written once with the version and never changed
 * (a new version is made instead), so they are read once per process.
 */
type Parts = Awaited<ReturnType<typeof repo.versionParts>>;
const partsCache = new Map<string, Parts>();
async function partsOf(deps: Deps, v: repo.VersionRow): Promise<Parts> {
  const hit = partsCache.get(v.versionId);
  if (hit) return hit;
  const parts = await repo.versionParts(deps.db, v.regionCode, v.versionId);
  if (partsCache.size >= 1000) partsCache.clear();
  // A version always has items once committed (checkDefinitionItems: at least two departments).
  if (parts.items.length) partsCache.set(v.versionId, parts);
  return parts;
}

export async function toDefinition(deps: Deps, v: repo.VersionRow): Promise<BundleDefinition> {
  const parts = await partsOf(deps, v);
  const items = await Promise.all(parts.items.map((i) => itemOf(deps, i.itemId).catch(() => null)));
  const nameOf = (id: string) => items.find((i) => i?.itemId === id)?.name ?? '（事项已取消）';
  const defItems = parts.items.map((i, k) => ({
    itemId: i.itemId,
    itemName: items[k]?.name ?? '（事项已取消）',
    departmentId: items[k]?.departmentId ?? '',
    departmentName: items[k]?.departmentName ?? '',
    legalLimitDays: items[k]?.legalLimitDays ?? null,
    promisedLimitDays: items[k]?.promisedLimitDays ?? null,
    dependsOn: i.dependsOn,
  }));
  return {
    id: v.definitionId,
    versionId: v.versionId,
    regionCode: v.regionCode,
    code: v.code,
    versionNo: v.versionNo,
    status: v.status,
    name: v.name,
    description: v.description,
    licenseTypeCode: v.licenseTypeCode,
    licenseTypeName: v.licenseTypeName,
    items: defItems,
    formFields: parts.fields.map((f) => ({
      key: f.key,
      label: f.label,
      itemIds: f.itemIds,
      shared: f.itemIds.length > 1,
    })),
    materials: parts.materials.map((m) => ({
      name: m.name,
      required: m.required,
      itemIds: m.itemIds,
      itemNames: m.itemIds.map(nameOf),
    })),
    expectedDays: expectedDays(
      defItems.map((i) => ({ ...i, days: i.promisedLimitDays ?? i.legalLimitDays ?? 0 })),
    ),
    publishedAt: v.publishedAt ? new Date(v.publishedAt).toISOString() : null,
  };
}

/** A version by id (staff), or the published version of a definition id (anyone: public guide). */
export async function getDefinition(deps: Deps, actor: Actor | null, id: string): Promise<BundleDefinition> {
  if (actor) assertAccess(actor, 'bundle.read');
  // Staff see their scope's (another region's answers as missing): read within it; the public guide
  // names a theme by its id alone.
  const scope = actor ? { regionLike: regionScopeLike(actor) } : undefined;
  const v =
    (await repo.findVersion(deps.db, id, scope)) ?? (await repo.findCurrentVersion(deps.db, id, scope));
  const visible =
    v &&
    (actor ? v.regionCode.startsWith(regionScopeLike(actor).replace('%', '')) : v.status === 'published');
  if (!v || !visible) throw new BundlesError('BUNDLE_NOT_FOUND');
  return toDefinition(deps, v);
}

export async function listDefinitions(deps: Deps, actor: Actor | null) {
  if (actor) assertAccess(actor, 'bundle.read');
  const rows = await repo.listCurrentVersions(deps.db, actor ? regionScopeLike(actor) : '%', !actor);
  return { items: await Promise.all(rows.map((r) => toDefinition(deps, r))) };
}

/** 一次告知: the bundle's guide generated from its items' published guides. */
export async function getBundleGuide(deps: Deps, actor: Actor | null, id: string): Promise<BundleGuide> {
  const definition = await getDefinition(deps, actor, id);
  const items = await Promise.all(definition.items.map((i) => itemOf(deps, i.itemId)));
  return {
    definition,
    items: items.map((i) => ({
      itemId: i.itemId,
      itemName: i.name,
      departmentName: i.departmentName,
      conditions: i.guides.zh?.conditions || i.acceptanceConditions,
      process: i.guides.zh?.process ?? '',
      location: i.location,
      consultPhone: i.consultPhone,
    })),
    legalLimitDays: BUNDLE_DECISION_LIMIT_DAYS,
  };
}
