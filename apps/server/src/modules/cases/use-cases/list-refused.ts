import * as repo from '../cases.repository';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { calendarsOnce } from '../case-clock';
import { JoinedRow, baseQuery, strip, toSummary } from '../case-views';
import { scoped } from '../cases.read-model';

/** 办不成事: every refusal with its reason, for the 办不成事 window's review. */
export async function listRefused(deps: Deps, actor: Actor) {
  assertAccess(actor, 'case.read');
  const rows = (await scoped(actor)(baseQuery(deps.db))
    .where('c.status', '=', 'refused')
    .orderBy('c.updatedAt', 'desc')
    .limit(500)
    .execute()) as JoinedRow[];
  const events = await repo.listRefusalEvents(
    deps.db,
    rows.map((r) => ({ regionCode: r.regionCode, id: r.id })),
  );
  const calendars = calendarsOnce(deps);
  const items = [];
  for (const r of rows) {
    const e = events.find((x) => x.caseId === r.id);
    const p = (e?.payload ?? {}) as { reason?: string; redirectTo?: string; noticeNo?: string };
    items.push({
      ...strip(await toSummary(deps, r, calendars)),
      refusal: {
        reason: p.reason ?? '',
        redirectTo: p.redirectTo ?? '',
        noticeNo: p.noticeNo ?? '',
        at: e ? new Date(e.at).toISOString() : null,
        by: e?.actorName ?? '',
      },
    });
  }
  return { items };
}
