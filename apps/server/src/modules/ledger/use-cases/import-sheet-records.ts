import type { Executor } from '../../../platform/db';
import { listAccountability, listLeads, listRecoveries, listRegulations } from '../ledger.read-model';
import * as repo from '../ledger.repository';
import { recordKey, type SheetRecord } from '../ledger-sheet-records';

/**
 * The 问责及成果 rows into the ledger, inside the sheet import's transaction. A repeated import adds
 * nothing: rows are compared with what is recorded as a multiset (two equal rows in the sheet and one
 * in the ledger add one), and a regulation of the same name, number and date gains only the findings
 * it was not yet linked to.
 */
export async function importRecords(
  tx: Executor,
  regionCode: string,
  inspectionId: string,
  records: SheetRecord[],
  findingOf: (r: SheetRecord) => string | null,
): Promise<{ added: number; unchanged: number }> {
  let added = 0;
  let unchanged = 0;
  const have = new Map<string, number>();
  const count = (k: string) => have.set(k, (have.get(k) ?? 0) + 1);
  for (const a of await listAccountability(tx, regionCode, inspectionId))
    count(
      recordKey(
        {
          type: 'accountability',
          findingNumber: null,
          findingTitle: '',
          date: a.date,
          kind: a.kind as never,
          count: a.count,
        },
        a.findingId,
      ),
    );
  for (const r of await listRecoveries(tx, regionCode, inspectionId))
    count(
      recordKey(
        {
          type: 'recovery',
          findingNumber: null,
          findingTitle: '',
          date: r.date,
          kind: r.kind as never,
          amountFen: Number(r.amountFen),
          note: r.note,
        },
        r.findingId,
      ),
    );
  for (const l of await listLeads(tx, regionCode, inspectionId))
    count(
      recordKey(
        {
          type: 'lead',
          findingNumber: null,
          findingTitle: '',
          date: l.date,
          count: l.count,
          receiver: l.receiver,
          note: l.note,
        },
        l.findingId,
      ),
    );
  const regulations = await listRegulations(tx, regionCode, inspectionId);

  for (const r of records) {
    const findingId = findingOf(r);
    if (r.type === 'regulation') {
      let reg = regulations.find(
        (x) => x.name === r.name && x.docNumber === r.docNumber && x.date === r.date,
      );
      if (!reg) {
        const row = await repo.insertRegulation(tx, {
          regionCode,
          inspectionId,
          name: r.name,
          docNumber: r.docNumber,
          date: r.date,
        });
        reg = { ...row, findingIds: [] };
        regulations.push(reg);
        added++;
      } else if (!findingId || reg.findingIds.includes(findingId)) {
        unchanged++;
        continue;
      }
      if (findingId && !reg.findingIds.includes(findingId)) {
        await repo.linkRegulation(tx, { regulationId: reg.id, findingId, regionCode });
        reg.findingIds.push(findingId);
      }
      continue;
    }
    const key = recordKey(r, findingId);
    const n = have.get(key) ?? 0;
    if (n > 0) {
      have.set(key, n - 1);
      unchanged++;
      continue;
    }
    added++;
    const base = { regionCode, inspectionId, findingId, date: r.date };
    if (r.type === 'accountability')
      await repo.insertAccountability(tx, { ...base, kind: r.kind, count: r.count, names: '' });
    else if (r.type === 'recovery')
      await repo.insertRecovery(tx, { ...base, kind: r.kind, amountFen: r.amountFen, note: r.note });
    else await repo.insertLead(tx, { ...base, count: r.count, receiver: r.receiver, note: r.note });
  }
  return { added, unchanged };
}
