// SUP-2 for work items that are not cases (issue 16): an overdue 差评 work item (EVAL-2) or an
// overdue complaint (CPL-1) climbs the ladder like a case — 黄牌 to the department head once it is
// past due, 红牌 after RED_CARD_AFTER_WORKING_DAYS more, the leader after another
// ORDER_REPLY_WORKING_DAYS — each level once per item, recorded in the audit chain, delivered
// through the inbox and the outbox.
import { countWorkingDaysBetween } from '@tongban/calendar';
import { SYSTEM_ACTOR } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { shanghaiToday } from '../../../platform/time';
import { listUserIdsByRole } from '../../auth';
import { listOverdueComplaintItems } from '../../complaints';
import { listOverdueBadReviewItems } from '../../evaluations';
import { ORDER_REPLY_WORKING_DAYS, RED_CARD_AFTER_WORKING_DAYS, levelsToFire } from '../supervision.policy';
import * as repo from '../supervision.repository';
import { cachedCalendar, type RunCaches } from './recompute-cases';

export type WorkItem = {
  kind: repo.WorkKind;
  id: string;
  no: string;
  regionCode: string;
  departmentId: string | null;
  dueDate: string;
};

type WorkLevel = 'yellow_card' | 'red_card' | 'leader';

const KIND_LABEL: Record<repo.WorkKind, string> = { bad_review: '差评整改', complaint: '诉求工单' };
const LEVEL_LABEL: Record<WorkLevel, string> = {
  yellow_card: '黄牌',
  red_card: '红牌督办',
  leader: '报分管领导',
};

/** SUP-2: the levels due for a work item this many working days past its due date, lowest first. */
export function workLevelsDue(overdueWorkingDays: number): WorkLevel[] {
  if (overdueWorkingDays < 1) return [];
  if (overdueWorkingDays < RED_CARD_AFTER_WORKING_DAYS) return ['yellow_card'];
  if (overdueWorkingDays < RED_CARD_AFTER_WORKING_DAYS + ORDER_REPLY_WORKING_DAYS)
    return ['yellow_card', 'red_card'];
  return ['yellow_card', 'red_card', 'leader'];
}

/** Overdue work items of a region and below (all regions with '%'). */
export async function listOverdueWork(deps: Deps, regionLike: string, today: string): Promise<WorkItem[]> {
  const [reviews, complaints] = await Promise.all([
    listOverdueBadReviewItems(deps.db, regionLike, today),
    listOverdueComplaintItems(deps.db, regionLike, today),
  ]);
  return [
    ...reviews.map((r) => ({
      kind: 'bad_review' as const,
      id: r.id,
      no: `差评-${r.id.slice(0, 8)}`,
      regionCode: r.regionCode,
      departmentId: r.departmentId,
      dueDate: String(r.dueDate),
    })),
    ...complaints.map((c) => ({
      kind: 'complaint' as const,
      id: c.id,
      no: c.orderNo,
      regionCode: c.regionCode,
      departmentId: c.departmentId,
      dueDate: String(c.dueDate),
    })),
  ];
}

/** The working days an item is past its due date on its region's calendar (at least 1: it is due). */
export async function overdueDaysOf(deps: Deps, caches: RunCaches, w: WorkItem, today: string) {
  try {
    const cal = await cachedCalendar(deps, caches, w.regionCode);
    return Math.max(1, countWorkingDaysBetween(cal, w.dueDate, today));
  } catch {
    return 1;
  }
}

/** The job's pass over overdue 差评 and complaints: fires the levels now due; returns how many. */
export async function escalateOverdueWork(deps: Deps, caches: RunCaches): Promise<number> {
  const today = shanghaiToday(deps.clock.now());
  const items = await listOverdueWork(deps, '%', today);
  let n = 0;
  for (const kind of ['bad_review', 'complaint'] as const) {
    const mine = items.filter((w) => w.kind === kind);
    const fired = await repo.listWorkLevels(deps.db, kind, mine);
    for (const w of mine) {
      const days = await overdueDaysOf(deps, caches, w, today);
      for (const f of levelsToFire(workLevelsDue(days), fired.get(w.id) ?? new Set())) {
        const ok = await runCommand(deps, SYSTEM_ACTOR, async ({ tx, now }) => {
          const level = f.level as WorkLevel;
          const detail = `应于 ${w.dueDate} 办结，已超期 ${days} 个工作日`;
          const inserted = await repo.insertWorkEscalation(tx, {
            regionCode: w.regionCode,
            kind,
            workId: w.id,
            workNo: w.no,
            departmentId: w.departmentId,
            level,
            firedAt: now,
            detail,
          });
          if (!inserted) return { result: false };
          const users = !f.deliver
            ? []
            : level === 'leader' || !w.departmentId
              ? await listUserIdsByRole(tx, { regionCode: w.regionCode, role: 'leader' })
              : await listUserIdsByRole(tx, {
                  regionCode: w.regionCode,
                  role: 'dept_head',
                  departmentId: w.departmentId,
                });
          const title = `【${LEVEL_LABEL[level]}】${KIND_LABEL[kind]} ${w.no} 已超期`;
          const body = `${KIND_LABEL[kind]}${detail}，请督促办理。`;
          const link = kind === 'complaint' ? `/complaints/${w.id}` : `/evaluations/bad-reviews/${w.id}`;
          return {
            result: true,
            inbox:
              users.length > 0
                ? [
                    {
                      regionCode: w.regionCode,
                      recipientUserIds: users,
                      kind: `supervision.work.${level}`,
                      title,
                      body,
                      params: { workKind: kind, workNo: w.no, dueDate: String(w.dueDate), days },
                      link,
                      entityType: kind === 'complaint' ? 'complaint' : 'eval_bad_review',
                      entityId: w.id,
                      isTodo: level !== 'yellow_card',
                      dedupeKey: `supervision:${kind}:${w.id}:${level}`,
                    },
                  ]
                : [],
            // In-app through the inbox item above; the outbox is the text message, not a second one.
            outbox: users.map((u) => ({
              regionCode: w.regionCode,
              kind: `supervision.work.${level}`,
              recipientUserId: u,
              channel: 'sms' as const,
              subject: title,
              body,
              dedupeKey: `supervision:${kind}:${w.id}:${level}:${u}`,
            })),
            audit: {
              action: 'supervision.escalate_work',
              entityType: kind === 'complaint' ? 'complaint' : 'eval_bad_review',
              entityId: w.id,
              regionCode: w.regionCode,
              summary: { kind, level, label: LEVEL_LABEL[level], delivered: f.deliver },
            },
          };
        });
        if (ok) n += 1;
      }
    }
  }
  return n;
}
