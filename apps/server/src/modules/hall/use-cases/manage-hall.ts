import type { HallSettings, ItemGroupInput, SlotBatchInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import { assertAccess } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { conflict } from '../../../platform/errors';
import { HallError } from '../hall.errors';
import { slotTimes } from '../hall.policy';
import * as repo from '../hall.repository';
import { getHallFor } from './shared';

export async function createGroup(deps: Deps, actor: Actor, input: ItemGroupInput) {
  const hall = await getHallFor(deps, actor, input.hallId, 'hall.manage');
  return runCommand(deps, actor, async ({ tx }) => {
    const existing = (await repo.listGroups(tx, hall.regionCode, hall.id)).find((g) => g.code === input.code);
    if (existing) throw conflict(`分组代码 ${input.code} 已被使用`);
    const row = await repo.insertGroup(tx, { regionCode: hall.regionCode, ...input });
    return {
      result: row,
      audit: {
        action: 'hall.group.create',
        entityType: 'hall_item_group',
        entityId: row.id,
        regionCode: hall.regionCode,
        summary: input,
      },
    };
  });
}

/** A day of slots for a group (or a window of it); capacity per slot (APT-1). */
export async function createSlots(deps: Deps, actor: Actor, input: SlotBatchInput) {
  const hall = await getHallFor(deps, actor, input.hallId, 'hall.manage');
  const group = await repo.findGroup(deps.db, hall.regionCode, input.groupId);
  if (!group || group.hallId !== hall.id) throw new HallError('HALL_GROUP_NOT_FOUND');
  const times = slotTimes(input.date, input.from, input.to, input.minutes);
  return runCommand(deps, actor, async ({ tx }) => {
    const rows = await repo.insertSlots(
      tx,
      times.map(([startsAt, endsAt]) => ({
        regionCode: hall.regionCode,
        hallId: hall.id,
        groupId: group.id,
        windowId: input.windowId ?? null,
        startsAt,
        endsAt,
        capacity: input.capacity,
      })),
    );
    return {
      result: {
        slots: rows.map((s) => ({
          ...s,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        })),
      },
      audit: {
        action: 'hall.slot.create',
        entityType: 'hall_item_group',
        entityId: group.id,
        regionCode: hall.regionCode,
        summary: { ...input, count: rows.length },
      },
    };
  });
}

/** Changes a slot's capacity; never below the places already taken (APT-1). */
export async function setSlotCapacity(deps: Deps, actor: Actor, slotId: string, capacity: number) {
  assertAccess(actor, 'hall.manage');
  const slot = await repo.findSlot(deps.db, slotId);
  if (!slot) throw new HallError('HALL_SLOT_NOT_FOUND');
  assertAccess(actor, 'hall.manage', { regionCode: slot.regionCode });
  return runCommand(deps, actor, async ({ tx }) => {
    const row = await repo.setCapacity(tx, slot.regionCode, slot.id, capacity);
    if (!row) throw conflict(`该时段已有 ${slot.booked} 人预约，容量不能少于已约人数`);
    return {
      result: { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
      audit: {
        action: 'hall.slot.capacity',
        entityType: 'hall_slot',
        entityId: slot.id,
        regionCode: slot.regionCode,
        summary: { from: slot.capacity, to: capacity },
      },
    };
  });
}

export async function readSettings(deps: Deps, actor: Actor): Promise<HallSettings> {
  assertAccess(actor, 'hall.read');
  return repo.getSettings(deps.db, actor.regionCode);
}

export async function saveSettings(deps: Deps, actor: Actor, input: HallSettings): Promise<HallSettings> {
  assertAccess(actor, 'hall.manage');
  return runCommand(deps, actor, async ({ tx }) => {
    await repo.saveSettings(tx, actor.regionCode, input);
    return {
      result: input,
      audit: {
        action: 'hall.settings.save',
        entityType: 'hall_setting',
        entityId: actor.regionCode,
        regionCode: actor.regionCode,
        summary: input,
      },
    };
  });
}
