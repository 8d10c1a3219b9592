import type {
  Board,
  ClockList,
  ClockListQuery,
  OrderList,
  OrderListQuery,
  SupervisionOrder,
  WorkList,
  WorkListQuery,
  WorkRow,
} from '@tongban/contracts';
import { DEPARTMENT_ROLES, regionCovers, regionPrefix } from '@tongban/contracts';
import { assertAccess, checkAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { forbidden } from '../../../platform/errors';
import { shanghaiToday } from '../../../platform/time';
import { orgService } from '../../org';
import { SupervisionError } from '../supervision.errors';
import { listOverdueWork, overdueDaysOf } from './escalate-work';
import { newCaches } from './recompute-cases';
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

/** Overdue 差评 work items and complaints in scope, with their department names and levels fired. */
export async function readWork(deps: Deps, s: Scope, q: WorkListQuery = {}): Promise<WorkRow[]> {
  const today = shanghaiToday(deps.clock.now());
  const all = (await listOverdueWork(deps, s.regionLike, today)).filter(
    (w) =>
      (!s.departmentId || w.departmentId === s.departmentId) &&
      (!q.departmentId || w.departmentId === q.departmentId) &&
      (!q.kind || w.kind === q.kind),
  );
  const names = new Map<string, string>();
  for (const id of new Set(all.map((w) => w.departmentId).filter((x): x is string => !!x)))
    names.set(id, (await orgService.findDepartmentById(deps.db, id))?.name ?? '—');
  const caches = newCaches();
  const levels = new Map<string, Set<string>>();
  for (const kind of ['bad_review', 'complaint'] as const)
    for (const [id, set] of await repo.listWorkLevels(
      deps.db,
      kind,
      all.filter((w) => w.kind === kind),
    ))
      levels.set(`${kind}:${id}`, set);
  const out: WorkRow[] = [];
  for (const w of all)
    out.push({
      kind: w.kind,
      id: w.id,
      no: w.no,
      regionCode: w.regionCode,
      departmentId: w.departmentId,
      departmentName: w.departmentId ? (names.get(w.departmentId) ?? '—') : '未派单',
      dueDate: w.dueDate,
      overdueWorkingDays: await overdueDaysOf(deps, caches, w, today),
      levels: (['yellow_card', 'red_card', 'leader'] as const).filter((l) =>
        levels.get(`${w.kind}:${w.id}`)?.has(l),
      ),
      link: w.kind === 'complaint' ? `/complaints/${w.id}` : `/evaluations/bad-reviews/${w.id}`,
    });
  return out.sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays || a.no.localeCompare(b.no));
}

/** SUP-1: the supervisor's board (red/yellow by department, 督办 open/answered/late, overdue work). */
export async function getBoard(deps: Deps, actor: Actor): Promise<Board> {
  const s = scopeOf(actor);
  const today = shanghaiToday(deps.clock.now());
  const work = (await listOverdueWork(deps, s.regionLike, today)).map((w) => ({ ...w, departmentName: '' }));
  const board = await readBoard(deps.db, { ...s, work });
  // Departments that hold only overdue work are named here (the clocks carry the others' names).
  for (const d of board.departments)
    if (!d.departmentName)
      d.departmentName = d.departmentId
        ? ((await orgService.findDepartmentById(deps.db, d.departmentId))?.name ?? '—')
        : '未派单';
  return board;
}

/** The overdue 差评 work items and complaints in the actor's scope (SUP-2 for work items). */
export async function listWork(deps: Deps, actor: Actor, q: WorkListQuery): Promise<WorkList> {
  return { items: await readWork(deps, scopeOf(actor), q) };
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
  // Another region's order answers as if it did not exist: it is read within the actor's scope.
  const o = await repo.findOrderIn(deps.db, regionScopeLike(actor), id);
  if (
    !o ||
    !checkAccess(actor, 'supervision.read', { regionCode: o.regionCode, departmentId: o.departmentId })
  )
    throw new SupervisionError('SUPERVISION_ORDER_NOT_FOUND');
  return toOrder(o);
}
