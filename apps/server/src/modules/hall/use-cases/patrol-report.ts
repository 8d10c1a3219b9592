import { NOTICE_STATUS_LABELS } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiDayRange } from '../hall.policy';
import * as repo from '../hall.repository';
import { renderPatrolReport } from '../patrol-report-docx';
import { listNotices } from './notices';
import { describeProblems } from './patrols';
import { getHallFor } from './shared';

function monthRange(month: string): [Date, Date, string, string] {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const next = m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, '0')}-01`;
  return [shanghaiDayRange(first)[0], shanghaiDayRange(next)[0], first, next];
}

/** Patrol problems of a month (drill-down of the figures and the 通报). */
export async function monthProblems(
  deps: Deps,
  actor: Actor,
  hallId: string,
  month: string,
  departmentId?: string,
) {
  const hall = await getHallFor(deps, actor, hallId, 'hall.read');
  const [from, to] = monthRange(month);
  const rows = await repo.listProblems(deps.db, {
    regionCode: hall.regionCode,
    hallId: hall.id,
    from,
    to,
    departmentId,
  });
  return { hall, problems: await describeProblems(deps.db, hall, rows, deps.clock.now()) };
}

/** PAT-1: the monthly 通报 of patrol results as .docx, every number counted from the records. */
export async function patrolReport(deps: Deps, actor: Actor, hallId: string, month: string) {
  const { hall, problems } = await monthProblems(deps, actor, hallId, month);
  const [, , first, next] = monthRange(month);
  const patrols = await repo.listPatrolsBetween(deps.db, hall.regionCode, hall.id, first, next);
  const notices = (await listNotices(deps, actor, {})).notices.filter(
    (n) => n.hallId === hall.id && n.issuedAt.slice(0, 7) === month,
  );
  const bytes = await renderPatrolReport({
    hallName: hall.name,
    month,
    patrolsPlanned: patrols.length,
    patrolsDone: patrols.filter((p) => p.status === 'done').length,
    problems,
    notices: notices.map((n) => ({
      noticeNo: n.noticeNo,
      departmentName: n.departmentName,
      status: NOTICE_STATUS_LABELS[n.status],
      deadline: n.deadline,
    })),
  });
  return { bytes, name: `${hall.name}${month}督查巡查通报.docx` };
}
