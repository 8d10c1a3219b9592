import { regionPrefix } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { calendarsOnce, clockWith } from '../case-clock';
import { reviveState } from '../case-state';
import { JoinedRow, baseQuery } from '../case-views';
import * as repo from '../cases.repository';

/**
 * Issue 21 (reviews: 卷宗评查 FR-1, assessments ASSESS-1, automatic findings): the concluded cases
 * (decided in [from, to)) of a region, in case-number order, as facts read from the record (TRUTH-1):
 * whether the decision met the promised limit, and — with `withRecord` — who signed each step
 * (SOD-1) and which notices the events name but the case lacks.
 */
export async function listConcludedCaseFacts(
  deps: Deps,
  q: {
    regionCode: string;
    from: Date;
    to: Date;
    departmentIds?: readonly string[];
    caseIds?: readonly string[];
    withRecord?: boolean;
    /** false: skip the deadline computation (onTime null) when only the list of cases is needed. */
    withClock?: boolean;
    chunk?: number;
  },
) {
  const calendars = calendarsOnce(deps);
  const chunk = q.chunk ?? 2000;
  const out: {
    id: string;
    caseNo: string;
    regionCode: string;
    departmentId: string;
    itemName: string;
    channel: string;
    decidedAt: Date;
    onTime: boolean | null;
    promisedDeadline: string | null;
    legalBasis: string | null;
    signers: { step: string; actorId: string | null; actorName: string }[];
    missingNotices: string[];
  }[] = [];
  let after: string | undefined;
  for (;;) {
    let query = baseQuery(deps.db)
      .where('c.regionCode', 'like', `${regionPrefix(q.regionCode)}%`)
      .where('c.status', 'in', ['decided', 'delivered'])
      .where('c.decidedAt', '>=', q.from)
      .where('c.decidedAt', '<', q.to);
    if (q.departmentIds) query = query.where('c.departmentId', 'in', [...q.departmentIds, NO_ID]);
    if (q.caseIds) query = query.where('c.id', 'in', [...q.caseIds, NO_ID]);
    if (after) query = query.where('c.caseNo', '>', after);
    const rows = (await query.orderBy('c.caseNo').limit(chunk).execute()) as JoinedRow[];
    const events = q.withRecord
      ? await repo.listEventsOfCases(
          deps.db,
          rows.map((r) => r.id),
        )
      : [];
    for (const r of rows) {
      const state = reviveState(r.state);
      const clock =
        q.withClock === false ? null : clockWith(await calendars(r.regionCode), deps.clock.now(), state, r);
      const own = events.filter((e) => e.caseId === r.id);
      const signers = own
        .filter((e) => ['accepted', 'step_completed', 'decided'].includes(e.type))
        .map((e) => ({ step: e.type, actorId: e.actorId, actorName: e.actorName }));
      const named = own
        .map((e) => (e.payload as { noticeNo?: string | null }).noticeNo)
        .filter((n): n is string => typeof n === 'string' && n !== '');
      const issued = q.withRecord
        ? new Set((await repo.listNotices(deps.db, r.id)).map((n) => n.noticeNo))
        : null;
      const decided = own.find((e) => e.type === 'decided')?.payload as { legalBasis?: string } | undefined;
      out.push({
        id: r.id,
        caseNo: r.caseNo,
        regionCode: r.regionCode,
        departmentId: r.departmentId,
        itemName: r.itemName,
        channel: r.channel,
        decidedAt: new Date(r.decidedAt!),
        onTime: clock?.decision?.promised.onTime ?? null,
        promisedDeadline: clock?.decision?.promised.deadline ?? null,
        legalBasis: decided ? (decided.legalBasis ?? '') : null,
        signers,
        missingNotices: issued ? named.filter((n) => !issued.has(n)) : [],
      });
    }
    if (rows.length < chunk) break;
    after = rows.at(-1)!.caseNo;
  }
  return out;
}
export const NO_ID = '00000000-0000-0000-0000-000000000000';
