import type { Executor } from '../../platform/db';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateLoginState(
  db: Executor,
  id: string,
  s: { failedAttempts: number; lockedUntil: Date | null },
) {
  await db.updateTable('appUser').set(s).where('id', '=', id).execute();
}

export async function updatePasswordHash(db: Executor, id: string, passwordHash: string) {
  await db
    .updateTable('appUser')
    .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
    .where('id', '=', id)
    .execute();
}

export async function insertSession(
  db: Executor,
  s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    clientIp: string;
    createdAt: Date;
    lastSeenAt: Date;
  },
) {
  await db.insertInto('userSession').values(s).execute();
}

export function findSessionWithUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom('userSession as s')
    .innerJoin('appUser as u', 'u.id', 's.userId')
    .select([
      's.tokenHash',
      's.csrfToken',
      's.lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.role',
      'u.regionCode',
      'u.departmentId',
      'u.disabled',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.updateTable('userSession').set({ lastSeenAt: at }).where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: string) {
  await db.deleteFrom('userSession').where('userId', '=', userId).execute();
}
