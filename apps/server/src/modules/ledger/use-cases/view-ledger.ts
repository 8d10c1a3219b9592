import { type LedgerRow, type LedgerViewQuery } from '@tongban/contracts';
import { DEPARTMENT_ROLES } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { measureStatus, numberCategories } from '../ledger.policy';
import * as repo from '../ledger.repository';
import { recurrenceOf } from '../ledger-recurrence';

import { today } from '../ledger-access';

// ── The ledger view ──────────────────────────────────────────────────────

export async function ledgerView(
  deps: Deps,
  actor: Actor,
  query: LedgerViewQuery,
  mine = false,
): Promise<LedgerRow[]> {
  assertAccess(actor, 'ledger.read');
  const db = deps.db;
  const ownOnly = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  const rows = await repo.listMeasureRows(db, {
    like: regionScopeLike(actor),
    ...(query.inspectionId ? { inspectionId: query.inspectionId } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(mine
      ? { ownerUserId: actor.userId ?? '00000000-0000-0000-0000-000000000000' }
      : query.ownerUserId
        ? { ownerUserId: query.ownerUserId }
        : {}),
  });
  const visible = ownOnly
    ? rows.filter(
        (r) =>
          r.ownerUserId === actor.userId ||
          (r.departmentId !== null && r.departmentId === actor.departmentId),
      )
    : rows;
  const progress = await repo.listProgress(
    db,
    visible.map((r) => r.regionCode),
    visible.map((r) => r.id),
  );
  const catsByInspection = new Map<string, ReturnType<typeof numberCategories>>();
  // A measure is in its inspection's region (composite keys).
  const inspections = new Map(visible.map((r) => [r.inspectionId, r.regionCode]));
  for (const [id, region] of inspections)
    catsByInspection.set(id, numberCategories(await repo.listCategories(db, region, id)));
  const day = today(deps);
  const q = query.q?.toLowerCase();
  return visible
    .map((r) => {
      const p = progress.filter((x) => x.measureId === r.id);
      return {
        inspectionId: r.inspectionId,
        findingId: r.findingId,
        measureId: r.id,
        number: `${r.findingNumber}.${r.sortOrder}`,
        finding: r.findingTitle,
        measure: r.content,
        leader: r.leader,
        departmentId: r.departmentId,
        department: r.departmentName ?? '',
        ownerUserId: r.ownerUserId,
        owner: r.ownerName ?? '',
        dueDate: r.dueDate,
        kind: r.kind as LedgerRow['kind'],
        progress: p.map((x) => `${x.date} ${x.text}`).join('\n'),
        status: measureStatus(r, p, day),
        recurrence: recurrenceOf(r, p, day),
      };
    })
    .filter((r) => !query.status || r.status === query.status)
    .filter((r) => !q || `${r.finding}${r.measure}${r.department}${r.owner}`.toLowerCase().includes(q));
}
