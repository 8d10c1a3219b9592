import { type CaseListQuery, type CaseSummary } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { calendarsOnce } from '../case-clock';
import { JoinedRow, baseQuery, strip, toSummary } from '../case-views';
import { scoped } from '../cases.read-model';

export async function listCases(
  deps: Deps,
  actor: Actor,
  q: CaseListQuery,
  opts: { chunk: number } = { chunk: 1000 },
) {
  assertAccess(actor, 'case.read');
  let query = scoped(actor)(baseQuery(deps.db));
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.departmentId) query = query.where('c.departmentId', '=', q.departmentId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('c.caseNo', 'like', `%${q.q}%`), eb('a.name', 'like', `%${q.q}%`)]),
    );
  switch (q.queue) {
    case 'review':
      // The department's back-office queue: accepted, not suspended, unassigned or assigned to me.
      query = query
        .where('c.status', '=', 'accepted')
        .where('c.suspended', '=', false)
        .where((eb) => eb.or([eb('c.assigneeId', 'is', null), eb('c.assigneeId', '=', actor.userId ?? '')]));
      break;
    case 'mine':
      query = query.where('c.assigneeId', '=', actor.userId ?? '');
      break;
    case 'extension':
      query = query.where('c.extensionStatus', '=', 'requested');
      break;
    case 'intake':
      query = query.where('c.status', 'in', ['submitted', 'supplement_requested']);
      break;
    case undefined:
      break;
  }
  query = query.orderBy('c.receivedAt', 'desc').orderBy('c.caseNo', 'desc');
  const calendars = calendarsOnce(deps);
  if (!q.clock) {
    const rows = (await query.limit(q.limit).offset(q.offset).execute()) as JoinedRow[];
    return { items: (await Promise.all(rows.map((r) => toSummary(deps, r, calendars)))).map(strip) };
  }
  // The clock is derived, not stored (ADR 0001): the filter reads the cases in order, a chunk at a
  // time, until it has the page it was asked for — not only the first page's cases.
  const matches: CaseSummary[] = [];
  const wanted = q.offset + q.limit;
  for (let from = 0; matches.length < wanted; from += opts.chunk) {
    const rows = (await query.limit(opts.chunk).offset(from).execute()) as JoinedRow[];
    for (const r of rows) {
      const s = await toSummary(deps, r, calendars);
      if (s.clock?.state === q.clock) matches.push(strip(s));
    }
    if (rows.length < opts.chunk) break;
  }
  return { items: matches.slice(q.offset, wanted) };
}
