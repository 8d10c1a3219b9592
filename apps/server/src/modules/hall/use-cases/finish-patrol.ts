import type { Patrol } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { InboxDelivery } from '../../inbox';
import { listUserIdsByRole } from '../../auth';
import { orgService } from '../../org';
import { noticeInboxBody, noticeInboxTitle, noticeNo } from '../hall-notices';
import { HallError } from '../hall.errors';
import { addDays } from '../hall.policy';
import * as repo from '../hall.repository';
import { describeProblems, getPatrolFor } from './patrols';
import { today } from './shared';

/**
 * PAT-1: ends a patrol; its problems produce one 督查告知书 per department with a deadline, put in the
 * department heads' inboxes as a to-do with the change (the follow-up is checked in notices).
 */
export async function finishPatrol(deps: Deps, actor: Actor, id: string): Promise<Patrol> {
  const p = await getPatrolFor(deps, actor, id);
  const day = today(deps);
  return runCommand(deps, actor, async ({ tx, now }) => {
    if (!p.startedAt) throw new HallError('HALL_PATROL_STATE', '本次巡查尚未开始');
    const row = await repo.updatePatrol(tx, p.regionCode, p.id, { status: 'done', doneAt: now });
    if (!row) throw new HallError('HALL_PATROL_STATE');
    const problems = (await repo.listProblems(tx, { regionCode: p.regionCode, patrolIds: [p.id] })).filter(
      (x) => !x.noticeId && x.departmentId,
    );
    const settings = await repo.getSettings(tx, p.regionCode);
    const deadline = addDays(day, settings.noticeDeadlineDays);
    const byDept = new Map<string, typeof problems>();
    for (const x of problems) byDept.set(x.departmentId!, [...(byDept.get(x.departmentId!) ?? []), x]);
    const inbox: InboxDelivery[] = [];
    const year = day.slice(0, 4);
    let n = await repo.countNoticesOfYear(tx, p.regionCode, noticeNo(year, 0).slice(0, -4));
    const windows = await orgService.listHallWindows(tx, p.hallId);
    for (const [departmentId, list] of byDept) {
      const no = noticeNo(year, ++n);
      const notice = await repo.insertNotice(tx, {
        regionCode: p.regionCode,
        hallId: p.hallId,
        noticeNo: no,
        departmentId,
        patrolId: p.id,
        status: 'issued',
        issuedAt: now,
        deadline,
      });
      await repo.setProblemsNotice(
        tx,
        p.regionCode,
        list.map((x) => x.id),
        notice.id,
      );
      await repo.insertNoticeEvent(tx, {
        regionCode: p.regionCode,
        noticeId: notice.id,
        kind: 'issue',
        note: `${list.length} 个问题`,
        actorUserId: actor.userId,
        at: now,
      });
      const heads = await listUserIdsByRole(tx, {
        regionCode: p.regionCode,
        role: 'dept_head',
        departmentId,
      });
      inbox.push({
        regionCode: p.regionCode,
        recipientUserIds: heads,
        kind: 'hall.patrol_notice',
        title: noticeInboxTitle(no, deadline),
        params: { noticeNo: no, deadline },
        body: noticeInboxBody(
          list.map((x) => ({
            kind: x.kind,
            where: windows.find((w) => w.id === x.windowId)?.number ?? '工作人员',
          })),
        ),
        link: `/hall/notices?id=${notice.id}`,
        entityType: 'hall_inspection_notice',
        entityId: notice.id,
        isTodo: true,
        dedupeKey: `hall.notice:${notice.id}:1`,
      });
    }
    const described = await describeProblems(
      tx,
      { id: p.hallId, regionCode: p.regionCode },
      await repo.listProblems(tx, { regionCode: p.regionCode, patrolIds: [p.id] }),
      now,
    );
    return {
      result: {
        id: row.id,
        hallId: row.hallId,
        day: row.day,
        plannedAt: row.plannedAt.toISOString(),
        status: row.status,
        due: true,
        startedAt: row.startedAt?.toISOString() ?? null,
        doneAt: row.doneAt?.toISOString() ?? null,
        problems: described,
      },
      inbox,
      audit: {
        action: 'hall.patrol.finish',
        entityType: 'hall_patrol',
        entityId: p.id,
        regionCode: p.regionCode,
        summary: { problems: problems.length, notices: byDept.size },
      },
    };
  });
}
