import type { OrderReplyInput, SupervisionOrder } from '@tongban/contracts';
import { assertAccess, checkAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { listUserIdsByRole } from '../../auth';
import { closeInboxTodos } from '../../inbox';
import { SupervisionError } from '../supervision.errors';
import { toOrder } from '../supervision.read-model';
import * as repo from '../supervision.repository';

/**
 * SUP-2: the department head answers a 督办单 of their department (open or already late): the reply
 * is kept, the order turns answered, the head's to-do closes, the supervisor is told, all audited.
 */
export async function replyOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: OrderReplyInput,
): Promise<SupervisionOrder> {
  assertAccess(actor, 'supervision.order.reply');
  return runCommand(deps, actor, async ({ tx, now }) => {
    // Another department's (or region's) order answers as if it did not exist: it is found within
    // the actor's scope, then locked in its region.
    const found = await repo.findOrderIn(tx, regionScopeLike(actor), id);
    const o = found && (await repo.findOrder(tx, found.regionCode, id, true));
    if (
      !o ||
      !checkAccess(actor, 'supervision.order.reply', {
        regionCode: o.regionCode,
        departmentId: o.departmentId,
      })
    )
      throw new SupervisionError('SUPERVISION_ORDER_NOT_FOUND');
    if (o.status === 'answered') throw new SupervisionError('SUPERVISION_ORDER_ANSWERED');
    await repo.saveReply(tx, o, {
      reply: input.reply,
      repliedBy: actor.userId,
      repliedByName: actor.displayName,
      repliedAt: now,
    });
    await closeInboxTodos(
      tx,
      { regionCode: o.regionCode, entityType: 'supervision_order', entityId: o.id },
      now,
    );
    const saved = (await repo.findOrder(tx, o.regionCode, id))!;
    const supervisors = await listUserIdsByRole(tx, { regionCode: o.regionCode, role: 'supervisor' });
    return {
      result: toOrder(saved),
      audit: {
        action: 'supervision.order.reply',
        entityType: 'supervision_order',
        entityId: o.id,
        regionCode: o.regionCode,
        summary: { orderNo: o.orderNo, caseNo: o.caseNo, late: o.status === 'late' },
      },
      inbox: [
        {
          regionCode: o.regionCode,
          recipientUserIds: supervisors,
          kind: 'supervision.order.answered',
          title: `督办单 ${o.orderNo} 已答复`,
          body: `办件 ${o.caseNo} 的督办单已由部门负责人答复`,
          params: { orderNo: o.orderNo, caseNo: o.caseNo },
          link: `/supervision/orders/${o.id}`,
          entityType: 'supervision_order',
          entityId: o.id,
        },
      ],
      // In-app through the inbox item above; the outbox is the text message, not a second one.
      outbox: supervisors.map((u) => ({
        regionCode: o.regionCode,
        kind: 'supervision.order.answered',
        recipientUserId: u,
        channel: 'sms' as const,
        subject: `督办单 ${o.orderNo} 已答复`,
        body: `办件 ${o.caseNo} 的督办单已由部门负责人答复`,
      })),
    };
  });
}
