import type { ItemLink, LinkCheck, LinkRequest } from '@tongban/contracts';
import { addWorkingDays, toShanghaiDate } from '@tongban/calendar';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { listUserIdsByRole } from '../../auth';
import { getCalendar } from '../../calendar';
import { closeInboxTodos } from '../../inbox';
import { IntermediariesError } from '../intermediaries.errors';
import { LINK_CHECK_WORKING_DAYS } from '../intermediaries.policy';
import * as repo from '../intermediaries.repository';
import { intermediaryByToken } from './register-intermediary';

/** An intermediary links itself to an approval item; the department must check it within 5 working days. */
export async function requestLink(deps: Deps, actor: Actor, input: LinkRequest): Promise<{ id: string }> {
  const i = await intermediaryByToken(deps, input.token);
  return runCommand(deps, actor, async ({ tx, now }) => {
    const cal = await getCalendar(deps, i.regionCode, tx);
    const dueOn = addWorkingDays(cal, toShanghaiDate(now), LINK_CHECK_WORKING_DAYS);
    const { id } = await repo.insertLink(tx, {
      regionCode: i.regionCode,
      intermediaryId: i.id,
      itemName: input.itemName,
      departmentId: input.departmentId,
      dueOn,
      createdAt: now,
    });
    const heads = await listUserIdsByRole(tx, {
      regionCode: i.regionCode,
      role: 'dept_head',
      departmentId: input.departmentId,
    });
    return {
      result: { id },
      inbox: [
        {
          regionCode: i.regionCode,
          recipientUserIds: heads,
          kind: 'intermediaries.link_check',
          title: `中介机构申请关联审批事项「${input.itemName}」，请于 ${dueOn} 前核验`,
          params: { itemName: input.itemName, dueOn },
          link: '/intermediaries/links',
          entityType: 'intermediary_item_link',
          entityId: id,
          isTodo: true,
        },
      ],
      audit: {
        action: 'intermediaries.link.request',
        entityType: 'intermediary_item_link',
        entityId: id,
        regionCode: i.regionCode,
        summary: { dueOn },
      },
    };
  });
}

export async function listLinks(deps: Deps, actor: Actor): Promise<{ items: ItemLink[] }> {
  assertAccess(actor, 'intermediaries.read');
  const today = toShanghaiDate(deps.clock.now());
  const dept =
    actor.role === 'approver' || actor.role === 'dept_head' || actor.role === 'clerk'
      ? actor.departmentId
      : null;
  const rows = await repo.listLinks(deps.db, actor.regionCode, dept);
  return {
    items: rows.map((r) => ({
      ...r,
      dueOn: String(r.dueOn),
      overdue: r.status === 'pending' && String(r.dueOn) < today,
    })),
  };
}

export async function checkLink(deps: Deps, actor: Actor, id: string, input: LinkCheck) {
  assertAccess(actor, 'intermediaries.link.check');
  await runCommand(deps, actor, async ({ tx, now }) => {
    const l = await repo.findLink(tx, actor.regionCode, id);
    if (!l) throw new IntermediariesError('INTERMEDIARY_LINK_NOT_FOUND');
    assertAccess(actor, 'intermediaries.link.check', {
      regionCode: l.regionCode,
      departmentId: l.departmentId,
    });
    if (l.status !== 'pending') throw new IntermediariesError('INTERMEDIARY_LINK_CHECKED');
    await repo.updateLink(tx, l.regionCode, id, {
      status: input.approve ? 'approved' : 'rejected',
      note: input.note,
      checkedAt: now,
    });
    await closeInboxTodos(
      tx,
      { regionCode: l.regionCode, entityType: 'intermediary_item_link', entityId: id },
      now,
    );
    return {
      result: undefined,
      audit: {
        action: 'intermediaries.link.check',
        entityType: 'intermediary_item_link',
        entityId: id,
        summary: { approve: input.approve },
      },
    };
  });
}
