// SUP-1: each item's warning threshold (default 20% of its promised limit, at least 1 working day)
// and each back-office step's own time (default: the promised limit shared among the steps), set by
// the supervisor of the item's region. Every change is audited; it takes effect at the job's next
// pass, which then recomputes every open case.
import type { ThresholdInput, ThresholdList, ThresholdRow } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { catalogService, getPublishedVersion, type CatalogVersion } from '../../catalog';
import { SupervisionError } from '../supervision.errors';
import { backOfficeSteps, stepDaysOf, warningDaysOf } from '../supervision.policy';
import * as repo from '../supervision.repository';
import { scopeOf } from './read-board';
import { limitsOf } from './recompute-cases';

function rowOf(
  v: CatalogVersion,
  regionCode: string,
  own: { warningDays: number | null; stepDays: number | null; updatedAt: Date | string } | undefined,
): ThresholdRow {
  const limits = limitsOf(v);
  const legal = Math.max(1, v.legalLimitDays ?? 20);
  const promised = Math.max(1, Math.min(v.promisedLimitDays ?? legal, legal));
  return {
    itemId: v.itemId,
    itemName: v.name,
    departmentName: v.departmentName,
    regionCode,
    promisedLimitDays: promised,
    legalLimitDays: legal,
    steps: backOfficeSteps(v.steps),
    defaultWarningDays: warningDaysOf(promised, null),
    warningDays: own?.warningDays ?? null,
    defaultStepDays: stepDaysOf(limits, null),
    stepDays: own?.stepDays ?? null,
    updatedAt: own ? new Date(own.updatedAt).toISOString() : null,
  };
}

/** The published items of the actor's region with their thresholds (own or default). */
export async function listThresholds(deps: Deps, actor: Actor): Promise<ThresholdList> {
  scopeOf(actor);
  const out: ThresholdRow[] = [];
  for (let page = 1; page <= 50; page++) {
    const r = await catalogService.listItems(deps, actor, { status: 'published', page, pageSize: 100 });
    const own = new Map<string, Awaited<ReturnType<typeof repo.listThresholds>>[number]>();
    for (const region of new Set(r.items.map((i) => i.regionCode)))
      for (const t of await repo.listThresholds(deps.db, region)) own.set(`${region}:${t.itemId}`, t);
    for (const i of r.items) {
      if (!i.publishedVersionId) continue;
      const v = await getPublishedVersion(deps, i.id);
      out.push(rowOf(v, i.regionCode, own.get(`${i.regionCode}:${i.id}`)));
    }
    if (page * 100 >= r.total) break;
  }
  return {
    items: out.sort(
      (a, b) => a.departmentName.localeCompare(b.departmentName) || a.itemName.localeCompare(b.itemName),
    ),
  };
}

/**
 * Sets (or with nulls, resets) an item's thresholds. Refused: an item outside the supervisor's
 * region or not published (404), a warning threshold not below the promised limit or a step's time
 * beyond it (422); nothing changes then.
 */
export async function setThreshold(
  deps: Deps,
  actor: Actor,
  itemId: string,
  input: ThresholdInput,
): Promise<ThresholdRow> {
  assertAccess(actor, 'supervision.threshold.write');
  let v: CatalogVersion;
  try {
    v = await getPublishedVersion(deps, itemId);
  } catch {
    throw new SupervisionError('SUPERVISION_ITEM_NOT_FOUND');
  }
  const regionCode = v.regionCode;
  if (!checkAccess(actor, 'supervision.threshold.write', { regionCode }))
    throw new SupervisionError('SUPERVISION_ITEM_NOT_FOUND');
  const row = rowOf(v, regionCode, undefined);
  if (input.warningDays !== null && input.warningDays >= row.promisedLimitDays)
    throw new SupervisionError(
      'SUPERVISION_THRESHOLD_TOO_LARGE',
      `预警天数须小于承诺时限（${row.promisedLimitDays} 个工作日），否则办件一受理即为黄灯`,
    );
  if (input.stepDays !== null && input.stepDays > row.promisedLimitDays)
    throw new SupervisionError(
      'SUPERVISION_STEP_DAYS_TOO_LARGE',
      `单个环节的时限不能超过承诺时限（${row.promisedLimitDays} 个工作日）`,
    );
  return runCommand(deps, actor, async ({ tx, now }) => {
    const before = await repo.findThreshold(tx, regionCode, itemId, true);
    if (input.warningDays === null && input.stepDays === null)
      await repo.deleteThreshold(tx, regionCode, itemId);
    else await repo.upsertThreshold(tx, regionCode, itemId, input, now);
    // The next pass recomputes every open case (their colours and step times may have moved).
    await repo.setJobState(tx, 'day', '');
    const after =
      input.warningDays === null && input.stepDays === null ? undefined : { ...input, updatedAt: now };
    return {
      result: rowOf(v, regionCode, after),
      audit: {
        action: 'supervision.threshold.set',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode,
        summary: {
          item: v.name,
          before: { warningDays: before?.warningDays ?? null, stepDays: before?.stepDays ?? null },
          after: input,
        },
      },
    };
  });
}
