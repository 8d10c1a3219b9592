import { type CategoryInput, type InspectionInput, type InspectionPatch } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { LedgerError } from '../ledger.errors';
import { baseMeasureState, measureStatus, numberCategories } from '../ledger.policy';
import * as repo from '../ledger.repository';
import { recurrenceOf } from '../ledger-recurrence';
import { getFindingStatus } from '../report-model';

import { today, getInspection, inspectionValues } from '../ledger-access';
import { listAccountability, listLeads, listRecoveries, listRegulations } from '../ledger.read-model';

// ── Inspections ──────────────────────────────────────────────────────────

export async function listInspections(deps: Deps, actor: Actor) {
  assertAccess(actor, 'ledger.read');
  return repo.listInspections(deps.db, regionScopeLike(actor));
}

export async function createInspection(deps: Deps, actor: Actor, input: InspectionInput) {
  assertAccess(actor, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    if (input.carriedOverFromId) await getInspection(tx, actor, input.carriedOverFromId, 'ledger.write');
    const row = await repo.insertInspection(tx, {
      ...inspectionValues(input),
      kind: input.kind,
      team: input.team,
      inspectedUnit: input.inspectedUnit,
      regionCode: actor.regionCode,
      createdBy: actor.userId,
    } as never);
    return {
      result: row,
      audit: {
        action: 'ledger.inspection.create',
        entityType: 'ledger_inspection',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateInspection(deps: Deps, actor: Actor, id: string, input: InspectionPatch) {
  const existing = await getInspection(deps.db, actor, id, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    if (input.carriedOverFromId) {
      if (input.carriedOverFromId === id) throw new LedgerError('LEDGER_BAD_REFERENCE', '不能延续自身');
      await getInspection(tx, actor, input.carriedOverFromId, 'ledger.write');
    }
    const { published, ...rest } = input;
    const patch = inspectionValues(rest);
    if (published !== undefined)
      patch.publishedAt = published ? (existing.publishedAt ?? deps.clock.now()) : null;
    const row = await repo.updateInspection(tx, existing.regionCode, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.inspection.update',
        entityType: 'ledger_inspection',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function addCategory(deps: Deps, actor: Actor, inspectionId: string, input: CategoryInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    if (input.parentId) {
      const p = await repo.findCategory(tx, i.regionCode, input.parentId);
      if (!p || p.inspectionId !== inspectionId)
        throw new LedgerError('LEDGER_BAD_REFERENCE', '上级类别不属于该巡察');
    }
    const row = await repo.insertCategory(tx, {
      regionCode: i.regionCode,
      inspectionId,
      parentId: input.parentId ?? null,
      title: input.title,
    });
    return {
      result: row,
      audit: {
        action: 'ledger.category.create',
        entityType: 'ledger_category',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

/** Everything about one inspection, with numbering and states derived. */
export async function getInspectionDetail(deps: Deps, actor: Actor, id: string) {
  const i = await getInspection(deps.db, actor, id, 'ledger.read');
  const db = deps.db;
  const day = today(deps);
  const region = i.regionCode;
  const categories = numberCategories(await repo.listCategories(db, region, id));
  const findings = await repo.listFindings(db, region, id);
  const measures = await repo.listMeasureRows(db, { regionCode: region, inspectionId: id });
  const progress = await repo.listProgress(
    db,
    region,
    measures.map((m) => m.id),
  );
  const revisits = await db
    .selectFrom('ledgerRevisit')
    .selectAll()
    .where('regionCode', '=', region)
    .where('targetId', 'in', [...findings.map((f) => f.id), ...measures.map((m) => m.id), id])
    .orderBy('reopenedAt')
    .execute();
  const seeNames = actor.role === 'system' || actor.role === 'leader' || actor.role === 'supervisor';
  const accountability = (await listAccountability(db, region, id)).map((a) => ({
    ...a,
    names: seeNames ? a.names : '',
  }));
  const regulations = await listRegulations(db, region, id);
  const recoveries = await listRecoveries(db, region, id);
  const leads = await listLeads(db, region, id);
  const measureViews = measures.map((m) => {
    const p = progress.filter((x) => x.measureId === m.id);
    return {
      ...m,
      status: measureStatus(m, p, day),
      recurrence: recurrenceOf(m, p, day),
      progress: p,
      revisits: revisits.filter((r) => r.targetId === m.id || r.measureIds.includes(m.id)),
    };
  });
  return {
    inspection: i,
    categories,
    findings: findings.map((f) => {
      const ms = measureViews.filter((m) => m.findingId === f.id);
      const done = ms.length > 0 && ms.every((m) => m.status === 'signed_off');
      return {
        ...f,
        categoryLabel: categories.find((c) => c.id === f.categoryId)?.label ?? null,
        done,
        status: getFindingStatus({
          id: f.id,
          number: f.number,
          title: f.title,
          description: f.description,
          source: 'inspection',
          measures: ms.map((m) => ({
            id: m.id,
            content: m.content,
            kind: m.kind as never,
            state: baseMeasureState(m, m.progress),
            progress: [],
          })),
        }),
        measures: ms,
        revisits: revisits.filter((r) => r.targetId === f.id),
      };
    }),
    accountability,
    regulations,
    recoveries,
    leads,
  };
}
