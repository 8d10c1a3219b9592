import type { Insertable, Updateable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type {
  IntermediaryItemLinkTable,
  IntermediaryPurchaseTable,
  IntermediaryRuleTable,
  IntermediaryTable,
} from '../../platform/db-types';

export const insertIntermediary = (db: Executor, v: Insertable<IntermediaryTable>) =>
  db
    .insertInto('intermediary')
    .values(v)
    .onConflict((oc) => oc.columns(['regionCode', 'creditCode']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const findByToken = (db: Executor, tokenHash: string) =>
  db.selectFrom('intermediary').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();

export const listIntermediaries = (db: Executor, regionCode: string) =>
  db
    .selectFrom('intermediary as i')
    .selectAll('i')
    .select([
      sql<number>`(select count(*)::int from intermediary_purchase p where p.region_code = i.region_code and p.chosen_id = i.id and p.status = 'completed')`.as(
        'completed',
      ),
      sql<
        string | null
      >`(select avg(p.rating)::numeric(3,1)::text from intermediary_purchase p where p.region_code = i.region_code and p.chosen_id = i.id and p.rating is not null)`.as(
        'rating',
      ),
    ])
    .where('i.regionCode', '=', regionCode)
    .orderBy('i.registeredAt')
    .orderBy('i.id')
    .execute();

export const insertLink = (db: Executor, v: Insertable<IntermediaryItemLinkTable>) =>
  db.insertInto('intermediaryItemLink').values(v).returning('id').executeTakeFirstOrThrow();

export const listLinks = (db: Executor, regionCode: string, departmentId: string | null) => {
  let q = db
    .selectFrom('intermediaryItemLink as l')
    .innerJoin('intermediary as i', (j) =>
      j.onRef('i.regionCode', '=', 'l.regionCode').onRef('i.id', '=', 'l.intermediaryId'),
    )
    .select([
      'l.id',
      'l.itemName',
      'l.departmentId',
      'l.dueOn',
      'l.status',
      'l.note',
      'i.name as intermediaryName',
    ])
    .where('l.regionCode', '=', regionCode);
  if (departmentId) q = q.where('l.departmentId', '=', departmentId);
  return q.orderBy('l.dueOn').execute();
};

export const findLink = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('intermediaryItemLink')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateLink = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<IntermediaryItemLinkTable>,
) =>
  db
    .updateTable('intermediaryItemLink')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();

export const insertPurchase = (db: Executor, v: Insertable<IntermediaryPurchaseTable>) =>
  db.insertInto('intermediaryPurchase').values(v).returningAll().executeTakeFirstOrThrow();

export const findPurchase = (db: Executor, regionCode: string, id: string, lock = false) => {
  const q = db
    .selectFrom('intermediaryPurchase')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const findPurchaseAnyRegion = (db: Executor, id: string) =>
  db.selectFrom('intermediaryPurchase').selectAll().where('id', '=', id).executeTakeFirst();

export const updatePurchase = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<IntermediaryPurchaseTable>,
) =>
  db
    .updateTable('intermediaryPurchase')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();

export const listPurchases = (db: Executor, regionCode: string) =>
  db
    .selectFrom('intermediaryPurchase as p')
    .leftJoin('intermediary as i', (j) =>
      j.onRef('i.regionCode', '=', 'p.regionCode').onRef('i.id', '=', 'p.chosenId'),
    )
    .selectAll('p')
    .select('i.name as chosenName')
    .where('p.regionCode', '=', regionCode)
    .orderBy('p.publishedAt', 'desc')
    .orderBy('p.id')
    .execute();

export const listQuotes = (db: Executor, regionCode: string, purchaseIds: string[]) =>
  purchaseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('intermediaryQuote as q')
        .innerJoin('intermediary as i', (j) =>
          j.onRef('i.regionCode', '=', 'q.regionCode').onRef('i.id', '=', 'q.intermediaryId'),
        )
        .select(['q.purchaseId', 'q.intermediaryId', 'q.amountYuan', 'q.createdAt', 'i.name'])
        .where('q.regionCode', '=', regionCode)
        .where('q.purchaseId', 'in', purchaseIds)
        .execute();

export const upsertQuote = (
  db: Executor,
  v: { regionCode: string; purchaseId: string; intermediaryId: string; amountYuan: number; createdAt: Date },
) =>
  db
    .insertInto('intermediaryQuote')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['regionCode', 'purchaseId', 'intermediaryId'])
        .doUpdateSet({ amountYuan: v.amountYuan, createdAt: v.createdAt }),
    )
    .execute();

export const insertComplaint = (
  db: Executor,
  v: { regionCode: string; purchaseId: string; body: string; createdAt: Date },
) => db.insertInto('intermediaryComplaint').values(v).returning('id').executeTakeFirstOrThrow();

export const insertRule = (db: Executor, v: Insertable<IntermediaryRuleTable>) =>
  db.insertInto('intermediaryRule').values(v).returning('id').executeTakeFirstOrThrow();

export const listRules = (db: Executor, regionCode: string) =>
  db
    .selectFrom('intermediaryRule')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .orderBy('effectiveFrom', 'desc')
    .execute();

export const figures = (db: Executor, regionCode: string, today: string) =>
  Promise.all([
    db
      .selectFrom('intermediary')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('regionCode', '=', regionCode)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('intermediaryPurchase')
      .select([
        'method',
        (e) => e.fn.countAll<number>().as('count'),
        (e) => e.fn.count<number>('id').filterWhere('status', '=', 'completed').as('completed'),
      ])
      .where('regionCode', '=', regionCode)
      .groupBy('method')
      .execute(),
    db
      .selectFrom('intermediaryComplaint')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('regionCode', '=', regionCode)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('intermediaryItemLink')
      .select((e) => [
        e.fn.countAll<number>().as('pending'),
        e.fn.count<number>('id').filterWhere('dueOn', '<', today).as('overdue'),
      ])
      .where('regionCode', '=', regionCode)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
