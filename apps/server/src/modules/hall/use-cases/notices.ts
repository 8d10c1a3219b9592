import type { InspectionNotice } from '@tongban/contracts';
import { DEPARTMENT_ROLES } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import { assertAccess, regionScopeLike } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { listUserIdsByRole } from '../../auth';
import { closeInboxTodos } from '../../inbox';
import { orgService } from '../../org';
import { followUpFailTitle, repliedTitle } from '../hall-notices';
import { HallError } from '../hall.errors';
import { addDays, noticeNext, noticeOverdue } from '../hall.policy';
import * as repo from '../hall.repository';
import { describeProblems } from './patrols';
import { today } from './shared';

type NoticeRow = NonNullable<Awaited<ReturnType<typeof repo.findNotice>>>;

async function describe(
  db: Executor,
  rows: NoticeRow[],
  now: Date,
  day: string,
): Promise<InspectionNotice[]> {
  const ids = rows.map((r) => r.id);
  // Each notice's events and problems are in its region: the regions of the notices read.
  const regionCodes = [...new Set(rows.map((r) => r.regionCode))];
  const [events, problems] = await Promise.all([
    repo.listNoticeEvents(db, regionCodes, ids),
    repo.listProblems(db, { regionCodes, noticeIds: ids }),
  ]);
  const out: InspectionNotice[] = [];
  for (const r of rows) {
    const dept = await orgService.findDepartmentRecord(db, r.departmentId);
    out.push({
      id: r.id,
      noticeNo: r.noticeNo,
      hallId: r.hallId,
      departmentId: r.departmentId,
      departmentName: dept?.name ?? '',
      patrolId: r.patrolId,
      status: r.status,
      overdue: noticeOverdue(r.status, r.deadline, day),
      issuedAt: r.issuedAt.toISOString(),
      deadline: r.deadline,
      round: r.round,
      reply: r.reply,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      followupNote: r.followupNote,
      followedUpAt: r.followedUpAt?.toISOString() ?? null,
      problems: await describeProblems(
        db,
        { id: r.hallId, regionCode: r.regionCode },
        problems.filter((p) => p.noticeId === r.id),
        now,
      ),
      events: events
        .filter((e) => e.noticeId === r.id)
        .map((e) => ({ kind: e.kind, note: e.note, at: e.at.toISOString() })),
    });
  }
  return out;
}

/** 督查告知书: the supervisors see all of their region; a department sees its own. */
export async function listNotices(
  deps: Deps,
  actor: Actor,
  q: { status?: string | undefined; departmentId?: string | undefined },
) {
  assertAccess(actor, 'hall.read');
  const own = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  const rows = await repo.listNotices(deps.db, {
    regionLike: regionScopeLike(actor),
    departmentId: own ? actor.departmentId : q.departmentId,
    status: q.status,
  });
  return { notices: await describe(deps.db, rows, deps.clock.now(), today(deps)) };
}

async function load(deps: Deps, actor: Actor, id: string, action: 'hall.notice.reply' | 'hall.patrol') {
  assertAccess(actor, action);
  const n = await repo.findNotice(deps.db, id);
  if (!n) throw new HallError('HALL_NOTICE_NOT_FOUND');
  assertAccess(actor, action, { regionCode: n.regionCode, departmentId: n.departmentId });
  return n;
}

/** The department head reports what was rectified; the supervisors get a to-do to check it. */
export async function replyNotice(
  deps: Deps,
  actor: Actor,
  id: string,
  reply: string,
): Promise<InspectionNotice> {
  const n = await load(deps, actor, id, 'hall.notice.reply');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const next = noticeNext(n.status, 'reply');
    if (!next) throw new HallError('HALL_NOTICE_STATE');
    const row = await repo.updateNotice(tx, n.regionCode, n.id, n.status, {
      status: next,
      reply,
      repliedAt: now,
      repliedBy: actor.userId,
    });
    if (!row) throw new HallError('HALL_NOTICE_STATE');
    await repo.insertNoticeEvent(tx, {
      regionCode: n.regionCode,
      noticeId: n.id,
      kind: 'reply',
      note: reply,
      actorUserId: actor.userId,
      at: now,
    });
    await closeInboxTodos(
      tx,
      {
        regionCode: n.regionCode,
        entityType: 'hall_inspection_notice',
        entityId: n.id,
        kind: 'hall.patrol_notice',
      },
      now,
    );
    const supervisors = await listUserIdsByRole(tx, { regionCode: n.regionCode, role: 'supervisor' });
    const [out] = await describe(tx, [row], now, today(deps));
    return {
      result: out!,
      inbox: [
        {
          regionCode: n.regionCode,
          recipientUserIds: supervisors,
          kind: 'hall.notice_followup',
          title: repliedTitle(n.noticeNo),
          params: { noticeNo: n.noticeNo },
          link: `/hall/notices?id=${n.id}`,
          entityType: 'hall_inspection_notice',
          entityId: n.id,
          isTodo: true,
          dedupeKey: `hall.followup:${n.id}:${n.round}`,
        },
      ],
      audit: {
        action: 'hall.notice.reply',
        entityType: 'hall_inspection_notice',
        entityId: n.id,
        regionCode: n.regionCode,
      },
    };
  });
}

/**
 * PAT-1 follow-up: the supervisor checks the rectification on the spot. Passed closes it; failed
 * sends it back to the department with a new deadline. SOD-2: not by whoever replied.
 */
export async function followUpNotice(
  deps: Deps,
  actor: Actor,
  id: string,
  passed: boolean,
  note: string,
): Promise<InspectionNotice> {
  const n = await load(deps, actor, id, 'hall.patrol');
  if (n.repliedBy && n.repliedBy === actor.userId) throw new HallError('HALL_SAME_PERSON');
  return runCommand(deps, actor, async ({ tx, now }) => {
    if (!noticeNext(n.status, 'followUp')) throw new HallError('HALL_NOTICE_STATE');
    const settings = await repo.getSettings(tx, n.regionCode);
    const deadline = addDays(today(deps), settings.noticeDeadlineDays);
    const row = await repo.updateNotice(
      tx,
      n.regionCode,
      n.id,
      'replied',
      passed
        ? { status: 'closed', followupNote: note, followedUpAt: now, followedUpBy: actor.userId }
        : {
            status: 'issued',
            followupNote: note,
            followedUpAt: now,
            followedUpBy: actor.userId,
            round: n.round + 1,
            deadline,
          },
    );
    if (!row) throw new HallError('HALL_NOTICE_STATE');
    await repo.insertNoticeEvent(tx, {
      regionCode: n.regionCode,
      noticeId: n.id,
      kind: passed ? 'pass' : 'fail',
      note,
      actorUserId: actor.userId,
      at: now,
    });
    await closeInboxTodos(
      tx,
      {
        regionCode: n.regionCode,
        entityType: 'hall_inspection_notice',
        entityId: n.id,
        kind: 'hall.notice_followup',
      },
      now,
    );
    const heads = passed
      ? []
      : await listUserIdsByRole(tx, {
          regionCode: n.regionCode,
          role: 'dept_head',
          departmentId: n.departmentId,
        });
    const [out] = await describe(tx, [row], now, today(deps));
    return {
      result: out!,
      inbox: passed
        ? []
        : [
            {
              regionCode: n.regionCode,
              recipientUserIds: heads,
              kind: 'hall.patrol_notice',
              title: followUpFailTitle(n.noticeNo, deadline),
              params: { variant: 'again', noticeNo: n.noticeNo, deadline, note },
              body: note,
              link: `/hall/notices?id=${n.id}`,
              entityType: 'hall_inspection_notice',
              entityId: n.id,
              isTodo: true,
              dedupeKey: `hall.notice:${n.id}:${n.round + 1}`,
            },
          ],
      audit: {
        action: passed ? 'hall.notice.pass' : 'hall.notice.fail',
        entityType: 'hall_inspection_notice',
        entityId: n.id,
        regionCode: n.regionCode,
      },
    };
  });
}
