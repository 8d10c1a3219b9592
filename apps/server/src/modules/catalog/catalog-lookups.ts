import type { Executor } from '../../platform/db';
import * as repo from './catalog.repository';

/** Plain reads for other modules and the demo (no actor: the caller checks access). */

/** Whether a region has any catalog item yet. */
export async function hasItemsIn(db: Executor, regionCode: string): Promise<boolean> {
  return (await repo.anyItemIn(db, regionCode)) !== undefined;
}

/** The item id and name of each published version of a region. */
export function listPublishedItemNames(db: Executor, regionCode: string) {
  return repo.listPublishedNames(db, regionCode);
}
