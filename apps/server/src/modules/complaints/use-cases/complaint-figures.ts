import {
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_TYPE_LABELS,
  regionPrefix,
  type ComplaintFigures,
  type ComplaintSource,
  type ComplaintType,
  type ComplaintFigureRow,
  type ComplaintFiguresQuery,
} from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { rate } from '../complaints.policy';
import {
  findStaffNames,
  findWindowNames,
  listForFigures,
  listSubjectHistory,
} from '../complaints.read-model';

/** RATE-1: one written definition per rate. TRUTH-1: all computed from the records. */
export const DEFINITIONS = {
  按时办结率: '已办结且办结日不晚于应办结日的工单 ÷ 已办结工单（期内受理，并单除外）',
  回访率: '已回访的工单 ÷ 已答复的工单（期内受理，并单各自计）',
  满意率: '回访结果为满意的工单 ÷ 已回访的工单',
  重复投诉: '投诉/举报且同一对象在此前 12 个月内已有投诉/举报的工单数',
};

const DAY = 86_400_000;

export async function complaintFigures(
  deps: Deps,
  actor: Actor,
  q: ComplaintFiguresQuery,
): Promise<ComplaintFigures> {
  assertAccess(actor, 'complaint.read');
  const today = shanghaiToday(deps.clock.now());
  const from = new Date(`${q.from ?? `${today.slice(0, 4)}-01-01`}T00:00:00+08:00`);
  const to = new Date(new Date(`${q.to ?? today}T00:00:00+08:00`).getTime() + DAY);
  const like = regionScopeLike(actor);
  // A subject's staff member or window may belong to the county's hall above a township's orders:
  // their names are looked up in the actor's county (or the wider scope of a city or province).
  const namesLike = actor.role === 'system' ? '%' : `${regionPrefix(actor.regionCode).slice(0, 6)}%`;
  const rows = await listForFigures(deps.db, like, from, to);
  const history = await listSubjectHistory(deps.db, like, new Date(from.getTime() - 366 * DAY), to);
  const bySubject = new Map<string, number[]>();
  for (const h of history) {
    const k = `${h.subjectKind}:${h.subjectId}`;
    bySubject.set(k, [...(bySubject.get(k) ?? []), h.receivedAt.getTime()]);
  }
  const staff = new Map(
    (
      await findStaffNames(deps.db, namesLike, [
        ...new Set(
          rows
            .filter((r) => r.subjectKind === 'staff' && r.subjectId && /^[0-9a-f-]{36}$/.test(r.subjectId))
            .map((r) => r.subjectId!),
        ),
      ])
    ).map((s) => [s.id, s.name]),
  );
  const windows = new Map(
    (
      await findWindowNames(deps.db, namesLike, [
        ...new Set(
          rows
            .filter((r) => r.subjectKind === 'window' && r.subjectId && /^[0-9a-f-]{36}$/.test(r.subjectId))
            .map((r) => r.subjectId!),
        ),
      ])
    ).map((w) => [w.id, `${w.number} ${w.name}`]),
  );
  const groups = new Map<string, { label: string; rows: typeof rows }>();
  const keyOf = (r: (typeof rows)[number]): [string, string] | null => {
    switch (q.by) {
      case 'department':
        return [r.leadDepartmentId ?? 'none', r.leadDepartmentName ?? '未派单'];
      case 'type':
        return [r.type, COMPLAINT_TYPE_LABELS[r.type as ComplaintType]];
      case 'source':
        return [r.source, COMPLAINT_SOURCE_LABELS[r.source as ComplaintSource]];
      case 'month': {
        const m = shanghaiToday(r.receivedAt).slice(0, 7);
        return [m, m];
      }
      case 'staff':
        return r.subjectKind === 'staff' && r.subjectId
          ? [r.subjectId, staff.get(r.subjectId) ?? r.subjectLabel]
          : null;
      case 'window':
        return r.subjectKind === 'window' && r.subjectId
          ? [r.subjectId, windows.get(r.subjectId) ?? r.subjectLabel]
          : null;
    }
  };
  const compute = (key: string, label: string, list: typeof rows): ComplaintFigureRow => {
    const real = list.filter((r) => r.status !== 'merged');
    const closed = real.filter((r) => r.closedAt);
    const onTime = closed.filter((r) => shanghaiToday(r.closedAt!) <= r.dueDate).length;
    const called = list.filter((r) => r.callbackAt);
    const satisfied = called.filter((r) => r.callbackResult === 'satisfied').length;
    const repeat = list.filter((r) => {
      if (!r.subjectId || (r.type !== 'complain' && r.type !== 'report')) return false;
      const t = r.receivedAt.getTime();
      return (bySubject.get(`${r.subjectKind}:${r.subjectId}`) ?? []).some(
        (x) => x < t && x >= t - 365 * DAY,
      );
    }).length;
    const replied = list.filter((r) => r.callbackAt || r.closedAt || r.status === 'replied').length;
    return {
      key,
      label,
      total: list.length,
      closed: closed.length,
      onTime,
      calledBack: called.length,
      satisfied,
      repeat,
      onTimeRate: rate(onTime, closed.length),
      callbackRate: rate(called.length, replied),
      satisfactionRate: rate(satisfied, called.length),
    };
  };
  for (const r of rows) {
    const k = keyOf(r);
    if (!k) continue;
    const g = groups.get(k[0]) ?? { label: k[1], rows: [] };
    g.rows.push(r);
    groups.set(k[0], g);
  }
  return {
    by: q.by,
    definitions: DEFINITIONS,
    total: compute('total', '合计', rows),
    rows: [...groups.entries()]
      .map(([k, g]) => compute(k, g.label, g.rows))
      .sort((a, b) => b.total - a.total),
  };
}
