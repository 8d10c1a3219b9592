import {
  type AccountabilityInput,
  type RecoveryInput,
  type RegulationInput,
  type LeadInput,
} from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../ledger.repository';

import { getInspection, checkFindingInInspection } from '../ledger-access';

// ── Also recorded ────────────────────────────────────────────────────────

export async function addAccountability(
  deps: Deps,
  actor: Actor,
  inspectionId: string,
  input: AccountabilityInput,
) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkFindingInInspection(tx, i, input.findingId);
    const row = await tx
      .insertInto('ledgerAccountability')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        findingId: input.findingId ?? null,
        kind: input.kind,
        count: input.count,
        date: input.date,
        names: input.names ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: row,
      // Names stay out of the audit summary: it is readable more widely than the names are.
      audit: {
        action: 'ledger.accountability.create',
        entityType: 'ledger_accountability',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: {
          kind: input.kind,
          count: input.count,
          date: input.date,
          findingId: input.findingId ?? null,
        },
      },
    };
  });
}

export async function addRegulation(deps: Deps, actor: Actor, inspectionId: string, input: RegulationInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    const findingIds = [...new Set(input.findingIds ?? [])];
    for (const f of findingIds) await checkFindingInInspection(tx, i, f);
    const row = await tx
      .insertInto('ledgerRegulation')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        name: input.name,
        docNumber: input.docNumber ?? '',
        date: input.date,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (findingIds.length > 0)
      await tx
        .insertInto('ledgerRegulationFinding')
        .values(
          findingIds.map((findingId) => ({ regulationId: row.id, findingId, regionCode: i.regionCode })),
        )
        .execute();
    return {
      result: { ...row, findingIds },
      audit: {
        action: 'ledger.regulation.create',
        entityType: 'ledger_regulation',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

export async function addRecovery(deps: Deps, actor: Actor, inspectionId: string, input: RecoveryInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkFindingInInspection(tx, i, input.findingId);
    const row = await tx
      .insertInto('ledgerRecovery')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        findingId: input.findingId ?? null,
        kind: input.kind,
        amountFen: input.amountFen,
        date: input.date,
        note: input.note ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: row,
      audit: {
        action: 'ledger.recovery.create',
        entityType: 'ledger_recovery',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

export async function addLead(deps: Deps, actor: Actor, inspectionId: string, input: LeadInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runCommand(deps, actor, async ({ tx }) => {
    await checkFindingInInspection(tx, i, input.findingId);
    const row = await repo.insertLead(tx, {
      regionCode: i.regionCode,
      inspectionId,
      findingId: input.findingId ?? null,
      count: input.count,
      date: input.date,
      receiver: input.receiver ?? '',
      note: input.note ?? '',
    });
    return {
      result: row,
      audit: {
        action: 'ledger.lead.create',
        entityType: 'ledger_lead',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}
