import type { BundleDefinition, BundleDefinitionInput, CatalogVersion } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { getPublishedVersion } from '../../catalog';
import { BundlesError } from '../bundles.errors';
import { checkDefinitionItems, mergeFormFields, mergeMaterials } from '../bundles.policy';
import * as repo from '../bundles.repository';
import { getDefinition } from './get-definition';

/** The published catalog versions of the items, each in the bundle's region (else 4xx). */
export async function publishedItems(deps: Deps, regionCode: string, itemIds: readonly string[]) {
  const out: CatalogVersion[] = [];
  for (const id of itemIds) {
    let v: CatalogVersion;
    try {
      v = await getPublishedVersion(deps, id);
    } catch {
      throw new BundlesError('BUNDLE_ITEM_NOT_PUBLISHED', undefined, { itemId: id });
    }
    if (v.regionCode !== regionCode)
      throw new BundlesError(
        'BUNDLE_ITEM_OTHER_REGION',
        `“${v.name}”（${v.departmentName}）不是本行政区划的事项：一件事只能组合本行政区划已发布的事项`,
        { itemId: id },
      );
    out.push(v);
  }
  return out;
}

/**
 * A new theme with draft version 1, or — the code exists — a new draft version of it. Items must be
 * published items of several departments of the region; dependencies must not form a cycle.
 */
export async function saveDefinition(
  deps: Deps,
  actor: Actor,
  input: BundleDefinitionInput,
): Promise<BundleDefinition> {
  assertAccess(actor, 'bundle.define');
  const regionCode = actor.regionCode || '350999';
  const items = await publishedItems(
    deps,
    regionCode,
    input.items.map((i) => i.itemId),
  );
  const problem = checkDefinitionItems(
    input.items.map((i, k) => ({ ...i, departmentId: items[k]!.departmentId })),
  );
  if (problem) {
    const name = (id: string) => items.find((i) => i.itemId === id)?.name ?? id;
    const cycle = (problem.details as { cycle?: string[] } | undefined)?.cycle;
    throw new BundlesError(
      problem.code,
      cycle
        ? `分支之间的前置关系形成了循环（${cycle.map(name).join(' → ')}），各分支将互相等待、永远无法办理：请去掉其中一个前置`
        : undefined,
      problem.details,
    );
  }
  const itemIds = items.map((i) => i.itemId);
  const fields = mergeFormFields(itemIds, input.formFields);
  const materials = mergeMaterials(
    items.map((i) => ({
      itemId: i.itemId,
      materials: i.materials.map((m) => ({ name: m.name, required: m.requirement === 'required' })),
    })),
  );
  const versionId = await runCommand(deps, actor, async ({ tx, now }) => {
    const def =
      (await repo.findDefinitionByCode(tx, regionCode, input.code)) ??
      (await repo.insertDefinition(tx, { regionCode, code: input.code, createdAt: now }));
    await repo.lockDefinition(tx, regionCode, def.id);
    const versionNo = await repo.nextVersionNo(tx, regionCode, def.id);
    const v = await repo.insertVersion(
      tx,
      {
        regionCode,
        definitionId: def.id,
        versionNo,
        status: 'draft',
        name: input.name,
        description: input.description,
        licenseTypeName: input.licenseTypeName,
        licenseTypeCode: input.licenseTypeName
          ? `YYYZ${input.code.toUpperCase().replace(/[^0-9A-Z]/g, '')}`.slice(0, 32)
          : null,
        createdAt: now,
        createdBy: actor.userId,
      },
      input.items.map((i, k) => ({ itemId: i.itemId, sortOrder: k, dependsOn: i.dependsOn })),
      fields.map((f, k) => ({ key: f.key, label: f.label, sortOrder: k, itemIds: f.itemIds })),
      materials.map((m, k) => ({ name: m.name, required: m.required, sortOrder: k, itemIds: m.itemIds })),
    );
    return {
      result: v.id,
      audit: {
        action: 'bundle.definition.save',
        entityType: 'bundle_definition',
        entityId: def.id,
        regionCode,
        summary: { code: input.code, versionNo, items: itemIds.length },
      },
    };
  });
  return getDefinition(deps, actor, versionId);
}

/** Publishes a draft version; the previously published one is retired. */
export async function publishDefinition(
  deps: Deps,
  actor: Actor,
  versionId: string,
): Promise<BundleDefinition> {
  assertAccess(actor, 'bundle.publish');
  // Only a version of the actor's region or below (another's answers as missing): read within it.
  const v = await repo.findVersion(deps.db, versionId, { regionLike: `${actor.regionCode}%` });
  if (!v || !v.regionCode.startsWith(actor.regionCode)) throw new BundlesError('BUNDLE_NOT_FOUND');
  // The items must still be published when the theme is (read before the transaction).
  const parts = await repo.versionParts(deps.db, v.regionCode, versionId);
  await publishedItems(
    deps,
    v.regionCode,
    parts.items.map((i) => i.itemId),
  );
  await runCommand(deps, actor, async ({ tx, now }) => {
    await repo.lockDefinition(tx, v.regionCode, v.definitionId);
    const fresh = await repo.findVersion(tx, versionId, { regionCode: v.regionCode });
    if (fresh?.status !== 'draft') throw new BundlesError('BUNDLE_NOT_DRAFT');
    await repo.publishVersion(tx, v.regionCode, v.definitionId, versionId, now, actor.userId);
    return {
      result: null,
      audit: {
        action: 'bundle.definition.publish',
        entityType: 'bundle_definition',
        entityId: v.definitionId,
        regionCode: v.regionCode,
        summary: { code: v.code, versionNo: v.versionNo },
      },
    };
  });
  return getDefinition(deps, actor, versionId);
}
