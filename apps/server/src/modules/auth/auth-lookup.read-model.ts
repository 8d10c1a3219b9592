import type { Executor } from '../../platform/db';

/**
 * User look-ups for other modules (ledger's 责任人): id, region and names; never a credential. An
 * account among those whose region code matches `like` (a region prefix and %).
 */
export const findUserBrief = (db: Executor, id: string, like: string) =>
  db
    .selectFrom('appUser')
    .select(['id', 'regionCode', 'displayName'])
    .where('regionCode', 'like', like)
    .where('id', '=', id)
    .executeTakeFirst();

/** Users whose region code matches `like` (a region prefix and %). */
export const listUsersLike = (db: Executor, like: string) =>
  db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('regionCode', 'like', like)
    .execute();
