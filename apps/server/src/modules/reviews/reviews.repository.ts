import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type {
  ReviewAssessmentTable,
  ReviewAutoFindingTable,
  ReviewFileTable,
  ReviewPlanTable,
  ReviewSchemeTable,
} from '../../platform/db-types';

const like = (regionPrefix: string) => `${regionPrefix}%`;

// ── Plans and files ──
export const insertPlan = (db: Executor, v: Insertable<ReviewPlanTable>) =>
  db.insertInto('reviewPlan').values(v).returningAll().executeTakeFirstOrThrow();
export const findPlan = (db: Executor, regionPrefix: string, id: string, forUpdate = false) => {
  const q = db
    .selectFrom('reviewPlan')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};
export const listPlans = (db: Executor, regionPrefix: string) =>
  db
    .selectFrom('reviewPlan')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
export const updatePlan = (db: Executor, regionCode: string, id: string, v: Updateable<ReviewPlanTable>) =>
  db.updateTable('reviewPlan').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();

export const insertFiles = (db: Executor, rows: Insertable<ReviewFileTable>[]) =>
  rows.length === 0 ? Promise.resolve([]) : db.insertInto('reviewFile').values(rows).returningAll().execute();
export const listFiles = (db: Executor, regionCode: string, planId: string) =>
  db
    .selectFrom('reviewFile')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('planId', '=', planId)
    .orderBy('drawOrder')
    .execute();
export const findFile = (db: Executor, regionPrefix: string, id: string, forUpdate = false) => {
  const q = db
    .selectFrom('reviewFile')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};
export const updateFile = (db: Executor, regionCode: string, id: string, v: Updateable<ReviewFileTable>) =>
  db.updateTable('reviewFile').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();
/** Scored files of plans whose period overlaps [from, to): the review-score indicator's records. */
export const listScoredFiles = (db: Executor, regionPrefix: string, from: string, to: string) =>
  db
    .selectFrom('reviewFile as f')
    .innerJoin('reviewPlan as p', (j) =>
      j.onRef('p.regionCode', '=', 'f.regionCode').onRef('p.id', '=', 'f.planId'),
    )
    .select(['f.id', 'f.departmentId', 'f.total', 'f.caseNo'])
    .where('f.regionCode', 'like', like(regionPrefix))
    .where('f.total', 'is not', null)
    .where('p.periodStart', '<', to)
    .where('p.periodEnd', '>=', from)
    .execute();

// ── Schemes and assessments ──
export const insertScheme = (db: Executor, v: Insertable<ReviewSchemeTable>) =>
  db.insertInto('reviewScheme').values(v).returningAll().executeTakeFirstOrThrow();
export const listSchemes = (db: Executor, regionPrefix: string) =>
  db
    .selectFrom('reviewScheme')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .orderBy('publishedAt', 'desc')
    .execute();
export const findScheme = (db: Executor, regionPrefix: string, id: string) =>
  db
    .selectFrom('reviewScheme')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .where('id', '=', id)
    .executeTakeFirst();
export const insertAssessment = (db: Executor, v: Insertable<ReviewAssessmentTable>) =>
  db.insertInto('reviewAssessment').values(v).returningAll().executeTakeFirstOrThrow();
export const listAssessments = (db: Executor, regionPrefix: string) =>
  db
    .selectFrom('reviewAssessment')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .orderBy('computedAt', 'desc')
    .limit(200)
    .execute();
export const findAssessment = (db: Executor, regionPrefix: string, id: string) =>
  db
    .selectFrom('reviewAssessment')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .where('id', '=', id)
    .executeTakeFirst();

// ── Rules and automatic findings ──
export const listRuleSettings = (db: Executor, regionCode: string) =>
  db.selectFrom('reviewRuleSetting').selectAll().where('regionCode', '=', regionCode).execute();
export const upsertRuleSetting = (
  db: Executor,
  v: {
    regionCode: string;
    rule: string;
    threshold: number;
    enabled: boolean;
    updatedBy: string | null;
    updatedAt: Date;
  },
) =>
  db
    .insertInto('reviewRuleSetting')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['regionCode', 'rule']).doUpdateSet({
        threshold: v.threshold,
        enabled: v.enabled,
        updatedBy: v.updatedBy,
        updatedAt: v.updatedAt,
      }),
    )
    .execute();

/** One finding per cause: a cause already seen (open, accepted or dismissed) opens nothing. */
export const insertAutoFinding = async (db: Executor, v: Insertable<ReviewAutoFindingTable>) =>
  (
    await db
      .insertInto('reviewAutoFinding')
      .values(v)
      .onConflict((oc) => oc.columns(['regionCode', 'rule', 'causeKey']).doNothing())
      .returning('id')
      .execute()
  ).length;
export const listAutoFindings = (
  db: Executor,
  regionPrefix: string,
  status?: 'draft' | 'accepted' | 'dismissed',
) => {
  let q = db.selectFrom('reviewAutoFinding').selectAll().where('regionCode', 'like', like(regionPrefix));
  if (status) q = q.where('status', '=', status);
  return q.orderBy('openedAt', 'desc').orderBy('id').limit(500).execute();
};
export const findAutoFinding = (db: Executor, regionPrefix: string, id: string, forUpdate = false) => {
  const q = db
    .selectFrom('reviewAutoFinding')
    .selectAll()
    .where('regionCode', 'like', like(regionPrefix))
    .where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};
export const updateAutoFinding = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<ReviewAutoFindingTable>,
) =>
  db
    .updateTable('reviewAutoFinding')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();
