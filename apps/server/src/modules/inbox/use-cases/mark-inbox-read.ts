import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { InboxError } from '../inbox.errors';
import * as repo from '../inbox.repository';
import { inboxOwner } from './list-inbox';

/** Marks one of the person's own items read; another person's item is "not found". */
export async function markInboxRead(deps: Deps, actor: Actor, id: string): Promise<void> {
  const { regionCode, userId } = inboxOwner(actor);
  const found = await repo.findOwnItem(deps.db, regionCode, userId, id);
  if (!found) throw new InboxError('INBOX_ITEM_NOT_FOUND');
  await repo.markRead(deps.db, regionCode, userId, id, deps.clock.now());
}

export async function markAllInboxRead(deps: Deps, actor: Actor): Promise<void> {
  const { regionCode, userId } = inboxOwner(actor);
  await repo.markAllRead(deps.db, regionCode, userId, deps.clock.now());
}
