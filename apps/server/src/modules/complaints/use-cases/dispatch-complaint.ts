import type { DispatchInput, DispatchSuggestion, MessageParams } from '@tongban/contracts';
import { activeUserIdsQuery, listUserIdsByRole } from '../../auth';
import type { InboxDelivery } from '../../inbox';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { ComplaintError } from '../complaints.errors';
import { checkDispatch, suggestDispatch, type CatalogRule } from '../complaints.policy';
import { departmentsQuery, findDepartments } from '../complaints.read-model';
import * as repo from '../complaints.repository';
import { actOnComplaint, factsOf, fail, inRegionOf } from './complaint-command';

/** The departments named exist in the order's region (or above it); else 400, nothing changed. */
export async function assertDepartments(db: Executor, regionCode: string, ids: readonly string[]) {
  return checkDepartments(regionCode, ids, await findDepartments(db, regionCode, ids));
}

export function checkDepartments(
  regionCode: string,
  ids: readonly string[],
  found: readonly { id: string; regionCode: string }[],
) {
  if (
    found.length !== new Set(ids).size ||
    found.some((d) => !regionCode.startsWith(d.regionCode.slice(0, 6)))
  )
    throw new ComplaintError('COMPLAINT_DEPARTMENT_UNKNOWN');
  return found;
}

/** A to-do for the head of the department that now holds the order. */
export async function holderInbox(
  db: Executor,
  regionCode: string,
  departmentId: string,
  id: string,
  title: string,
  params: MessageParams | null = null,
): Promise<InboxDelivery> {
  const heads = await listUserIdsByRole(db, { regionCode, role: 'dept_head', departmentId });
  return holderDelivery(regionCode, heads, id, title, params);
}

export function holderDelivery(
  regionCode: string,
  heads: readonly string[],
  id: string,
  title: string,
  /** The facts of the title (order number, why it came: variant), for other languages. */
  params: MessageParams | null = null,
): InboxDelivery {
  return {
    regionCode,
    recipientUserIds: heads,
    kind: 'complaints.dispatch',
    title,
    params,
    link: `/complaints/${id}`,
    entityType: 'complaint',
    entityId: id,
    isTodo: true,
  };
}

/** 派单目录: the suggestion for one order, with why (the desk sees the reason). */
export async function suggestFor(deps: Deps, actor: Actor, id: string): Promise<DispatchSuggestion> {
  assertAccess(actor, 'complaint.dispatch');
  const row = await inRegionOf(deps.db, actor, id, (region) => repo.findComplaint(deps.db, region, id));
  if (!row) throw new ComplaintError('COMPLAINT_NOT_FOUND');
  assertAccess(actor, 'complaint.dispatch', { regionCode: row.regionCode });
  const catalog = await repo.findLatestCatalog(deps.db, row.regionCode);
  const rules = catalog ? await repo.listCatalogRules(deps.db, row.regionCode, catalog.version) : [];
  const hit = suggestDispatch(rules as unknown as CatalogRule[], {
    type: row.type as CatalogRule['type'] & string,
    subjectKind: row.subjectKind as CatalogRule['subjectKind'] & string,
    subjectId: row.subjectId,
  });
  if (!hit)
    return {
      catalogVersion: catalog?.version ?? null,
      leadDepartmentId: null,
      leadDepartmentName: null,
      assistDepartmentIds: [],
      explanation: '派单目录中没有相符的规则，请人工派单',
    };
  const [lead] = await findDepartments(deps.db, row.regionCode, [hit.rule.leadDepartmentId]);
  return {
    catalogVersion: catalog!.version,
    leadDepartmentId: hit.rule.leadDepartmentId,
    leadDepartmentName: lead?.name ?? null,
    assistDepartmentIds: hit.rule.assistDepartmentIds,
    explanation: `派单目录第 ${catalog!.version} 版：${hit.why}`,
  };
}

/** CPL-2: the desk dispatches to a lead department (and assisting ones); the lead now holds it. */
export async function dispatchComplaint(deps: Deps, actor: Actor, id: string, input: DispatchInput) {
  const ids = [input.leadDepartmentId, ...input.assistDepartmentIds];
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.dispatch',
    'complaint.dispatch',
    async (ctx) => {
      fail(checkDispatch(factsOf(ctx.row)));
      const [found, [catalog], heads] = ctx.pre as [
        { id: string; regionCode: string }[],
        { version: number }[],
        { id: string }[],
      ];
      checkDepartments(ctx.row.regionCode, ids, found);
      return {
        patch: {
          status: 'dispatched',
          leadDepartmentId: input.leadDepartmentId,
          assistDepartmentIds: JSON.stringify(input.assistDepartmentIds),
          heldByDepartmentId: input.leadDepartmentId,
          heldSince: ctx.now,
          dispatchedAt: ctx.now,
          catalogVersion: catalog?.version ?? null,
        },
        event: {
          type: 'dispatched',
          payload: {
            leadDepartmentId: input.leadDepartmentId,
            assist: input.assistDepartmentIds,
            note: input.note,
          },
        },
        summary: { leadDepartmentId: input.leadDepartmentId },
        closeTodos: true,
        inbox: [
          holderDelivery(
            ctx.row.regionCode,
            heads.map((h) => h.id),
            id,
            `新工单：${ctx.row.orderNo}`,
            { variant: 'new', orderNo: ctx.row.orderNo },
          ),
        ],
        also: (c) => [
          repo.openHoldingQuery(c.tx, {
            regionCode: ctx.row.regionCode,
            complaintId: id,
            departmentId: input.leadDepartmentId,
            role: 'lead',
            at: c.now,
          }),
        ],
      };
    },
    (tx, region) => [
      departmentsQuery(tx, region, ids),
      repo.latestCatalogQuery(tx, region),
      activeUserIdsQuery(tx, { regionCode: region, role: 'dept_head', departmentId: input.leadDepartmentId }),
    ],
  );
}
