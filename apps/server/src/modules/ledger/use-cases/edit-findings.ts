import {
  type FindingInput,
  type FindingPatch,
  type MeasureInput,
  type MeasurePatch,
} from '@tongban/contracts';
import { checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor, Tx } from '../../../platform/db';
import { runCommand } from '../../../platform/command';
import { LedgerError } from '../ledger.errors';
import { mayAddProgress } from '../ledger.policy';
import * as repo from '../ledger.repository';

import {
  getInspection,
  getFinding,
  getMeasure,
  checkRefs,
  locateMeasure,
  measureValues,
} from '../ledger-access';

// ── Findings and measures ────────────────────────────────────────────────

export async function addFinding(deps: Deps, actor: Actor, inspectionId: string, input: FindingInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkFindingFields(tx, { regionCode: i.regionCode, inspectionId }, input);
    const row = await repo.insertFinding(tx, {
      regionCode: i.regionCode,
      inspectionId,
      number: await repo.nextFindingNumber(tx, i.regionCode, inspectionId),
      categoryId: input.categoryId ?? null,
      title: input.title,
      description: input.description ?? '',
      severity: input.severity ?? 'general',
      source: input.source ?? 'inspection',
      carriedOverFromId: input.carriedOverFromId ?? null,
    });
    return {
      result: row,
      audit: {
        action: 'ledger.finding.create',
        entityType: 'ledger_finding',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

/**
 * The category must be the inspection's, and the finding carried over another inspection's of the
 * same region (the composite key (region_code, carried_over_from_id) allows no other): both are
 * read in the inspection's region.
 */
export async function checkFindingFields(
  tx: Executor,
  inspection: { regionCode: string; inspectionId: string },
  input: FindingPatch,
) {
  const { regionCode, inspectionId } = inspection;
  if (input.categoryId) {
    const c = await repo.findCategory(tx, regionCode, input.categoryId);
    if (!c || c.inspectionId !== inspectionId)
      throw new LedgerError('LEDGER_BAD_REFERENCE', '所属类别不属于该巡察');
  }
  if (input.carriedOverFromId) {
    const f = await repo.findFinding(tx, regionCode, input.carriedOverFromId);
    if (!f || f.inspectionId === inspectionId)
      throw new LedgerError('LEDGER_BAD_REFERENCE', '延续的问题须来自此前的另一次巡察');
  }
}

export async function updateFinding(deps: Deps, actor: Actor, id: string, input: FindingPatch) {
  const f = await getFinding(deps.db, actor, id, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkFindingFields(tx, f, input);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = await repo.updateFinding(tx, f.regionCode, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.finding.update',
        entityType: 'ledger_finding',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function addMeasure(deps: Deps, actor: Actor, findingId: string, input: MeasureInput) {
  const f = await getFinding(deps.db, actor, findingId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkRefs(tx, f.regionCode, input);
    const row = await repo.insertMeasure(
      tx,
      measureValues(f.regionCode, findingId, await repo.nextMeasureOrder(tx, f.regionCode, findingId), input),
    );
    return {
      result: row,
      audit: {
        action: 'ledger.measure.create',
        entityType: 'ledger_measure',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateMeasure(deps: Deps, actor: Actor, id: string, input: MeasurePatch) {
  const pre = await getMeasure(deps.db, actor, id, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    const m = (await repo.findMeasure(tx, pre.regionCode, id, true))!;
    if (m.signedOffAt) throw new LedgerError('LEDGER_ALREADY_SIGNED_OFF');
    await checkRefs(tx, m.regionCode, input);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = await repo.updateMeasure(tx, m.regionCode, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.measure.update',
        entityType: 'ledger_measure',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

/**
 * Whether the actor may read a measure (GET /files: its evidence is read by those who may read the
 * measure, issue 12 point 4): ledger.read in its region, and for department roles the ledger view's
 * own-or-department rule (mayAddProgress).
 */
export async function mayReadMeasure(deps: Deps, actor: Actor, measureId: string): Promise<boolean> {
  const m = await locateMeasure(deps.db, measureId, actor.regionCode);
  if (!m || !checkAccess(actor, 'ledger.read', { regionCode: m.regionCode })) return false;
  return mayAddProgress(actor, m);
}

/**
 * A measure still in draft — no progress, never signed off or reopened — can be deleted (an
 * import that cut one measure in two). Anything with a record stays: the ledger's history is
 * what the report and a revisit rely on (REC-1).
 */
export async function assertMeasuresBare(tx: Tx, regionCode: string, measureIds: string[]): Promise<void> {
  if (measureIds.length === 0) return;
  const used = await tx
    .selectFrom('ledgerMeasure')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('id', 'in', measureIds)
    .where((eb) =>
      eb.or([
        eb('signedOffAt', 'is not', null),
        eb('round', '>', 0),
        eb.exists(
          eb
            .selectFrom('ledgerProgress')
            .select('id')
            .whereRef('ledgerProgress.regionCode', '=', 'ledgerMeasure.regionCode')
            .whereRef('measureId', '=', 'ledgerMeasure.id'),
        ),
      ]),
    )
    .executeTakeFirst();
  if (used) throw new LedgerError('LEDGER_HAS_RECORD');
}

export async function deleteMeasure(deps: Deps, actor: Actor, id: string) {
  const pre = await getMeasure(deps.db, actor, id, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    const m = (await repo.findMeasure(tx, pre.regionCode, id, true))!;
    await assertMeasuresBare(tx, m.regionCode, [id]);
    await tx
      .deleteFrom('ledgerMeasure')
      .where('regionCode', '=', m.regionCode)
      .where('id', '=', id)
      .execute();
    return {
      result: { id },
      audit: {
        action: 'ledger.measure.delete',
        entityType: 'ledger_measure',
        entityId: id,
        regionCode: m.regionCode,
        summary: { findingId: m.findingId },
      },
    };
  });
}

/** A finding still in draft: its measures bare, no 问责, 追缴, 制度 or later finding refers to it. */
export async function deleteFinding(deps: Deps, actor: Actor, id: string) {
  const f = await getFinding(deps.db, actor, id, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    const region = f.regionCode;
    const measures = await tx
      .selectFrom('ledgerMeasure')
      .select('id')
      .where('regionCode', '=', region)
      .where('findingId', '=', id)
      .execute();
    await assertMeasuresBare(
      tx,
      region,
      measures.map((m) => m.id),
    );
    const referenced = await tx
      .selectFrom('ledgerFinding as f')
      .select('f.id')
      .where('f.regionCode', '=', region)
      .where('f.id', '=', id)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('ledgerAccountability as a')
              .select('a.id')
              .whereRef('a.regionCode', '=', 'f.regionCode')
              .whereRef('a.findingId', '=', 'f.id'),
          ),
          eb.exists(
            eb
              .selectFrom('ledgerRecovery as r')
              .select('r.id')
              .whereRef('r.regionCode', '=', 'f.regionCode')
              .whereRef('r.findingId', '=', 'f.id'),
          ),
          eb.exists(
            eb
              .selectFrom('ledgerRegulationFinding as rf')
              .select('rf.findingId')
              .whereRef('rf.regionCode', '=', 'f.regionCode')
              .whereRef('rf.findingId', '=', 'f.id'),
          ),
          eb.exists(
            eb
              .selectFrom('ledgerFinding as later')
              .select('later.id')
              .whereRef('later.regionCode', '=', 'f.regionCode')
              .whereRef('later.carriedOverFromId', '=', 'f.id'),
          ),
          eb.exists(
            eb
              .selectFrom('ledgerRevisit as v')
              .select('v.id')
              .whereRef('v.regionCode', '=', 'f.regionCode')
              .whereRef('v.targetId', '=', 'f.id'),
          ),
        ]),
      )
      .executeTakeFirst();
    if (referenced) throw new LedgerError('LEDGER_HAS_RECORD');
    await tx.deleteFrom('ledgerFinding').where('regionCode', '=', region).where('id', '=', id).execute();
    return {
      result: { id },
      audit: {
        action: 'ledger.finding.delete',
        entityType: 'ledger_finding',
        entityId: id,
        regionCode: f.regionCode,
        summary: { inspectionId: f.inspectionId, measures: measures.length },
      },
    };
  });
}
