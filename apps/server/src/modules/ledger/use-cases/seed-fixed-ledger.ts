import type { Insertable } from 'kysely';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type {
  LedgerCategoryTable,
  LedgerFindingTable,
  LedgerInspectionTable,
  LedgerMeasureTable,
} from '../../../platform/db-types';
import * as repo from '../ledger.repository';

/** An inspection with its categories, findings and measures, every row with its id given. */
export type FixedLedger = {
  inspection: Insertable<LedgerInspectionTable> & { id: string; regionCode: string };
  categories: Insertable<LedgerCategoryTable>[];
  findings: Insertable<LedgerFindingTable>[];
  measures: Insertable<LedgerMeasureTable>[];
};

/**
 * Writes a ledger whose ids are fixed (the demo: tests and the access matrix address its records),
 * all of it and its audit entry in one transaction; a second call with the same inspection id
 * changes nothing. Progress, sign-off and revisits are not here: they go through their use cases,
 * so they obey REC-1 and SOD-2.
 */
export async function seedFixedLedger(deps: Deps, actor: Actor, ledger: FixedLedger): Promise<boolean> {
  if (await repo.findInspection(deps.db, ledger.inspection.regionCode, ledger.inspection.id)) return false;
  return runCommand(deps, actor, async ({ tx }) => {
    await repo.insertInspection(tx, ledger.inspection);
    for (const c of ledger.categories) await repo.insertCategoryRow(tx, c);
    for (const f of ledger.findings) await repo.insertFinding(tx, f);
    for (const m of ledger.measures) await repo.insertMeasure(tx, m);
    return {
      result: true,
      audit: {
        action: 'ledger.demo.seed',
        entityType: 'ledger_inspection',
        entityId: ledger.inspection.id,
        regionCode: ledger.inspection.regionCode,
        summary: { findings: ledger.findings.length, measures: ledger.measures.length },
      },
    };
  });
}
