import type { ComplaintSummary } from '@tongban/contracts';
import { listUserIdsByRole } from '../../auth';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { listComplaints } from '../complaints.read-model';
import { actOnComplaint } from './complaint-command';
import { toSummary } from './read-complaints';

/** 督办: a late order sends a to-do to the holding department's head (once per day at most). */
export async function superviseComplaint(deps: Deps, actor: Actor, id: string, input: { version: number }) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.dispatch',
    'complaint.supervise',
    async (ctx) => {
      const r = ctx.row;
      const open = r.status === 'dispatched' || r.status === 'handling';
      if (!open || !(r.dueDate < ctx.today) || !r.heldByDepartmentId)
        throw new ComplaintError('COMPLAINT_NOT_OVERDUE');
      const heads = await listUserIdsByRole(ctx.tx, {
        regionCode: r.regionCode,
        role: 'dept_head',
        departmentId: r.heldByDepartmentId,
      });
      return {
        patch: { supervisedAt: ctx.now },
        event: { type: 'supervised', payload: { departmentId: r.heldByDepartmentId, dueDate: r.dueDate } },
        inbox: [
          {
            regionCode: r.regionCode,
            recipientUserIds: heads,
            kind: 'complaints.supervise',
            title: `督办：工单 ${r.orderNo} 已超期（应于 ${r.dueDate} 办结）`,
            params: { orderNo: r.orderNo, dueDate: String(r.dueDate) },
            link: `/complaints/${id}`,
            entityType: 'complaint',
            entityId: id,
            isTodo: true,
            dedupeKey: `complaints.supervise:${id}:${ctx.today}`,
          },
        ],
      };
    },
  );
}

/** For supervision: open orders past their due date, oldest first (index export). */
export async function listOverdueComplaints(deps: Deps, actor: Actor): Promise<ComplaintSummary[]> {
  assertAccess(actor, 'complaint.read');
  const today = shanghaiToday(deps.clock.now());
  const { rows } = await listComplaints(
    deps.db,
    { regionLike: regionScopeLike(actor), departmentId: null, today },
    { scope: 'overdue', limit: 200, offset: 0 },
  );
  return rows.map((r) => toSummary(r, today)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
