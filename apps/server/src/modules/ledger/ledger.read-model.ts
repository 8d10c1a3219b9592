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
