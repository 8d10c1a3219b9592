import type { Executor } from '../../platform/db';

export async function listRegulations(db: Executor, inspectionId: string) {
  const regs = await db
    .selectFrom('ledgerRegulation')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
  const links =
    regs.length === 0
      ? []
      : await db
          .selectFrom('ledgerRegulationFinding')
          .selectAll()
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
export const listAccountability = (db: Executor, inspectionId: string) =>
  db
    .selectFrom('ledgerAccountability')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
export const listRecoveries = (db: Executor, inspectionId: string) =>
  db
    .selectFrom('ledgerRecovery')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
export const listLeads = (db: Executor, inspectionId: string) =>
  db.selectFrom('ledgerLead').selectAll().where('inspectionId', '=', inspectionId).orderBy('date').execute();
