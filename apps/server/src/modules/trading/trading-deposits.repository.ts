// Kysely over the trading module's own tables: deposits, rooms, off-platform declarations and BID-3
// complaints; plain rows, no rules.
import type { Insertable, Updateable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type {
  TradingComplaintTable,
  TradingDepositTable,
  TradingOffplatformDeclarationTable,
  TradingPanelMemberTable,
  TradingRoomBookingTable,
} from '../../platform/db-types';

// ── deposits ──

export const insertDeposit = (db: Executor, v: Insertable<TradingDepositTable>) =>
  db.insertInto('tradingDeposit').values(v).returningAll().executeTakeFirstOrThrow();

export const findDeposit = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('tradingDeposit')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const listProjectDeposits = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingDeposit')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .orderBy('paidOn')
    .execute();

export const updateDeposit = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<TradingDepositTable>,
) =>
  db
    .updateTable('tradingDeposit')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The board: overdue (one index range), every unrefunded deposit, or the whole ledger. */
export function listDeposits(
  db: Executor,
  regionCode: string,
  view: 'overdue' | 'unrefunded' | 'all',
  today: string,
  limit: number,
  offset: number,
  projectId?: string,
) {
  let q = db.selectFrom('tradingDeposit').selectAll().where('regionCode', '=', regionCode);
  if (projectId) q = q.where('projectId', '=', projectId);
  if (view === 'overdue')
    q = q.where('refundedOn', 'is', null).where('refundDueOn', '<', today).orderBy('refundDueOn');
  else if (view === 'unrefunded') q = q.where('refundedOn', 'is', null).orderBy('paidOn');
  else q = q.orderBy('paidOn', 'desc');
  return q.orderBy('id').limit(limit).offset(offset).execute();
}

export const depositTotals = (db: Executor, regionCode: string, today: string) =>
  db
    .selectFrom('tradingDeposit')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('refundDueOn', '<', today).as('overdueCount'),
      sql<string | null>`sum(amount_yuan) filter (where refund_due_on < ${today})`.as('overdueYuan'),
      eb.fn.countAll<number>().as('unrefundedCount'),
      sql<string | null>`sum(amount_yuan)`.as('unrefundedYuan'),
      eb.fn.min('paidOn').as('oldest'),
    ])
    .where('regionCode', '=', regionCode)
    .where('refundedOn', 'is', null)
    .executeTakeFirstOrThrow();

// ── rooms and declarations ──

export const insertBooking = (db: Executor, v: Insertable<TradingRoomBookingTable>) =>
  db
    .insertInto('tradingRoomBooking')
    .values(v)
    .onConflict((oc) => oc.columns(['regionCode', 'room', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const listBookingsOfDay = (db: Executor, regionCode: string, day: string) =>
  db
    .selectFrom('tradingRoomBooking as b')
    .innerJoin('tradingProject as p', (j) =>
      j.onRef('p.regionCode', '=', 'b.regionCode').onRef('p.id', '=', 'b.projectId'),
    )
    .select(['b.id', 'b.room', 'b.kind', 'b.projectId', 'p.name as projectName'])
    .where('b.regionCode', '=', regionCode)
    .where('b.day', '=', day)
    .orderBy('b.room')
    .execute();

export const insertDeclaration = (db: Executor, v: Insertable<TradingOffplatformDeclarationTable>) =>
  db.insertInto('tradingOffplatformDeclaration').values(v).returning('id').executeTakeFirstOrThrow();

export const countTradesByKind = (db: Executor, regionCode: string, from: Date, to: Date) =>
  db
    .selectFrom('tradingProject')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('regionCode', '=', regionCode)
    .where('status', '!=', 'draft')
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .groupBy('kind')
    .execute();

export const sumDeclarationsByKind = (db: Executor, regionCode: string, year: number) =>
  db
    .selectFrom('tradingOffplatformDeclaration')
    .select(['kind', (eb) => eb.fn.sum<number>('tradeCount').as('n')])
    .where('regionCode', '=', regionCode)
    .where('year', '=', year)
    .groupBy('kind')
    .execute();

export const updateMember = (
  db: Executor,
  regionCode: string,
  drawId: string,
  expertId: string,
  v: Updateable<TradingPanelMemberTable>,
) =>
  db
    .updateTable('tradingPanelMember')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('drawId', '=', drawId)
    .where('expertId', '=', expertId)
    .execute();

export const findExpertWithRelations = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('tradingExpert as e')
    .select(['e.id', 'e.name', 'e.employer'])
    .select(
      sql<
        { kind: 'employment' | 'ownership' | 'kin'; companyName: string }[] | null
      >`(select json_agg(json_build_object('kind', r.kind, 'companyName', r.company_name)) from trading_expert_relation r where r.region_code = e.region_code and r.expert_id = e.id)`.as(
        'relations',
      ),
    )
    .where('e.regionCode', '=', regionCode)
    .where('e.id', '=', id)
    .executeTakeFirst();

// ── complaints (BID-3) ──

export const insertComplaint = (db: Executor, v: Insertable<TradingComplaintTable>) =>
  db.insertInto('tradingComplaint').values(v).returningAll().executeTakeFirstOrThrow();

export const findComplaint = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('tradingComplaint')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const listComplaints = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingComplaint')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .orderBy('filedAt')
    .orderBy('id')
    .execute();

export const updateComplaint = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<TradingComplaintTable>,
) =>
  db
    .updateTable('tradingComplaint')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** BID-3: complaints neither refused nor decided (they hold the award and the contract). */
export const countOpenComplaints = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingComplaint')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .where((eb) =>
      eb.or([eb('accepted', 'is', null), eb.and([eb('accepted', '=', true), eb('outcome', 'is', null)])]),
    )
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
