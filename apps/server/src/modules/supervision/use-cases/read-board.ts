import type {
  Board,
  ClockList,
  ClockListQuery,
  OrderList,
  OrderListQuery,
  SupervisionOrder,
} from '@tongban/contracts';
import { DEPARTMENT_ROLES, regionCovers, regionPrefix } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { forbidden } from '../../../platform/errors';
import { SupervisionError } from '../supervision.errors';
import { readBoard, readClocks, toOrder, type Scope } from '../supervision.read-model';
import * as repo from '../supervision.repository';

/**
 * What an actor may see of supervision: their region and below; a department head only their own
 * department. `regionCode` narrows it to a region the actor covers.
 */
export function scopeOf(actor: Actor, regionCode?: string): Scope {
  assertAccess(actor, 'supervision.read');
  const region = regionCode ?? actor.regionCode;
  if (actor.role !== 'system' && !regionCovers(actor.regionCode, region)) throw forbidden();
  const dept = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  return {
    regionLike: actor.role === 'system' && !regionCode ? '%' : `${regionPrefix(region)}%`,
    ...(dept ? { departmentId: actor.departmentId ?? '00000000-0000-0000-0000-000000000000' } : {}),
  };
}

/** SUP-1: the supervisor's board (red/yellow by department, 督办 open/answered/late). */
export async function getBoard(deps: Deps, actor: Actor): Promise<Board> {
  return readBoard(deps.db, scopeOf(actor));
}

/** The drill-down: open cases of a colour (and department), most overdue first. */
export async function listClocks(deps: Deps, actor: Actor, q: ClockListQuery): Promise<ClockList> {
  return readClocks(deps.db, scopeOf(actor), q);
}

export async function listOrders(deps: Deps, actor: Actor, q: OrderListQuery): Promise<OrderList> {
  const s = scopeOf(actor);
  const rows = await repo.listOrders(deps.db, {
    regionLike: s.regionLike,
    status: q.status,
    departmentId: s.departmentId ?? q.departmentId,
  });
  return { items: rows.map(toOrder) };
}

export async function getOrder(deps: Deps, actor: Actor, id: string): Promise<SupervisionOrder> {
  assertAccess(actor, 'supervision.read');
  const o = await repo.findOrder(deps.db, id);
  if (
    !o ||
    !checkAccess(actor, 'supervision.read', { regionCode: o.regionCode, departmentId: o.departmentId })
  )
    throw new SupervisionError('SUPERVISION_ORDER_NOT_FOUND');
  return toOrder(o);
}
