// Kysely over the hall module's own tables (0023_hall.sql); plain rows, no rules.
import type { Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type { HallSlotTable } from '../../platform/db-types';

// ── Settings ───────────────────────────────────────────────────────────────
export const SETTING_DEFAULTS = {
  holdMinutes: 10,
  noShowLimit: 3,
  noShowWindowDays: 90,
  suspensionDays: 30,
  patrolsPerDay: 4,
  noticeDeadlineDays: 3,
};
export async function getSettings(db: Executor, regionCode: string) {
  const row = await db
    .selectFrom('hallSetting')
    .select([
      'holdMinutes',
      'noShowLimit',
      'noShowWindowDays',
      'suspensionDays',
      'patrolsPerDay',
      'noticeDeadlineDays',
    ])
    .where('regionCode', '=', regionCode)
    .executeTakeFirst();
  return row ?? SETTING_DEFAULTS;
}
export const saveSettings = (db: Executor, regionCode: string, s: typeof SETTING_DEFAULTS) =>
  db
    .insertInto('hallSetting')
    .values({ regionCode, ...s })
    .onConflict((oc) => oc.column('regionCode').doUpdateSet(s))
    .execute();

// ── Groups and window groups ────────────────────────────────────────────────
const GROUP_COLS = ['id', 'regionCode', 'hallId', 'code', 'name', 'personLimit', 'limitPeriodDays'] as const;
/** A hall's item groups, in the hall's region (its rows are in it: keys are (region_code, hall_id)). */
export const listGroups = (db: Executor, regionCode: string, hallId: string) =>
  db
    .selectFrom('hallItemGroup')
    .select(GROUP_COLS)
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .orderBy('code')
    .execute();
export const findGroup = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('hallItemGroup')
    .select(GROUP_COLS)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
export const insertGroup = (
  db: Executor,
  g: {
    regionCode: string;
    hallId: string;
    code: string;
    name: string;
    personLimit: number;
    limitPeriodDays: number;
  },
) => db.insertInto('hallItemGroup').values(g).returning(GROUP_COLS).executeTakeFirstOrThrow();

export const listWindowGroups = (db: Executor, regionCode: string) =>
  db
    .selectFrom('hallWindowGroup')
    .select(['windowId', 'groupId'])
    .where('regionCode', '=', regionCode)
    .execute();
export const windowGroupIds = async (db: Executor, regionCode: string, windowId: string) =>
  (
    await db
      .selectFrom('hallWindowGroup')
      .select('groupId')
      .where('regionCode', '=', regionCode)
      .where('windowId', '=', windowId)
      .execute()
  ).map((r) => r.groupId);
export async function setWindowGroups(
  db: Executor,
  regionCode: string,
  windowId: string,
  groupIds: string[],
) {
  await db
    .deleteFrom('hallWindowGroup')
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .execute();
  if (groupIds.length)
    await db
      .insertInto('hallWindowGroup')
      .values(groupIds.map((groupId) => ({ regionCode, windowId, groupId })))
      .execute();
}
export const insertSwitch = (
  db: Executor,
  s: {
    regionCode: string;
    hallId: string;
    windowId: string;
    fromGroupIds: string[];
    toGroupIds: string[];
    reason: string;
    actorUserId: string | null;
    at: Date;
  },
) => db.insertInto('hallWindowSwitch').values(s).returning('id').executeTakeFirstOrThrow();
export const listSwitches = (db: Executor, regionCode: string, hallId: string, since: Date) =>
  db
    .selectFrom('hallWindowSwitch')
    .select(['windowId', 'fromGroupIds', 'toGroupIds', 'reason', 'at'])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .execute();

// ── Slots ──────────────────────────────────────────────────────────────────
const SLOT_COLS = [
  'id',
  'regionCode',
  'hallId',
  'groupId',
  'windowId',
  'startsAt',
  'endsAt',
  'capacity',
  'booked',
] as const;
export const insertSlots = (db: Executor, rows: Insertable<HallSlotTable>[]) =>
  db.insertInto('hallSlot').values(rows).returning(SLOT_COLS).execute();
/**
 * A slot by its id alone (a portal booking names its slot; a capacity change by id answers 403 outside
 * the admin's region): the one region-free read of hall_slot, named in CROSS_REGION.
 */
export const findSlot = (db: Executor, id: string) =>
  db.selectFrom('hallSlot').select(SLOT_COLS).where('id', '=', id).executeTakeFirst();
export const listSlots = (
  db: Executor,
  regionCode: string,
  hallId: string,
  from: Date,
  to: Date,
  groupId?: string,
) => {
  let q = db
    .selectFrom('hallSlot')
    .select(SLOT_COLS)
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('startsAt', '>=', from)
    .where('startsAt', '<', to);
  if (groupId) q = q.where('groupId', '=', groupId);
  return q.orderBy('startsAt').orderBy('groupId').execute();
};
/** APT-1 enforced by the database: a place is taken only while one is free. */
export const takePlace = (db: Executor, regionCode: string, slotId: string) =>
  db
    .updateTable('hallSlot')
    .set({ booked: sql`booked + 1` })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .where(sql<boolean>`booked < capacity`)
    .returning('booked')
    .executeTakeFirst();
export const releasePlaces = (db: Executor, regionCode: string, slotId: string, n = 1) =>
  db
    .updateTable('hallSlot')
    .set({ booked: sql`booked - ${n}` })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .execute();
export const setCapacity = (db: Executor, regionCode: string, slotId: string, capacity: number) =>
  db
    .updateTable('hallSlot')
    .set({ capacity })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .where('booked', '<=', capacity)
    .returning(SLOT_COLS)
    .executeTakeFirst();

// ── Persons ────────────────────────────────────────────────────────────────
/** APT-1: creates or locks the person's row; every booking of the person waits here for the previous one. */
export const lockPerson = (
  db: Executor,
  p: { regionCode: string; personHash: string; idMasked: string; idSealed: string; at: Date },
) =>
  db
    .insertInto('hallPerson')
    .values({
      regionCode: p.regionCode,
      personHash: p.personHash,
      idMasked: p.idMasked,
      idSealed: p.idSealed,
      updatedAt: p.at,
    })
    .onConflict((oc) => oc.columns(['regionCode', 'personHash']).doUpdateSet({ updatedAt: p.at }))
    .returning(['personHash', 'noShowCount', 'suspendedUntil'])
    .executeTakeFirstOrThrow();
export const updatePerson = (
  db: Executor,
  regionCode: string,
  personHash: string,
  set: { noShowCount?: number; suspendedUntil?: Date | null },
) =>
  db
    .updateTable('hallPerson')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('personHash', '=', personHash)
    .execute();

// The rest of the module's tables, one file per area; use cases import them all from here.
export * from './hall-appointments.repository';
export * from './hall-queue.repository';
export * from './hall-patrols.repository';
