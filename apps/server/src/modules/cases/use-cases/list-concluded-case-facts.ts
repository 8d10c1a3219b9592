import { regionPrefix } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { calendarsOnce, clockWith } from '../case-clock';
import { reviveState } from '../case-state';
import { type JoinedRow } from '../case-views';
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
  // The period's cases by a lean query first, then their full rows page by page by id: paging the
  // joined query by case number re-scanned and re-sorted the whole period for every page.
  const keys = await repo.listConcludedCaseKeys(deps.db, {
    prefix: regionPrefix(q.regionCode),
    from: q.from,
    to: q.to,
    departmentIds: q.departmentIds,
    caseIds: q.caseIds,
  });
  keys.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
  for (let i = 0; i < keys.length; i += chunk) {
    const page = keys.slice(i, i + chunk).map((k) => ({ regionCode: k.regionCode, id: k.id }));
    const ids = page.map((k) => k.id);
    const byId = new Map(
      ((await repo.listCasesWithNamesById(deps.db, page)) as JoinedRow[]).map((r) => [r.id, r]),
    );
    const rows = ids.map((id) => byId.get(id)).filter((r): r is JoinedRow => r !== undefined);
    const events = q.withRecord ? await repo.listEventsOfCases(deps.db, page) : [];
    const eventsOf = groupBy(events, (e) => e.caseId);
    const noticesOf = q.withRecord
      ? groupBy(await repo.listNoticeNosOfCases(deps.db, page), (n) => n.caseId)
      : null;
    for (const r of rows) {
      const state = reviveState(r.state);
      const clock =
        q.withClock === false ? null : clockWith(await calendars(r.regionCode), deps.clock.now(), state, r);
      const own = eventsOf.get(r.id) ?? [];
      const signers = own
        .filter((e) => ['accepted', 'step_completed', 'decided'].includes(e.type))
        .map((e) => ({ step: e.type, actorId: e.actorId, actorName: e.actorName }));
      const named = own
        .map((e) => (e.payload as { noticeNo?: string | null }).noticeNo)
        .filter((n): n is string => typeof n === 'string' && n !== '');
      const issued = noticesOf ? new Set((noticesOf.get(r.id) ?? []).map((n) => n.noticeNo)) : null;
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
  }
  return out;
}

/**
 * FR-1: only the keys of the period's concluded cases (no rows, clocks or records), for the draw of
 * a 卷宗评查 and the check that each department has cases to draw from.
 */
export async function listConcludedCaseKeys(
  deps: Deps,
  q: { regionCode: string; from: Date; to: Date; departmentIds?: readonly string[] },
) {
  const keys = await repo.listConcludedCaseKeys(deps.db, { ...q, prefix: regionPrefix(q.regionCode) });
  return keys.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string) {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}
