import type { Executor } from '../../platform/db';

export async function listRegulations(db: Executor, regionCode: string, inspectionId: string) {
  const regs = await db
    .selectFrom('ledgerRegulation')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
  const links =
    regs.length === 0
      ? []
      : await db
          .selectFrom('ledgerRegulationFinding')
          .selectAll()
          .where('regionCode', '=', regionCode)
          .where(
            'regulationId',
            'in',
            regs.map((r) => r.id),
          )
          .execute();
  return regs.map((r) => ({
    ...r,
    findingIds: links.filter((l) => l.regulationId === r.id).map((l) => l.findingId),
  }));
}

/** 问责, 追缴/退还 and 移交线索 of one inspection, by date. */
export const listAccountability = (db: Executor, regionCode: string, inspectionId: string) =>
  db
    .selectFrom('ledgerAccountability')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
export const listRecoveries = (db: Executor, regionCode: string, inspectionId: string) =>
  db
    .selectFrom('ledgerRecovery')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
export const listLeads = (db: Executor, regionCode: string, inspectionId: string) =>
  db
    .selectFrom('ledgerLead')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
