import type { InboxCounts, InboxList, InboxQuery, MessageParams } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { InboxError } from '../inbox.errors';
import * as repo from '../inbox.repository';

function owner(actor: Actor): { regionCode: string; userId: string } {
  assertAccess(actor, 'inbox.read');
  if (!actor.userId) throw new InboxError('INBOX_NO_USER');
  return { regionCode: actor.regionCode, userId: actor.userId };
}

/** The signed-in person's own inbox: nobody reads another's. */
export async function listInbox(deps: Deps, actor: Actor, q: InboxQuery): Promise<InboxList> {
  const { regionCode, userId } = owner(actor);
  const [rows, counts] = await Promise.all([
    repo.listItems(deps.db, regionCode, userId, q.filter, q.limit, q.offset),
    repo.countItems(deps.db, regionCode, userId),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      params: (r.params ?? null) as MessageParams | null,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
      doneAt: r.doneAt?.toISOString() ?? null,
    })),
    ...counts,
  };
}

export async function countInbox(deps: Deps, actor: Actor): Promise<InboxCounts> {
  const { regionCode, userId } = owner(actor);
  const { unread, openTodos } = await repo.countItems(deps.db, regionCode, userId);
  return { unread, openTodos };
}

export { owner as inboxOwner };
