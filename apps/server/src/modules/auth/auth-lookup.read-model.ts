import type { Executor } from '../../platform/db';

/** User look-ups for other modules (ledger's 责任人): id, region and names; never a credential. */
export const findUserBrief = (db: Executor, id: string) =>
  db
    .selectFrom('appUser')
    .select(['id', 'regionCode', 'displayName'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Users whose region code matches `like` (a region prefix and %). */
export const listUsersLike = (db: Executor, like: string) =>
  db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('regionCode', 'like', like)
    .execute();
