import { type CaseSummary } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { calendarsOnce } from '../case-clock';
import { JoinedRow, baseQuery, strip, toSummary } from '../case-views';
import { scoped } from '../cases.read-model';

/**
 * 电子监察: open cases whose clock is red, per department, oldest first. Deadlines are derived, not
 * stored (ADR 0001), so every open case is read, `chunk` rows at a time: none is left out, and only
 * the red ones are kept.
 */
export async function listOverdue(
  deps: Deps,
  actor: Actor,
  departmentId?: string,
  opts: { chunk?: number } = {},
) {
  assertAccess(actor, 'case.read');
  const chunk = opts.chunk ?? 1000;
  const calendars = calendarsOnce(deps);
  const items: CaseSummary[] = [];
  let after: string | undefined;
  for (;;) {
    let query = scoped(actor)(baseQuery(deps.db)).where('c.status', 'in', [
      'submitted',
      'supplement_requested',
      'accepted',
      'decided',
    ]);
    if (departmentId) query = query.where('c.departmentId', '=', departmentId);
    if (after) query = query.where('c.id', '>', after);
    const rows = (await query.orderBy('c.id').limit(chunk).execute()) as JoinedRow[];
    for (const r of rows) {
      const s = await toSummary(deps, r, calendars);
      if (s.clock?.state === 'red') items.push(strip(s));
    }
    if (rows.length < chunk) break;
    after = rows.at(-1)!.id;
  }
  items.sort(
    (a, b) =>
      (a.receivedAt ?? '\uffff').localeCompare(b.receivedAt ?? '\uffff') || a.caseNo.localeCompare(b.caseNo),
  );
  // A count per department: the cases themselves are in `items` once (the screen showed
  // "[object Object],…件" when each department carried its cases again).
  const byDept = new Map<string, { departmentId: string; departmentName: string; cases: number }>();
  for (const i of items) {
    const g = byDept.get(i.departmentId) ?? {
      departmentId: i.departmentId,
      departmentName: i.departmentName,
      cases: 0,
    };
    g.cases += 1;
    byDept.set(i.departmentId, g);
  }
  return { items, departments: [...byDept.values()] };
}
